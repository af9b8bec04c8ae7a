// Draws the tab bar icons (81×81 PNG, WeChat's recommended size) into src/assets/tab/.
// Kept as code so the icons can be recoloured without an image editor:
//   node miniapp/scripts/tab-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tab');
const SIZE = 81;
const COLORS = { normal: [0x86, 0x90, 0x9c], active: [0x1f, 0x5f, 0xbf] };

// Shapes as "is this point inside" tests, in the 81×81 coordinate space.
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by);
  const d2 = s(x, y, bx, by, cx, cy);
  const d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const SHAPES = {
  home: (x, y) =>
    (inTriangle(x, y, [40.5, 10], [8, 38], [73, 38]) || inRect(x, y, 17, 36, 64, 70)) && !inRect(x, y, 34, 50, 47, 70.5),
  mine: (x, y) =>
    (x - 40.5) ** 2 + (y - 26) ** 2 <= 14 ** 2 || (y <= 70 && ((x - 40.5) / 27) ** 2 + ((y - 72) / 26) ** 2 <= 1),
};

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
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(inside, [r, g, b]) {
  const SS = 4; // 4×4 supersampling for smooth edges
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (inside(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, inside] of Object.entries(SHAPES)) {
  fs.writeFileSync(path.join(OUT, `${name}.png`), png(inside, COLORS.normal));
  fs.writeFileSync(path.join(OUT, `${name}-active.png`), png(inside, COLORS.active));
}
console.log(`tab icons written to ${path.relative(process.cwd(), OUT)}`);
