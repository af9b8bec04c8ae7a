// Client of the provincial e-licence and e-seal system (制证 issue, 注销 revoke, 状态 status).
// Protocol in ./protocol.ts: HMAC-SM3 signed requests and replies, nonce + timestamp window,
// requestId idempotency. Transport retries on 5xx and timeouts come from ../http.
import { errors } from '../../platform/errors';
import { sm3, timingSafeEqualStr } from '../../platform/crypto';
import { fetchJson, UpstreamError, type HttpOptions } from '../http';
import {
  canonicalReply, canonicalRequest, hmacSm3, newNonce, SIGN_METHOD,
  type Envelope, type IssueBody, type IssueResult, type LicenceKind, type StatusResult,
} from './protocol';

export type { IssueResult as IssuedLicence, StatusResult as LicenceStatus, LicenceKind } from './protocol';

export interface LicenceToIssue {
  kind: LicenceKind;
  /** Certificate number printed on the PDF, e.g. 横琴房预许字（2026）第00012号 */
  number: string;
  /** Holder's unified social credit code (统一社会信用代码) */
  holderUscc: string;
  holderName: string;
  facts: ReadonlyArray<readonly [string, string]>;
  /** SHA-256 (hex) of the certificate PDF being sealed. */
  pdfSha256: string;
}

export interface ElicenceClient {
  /**
   * Register and seal a licence. The idempotency key defaults to one derived from kind, number
   * and PDF hash, so issuing the same certificate again returns the licence already made.
   */
  issue(licence: LicenceToIssue, opts?: { idempotencyKey?: string }): Promise<IssueResult>;
  revoke(licenceId: string, reason: string): Promise<StatusResult>;
  status(licenceId: string): Promise<StatusResult>;
}

export interface ElicenceOptions {
  base: string;
  appId: string;
  secret: string;
  http?: HttpOptions;
}

export class HttpElicenceClient implements ElicenceClient {
  private readonly basePath: string;
  constructor(private readonly opts: ElicenceOptions) {
    this.basePath = new URL(opts.base).pathname.replace(/\/$/, '');
  }

  async issue(licence: LicenceToIssue, opts: { idempotencyKey?: string } = {}): Promise<IssueResult> {
    const body: IssueBody = {
      requestId: opts.idempotencyKey ?? sm3(`${licence.kind}|${licence.number}|${licence.pdfSha256}`).slice(0, 32),
      kind: licence.kind,
      number: licence.number,
      holderUscc: licence.holderUscc,
      holderName: licence.holderName,
      facts: licence.facts.map(([k, v]) => [k, v]),
      pdfSha256: licence.pdfSha256,
    };
    return this.call<IssueResult>('POST', '/v1/licences', body);
  }

  async revoke(licenceId: string, reason: string): Promise<StatusResult> {
    return this.call<StatusResult>('POST', `/v1/licences/${encodeURIComponent(licenceId)}/revoke`, { reason });
  }

  async status(licenceId: string): Promise<StatusResult> {
    return this.call<StatusResult>('GET', `/v1/licences/${encodeURIComponent(licenceId)}`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<T> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    let reply = await this.send(method, path, body);
    // A retry after a timeout re-sends the same nonce; if the first try did reach the system,
    // the gateway refuses the repeat. Sign afresh once: requestId keeps it to one licence.
    if (reply.code === 'NONCE_REPLAYED') reply = await this.send(method, path, body);
    if (reply.code !== '0') throw this.refusal(reply);
    const { bizContent, timestamp, nonce, signature } = reply;
    if (!bizContent || !timestamp || !nonce || !signature
      || !timingSafeEqualStr(signature, hmacSm3(this.opts.secret, canonicalReply(timestamp, nonce, bizContent)))) {
      throw errors.upstream('ELICENCE_BAD_REPLY', '省电子证照系统应答签名无效，已拒收');
    }
    return JSON.parse(bizContent) as T;
  }

  private async send(method: string, path: string, body: string): Promise<Envelope> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = newNonce();
    const signedPath = this.basePath + path;
    const headers: Record<string, string> = {
      'x-app-id': this.opts.appId,
      'x-timestamp': timestamp,
      'x-nonce': nonce,
      'x-sign-method': SIGN_METHOD,
      'x-signature': hmacSm3(this.opts.secret, canonicalRequest(method, signedPath, timestamp, nonce, body)),
    };
    if (body) headers['content-type'] = 'application/json; charset=utf-8';
    try {
      return await fetchJson<Envelope>('elicence', this.opts.base + path, { method, headers, body: body || undefined }, this.opts.http);
    } catch (e) {
      if (e instanceof UpstreamError) throw errors.upstream('ELICENCE_UNAVAILABLE', '省电子证照系统暂时不可用，请稍后重试');
      throw e;
    }
  }

  private refusal(reply: Envelope) {
    switch (reply.code) {
      case 'LICENCE_NOT_FOUND':
        return errors.notFound('ELICENCE_NOT_FOUND', '省电子证照系统中没有该电子证照');
      case 'IDEMPOTENCY_CONFLICT':
        return errors.conflict('ELICENCE_REQUEST_CONFLICT', '同一制证请求号对应的证照内容不一致，请核对后重试');
      case 'APP_UNKNOWN':
      case 'SIGNATURE_INVALID':
      case 'TIMESTAMP_EXPIRED':
      case 'NONCE_REPLAYED':
        return errors.upstream('ELICENCE_AUTH_FAILED', '与省电子证照系统的接口认证失败，请联系系统管理员核对接入配置');
      default:
        return errors.upstream('ELICENCE_REJECTED', `省电子证照系统未受理：${reply.message || reply.code}`);
    }
  }
}
