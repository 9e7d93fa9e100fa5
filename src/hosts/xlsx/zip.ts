/* global TextDecoder, TextEncoder */
/**
 * The zip container of an .xlsx, read and written so that every entry we do not change is copied as
 * it was: its compressed bytes, CRC and name are taken over verbatim, never inflated and deflated
 * again. A ZipCodec does the (de)compression and the CRCs — fflate and a table CRC by default, Node's
 * native zlib in the CLI; this module only walks the zip directory, because fflate offers no way to
 * copy an entry without recompressing it.
 *
 * Plain Uint8Array code: the browser page loads it too.
 */
import { deflateSync, inflateSync } from "fflate";

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The entry's compressed bytes as they sit in the file. */
  data: Uint8Array;
  /** The central-directory record's fixed fields and extra data, kept for a verbatim copy. */
  central: Uint8Array;
  /** The local header as it sits in the file, kept for a verbatim copy. */
  local: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_FLAG = 0x0800;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");
const encoder = new TextEncoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array, dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD) return i;
  }
  throw new ZipError("no end of central directory: the file is truncated or not a zip");
}

/** Every entry of a zip, in directory order. Throws ZipError on anything it cannot read. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const eocd = findEndOfCentralDirectory(bytes, dv);
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError("zip64 archives are not supported");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL) {
      throw new ZipError("damaged central directory");
    }
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const crc = dv.getUint32(at + 16, true);
    const compressedSize = dv.getUint32(at + 20, true);
    const size = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const offset = dv.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & UTF8_FLAG ? utf8 : latin1).decode(nameBytes);
    const centralEnd = at + 46 + nameLength + extraLength + commentLength;
    const central = bytes.subarray(at, centralEnd);
    if (offset + 30 > bytes.length || dv.getUint32(offset, true) !== LOCAL) {
      throw new ZipError(`damaged entry ${name}`);
    }
    const localEnd =
      offset + 30 + dv.getUint16(offset + 26, true) + dv.getUint16(offset + 28, true);
    const dataEnd = localEnd + compressedSize;
    if (dataEnd > bytes.length) throw new ZipError(`entry ${name} is truncated`);
    if (method !== 0 && method !== 8) throw new ZipError(`entry ${name}: compression ${method}`);
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      data: bytes.subarray(localEnd, dataEnd),
      central,
      local: bytes.subarray(offset, localEnd),
    });
    at = centralEnd;
  }
  return entries;
}

/** Raw DEFLATE (no zlib header) and its inverse, and the zip's CRC-32. */
export interface ZipCodec {
  deflate(content: Uint8Array): Uint8Array;
  /** `size` is the uncompressed size the directory states. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  crc32(bytes: Uint8Array): number;
}

/**
 * Level 2, not zlib's default 6: the parts we write (the form sheet, notes, the snapshot sheet) come
 * out about 10 % larger and are deflated in less than half the time, which a folder of hundreds of
 * forms feels and a 20 KB file does not.
 */
export const DEFLATE_LEVEL = 2;

/** fflate and a table CRC, in pure JS: what the browser page uses. Node hosts pass native zlib. */
export const fflateCodec: ZipCodec = {
  deflate: (content) => deflateSync(content, { level: DEFLATE_LEVEL }),
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  crc32,
};

/** The uncompressed bytes of an entry, checked against its CRC. */
export function entryBytes(entry: ZipEntry, codec: ZipCodec = fflateCodec): Uint8Array {
  const out = entry.method === 0 ? entry.data : codec.inflate(entry.data, entry.size);
  if (out.length !== entry.size || codec.crc32(out) !== entry.crc) {
    throw new ZipError(`entry ${entry.name} is damaged (size or CRC does not match)`);
  }
  return out;
}

/** A new deflated entry. */
export function newEntry(
  name: string,
  content: Uint8Array,
  codec: ZipCodec = fflateCodec
): ZipEntry {
  const data = codec.deflate(content);
  const nameBytes = encoder.encode(name);
  const crc = codec.crc32(content);
  const local = new Uint8Array(30 + nameBytes.length);
  const ldv = view(local);
  ldv.setUint32(0, LOCAL, true);
  ldv.setUint16(4, 20, true);
  ldv.setUint16(6, UTF8_FLAG, true);
  ldv.setUint16(8, 8, true);
  // A fixed DOS time (1980-01-01 00:00) keeps outputs byte-stable across runs.
  ldv.setUint16(12, 0x21, true);
  ldv.setUint32(14, crc, true);
  ldv.setUint32(18, data.length, true);
  ldv.setUint32(22, content.length, true);
  ldv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cdv = view(central);
  cdv.setUint32(0, CENTRAL, true);
  cdv.setUint16(4, 20, true);
  cdv.setUint16(6, 20, true);
  cdv.setUint16(8, UTF8_FLAG, true);
  cdv.setUint16(10, 8, true);
  cdv.setUint16(14, 0x21, true);
  cdv.setUint32(16, crc, true);
  cdv.setUint32(20, data.length, true);
  cdv.setUint32(24, content.length, true);
  cdv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  return {
    name,
    method: 8,
    crc,
    compressedSize: data.length,
    size: content.length,
    data,
    central,
    local,
  };
}

/**
 * A zip of `entries` in the given order. Each local header and central record is copied as it was;
 * only the central record's offset of the local header is set anew. Data descriptors of the input
 * are not carried over: the local header already holds the sizes that the directory vouches for.
 */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  let size = 22;
  for (const e of entries) size += e.local.length + e.data.length + e.central.length;
  const out = new Uint8Array(size);
  const dv = view(out);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    out.set(e.local, at);
    // A header written with a data descriptor (flag bit 3) carries zero sizes: put the real ones in.
    const flags = dv.getUint16(at + 6, true);
    if (flags & 0x0008) {
      dv.setUint16(at + 6, flags & ~0x0008, true);
      dv.setUint32(at + 14, e.crc, true);
      dv.setUint32(at + 18, e.compressedSize, true);
      dv.setUint32(at + 22, e.size, true);
    }
    at += e.local.length;
    out.set(e.data, at);
    at += e.data.length;
  }
  const directory = at;
  entries.forEach((e, i) => {
    out.set(e.central, at);
    const flags = dv.getUint16(at + 8, true);
    if (flags & 0x0008) dv.setUint16(at + 8, flags & ~0x0008, true);
    dv.setUint32(at + 42, offsets[i], true);
    at += e.central.length;
  });
  dv.setUint32(at, EOCD, true);
  dv.setUint16(at + 8, entries.length, true);
  dv.setUint16(at + 10, entries.length, true);
  dv.setUint32(at + 12, at - directory, true);
  dv.setUint32(at + 16, directory, true);
  return out;
}
