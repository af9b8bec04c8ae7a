// Client of the real-estate registry (不动产登记信息平台). Protocol in ./protocol.ts: HMAC-SM3
// signed requests, nonce + timestamp window, replies signed and bound to the request's nonce.
// Transport retries on 5xx and timeouts come from ../http; the registry being down is one
// error code (REGISTRY_UNAVAILABLE) that callers turn into their own message.
import { errors } from '../../platform/errors';
import { timingSafeEqualStr } from '../../platform/crypto';
import { fetchJson, UpstreamError, type HttpOptions } from '../http';
import {
  canonicalReply, canonicalRequest, hmacSm3, MAX_ROOM_IDS, newNonce, projectTitlesPath, SIGN_METHOD, VERIFY_PATH,
  type Envelope, type ProjectTitles, type TitleCheck, type VerifyBody,
} from './protocol';

export type { ProjectTitles, TitleCheck, TitleRoom } from './protocol';

export interface TitleQuery {
  /** 不动产权证号 */
  certNo: string;
  /** The person asking, as real-named on this platform. */
  name: string;
  idType: string;
  idNumber: string;
}

export interface RegistryClient {
  /** Does this certificate exist, is this person its holder, and which room is it? */
  verifyTitle(q: TitleQuery): Promise<TitleCheck>;
  /** The project's rooms and registered titles (holder names in clear: mask before showing). */
  listTitles(projectId: number, opts?: { roomIds?: number[] }): Promise<ProjectTitles>;
}

/** Codes of the errors that mean "no trustworthy answer from the registry right now". */
export const REGISTRY_DOWN_CODES: readonly string[] = ['REGISTRY_UNAVAILABLE', 'REGISTRY_BAD_REPLY', 'REGISTRY_AUTH_FAILED', 'REGISTRY_REJECTED'];

export interface RegistryOptions {
  base: string;
  appId: string;
  secret: string;
  http?: HttpOptions;
}

export class HttpRegistryClient implements RegistryClient {
  private readonly basePath: string;
  constructor(private readonly opts: RegistryOptions) {
    this.basePath = new URL(opts.base).pathname.replace(/\/$/, '');
  }

  async verifyTitle(q: TitleQuery): Promise<TitleCheck> {
    const body: VerifyBody = { certNo: q.certNo, holder: { name: q.name, idType: q.idType, idNumber: q.idNumber } };
    return this.call<TitleCheck>('POST', VERIFY_PATH, body);
  }

  async listTitles(projectId: number, opts: { roomIds?: number[] } = {}): Promise<ProjectTitles> {
    // roomIds present but empty asks for the totals only.
    const ids = opts.roomIds ? [...new Set(opts.roomIds)].slice(0, MAX_ROOM_IDS) : null;
    return this.call<ProjectTitles>('GET', `${projectTitlesPath(projectId)}${ids ? `?roomIds=${ids.join(',')}` : ''}`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<T> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    let sent = await this.send(method, path, body);
    // A retry after a timeout re-sends the same nonce; if the first try did reach the registry,
    // the gateway refuses the repeat. Both calls only read, so sign afresh once.
    if (sent.reply.code === 'NONCE_REPLAYED') sent = await this.send(method, path, body);
    const { reply, nonce: requestNonce } = sent;
    if (reply.code !== '0') throw this.refusal(reply);
    const { data, timestamp, nonce, signature } = reply;
    if (!data || !timestamp || !nonce || !signature
      || !timingSafeEqualStr(signature, hmacSm3(this.opts.secret, canonicalReply(timestamp, nonce, requestNonce, data)))) {
      throw errors.upstream('REGISTRY_BAD_REPLY', '不动产登记系统应答签名无效，已拒收');
    }
    return JSON.parse(data) as T;
  }

  private async send(method: string, path: string, body: string): Promise<{ reply: Envelope; nonce: string }> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = newNonce();
    const headers: Record<string, string> = {
      'x-app-id': this.opts.appId,
      'x-timestamp': timestamp,
      'x-nonce': nonce,
      'x-sign-method': SIGN_METHOD,
      'x-signature': hmacSm3(this.opts.secret, canonicalRequest(method, this.basePath + path, timestamp, nonce, body)),
    };
    if (body) headers['content-type'] = 'application/json; charset=utf-8';
    try {
      const reply = await fetchJson<Envelope>('registry', this.opts.base + path, { method, headers, body: body || undefined }, this.opts.http);
      return { reply, nonce };
    } catch (e) {
      if (e instanceof UpstreamError) throw errors.upstream('REGISTRY_UNAVAILABLE', '不动产登记系统暂时不可用，请稍后重试');
      throw e;
    }
  }

  private refusal(reply: Envelope) {
    switch (reply.code) {
      case 'PROJECT_NOT_FOUND':
        return errors.notFound('REGISTRY_PROJECT_NOT_FOUND', '不动产登记系统中没有该项目的登记信息');
      case 'APP_UNKNOWN':
      case 'SIGNATURE_INVALID':
      case 'TIMESTAMP_EXPIRED':
      case 'NONCE_REPLAYED':
        return errors.upstream('REGISTRY_AUTH_FAILED', '与不动产登记系统的接口认证失败，请联系系统管理员核对接入配置');
      default:
        return errors.upstream('REGISTRY_REJECTED', `不动产登记系统未受理：${reply.message || reply.code}`);
    }
  }
}
