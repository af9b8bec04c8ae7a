// Wire protocol of the provincial e-licence and e-seal system (广东省电子证照管理系统), as both
// the client and the local simulator speak it.
//
// Requests carry  X-App-Id, X-Timestamp (Unix seconds), X-Nonce (16–64 url-safe chars),
// X-Sign-Method: HMAC-SM3 and X-Signature = hex HMAC-SM3(appSecret, canonical) where
//   canonical = METHOD \n PATH(+query) \n TIMESTAMP \n NONCE \n BODY   (BODY = raw JSON text, '' for GET).
// The gateway accepts timestamps within ±300 s and each nonce once inside that window.
// Issue requests carry `requestId` in the (signed) body: the same requestId returns the same
// licence, so retries never make a second one.
// Replies are an envelope { code, message, bizContent, timestamp, nonce, signature } where
// code '0' is success, bizContent is the JSON result *as a string*, and
//   signature = hex HMAC-SM3(appSecret, TIMESTAMP \n NONCE \n bizContent)
// so the client checks the reply came from the system before trusting it. Gateway errors
// (authentication, 4xx) come back unsigned with a code and a Chinese message.
import crypto from 'node:crypto';

export const SIGN_METHOD = 'HMAC-SM3';
export const TIMESTAMP_WINDOW_S = 300;

export type LicenceKind = 'presale_permit' | 'completed_filing';
export type LicenceState = 'valid' | 'revoked';

export interface IssueBody {
  requestId: string;
  kind: LicenceKind;
  number: string;
  holderUscc: string;
  holderName: string;
  facts: [string, string][];
  pdfSha256: string;
}

export interface IssueResult {
  licenceId: string;
  sealedAt: string;
  /** The e-seal: the system's signature over the licence's identity and the PDF's SHA-256. */
  signature: string;
}

export interface StatusResult {
  licenceId: string;
  kind: LicenceKind;
  number: string;
  status: LicenceState;
  pdfSha256: string;
  sealedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface Envelope {
  code: string;
  message: string;
  bizContent?: string;
  timestamp?: string;
  nonce?: string;
  signature?: string;
}

export function hmacSm3(secret: string, text: string): string {
  return crypto.createHmac('sm3', secret).update(text, 'utf8').digest('hex');
}

export function canonicalRequest(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string): string {
  return [method.toUpperCase(), pathAndQuery, timestamp, nonce, body].join('\n');
}

export function canonicalReply(timestamp: string, nonce: string, bizContent: string): string {
  return [timestamp, nonce, bizContent].join('\n');
}

/** What the e-seal signs: who issued what to whom, and the exact PDF. */
export function sealPayload(licenceId: string, b: Pick<IssueBody, 'kind' | 'number' | 'holderUscc' | 'pdfSha256'>, sealedAt: string): string {
  return [licenceId, b.kind, b.number, b.holderUscc, b.pdfSha256, sealedAt].join('\n');
}

export function newNonce(): string {
  return crypto.randomBytes(16).toString('hex');
}
