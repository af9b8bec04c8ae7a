import { User, CalendarDay } from '../src/platform/models';
import pino from 'pino';
import { startTestApi, type TestApi } from './harness';
import { RateLimiter } from '../src/platform/http/middleware';
import { WechatClient } from '../src/integrations/wechat/client';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('OpenAPI', () => {
  test('every mounted route is documented with requirement ids from the catalogue', async () => {
    const doc = (await api.call('GET', '/api/openapi.json')).body;
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, { 'x-requirements': string[] }>>)) {
      for (const [m, op] of Object.entries(ops)) {
        documented.add(`${m.toUpperCase()} ${p}`);
        expect(op['x-requirements'].length).toBeGreaterThan(0);
        for (const id of op['x-requirements']) expect(id).toMatch(/^(RE|PM|NF)-\d{3}$/);
      }
    }
    const mounted = api.app.router.stack.flatMap((l) => l.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${String(l.path).replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`));
    expect(mounted.length).toBeGreaterThan(30);
    for (const r of mounted) expect(documented).toContain(r);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  test('the docs page and its assets load', async () => {
    const page = await fetch(`${api.url}/api/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${api.url}/api/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });
});

describe('health, readiness, metrics, headers', () => {
  test('healthz, readyz and metrics', async () => {
    expect((await api.call('GET', '/healthz')).body.status).toBe('ok');
    expect((await api.call('GET', '/readyz')).body).toMatchObject({ status: 'ready', migrations: 'current' });
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/readyz",status="200"\} \d+/);
    expect(metrics).toContain('http_request_duration_seconds_bucket');
    expect(metrics).toContain('db_pool_size');
  });

  test('security headers and request ids on every answer', async () => {
    const r = await fetch(`${api.url}/api/me`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  test('CORS answers only allow-listed origins', async () => {
    const { config } = api.app.deps;
    const saved = config.corsOrigins;
    config.corsOrigins = ['https://admin.hq.example'];
    try {
      const ok = await fetch(`${api.url}/healthz`, { headers: { origin: 'https://admin.hq.example' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://admin.hq.example');
      const bad = await fetch(`${api.url}/healthz`, { headers: { origin: 'https://evil.example' } });
      expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      config.corsOrigins = saved;
    }
  });

  test('login is rate limited per client', async () => {
    const { deps } = api.app;
    const saved = deps.rateLimiter;
    deps.rateLimiter = new RateLimiter({ login: 3, public: 600 });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await api.call('POST', '/api/auth/login', { body: { username: 'x', password: 'y' } })).status);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const r = await api.call('POST', '/api/auth/login', { body: { username: 'x', password: 'y' } });
      expect(r.body.code).toBe('RATE_LIMITED');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      deps.rateLimiter = saved;
    }
  });
});

describe('bad input never gives a 500', () => {
  test('garbage in bodies, queries and paths', async () => {
    const t = (await api.login('dev1')).accessToken;
    const auditor = (await api.login('auditor')).accessToken;
    const cases: [string, string, unknown?, string?][] = [
      ['POST', '/api/auth/login', { username: ['a'], password: { $gt: '' } }],
      ['POST', '/api/auth/login', 'not json at all'],
      ['POST', '/api/auth/refresh', { refreshToken: 12 }],
      ['POST', '/api/auth/totp/verify', { challenge: 'x', code: 'abcdef' }],
      ['POST', '/api/auth/totp/verify', { challenge: 'x'.repeat(100), code: '123456' }],
      ['POST', '/api/auth/password/initial', { challenge: 'eyJ.x.y', newPassword: 'Good#Pass2026' }],
      ['POST', '/api/auth/wechat/login', { code: '' }],
      ['POST', '/api/auth/wechat/login', { code: 'made-up-code' }],
      ['POST', '/api/auth/gdid/exchange', { ticket: 'x'.repeat(30) }],
      ['POST', '/api/auth/gdid/start', { mode: 'bind' }],
      ['POST', '/api/auth/gdid/start', { mode: 'login', returnTo: 'https://evil.example/steal' }],
      ['GET', '/api/auth/gdid/callback?code=x&state=nope'],
      ['GET', '/api/projects?page=-1&pageSize=100000', undefined, t],
      ['GET', '/api/projects/abc', undefined, t],
      ['GET', '/api/projects/999999', undefined, t],
      ['GET', '/api/orgs/1e9', undefined, t],
      ['GET', '/api/my/houses/0', undefined, t],
      ['GET', '/api/files/not-a-uuid', undefined, t],
      ['GET', '/api/files/00000000-0000-4000-8000-000000000000', undefined, t],
      ['GET', '/api/audit?from=yesterday&result=maybe', undefined, auditor],
      ['GET', '/api/calendar?year=abc', undefined, t],
      ['GET', '/api/calendar/deadline?from=2026-02-30&days=3', undefined, t],
      ['PUT', '/api/calendar/2026-13-01', { kind: 'holiday', name: 'x' }, t],
      ['GET', '/api/nothing-here'],
      ['GET', '/api/me', undefined, 'garbage token'],
    ];
    for (const [method, p, body, tok] of cases) {
      const headers: Record<string, string> = tok ? { authorization: `Bearer ${tok}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(api.url + p, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), redirect: 'manual' });
      const json = (await res.json()) as { code: string; message: string };
      expect({ p, status: res.status >= 400 && res.status < 500 }).toEqual({ p, status: true });
      expect(json.code).toMatch(/^[A-Z_]+$/);
      expect(json.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('WeChat login through the simulator', () => {
  test('a code works once; a new openid becomes a public user', async () => {
    const c = (await api.call('POST', '/sim/wechat/dev-code', { body: { openid: 'o_new_visitor_1' } })).body.code;
    const first = await api.call('POST', '/api/auth/wechat/login', { body: { code: c } });
    expect(first.status).toBe(200);
    expect(first.body.user.roles).toEqual(['public']);
    expect(JSON.stringify(first.body)).not.toContain('session_key');
    const again = await api.call('POST', '/api/auth/wechat/login', { body: { code: c } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('WECHAT_CODE_INVALID');
  });

  test('WeChat being down is a 502 with a clear message, not a 500', async () => {
    const { deps } = api.app;
    const saved = deps.wechat;
    deps.wechat = new WechatClient({ base: 'http://127.0.0.1:9/none', appid: 'x', secret: 'y' });
    try {
      const r = await api.call('POST', '/api/auth/wechat/login', { body: { code: 'abc' } });
      expect(r.status).toBe(502);
      expect(r.body.code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      deps.wechat = saved;
    }
  });
});

describe('unified identity (OIDC + PKCE) through the simulator', () => {
  async function throughProvider(authorizeUrl: string, sub: string): Promise<string> {
    const page = await fetch(authorizeUrl);
    expect(page.status).toBe(200);
    const q = Object.fromEntries(new URL(authorizeUrl).searchParams);
    expect(q.code_challenge_method).toBe('S256');
    const decide = await fetch(`${api.url}/sim/gdid/authorize`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...q, sub }),
    });
    expect(decide.status).toBe(302);
    const callback = await fetch(decide.headers.get('location')!, { redirect: 'manual' });
    expect(callback.status).toBe(302);
    const back = callback.headers.get('location')!;
    const ticket = /gdid_ticket=([^&]+)/.exec(back)![1];
    return decodeURIComponent(ticket);
  }

  test('an owner known by ID number logs in and is the same person', async () => {
    const start = await api.call('POST', '/api/auth/gdid/start', { body: { mode: 'login' } });
    const ticket = await throughProvider(start.body.authorizeUrl, 'gd-0001');
    const r = await api.call('POST', '/api/auth/gdid/exchange', { body: { ticket } });
    expect(r.body.result).toBe('login');
    expect(r.body.user.displayName).toBe('张三');
    expect(r.body.user.realNameVerified).toBe(true);
    expect(r.body.user.roles).toContain('owner');
    const owner = await User.findOne({ where: { wechat_openid: 'o_demo_owner_a' } });
    expect(r.body.user.id).toBe(owner!.id);
    // A ticket is single-use.
    expect((await api.call('POST', '/api/auth/gdid/exchange', { body: { ticket } })).body.code).toBe('GDID_TICKET_INVALID');
  });

  test('a logged-in person binds their real name; the identity cannot bind a second account', async () => {
    const pub = await api.wechatLogin('o_demo_public_a');
    const start = await api.call('POST', '/api/auth/gdid/start', { token: pub.accessToken, body: { mode: 'bind' } });
    const ticket = await throughProvider(start.body.authorizeUrl, 'gd-0004');
    const r = await api.call('POST', '/api/auth/gdid/exchange', { body: { ticket } });
    expect(r.body.result).toBe('bound');
    expect(r.body.user).toMatchObject({ gdidBound: true, realNameVerified: true, displayName: '陈六' });

    const other = await api.wechatLogin('o_demo_broker_a');
    const s2 = await api.call('POST', '/api/auth/gdid/start', { token: other.accessToken, body: { mode: 'bind' } });
    const q = Object.fromEntries(new URL(s2.body.authorizeUrl).searchParams);
    const decide = await fetch(`${api.url}/sim/gdid/authorize`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...q, sub: 'gd-0004' }),
    });
    const cb = await fetch(decide.headers.get('location')!, { redirect: 'manual' });
    expect(cb.status).toBe(409);
    expect(((await cb.json()) as { code: string }).code).toBe('GDID_ALREADY_BOUND');
  });

  test('the token endpoint refuses a wrong PKCE verifier', async () => {
    const start = await api.call('POST', '/api/auth/gdid/start', { body: { mode: 'login' } });
    const q = Object.fromEntries(new URL(start.body.authorizeUrl).searchParams);
    const decide = await fetch(`${api.url}/sim/gdid/authorize`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...q, sub: 'gd-0002' }),
    });
    const code = new URL(decide.headers.get('location')!).searchParams.get('code')!;
    const tok = await fetch(`${api.url}/sim/gdid/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: q.redirect_uri, client_id: q.client_id, client_secret: 'hq-demo-gdid-secret', code_verifier: 'wrong'.repeat(10) }),
    });
    expect(tok.status).toBe(400);
    expect(((await tok.json()) as { error_description: string }).error_description).toContain('PKCE');
  });
});

describe('working-day calendar administration', () => {
  test('the system administrator adds a holiday and deadlines move; the change is audited', async () => {
    const sys = (await api.login('sysadmin')).accessToken;
    const before = (await api.call('GET', '/api/calendar/deadline?from=2026-12-24&days=1', { token: sys })).body.deadline;
    expect(before).toBe('2026-12-25');
    const put = await api.call('PUT', '/api/calendar/2026-12-25', { token: sys, body: { kind: 'holiday', name: '测试假日' } });
    expect(put.status).toBe(200);
    expect((await api.call('GET', '/api/calendar/deadline?from=2026-12-24&days=1', { token: sys })).body.deadline).toBe('2026-12-28');
    expect(await CalendarDay.count({ where: { date: '2026-12-25' } })).toBe(1);
    const dev = (await api.login('dev1')).accessToken;
    expect((await api.call('PUT', '/api/calendar/2026-12-26', { token: dev, body: { kind: 'holiday', name: 'x' } })).status).toBe(403);
    const holidays = (await api.call('GET', '/api/calendar?year=2026', { token: dev })).body;
    expect(holidays.find((d: { date: string }) => d.date === '2026-02-14')).toMatchObject({ kind: 'workday' });
  });
});

describe('SQLite or MySQL under concurrent writes', () => {
  test('fifty concurrent logins all succeed (no SQLITE_BUSY)', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => api.call('POST', '/api/auth/login', { body: { username: 'agency1', password: 'Hengqin@2026' } })));
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  });
});

describe('logs', () => {
  test('JSON lines with request ids; no passwords, tokens or ID numbers', async () => {
    const lines: string[] = [];
    const { deps } = api.app;
    const saved = deps.logger;
    deps.logger = pino({ level: 'debug', base: undefined }, { write: (s: string) => lines.push(s) });
    let t = { accessToken: '', refreshToken: '' };
    try {
      await api.call('POST', '/api/auth/login', { body: { username: 'dev1', password: 'Secret#Pass99' } });
      t = await api.login('agency1');
      await api.call('POST', '/api/auth/refresh', { body: { refreshToken: t.refreshToken } });
      await api.call('GET', '/api/me', { token: t.accessToken });
      await api.wechatLogin('o_demo_owner_a'); // owner with an ID number on file
    } finally {
      deps.logger = saved;
    }
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ msg: 'request', method: 'POST' });
    expect(first.requestId).toMatch(/.{8,}/);
    expect(text).not.toContain('Secret#Pass99');
    expect(text).not.toContain(t.accessToken);
    expect(text).not.toContain(t.refreshToken);
    expect(text).not.toMatch(/(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])/);
  });
});
