// Photos of a ticket: uploaded first (POST /api/files: deduplicated per person by sha256, EXIF
// stripped from the public rendition, GPS kept privately on the file), then attached to a step
// of the ticket with the server's time, the hash and the phone's location. Public pages get a
// mosaicked rendition instead (faces and number plates not identifiable, no metadata).
import fs from 'node:fs';
import sharp from 'sharp';
import { Op, type Transaction } from 'sequelize';
import type { PhotoStage } from '@hq/common';
import type { z, photoRef } from '@hq/common';
import { FileObject } from '../../platform/models';
import { errors } from '../../platform/errors';
import type { AuthUser } from '../../platform/http/types';
import type { Deps } from '../../platform/deps';
import { TicketPhoto } from './models';

type PhotoRef = z.infer<typeof photoRef>;

export interface CheckedPhoto {
  fileId: string;
  sha256: string;
  fromCamera: boolean;
  lng: number | null;
  lat: number | null;
}

/**
 * The photos a person attaches: their own uploads, images only; camera-only when asked (patrol
 * issues are photographed on site, not picked from the album). The location comes from the
 * phone, or else from the photo's own EXIF GPS kept on the file.
 */
export async function checkPhotos(t: Transaction, user: AuthUser, refs: readonly PhotoRef[], opts: { cameraOnly: boolean; field?: string; anyKind?: boolean }): Promise<CheckedPhoto[]> {
  const field = opts.field ?? 'photos';
  const unique = [...new Map(refs.map((r) => [r.fileId, r])).values()];
  if (!unique.length) return [];
  const files = await FileObject.findAll({
    where: { id: unique.map((r) => r.fileId) }, attributes: ['id', 'owner_user_id', 'kind', 'sha256', 'location'], transaction: t,
  });
  const byId = new Map(files.map((f) => [f.id, f]));
  const out: CheckedPhoto[] = [];
  for (const r of unique) {
    const f = byId.get(r.fileId);
    if (!f || f.owner_user_id !== user.id) throw errors.validation([{ field, message: `${opts.anyKind ? '附件' : '照片'}不存在或不是您本人上传的，请重新上传` }]);
    if (f.kind !== 'image' && !opts.anyKind) throw errors.validation([{ field, message: '只能上传照片（JPG、PNG 等图片）' }]);
    if (opts.cameraOnly && !r.fromCamera) throw errors.validation([{ field, message: '巡查照片须在现场用相机拍摄，不能从相册选择' }]);
    const [lat, lng] = f.location ? f.location.split(',').map(Number) : [null, null];
    out.push({
      fileId: f.id, sha256: f.sha256, fromCamera: !!r.fromCamera,
      lng: r.lng ?? (Number.isFinite(lng) ? lng : null), lat: r.lat ?? (Number.isFinite(lat) ? lat : null),
    });
  }
  return out;
}

/** Attach checked photos to a step; a photo already on the ticket is refused (take a new one). */
export async function attachPhotos(t: Transaction, ticketId: number, seq: number, stage: PhotoStage, photos: CheckedPhoto[], now: Date): Promise<void> {
  if (!photos.length) return;
  const already = seq > 1 && (await TicketPhoto.count({ where: { ticket_id: ticketId, file_id: photos.map((p) => p.fileId) }, transaction: t }));
  if (already) throw errors.validation([{ field: 'photos', message: '照片已在本工单中上传过，请拍摄新的照片' }]);
  await TicketPhoto.bulkCreate(photos.map((p) => ({
    ticket_id: ticketId, event_seq: seq, stage, file_id: p.fileId, sha256: p.sha256, from_camera: p.fromCamera, lng: p.lng, lat: p.lat, created_at: now,
  })), { transaction: t });
}

/** Columns of the mosaic: a face or a number plate spans a block or two. */
const MOSAIC_COLUMNS = 20;
const MOSAIC_MAX_WIDTH = 480;

/** Downscale heavily and upscale back with square blocks; no metadata survives (sharp drops it unless asked). */
export async function mosaic(data: Buffer): Promise<Buffer> {
  const meta = await sharp(data).rotate().metadata();
  const rotated = (meta.orientation ?? 1) >= 5;
  const w = (rotated ? meta.height : meta.width) ?? MOSAIC_MAX_WIDTH;
  const h = (rotated ? meta.width : meta.height) ?? MOSAIC_MAX_WIDTH;
  const outW = Math.min(w, MOSAIC_MAX_WIDTH);
  const outH = Math.max(1, Math.round((h * outW) / w));
  const cols = Math.min(MOSAIC_COLUMNS, outW);
  const rows = Math.max(1, Math.round((outH * cols) / outW));
  const small = await sharp(data).rotate().resize(cols, rows, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return sharp(small.data, { raw: small.info }).resize(outW, outH, { fit: 'fill', kernel: 'nearest' }).jpeg({ quality: 70 }).toBuffer();
}

/**
 * The mosaicked rendition of a photo, made on first request and kept. Several processes may make
 * it at once: the first conditional update wins and the others drop theirs.
 */
export async function mosaicOf(deps: Deps, photo: TicketPhoto): Promise<string> {
  if (photo.public_key) return photo.public_key;
  const f = await FileObject.findByPk(photo.file_id, { attributes: ['id', 'kind', 'storage_key', 'public_key'] });
  if (!f || f.kind !== 'image') throw errors.notFound('PHOTO_NOT_FOUND', '照片不存在');
  const source = await fs.promises.readFile(deps.files.pathOf(f.public_key ?? f.storage_key));
  const key = deps.files.newKey('jpg');
  await deps.files.write(key, await mosaic(source));
  const [won] = await deps.db.tx((t) => TicketPhoto.update({ public_key: key }, { where: { id: photo.id, public_key: { [Op.is]: null } }, transaction: t }));
  if (won) return key;
  await deps.files.remove(key);
  const again = await TicketPhoto.findByPk(photo.id, { attributes: ['public_key'] });
  return again!.public_key!;
}
