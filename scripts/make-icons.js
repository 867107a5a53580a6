/**
 * Draws the add-in icons (assets/icon-*.png): three bars from low to high on a teal tile, the
 * valuation range the product is about. Run once with `node scripts/make-icons.js`; the PNGs are committed.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const TEAL = [0x0f, 0x6c, 0x74, 255];
const WHITE = [255, 255, 255, 255];
const GOLD = [0xf2, 0xb7, 0x05, 255];
const CLEAR = [0, 0, 0, 0];

function icon(size) {
  const r = size * 0.18; // corner radius
  // Bars as fractions of the tile: [x0, x1, y-top]; the middle (base) bar is gold.
  const bars = [
    [0.2, 0.34, 0.55, WHITE],
    [0.43, 0.57, 0.3, GOLD],
    [0.66, 0.8, 0.42, WHITE],
  ];
  return png(size, (x, y) => {
    const u = x / size;
    const v = y / size;
    const dx = Math.max(r - x, x - (size - r), 0);
    const dy = Math.max(r - y, y - (size - r), 0);
    if (dx * dx + dy * dy > r * r) return CLEAR;
    for (const [x0, x1, top, colour] of bars) if (u >= x0 && u < x1 && v >= top && v < 0.8) return colour;
    return TEAL;
  });
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
}
console.log("assets/icon-{16,32,64,80,128}.png written");
