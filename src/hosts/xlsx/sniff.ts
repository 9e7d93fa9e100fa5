/**
 * Which kind of file some bytes are, from their signatures alone. Plain Uint8Array code (a Node
 * Buffer is one) so the browser preview can tell a bad file apart without Node's Buffer.
 */

export type FileKind = "xlsx" | "encrypted" | "xls" | "zip-not-xlsx" | "not-xlsx";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function ascii(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0));
}

// Office puts a password-protected .xlsx inside an OLE container with this stream name (UTF-16LE).
const ENCRYPTED_STREAM = ascii("EncryptedPackage").flatMap((code) => [code, 0]);
const WORKBOOK_PART = ascii("xl/workbook.xml");

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether `needle` occurs anywhere in `bytes` (first-byte scan with indexOf, then compare). */
export function containsBytes(bytes: Uint8Array, needle: number[]): boolean {
  if (needle.length === 0) return true;
  const first = needle[0];
  const last = bytes.length - needle.length;
  let at = bytes.indexOf(first);
  while (at !== -1 && at <= last) {
    let k = 1;
    while (k < needle.length && bytes[at + k] === needle[k]) k++;
    if (k === needle.length) return true;
    at = bytes.indexOf(first, at + 1);
  }
  return false;
}

export function sniffFile(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, OLE_MAGIC)) {
    return containsBytes(bytes, ENCRYPTED_STREAM) ? "encrypted" : "xls";
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    // Zip entry names are stored uncompressed, so a workbook part is visible in the raw bytes. A zip
    // without its closing directory is damaged, whatever it held: let the loader call it corrupt.
    const complete = containsBytes(bytes, EMPTY_ZIP_MAGIC);
    const hasWorkbook = containsBytes(bytes, WORKBOOK_PART);
    return hasWorkbook || !complete ? "xlsx" : "zip-not-xlsx";
  }
  return "not-xlsx";
}
