// Wire protocol of the real-estate registry (珠海市不动产登记信息平台) as both the client and the
// local simulator speak it: title checks for house verification (房屋核验) and the registered
// titles of a project for the communities' sync (楼盘表/登记信息同步).
//
// Requests carry  X-App-Id, X-Timestamp (Unix seconds), X-Nonce (16–64 url-safe chars),
// X-Sign-Method: HMAC-SM3 and X-Signature = hex HMAC-SM3(appSecret, canonical) where
//   canonical = METHOD \n PATH(+query) \n TIMESTAMP \n NONCE \n hex SM3(BODY)   (BODY = raw JSON text, '' for GET).
// The gateway accepts timestamps within ±300 s and each nonce once inside that window.
// Replies are an envelope { code, message, data, timestamp, nonce, signature } where code '0' is
// success, data is the JSON result *as a string*, and
//   signature = hex HMAC-SM3(appSecret, TIMESTAMP \n NONCE \n REQUEST NONCE \n data)
// so a reply is bound to the request it answers: an old signed reply cannot be played back to a
// new request. Gateway errors (authentication, 4xx) come back unsigned with a code and a message.
//
// The holder's ID number travels inside the signed body (over TLS in production), as the
// registry's identity check requires; it is never logged or kept by this side.
import crypto from 'node:crypto';

export const SIGN_METHOD = 'HMAC-SM3';
export const TIMESTAMP_WINDOW_S = 300;
export const VERIFY_PATH = '/v1/titles/verify';
export const projectTitlesPath = (projectId: number) => `/v1/projects/${projectId}/titles`;
/** Rooms one listing may be narrowed to. */
export const MAX_ROOM_IDS = 200;

export type TitleStatus = 'valid' | 'cancelled' | 'seized';

export interface VerifyBody {
  certNo: string;
  holder: { name: string; idType: string; idNumber: string };
}

/** Where a title is, in the building table the registry shares with the real-estate system. */
export interface TitleRoom {
  projectId: number;
  projectName: string;
  buildingId: number;
  buildingNo: string;
  roomId: number;
  /** 不动产单元号 */
  unitNumber: string;
  roomNo: string;
  floor: number;
}

export interface TitleCheck {
  certNo: string;
  found: boolean;
  /** Name and ID number both match the title's holder (权利人). */
  holderMatches: boolean;
  /** Registered now: the title is in force and the room shows as registered (已登记) in the building table. */
  registered: boolean;
  /** Only told to the holder. */
  status: TitleStatus | null;
  /** Only told to the holder. */
  room: TitleRoom | null;
}

export interface ProjectTitles {
  projectId: number;
  /** Rooms of the project in the building table. */
  houses: number;
  /** Rooms registered (已登记) in the building table. */
  registered: number;
  /** Registered rooms (all, or those asked for) with the holder's name where the registry has it. */
  titles: { roomId: number; buildingId: number; unitNumber: string; ownerName: string | null; registeredOn: string | null }[];
}

export interface Envelope {
  code: string;
  message: string;
  data?: string;
  timestamp?: string;
  nonce?: string;
  signature?: string;
}

export function hmacSm3(secret: string, text: string): string {
  return crypto.createHmac('sm3', secret).update(text, 'utf8').digest('hex');
}

export function bodyDigest(body: string): string {
  return crypto.createHash('sm3').update(body, 'utf8').digest('hex');
}

export function canonicalRequest(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string): string {
  return [method.toUpperCase(), pathAndQuery, timestamp, nonce, bodyDigest(body)].join('\n');
}

export function canonicalReply(timestamp: string, nonce: string, requestNonce: string, data: string): string {
  return [timestamp, nonce, requestNonce, data].join('\n');
}

/** Certificates are printed with full-width brackets as often as half-width; the registry keeps half-width. */
export function normaliseCertNo(certNo: string): string {
  return certNo.trim().replace(/（/g, '(').replace(/）/g, ')');
}

export function newNonce(): string {
  return crypto.randomBytes(16).toString('hex');
}
