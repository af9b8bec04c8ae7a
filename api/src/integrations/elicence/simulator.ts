// Local stand-in for the provincial e-licence and e-seal system, speaking ./protocol.ts: it
// checks the app id, the HMAC-SM3 signature over the raw body, the ±300 s timestamp window and
// single-use nonces (401 with a code otherwise), keeps issue idempotent by requestId, signs
// every successful reply, and seals licences with its own P-256 key (the real system uses its
// SM2 seal certificate). Tests can make the next N calls fail with 503, as an overloaded
// gateway does before it looks at a request.
import crypto from 'node:crypto';
import { z } from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import type { AppContext } from '../../platform/http/types';
import { sha256, timingSafeEqualStr } from '../../platform/crypto';
import {
  canonicalReply, canonicalRequest, hmacSm3, newNonce, sealPayload, SIGN_METHOD, TIMESTAMP_WINDOW_S,
  type Envelope, type IssueBody, type IssueResult, type StatusResult,
} from './protocol';

interface Reply {
  status: number;
  body: Envelope;
}

const KIND_CODE = { presale_permit: '01', completed_filing: '02' } as const;

export class ElicenceSimulator {
  private readonly sealKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private readonly licences = new Map<string, StatusResult & { holderUscc: string; holderName: string; signature: string }>();
  private readonly requests = new Map<string, { digest: string; result: IssueResult }>();
  private readonly nonces = new Map<string, number>();
  private failures = { remaining: 0, status: 503 };
  private seq = 0;
  /** Calls that reached the simulator, failed or not (tests read this). */
  calls = 0;

  constructor(private readonly opts: { appId: string; secret: string }) {}

  /** Fail the next `count` calls with `status` before looking at them. */
  failNext(count: number, status = 503): void {
    this.failures = { remaining: count, status };
  }

