#!/usr/bin/env node
/*
 * Draws the add-in's icons (a green rounded square with a white check mark) at the sizes the
 * manifest names, as PNGs with a tiny encoder over Node's zlib: no image library, reproducible
 * byte for byte. Run `node scripts/make-icons.cjs` and commit assets/icon-*.png.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4; // 4×4 samples per pixel for smooth edges
const BACKGROUND = [0x10, 0x7c, 0x41]; // Excel-like green
const MARK = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (Uint8Array, row-major) → PNG bytes. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Inside a rounded square covering the unit square with corner radius r? */
function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** On the check mark (two strokes through three points, in unit coordinates)? */
function onCheck(x, y, width) {
  const a = [0.25, 0.53];
  const b = [0.43, 0.7];
  const c = [0.76, 0.32];
  return (
    distanceToSegment(x, y, a[0], a[1], b[0], b[1]) <= width / 2 ||
    distanceToSegment(x, y, b[0], b[1], c[0], c[1]) <= width / 2
  );
}

function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  // Small icons need a relatively bolder stroke to stay legible.
  const stroke = size <= 16 ? 0.17 : size <= 32 ? 0.14 : 0.12;
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inRoundedSquare(x, y, 0.2)) continue;
          cover++;
          if (onCheck(x, y, stroke)) mark++;
        }
      }
      const i = (py * size + px) * 4;
      if (cover === 0) continue;
      const m = mark / cover;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(BACKGROUND[k] * (1 - m) + MARK[k] * m);
      rgba[i + 3] = Math.round((255 * cover) / (n * n));
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const out = path.join(__dirname, "..", "assets");
  fs.mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(out, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, drawIcon, SIZES };
