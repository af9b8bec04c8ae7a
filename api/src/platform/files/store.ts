// Files live under DATA_DIR/files (never a served folder) with generated names and a checksum.
// Images are re-encoded for anything public: location (EXIF GPS) and other metadata stripped,
// and a thumbnail made. The GPS position is kept privately on the record for regulators.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export class FileStore {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
    fs.mkdirSync(this.root, { recursive: true });
  }

  newKey(ext: string): string {
    const id = crypto.randomUUID();
    return `${id.slice(0, 2)}/${id}.${ext}`;
  }

  pathOf(key: string): string {
    const p = path.join(this.root, key);
    if (!p.startsWith(this.root + path.sep)) throw new Error('bad storage key');
    return p;
  }

  async write(key: string, data: Buffer): Promise<void> {
    const p = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(p), { recursive: true });
    await fs.promises.writeFile(p, data, { mode: 0o600 });
  }

  /** The whole file, or the inclusive byte range [start, end] (HTTP Range requests for video). */
  read(key: string, range?: { start: number; end: number }): fs.ReadStream {
    return fs.createReadStream(this.pathOf(key), range);
  }

  async remove(key: string | null): Promise<void> {
    if (key) await fs.promises.rm(this.pathOf(key), { force: true });
  }

  /** Public rendition (metadata stripped, orientation applied) and a 320 px thumbnail. */
  async imageRenditions(data: Buffer): Promise<{ publicImage: Buffer; thumbnail: Buffer; location: string | null }> {
    const img = sharp(data, { failOn: 'error' });
    const meta = await img.metadata();
    const location = meta.exif ? gpsFromExif(meta.exif) : null;
    const publicImage = await sharp(data).rotate().jpeg({ quality: 85 }).toBuffer(); // sharp drops EXIF unless asked
    const thumbnail = await sharp(data).rotate().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
    return { publicImage, thumbnail, location };
  }
}

/** Minimal EXIF GPS reader: enough to keep the location privately. */
export function gpsFromExif(exif: Buffer): string | null {
  try {
    const start = exif.indexOf('Exif\0\0') >= 0 ? exif.indexOf('Exif\0\0') + 6 : 0;
    const tiff = exif.subarray(start);
    const le = tiff.toString('latin1', 0, 2) === 'II';
    const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
    const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
    const ifd = (o: number) => {
      const n = u16(o);
      const tags = new Map<number, { type: number; count: number; valueOffset: number }>();
      for (let i = 0; i < n; i++) {
        const e = o + 2 + i * 12;
        tags.set(u16(e), { type: u16(e + 2), count: u32(e + 4), valueOffset: e + 8 });
      }
      return tags;
    };
    const ifd0 = ifd(u32(4));
    const gpsPtr = ifd0.get(0x8825);
    if (!gpsPtr) return null;
    const gps = ifd(u32(gpsPtr.valueOffset));
    const rational3 = (tag: number) => {
      const t = gps.get(tag);
      if (!t) return null;
      const off = u32(t.valueOffset);
      const v = [0, 1, 2].map((i) => u32(off + i * 8) / (u32(off + i * 8 + 4) || 1));
      return v[0] + v[1] / 60 + v[2] / 3600;
    };
    const ref = (tag: number) => {
      const t = gps.get(tag);
      return t ? tiff.toString('latin1', t.valueOffset, t.valueOffset + 1) : '';
    };
    const lat = rational3(2);
    const lng = rational3(4);
    if (lat == null || lng == null) return null;
    return `${(ref(1) === 'S' ? -lat : lat).toFixed(6)},${(ref(3) === 'W' ? -lng : lng).toFixed(6)}`;
  } catch {
    return null;
  }
}
