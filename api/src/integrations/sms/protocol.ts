// Wire protocol of the SMS gateway (短信网关), as both the client and the local simulator speak it.
//
//   POST {base}/v1/messages            one SMS from a registered template
//   headers  X-App-Id, X-Timestamp (Unix seconds), X-Nonce (16–64 url-safe chars),
//            X-Sign-Method: HMAC-SHA256,
//            X-Signature = hex HMAC-SHA256(appSecret, METHOD \n PATH \n TIMESTAMP \n NONCE \n hex SHA-256(BODY))
//   body     { phoneNumber, signName, templateCode, templateParams: { name: value }, outId }
//
// The gateway accepts timestamps within ±300 s and each nonce once inside that window. `outId`
// is the sender's id for the message: the same outId within 24 h returns the first message id
// and sends nothing again, so a retry after a lost reply never makes a second SMS.
// Replies: 200 { code: 'OK', message, messageId, segments } or an error status with
// { code, message }: 401 APP_UNKNOWN | SIGNATURE_INVALID | TIMESTAMP_EXPIRED | NONCE_REPLAYED;
// 400 PHONE_INVALID | SIGN_NAME_INVALID | TEMPLATE_INVALID | TEMPLATE_PARAMS_INVALID | INVALID_REQUEST;
// 429 RATE_LIMITED (per phone number); 503 SERVICE_UNAVAILABLE.
// Templates are registered with the gateway beforehand (as with every Chinese SMS provider):
// the text with ${name} placeholders; the gateway renders 【signName】 + text.
import crypto from 'node:crypto';

export const SMS_SIGN_METHOD = 'HMAC-SHA256';
export const SMS_TIMESTAMP_WINDOW_S = 300;
export const SMS_SEND_PATH = '/v1/messages';
/** One SMS segment holds 70 characters of Chinese text (67 each when split). */
export const SMS_SEGMENT_CHARS = 70;
/** A template parameter may be at most this long. */
export const SMS_PARAM_MAX_CHARS = 35;

export interface SmsSendBody {
  phoneNumber: string;
  signName: string;
  templateCode: string;
  templateParams: Record<string, string>;
  outId: string;
}

export interface SmsReply {
  code: string;
  message: string;
  messageId?: string;
  segments?: number;
}

export function smsSignature(secret: string, method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string): string {
  const bodyHash = crypto.createHash('sha256').update(body, 'utf8').digest('hex');
  return crypto.createHmac('sha256', secret).update([method.toUpperCase(), pathAndQuery, timestamp, nonce, bodyHash].join('\n'), 'utf8').digest('hex');
}

/** Mainland mobile numbers, with or without +86. */
export const MAINLAND_MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

/** Renders a registered template: 【sign】 + text with ${name} replaced. Missing names → null. */
export function renderSms(signName: string, text: string, params: Record<string, string>): string | null {
  let missing = false;
  const body = text.replace(/\$\{(\w+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (typeof v !== 'string' || v === '') missing = true;
    return v ?? '';
  });
  return missing ? null : `【${signName}】${body}`;
}

export function smsSegments(text: string): number {
  const n = [...text].length;
  return n <= SMS_SEGMENT_CHARS ? 1 : Math.ceil(n / 67);
}
