// The e-licence / e-seal adapter against its simulator over real HTTP: issuing is idempotent,
// the gateway refuses forged, stale and replayed requests, transient 5xx are retried, a reply
// lost on the way back does not make a second licence, and revocation shows in the status.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApi, type TestApi } from './harness';
import { HttpElicenceClient, type LicenceToIssue } from '../src/integrations/elicence/client';
import { canonicalRequest, hmacSm3, sealPayload, SIGN_METHOD } from '../src/integrations/elicence/protocol';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
});
afterAll(() => api.close());

const secret = () => api.app.deps.config.ELICENCE_APP_SECRET;
const appId = () => api.app.deps.config.ELICENCE_APP_ID;

let serial = 0;
function licence(over: Partial<LicenceToIssue> = {}): LicenceToIssue {
  serial++;
  return {
    kind: 'presale_permit',
    number: `横琴房预许字（2026）第${String(serial).padStart(5, '0')}号`,
    holderUscc: '91440400MA4X1234XK',
    holderName: '横琴琴澳置业发展有限公司',
    facts: [['项目名称', '横琴·濠江湾花园（一期）'], ['预售面积', '56,842.37 平方米']],
    pdfSha256: crypto.createHash('sha256').update(`pdf-${serial}`).digest('hex'),
    ...over,
  };
}

/** A request signed as the protocol says, with parts that a test may spoil. */
function signed(method: string, p: string, body = '', o: { secret?: string; appId?: string; timestamp?: string; nonce?: string } = {}) {
  const timestamp = o.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = o.nonce ?? crypto.randomBytes(16).toString('hex');
  return {
    'x-app-id': o.appId ?? appId(),
    'x-timestamp': timestamp,
    'x-nonce': nonce,
    'x-sign-method': SIGN_METHOD,
    'x-signature': hmacSm3(o.secret ?? secret(), canonicalRequest(method, p, timestamp, nonce, body)),
    ...(body ? { 'content-type': 'application/json' } : {}),
  };
}

async function raw(method: string, p: string, headers: Record<string, string>, body?: string) {
  const res = await fetch(api.url + p, { method, headers, body });
  return { status: res.status, body: (await res.json()) as { code: string; message: string } };
}

async function faults(count: number): Promise<number> {
  return (await api.call('POST', '/sim/elicence/_control/faults', { body: { count } })).body.calls;
}

describe('issuing an e-licence', () => {
  test('returns a licence id, the sealing time and an e-seal that verifies over the PDF hash', async () => {
    const l = licence();
    const issued = await api.app.deps.elicence.issue(l);
    expect(issued.licenceId).toMatch(/^1\.2\.156\.3005\.2\.91440400MA4X1234XK\.01\.\d{6}$/);
    expect(Date.parse(issued.sealedAt)).toBeGreaterThan(Date.now() - 60_000);
    const { publicKey } = (await api.call('GET', '/sim/elicence/v1/seal/public-key')).body;
    const payload = Buffer.from(sealPayload(issued.licenceId, l, issued.sealedAt));
    expect(crypto.verify('sha256', payload, publicKey, Buffer.from(issued.signature, 'base64'))).toBe(true);
    const tampered = Buffer.from(sealPayload(issued.licenceId, { ...l, pdfSha256: '0'.repeat(64) }, issued.sealedAt));
    expect(crypto.verify('sha256', tampered, publicKey, Buffer.from(issued.signature, 'base64'))).toBe(false);
    const st = await api.app.deps.elicence.status(issued.licenceId);
    expect(st).toMatchObject({ status: 'valid', number: l.number, pdfSha256: l.pdfSha256, revokedAt: null });
  });

  test('issuing again with the same idempotency key returns the same licence; other content under it is refused', async () => {
    const { elicence } = api.app.deps;
    const l = licence();
    const first = await elicence.issue(l, { idempotencyKey: 'approval-42-final' });
    const again = await elicence.issue(l, { idempotencyKey: 'approval-42-final' });
    expect(again).toEqual(first);
    // Without an explicit key the same certificate (kind, number, PDF) is still one licence.
    const byContent = await elicence.issue(l);
    expect((await elicence.issue(l)).licenceId).toBe(byContent.licenceId);
    const other = await elicence.issue(licence());
    expect(other.licenceId).not.toBe(first.licenceId);
    await expect(elicence.issue(licence(), { idempotencyKey: 'approval-42-final' })).rejects.toMatchObject({
      status: 409, code: 'ELICENCE_REQUEST_CONFLICT',
    });
  });
});