  sealPublicKeyPem(): string {
    return this.sealKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  handle(req: { method: string; url: string; headers: Record<string, string | undefined>; rawBody: string }, action: () => Reply): Reply {
    this.calls++;
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      return { status: this.failures.status, body: { code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后重试' } };
    }
    const refused = this.authenticate(req);
    return refused ?? action();
  }

  private authenticate(req: { method: string; url: string; headers: Record<string, string | undefined>; rawBody: string }): Reply | null {
    const deny = (code: string, message: string): Reply => ({ status: 401, body: { code, message } });
    const h = req.headers;
    if (h['x-app-id'] !== this.opts.appId) return deny('APP_UNKNOWN', '应用未注册或已停用');
    if (h['x-sign-method'] !== SIGN_METHOD) return deny('SIGNATURE_INVALID', `签名算法须为 ${SIGN_METHOD}`);
    const ts = h['x-timestamp'] ?? '';
    const nonce = h['x-nonce'] ?? '';
    const now = Math.floor(Date.now() / 1000);
    if (!/^\d{10}$/.test(ts) || Math.abs(now - Number(ts)) > TIMESTAMP_WINDOW_S) return deny('TIMESTAMP_EXPIRED', '请求时间戳超出允许范围');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return deny('SIGNATURE_INVALID', '随机串格式不正确');
    const expected = hmacSm3(this.opts.secret, canonicalRequest(req.method, req.url, ts, nonce, req.rawBody));
    if (!timingSafeEqualStr(h['x-signature'] ?? '', expected)) return deny('SIGNATURE_INVALID', '签名校验失败');
    for (const [n, exp] of this.nonces) if (exp < now) this.nonces.delete(n);
    if (this.nonces.has(nonce)) return deny('NONCE_REPLAYED', '请求随机串已使用（疑似重放）');
    this.nonces.set(nonce, now + 2 * TIMESTAMP_WINDOW_S);
    return null;
  }

  private ok(result: unknown): Reply {
    const bizContent = JSON.stringify(result);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = newNonce();
    return {
      status: 200,
      body: { code: '0', message: '成功', bizContent, timestamp, nonce, signature: hmacSm3(this.opts.secret, canonicalReply(timestamp, nonce, bizContent)) },
    };
  }

  issue(rawBody: string): Reply {
    const parsed = issueBody.safeParse(safeJson(rawBody));
    if (!parsed.success) return { status: 400, body: { code: 'INVALID_REQUEST', message: '制证请求内容不完整或格式不正确' } };
    const b = parsed.data as IssueBody;
    const digest = sha256(JSON.stringify({ ...b, requestId: undefined }));
    const seen = this.requests.get(b.requestId);
    if (seen) {
      if (seen.digest !== digest) return { status: 409, body: { code: 'IDEMPOTENCY_CONFLICT', message: '请求号已用于内容不同的制证请求' } };
      return this.ok(seen.result);
    }
    const licenceId = `1.2.156.3005.2.${b.holderUscc}.${KIND_CODE[b.kind]}.${String(++this.seq).padStart(6, '0')}`;
    const sealedAt = new Date().toISOString();
    const signature = crypto.sign('sha256', Buffer.from(sealPayload(licenceId, b, sealedAt)), this.sealKey.privateKey).toString('base64');
    const result: IssueResult = { licenceId, sealedAt, signature };
    this.licences.set(licenceId, {
      licenceId, kind: b.kind, number: b.number, status: 'valid', pdfSha256: b.pdfSha256, sealedAt, revokedAt: null, revokeReason: null,
      holderUscc: b.holderUscc, holderName: b.holderName, signature,
    });
    this.requests.set(b.requestId, { digest, result });
    return this.ok(result);
  }

  revoke(licenceId: string, rawBody: string): Reply {
    const reason = (safeJson(rawBody) as { reason?: unknown } | null)?.reason;
    if (typeof reason !== 'string' || !reason.trim()) return { status: 400, body: { code: 'INVALID_REQUEST', message: '注销须填写原因' } };
    const lic = this.licences.get(licenceId);
    if (!lic) return { status: 404, body: { code: 'LICENCE_NOT_FOUND', message: '电子证照不存在' } };
    if (lic.status !== 'revoked') Object.assign(lic, { status: 'revoked', revokedAt: new Date().toISOString(), revokeReason: reason.trim() });
    return this.ok(publicStatus(lic));
  }

  status(licenceId: string): Reply {
    const lic = this.licences.get(licenceId);
    if (!lic) return { status: 404, body: { code: 'LICENCE_NOT_FOUND', message: '电子证照不存在' } };
    return this.ok(publicStatus(lic));
  }
}

function publicStatus(l: StatusResult): StatusResult {
  return {
    licenceId: l.licenceId, kind: l.kind, number: l.number, status: l.status, pdfSha256: l.pdfSha256,
    sealedAt: l.sealedAt, revokedAt: l.revokedAt, revokeReason: l.revokeReason,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const issueBody = z.object({
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  kind: z.enum(['presale_permit', 'completed_filing']),
  number: z.string().min(1).max(100),
  holderUscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  holderName: z.string().min(1).max(200),
  facts: z.array(z.tuple([z.string(), z.string()])).max(60),
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export function elicenceSimulatorRoutes(sim: ElicenceSimulator): RouteDef[] {
  const serve = (ctx: AppContext, action: (raw: string) => Reply) => {
    const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const headers = Object.fromEntries(['x-app-id', 'x-timestamp', 'x-nonce', 'x-sign-method', 'x-signature'].map((k) => [k, ctx.get(k) || undefined]));
    const r = sim.handle({ method: ctx.method, url: ctx.originalUrl, headers, rawBody }, () => action(rawBody));
    ctx.status = r.status;
    ctx.body = r.body;
    return undefined;
  };
  const common = { tags: ['simulators'], requirements: ['RE-214'], access: 'public' as const };
  const licenceId = z.object({ licenceId: z.string().max(120) });
  return [
    route({
      ...common, method: 'post', path: '/sim/elicence/v1/licences',
      summary: '省电子证照系统模拟器：制证并加盖电子印章（HMAC-SM3 签名，requestId 幂等）',
      handler: async (ctx) => serve(ctx, (raw) => sim.issue(raw)),
    }),
    route({
      ...common, method: 'post', path: '/sim/elicence/v1/licences/:licenceId/revoke', params: licenceId,
      summary: '省电子证照系统模拟器：注销电子证照',
      handler: async (ctx, { params }) => serve(ctx, (raw) => sim.revoke(params.licenceId, raw)),
    }),
    route({
      ...common, method: 'get', path: '/sim/elicence/v1/licences/:licenceId', params: licenceId,
      summary: '省电子证照系统模拟器：查询电子证照状态',
      handler: async (ctx, { params }) => serve(ctx, () => sim.status(params.licenceId)),
    }),
    route({
      ...common, method: 'get', path: '/sim/elicence/v1/seal/public-key',
      summary: '省电子证照系统模拟器：电子印章验签公钥（PEM）',
      response: z.object({ algorithm: z.string(), publicKey: z.string() }),
      handler: async () => ({ algorithm: 'ECDSA-P256-SHA256', publicKey: sim.sealPublicKeyPem() }),
    }),
    route({
      ...common, method: 'post', path: '/sim/elicence/_control/faults',
      summary: '测试用：让模拟器接下来的 N 次调用返回 5xx',
      body: z.object({ count: z.number().int().min(0).max(100), status: z.number().int().min(500).max(599).optional() }),
      response: z.object({ calls: z.number() }),
      handler: async (_ctx, { body }) => {
        sim.failNext(body.count, body.status);
        return { calls: sim.calls };
      },
    }),
  ];
}
