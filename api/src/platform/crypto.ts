// SM3 hashing, SM4 encryption at rest and keyed hashes for lookups (DOMAIN.md §12).
import crypto from 'node:crypto';

export function sm3(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

export function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Keyed hash so equal values can be found without storing them in clear (HMAC-SM3). */
export function keyedHash(key: Buffer, value: string): string {
  return crypto.createHmac('sm3', key).update(value).digest('hex');
}

/** SM4-CBC with a random IV; output `iv.ciphertext` in base64url. */
export function encrypt(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(16);
  const c = crypto.createCipheriv('sm4-cbc', key, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `${iv.toString('base64url')}.${ct.toString('base64url')}`;
}

export function decrypt(key: Buffer, sealed: string): string {
  const [iv, ct] = sealed.split('.');
  const d = crypto.createDecipheriv('sm4-cbc', key, Buffer.from(iv, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function timingSafeEqualStr(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