describe('the gateway refuses requests it cannot trust', () => {
  const body = () => JSON.stringify({ ...licence(), facts: [], requestId: crypto.randomBytes(8).toString('hex') });

  test('a wrong secret, a tampered body, an unknown app or a stale timestamp gets 401 with a code', async () => {
    const b = body();
    expect(await raw('POST', '/sim/elicence/v1/licences', signed('POST', '/sim/elicence/v1/licences', b, { secret: 'not-the-secret-at-all' }), b))
      .toMatchObject({ status: 401, body: { code: 'SIGNATURE_INVALID' } });
    const tampered = b.replace('91440400MA4X1234XK', '91440400MA4X9999XK');
    expect(await raw('POST', '/sim/elicence/v1/licences', signed('POST', '/sim/elicence/v1/licences', b), tampered))
      .toMatchObject({ status: 401, body: { code: 'SIGNATURE_INVALID' } });
    expect(await raw('POST', '/sim/elicence/v1/licences', signed('POST', '/sim/elicence/v1/licences', b, { appId: 'someone-else' }), b))
      .toMatchObject({ status: 401, body: { code: 'APP_UNKNOWN' } });
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    expect(await raw('POST', '/sim/elicence/v1/licences', signed('POST', '/sim/elicence/v1/licences', b, { timestamp: stale }), b))
      .toMatchObject({ status: 401, body: { code: 'TIMESTAMP_EXPIRED' } });
    // The client with a wrong secret reports an interface problem, not a licence problem.
    const wrong = new HttpElicenceClient({ base: api.app.deps.config.elicenceApiBase, appId: appId(), secret: 'not-the-secret-at-all' });
    await expect(wrong.issue(licence())).rejects.toMatchObject({ status: 502, code: 'ELICENCE_AUTH_FAILED' });
  });

  test('a replayed request (same nonce) is refused even with a valid signature', async () => {
    const { licenceId } = await api.app.deps.elicence.issue(licence());
    const p = `/sim/elicence/v1/licences/${licenceId}`;
    const headers = signed('GET', p);
    expect((await raw('GET', p, headers)).status).toBe(200);
    expect(await raw('GET', p, headers)).toMatchObject({ status: 401, body: { code: 'NONCE_REPLAYED' } });
  });

  test('a reply whose signature does not check is not trusted', async () => {
    const fake = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: '0', message: '成功', bizContent: '{"licenceId":"forged","sealedAt":"x","signature":"x"}', timestamp: '1', nonce: 'n', signature: 'ab' }));
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    try {
      const client = new HttpElicenceClient({ base: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/gw`, appId: appId(), secret: secret() });
      await expect(client.issue(licence())).rejects.toMatchObject({ code: 'ELICENCE_BAD_REPLY' });
    } finally {
      fake.close();
    }
  });
});

describe('transient failures', () => {
  test('two 503s then success: the client retries and gets the licence', async () => {
    const before = await faults(2);
    const issued = await api.app.deps.elicence.issue(licence());
    expect(issued.licenceId).toMatch(/^1\.2\.156/);
    expect((await faults(0)) - before).toBe(3); // 503, 503, 200
  });

  test('still down after the retries: a 502 with a Chinese message, and nothing half-made', async () => {
    const l = licence();
    await faults(3);
    await expect(api.app.deps.elicence.issue(l)).rejects.toMatchObject({ status: 502, code: 'ELICENCE_UNAVAILABLE', message: expect.stringContaining('暂时不可用') });
    const later = await api.app.deps.elicence.issue(l);
    expect(later.licenceId).toMatch(/^1\.2\.156/);
  });

  test('a reply lost on the way back: the retry is re-signed and returns the licence already made', async () => {
    // A proxy that delivers the first request but answers the caller 503, as a timeout would.
    let dropped = false;
    const proxy = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.startsWith('x-') || k === 'content-type')) as Record<string, string>;
      const upstream = await fetch(api.url + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      const text = await upstream.text();
      if (!dropped && req.method === 'POST') {
        dropped = true;
        res.statusCode = 503;
        return res.end('{}');
      }
      res.statusCode = upstream.status;
      res.setHeader('content-type', 'application/json');
      res.end(text);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const client = new HttpElicenceClient({ base: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/sim/elicence`, appId: appId(), secret: secret() });
      const l = licence();
      const issued = await client.issue(l);
      expect(dropped).toBe(true);
      expect((await api.app.deps.elicence.issue(l)).licenceId).toBe(issued.licenceId);
    } finally {
      proxy.close();
    }
  });
});

describe('revoking', () => {
  test('revoke → the status says revoked, with when and why; revoking again changes nothing', async () => {
    const { elicence } = api.app.deps;
    const { licenceId } = await elicence.issue(licence());
    const revoked = await elicence.revoke(licenceId, '预售许可变更，原证注销');
    expect(revoked).toMatchObject({ licenceId, status: 'revoked', revokeReason: '预售许可变更，原证注销' });
    expect(await elicence.status(licenceId)).toEqual(revoked);
    expect(await elicence.revoke(licenceId, '再次注销')).toEqual(revoked);
  });

  test('an unknown licence is a 404 with a code', async () => {
    await expect(api.app.deps.elicence.status('1.2.156.3005.2.91440400MA4X1234XK.01.999999')).rejects.toMatchObject({
      status: 404, code: 'ELICENCE_NOT_FOUND',
    });
    await expect(api.app.deps.elicence.revoke('nope', '测试')).rejects.toMatchObject({ code: 'ELICENCE_NOT_FOUND' });
  });
});
