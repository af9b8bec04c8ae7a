import crypto from 'node:crypto';
import path from 'node:path';
import { FILE_LIMITS, type FileInfo } from '@hq/common';
import type { Deps } from '../../platform/deps';
import { FileObject } from '../../platform/models';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { ACCEPTED_TYPES_TEXT, describeRefused, detectType, EXTENSIONS } from '../../platform/files/detect';
import { scopeOf } from '../../platform/access/policy';
import type { AuthUser } from '../../platform/http/types';

export function presentFile(f: FileObject): FileInfo {
  return {
    id: f.id, name: f.name, mime: f.mime, kind: f.kind, size: Number(f.size), sha256: f.sha256,
    url: `/api/files/${f.id}`, thumbnailUrl: f.thumb_key ? `/api/files/${f.id}?variant=thumb` : null,
    createdAt: new Date(f.created_at).toISOString(),
  };
}

const cleanName = (name: string) => path.basename(name).replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').slice(0, 200) || 'file';

export async function storeUpload(deps: Deps, user: AuthUser, actor: AuditActor, name: string, data: Buffer): Promise<FileInfo> {
  const detected = detectType(data.subarray(0, 65536));
  if (!detected) {
    throw errors.unsupported('FILE_TYPE_REFUSED', `不支持的文件类型（识别为${describeRefused(data)}），${ACCEPTED_TYPES_TEXT}`);
  }
  const ext = path.extname(name).slice(1).toLowerCase();
  if (ext && !EXTENSIONS[detected.ext].includes(ext)) {
    throw errors.unsupported('FILE_TYPE_MISMATCH', `文件扩展名 .${ext} 与实际内容（${detected.ext.toUpperCase()}）不符，请上传真实的文件`);
  }
  if (data.length > FILE_LIMITS[detected.kind]) {
    throw errors.tooLarge(`文件过大：此类文件不超过 ${Math.round(FILE_LIMITS[detected.kind] / 1048576)} MB`);
  }
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  const same = await FileObject.findOne({ where: { owner_user_id: user.id, sha256 } });
  if (same) return presentFile(same); // a retried upload creates no duplicate

  let renditions: Awaited<ReturnType<typeof deps.files.imageRenditions>> | null = null;
  if (detected.kind === 'image') {
    try {
      renditions = await deps.files.imageRenditions(data);
    } catch {
      throw errors.unsupported('FILE_CORRUPT', '图片已损坏或不完整，请重新拍摄或选择图片');
    }
  }
  const storageKey = deps.files.newKey(detected.ext);
  const publicKey = renditions ? deps.files.newKey('jpg') : null;
  const thumbKey = renditions ? deps.files.newKey('jpg') : null;
  await deps.files.write(storageKey, data);
  if (renditions) {
    await deps.files.write(publicKey!, renditions.publicImage);
    await deps.files.write(thumbKey!, renditions.thumbnail);
  }
  try {
    const rec = await deps.db.tx(async (t) => {
      const f = await FileObject.create(
        {
          id: crypto.randomUUID(), owner_user_id: user.id, org_id: user.orgId, name: cleanName(name), mime: detected.mime, kind: detected.kind,
          size: data.length, sha256, storage_key: storageKey, public_key: publicKey, thumb_key: thumbKey, location: renditions?.location ?? null,
          created_at: new Date(),
        },
        { transaction: t },
      );
      await appendAudit(t, actor, { action: 'file.upload', objectType: 'file', objectId: f.id, detail: { mime: f.mime, size: data.length, sha256 } });
      return f;
    });
    return presentFile(rec);
  } catch (e) {
    await Promise.all([deps.files.remove(storageKey), deps.files.remove(publicKey), deps.files.remove(thumbKey)]);
    throw e;
  }
}

/** Owner, same enterprise, or a regulator may read a private file. */
export function assertFileAccess(user: AuthUser, f: FileObject): void {
  if (f.owner_user_id === user.id) return;
  const scope = scopeOf(user);
  if (scope === 'all') return;
  if (scope === 'org' && f.org_id != null && f.org_id === user.orgId) return;
  throw errors.forbidden('FILE_ACCESS_DENIED', '无权查看此文件');
}
