import jwt from 'jsonwebtoken';
import { Session, User } from '../src/platform/models';
import { totpCode, totpStep } from '../src/platform/auth/totp';
import { startTestApi, DEMO_PASSWORD, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('password login with lockout', () => {
  test('five wrong passwords lock the account for 15 minutes; the security administrator unlocks it', async () => {
    const tries = [];
    for (let i = 0; i < 4; i++) tries.push(await api.call('POST', '/api/auth/login', { body: { username: 'dev2', password: 'Wrong#pass1' } }));
    expect(tries.map((t) => t.status)).toEqual([401, 401, 401, 401]);
    expect(tries[0].body.code).toBe('LOGIN_FAILED');
    expect(tries[3].body.message).toContain('还可尝试1次');

    const fifth = await api.call('POST', '/api/auth/login', { body: { username: 'dev2', password: 'Wrong#pass1' } });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');

    // Even the right password is refused while locked.
    const locked = await api.call('POST', '/api/auth/login', { body: { username: 'dev2', password: DEMO_PASSWORD } });
    expect(locked.status).toBe(423);
    const user = await User.findOne({ where: { username: 'dev2' } });
    expect(new Date(user!.locked_until!).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);

    // Only the security administrator may unlock (separation of duties).
    const sys = await api.login('sysadmin');
    const denied = await api.call('POST', `/api/admin/users/${user!.id}/unlock`, { token: sys.accessToken });
    expect(denied.status).toBe(403);
    const sec = await api.login('secadmin');
    const unlock = await api.call('POST', `/api/admin/users/${user!.id}/unlock`, { token: sec.accessToken });
    expect(unlock.status).toBe(200);
    const ok = await api.call('POST', '/api/auth/login', { body: { username: 'dev2', password: DEMO_PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body.next).toBe('done');
  });

  test('the lock lifts by itself after 15 minutes', async () => {
    const user = (await User.findOne({ where: { username: 'agency1' } }))!;
    await user.update({ locked_until: new Date(Date.now() - 1000), failed_logins: 0 });
    const r = await api.call('POST', '/api/auth/login', { body: { username: 'agency1', password: DEMO_PASSWORD } });
    expect(r.status).toBe(200);
  });

  test('an unknown user gets the same answer as a wrong password', async () => {
    const r = await api.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'Whatever#1' } });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('LOGIN_FAILED');
    expect(r.body.message).toBe('用户名或密码错误');
  });

  test('missing fields are named in Chinese', async () => {
    const r = await api.call('POST', '/api/auth/login', { body: { username: '' } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'username']);
    expect(r.body.message).toContain('用户名');
  });
});

