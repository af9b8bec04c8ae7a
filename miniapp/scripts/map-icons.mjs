// Draws the map markers of 地图找房 (weapp only; H5 draws its own) into
// src/subpackages/public/assets/: a project pin and a cluster disc the count is written over.
//   node miniapp/scripts/map-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/subpackages/public/assets');

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

/** `paint(x, y)` returns [r, g, b] for a point inside the shape, or null; 4×4 supersampled. */
function png(w, h, paint) {
  const SS = 4;
  const raw = Buffer.alloc(h * (w * 4 + 1));
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      let hits = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const c = paint(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
          if (c) {
            hits++;
            for (let i = 0; i < 3; i++) sum[i] += c[i];
          }
        }
      const o = y * (w * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = hits ? Math.round(sum[i] / hits) : 0;
      raw[o + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [0x1f, 0x5f, 0xbf];
const WHITE = [0xff, 0xff, 0xff];
const TEAL = [0x0f, 0x8f, 0x8a];

// Pin: a disc over a point, 56×68, tip at the bottom centre (the marker's anchor).
const pin = png(56, 68, (x, y) => {
  const d = Math.hypot(x - 28, y - 26);
  if (d <= 9) return WHITE;
  if (d <= 24) return BLUE;
  // the tip: a triangle from the disc down to (28, 67)
  if (y > 26 && y <= 67) {
    const half = 20 * (1 - (y - 26) / 41);
    if (Math.abs(x - 28) <= half) return BLUE;
  }
  return null;
});

// Cluster: a teal disc with a white ring, 80×80; the count is drawn over it as the marker's label.
const cluster = png(80, 80, (x, y) => {
  const d = Math.hypot(x - 40, y - 40);
  if (d <= 34) return TEAL;
  if (d <= 39) return WHITE;
  return null;
});

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'pin.png'), pin);
fs.writeFileSync(path.join(OUT, 'cluster.png'), cluster);
console.log(`map icons written to ${path.relative(process.cwd(), OUT)}`);
