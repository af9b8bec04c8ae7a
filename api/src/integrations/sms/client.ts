// Client of the SMS gateway (protocol in ./protocol.ts): signed requests, one SMS per call.
// The transport does not retry by default: messages go out through the notification outbox,
// which retries with backoff and keeps the message when the gateway is down. `outId` makes a
// repeat of the same message harmless at the gateway.
import crypto from 'node:crypto';
import { fetchJson, UpstreamError, type HttpOptions } from '../http';
import { SMS_SEND_PATH, SMS_SIGN_METHOD, smsSignature, type SmsReply, type SmsSendBody } from './protocol';

export interface SmsMessage {
  phone: string;
  templateCode: string;
  params: Record<string, string>;
  /** Our id for the message (the gateway's idempotency key). */
  outId: string;
}

export interface SmsClient {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

/**
 * Why a message was not sent. `retryable` failures may succeed later (gateway down, rate
 * limited, our credentials or template registration wrong until someone fixes them);
 * the others never will for this message (a number that is not a mobile number).
 */
export class SmsError extends Error {
  constructor(readonly code: string, message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
  }
}

const PERMANENT = new Set(['PHONE_INVALID', 'TEMPLATE_PARAMS_INVALID', 'INVALID_REQUEST']);

export interface SmsOptions {
  base: string;
  appId: string;
  secret: string;
  signName: string;
  http?: HttpOptions;
}

export class HttpSmsClient implements SmsClient {
  private readonly basePath: string;
  constructor(private readonly opts: SmsOptions) {
    this.basePath = new URL(opts.base).pathname.replace(/\/$/, '');
  }

  async send(m: SmsMessage): Promise<{ messageId: string }> {
    const body: SmsSendBody = {
      phoneNumber: m.phone, signName: this.opts.signName, templateCode: m.templateCode, templateParams: m.params, outId: m.outId,
    };
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = crypto.randomBytes(16).toString('hex');
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'x-app-id': this.opts.appId,
      'x-timestamp': timestamp,
      'x-nonce': nonce,
      'x-sign-method': SMS_SIGN_METHOD,
      'x-signature': smsSignature(this.opts.secret, 'POST', this.basePath + SMS_SEND_PATH, timestamp, nonce, raw),
    };
    let reply: SmsReply;
    try {
      reply = await fetchJson<SmsReply>('sms', this.opts.base + SMS_SEND_PATH, { method: 'POST', headers, body: raw }, { retries: 0, ...this.opts.http });
    } catch (e) {
      if (e instanceof UpstreamError) throw new SmsError('SMS_UNAVAILABLE', `短信网关暂时不可用（${e.status ?? '网络'}）`, true, e.status);
      throw e;
    }
    if (reply.code === 'OK' && reply.messageId) return { messageId: reply.messageId };
    const code = reply.code || 'SMS_ERROR';
    throw new SmsError(code, `短信网关未受理：${code}${reply.message ? ` ${reply.message}` : ''}`, !PERMANENT.has(code));
  }
}