describe('first login, password rules and TOTP enrolment', () => {
  test('a new auditor changes the password, enrols TOTP from the QR step, and gets a session', async () => {
    const first = await api.call('POST', '/api/auth/login', { body: { username: 'newauditor', password: DEMO_PASSWORD } });
    expect(first.body).toMatchObject({ next: 'change_password', reason: 'first_login' });

    const weak = await api.call('POST', '/api/auth/password/initial', { body: { challenge: first.body.challenge, newPassword: 'abcdefgh' } });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].message).toContain('至少3类');

    const changed = await api.call('POST', '/api/auth/password/initial', { body: { challenge: first.body.challenge, newPassword: 'New#Audit2026' } });
    expect(changed.body.next).toBe('totp_enrol');
    expect(changed.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(changed.body.otpauthUrl).toContain(`secret=${changed.body.secret}`);

    const wrong = await api.call('POST', '/api/auth/totp/enrol', { body: { challenge: changed.body.challenge, code: '000000' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('TOTP_INVALID');

    const code = totpCode(changed.body.secret, totpStep());
    const done = await api.call('POST', '/api/auth/totp/enrol', { body: { challenge: changed.body.challenge, code } });
    expect(done.body.next).toBe('done');
    expect(done.body.user.totpEnrolled).toBe(true);

    // The same code cannot be used twice.
    const again = await api.call('POST', '/api/auth/login', { body: { username: 'newauditor', password: 'New#Audit2026' } });
    expect(again.body.next).toBe('totp');
    const replay = await api.call('POST', '/api/auth/totp/verify', { body: { challenge: again.body.challenge, code } });
    expect(replay.body.code).toBe('TOTP_INVALID');
  });

  test('a regulator whose password is older than 90 days must change it', async () => {
    await User.update({ password_changed_at: new Date(Date.now() - 91 * 86400_000) }, { where: { username: 'leader' } });
    const r = await api.call('POST', '/api/auth/login', { body: { username: 'leader', password: DEMO_PASSWORD } });
    expect(r.body).toMatchObject({ next: 'change_password', reason: 'expired' });
  });

  test('a challenge token cannot be used as an access token', async () => {
    const r = await api.call('POST', '/api/auth/login', { body: { username: 'reviewer1', password: DEMO_PASSWORD } });
    const me = await api.call('GET', '/api/me', { token: r.body.challenge });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('TOKEN_INVALID');
  });
});

describe('tokens', () => {
  test('alg none and tampered tokens are refused', async () => {
    const { accessToken } = await api.login('dev1');
    expect((await api.call('GET', '/api/me', { token: accessToken })).status).toBe(200);
    const [h, p] = accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());

    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const r1 = await api.call('GET', '/api/me', { token: none });
    expect(r1.status).toBe(401);
    expect(r1.body.code).toBe('TOKEN_INVALID');

    const forged = Buffer.from(JSON.stringify({ ...payload, sub: '1' })).toString('base64url');
    const r2 = await api.call('GET', '/api/me', { token: `${h}.${forged}.${accessToken.split('.')[2]}` });
    expect(r2.status).toBe(401);

    const otherKey = jwt.sign({ sid: payload.sid }, 'x'.repeat(40), { algorithm: 'HS256', audience: 'hq-api', issuer: 'hq-realestate', subject: payload.sub });
    expect((await api.call('GET', '/api/me', { token: otherKey })).status).toBe(401);

    const wrongAud = jwt.sign({ sid: payload.sid }, api.app.deps.config.jwtSecret, { algorithm: 'HS256', audience: 'other', issuer: 'hq-realestate', subject: payload.sub });
    expect((await api.call('GET', '/api/me', { token: wrongAud })).status).toBe(401);

    const expired = jwt.sign({ sid: payload.sid, exp: Math.floor(Date.now() / 1000) - 10 }, api.app.deps.config.jwtSecret, {
      algorithm: 'HS256', audience: 'hq-api', issuer: 'hq-realestate', subject: payload.sub,
    });
    const r3 = await api.call('GET', '/api/me', { token: expired });
    expect(r3.body.code).toBe('TOKEN_EXPIRED');

    const hs512 = jwt.sign({ sid: payload.sid }, api.app.deps.config.jwtSecret, { algorithm: 'HS512', audience: 'hq-api', issuer: 'hq-realestate', subject: payload.sub });
    expect((await api.call('GET', '/api/me', { token: hs512 })).status).toBe(401);
  });

  test('refresh tokens rotate; a reused one revokes the whole session', async () => {
    const first = await api.login('dev1');
    const r1 = await api.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(first.refreshToken);
    expect((await api.call('GET', '/api/me', { token: r1.body.accessToken })).status).toBe(200);

    // The old refresh token shows up again: someone copied it.
    const reuse = await api.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_REUSED');
    // …and the legitimate holder's tokens stop working at once.
    expect((await api.call('GET', '/api/me', { token: r1.body.accessToken })).body.code).toBe('SESSION_REVOKED');
    expect((await api.call('POST', '/api/auth/refresh', { body: { refreshToken: r1.body.refreshToken } })).status).toBe(401);
  });

  test('two refreshes racing with one token: exactly one wins', async () => {
    const t = await api.login('dev1');
    const results = await Promise.all([1, 2, 3].map(() => api.call('POST', '/api/auth/refresh', { body: { refreshToken: t.refreshToken } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  test('logout revokes the access token at once', async () => {
    const t = await api.login('dev1');
    expect((await api.call('POST', '/api/auth/logout', { token: t.accessToken })).status).toBe(200);
    const me = await api.call('GET', '/api/me', { token: t.accessToken });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('SESSION_REVOKED');
    expect((await api.call('POST', '/api/auth/refresh', { body: { refreshToken: t.refreshToken } })).status).toBe(401);
  });

  test('disabling an account revokes its sessions at once', async () => {
    const victim = await api.login('bank1');
    const sys = await api.login('sysadmin');
    const bank = (await User.findOne({ where: { username: 'bank1' } }))!;
    expect((await api.call('POST', `/api/admin/users/${bank.id}/disable`, { token: sys.accessToken })).status).toBe(200);
    expect((await api.call('GET', '/api/me', { token: victim.accessToken })).status).toBe(401);
    expect((await api.call('POST', '/api/auth/login', { body: { username: 'bank1', password: DEMO_PASSWORD } })).body.code).toBe('ACCOUNT_DISABLED');
    await api.call('POST', `/api/admin/users/${bank.id}/enable`, { token: sys.accessToken });
  });

  test('an admin web session ends after 30 idle minutes', async () => {
    const t = await api.login('dev1');
    const sid = JSON.parse(Buffer.from(t.accessToken.split('.')[1], 'base64url').toString()).sid;
    await Session.update({ last_seen_at: new Date(Date.now() - 29 * 60_000) }, { where: { id: sid } });
    expect((await api.call('GET', '/api/me', { token: t.accessToken })).status).toBe(200); // 29 min: still alive, and touched
    await Session.update({ last_seen_at: new Date(Date.now() - 31 * 60_000) }, { where: { id: sid } });
    const r = await api.call('GET', '/api/me', { token: t.accessToken });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SESSION_EXPIRED');
    expect((await api.call('POST', '/api/auth/refresh', { body: { refreshToken: t.refreshToken } })).body.code).toBe('SESSION_EXPIRED');
  });
});

describe('accounts under separation of duties', () => {
  test('the system administrator creates an account, the security administrator grants its role, the person must change the password', async () => {
    const sys = await api.login('sysadmin');
    const weak = await api.call('POST', '/api/admin/users', { token: sys.accessToken, body: { username: 'staff9', displayName: '新同事', initialPassword: 'short' } });
    expect(weak.status).toBe(400);
    const created = await api.call('POST', '/api/admin/users', { token: sys.accessToken, body: { username: 'staff9', displayName: '新同事', initialPassword: 'Temp#Pass2026' } });
    expect(created.status).toBe(201);
    const dup = await api.call('POST', '/api/admin/users', { token: sys.accessToken, body: { username: 'staff9', displayName: '重复', initialPassword: 'Temp#Pass2026' } });
    expect(dup.body.code).toBe('USERNAME_TAKEN');
    // The system administrator cannot grant roles.
    expect((await api.call('PUT', `/api/admin/users/${created.body.id}/roles`, { token: sys.accessToken, body: { roles: ['reviewer_1'] } })).status).toBe(403);
    const sec = await api.login('secadmin');
    const mixed = await api.call('PUT', `/api/admin/users/${created.body.id}/roles`, { token: sec.accessToken, body: { roles: ['audit_admin', 'reviewer_1'] } });
    expect(mixed.body.code).toBe('ADMIN_ROLE_EXCLUSIVE');
    expect((await api.call('PUT', `/api/admin/users/${created.body.id}/roles`, { token: sec.accessToken, body: { roles: ['developer_staff'] } })).status).toBe(200);
    const first = await api.call('POST', '/api/auth/login', { body: { username: 'staff9', password: 'Temp#Pass2026' } });
    expect(first.body).toMatchObject({ next: 'change_password', reason: 'first_login' });
  });
});
