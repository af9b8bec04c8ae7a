import { AuditHead, AuditLog } from '../src/platform/models';
import { appendAudit, SYSTEM_ACTOR } from '../src/platform/audit/audit';
import { verifyAuditChain } from '../src/platform/audit/verify';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function verify(token: string) {
  return (await api.call('POST', '/api/audit/verify', { token })).body;
}

describe('audit chain', () => {
  test('logins, failures and state changes are recorded without secrets', async () => {
    await api.call('POST', '/api/auth/login', { body: { username: 'dev1', password: 'Wrong#pass1' } });
    const auditor = await api.login('auditor');
    await api.call('POST', '/api/me/password', { token: auditor.accessToken, body: { oldPassword: 'bad', newPassword: 'Another#Pass1' } });
    const page = (await api.call('GET', '/api/audit?pageSize=50', { token: auditor.accessToken })).body;
    const actions = page.items.map((i: { action: string; result: string }) => `${i.action}:${i.result}`);
    expect(actions).toEqual(expect.arrayContaining(['auth.login:failure', 'auth.login:success', 'user.password.change:failure']));
    const all = JSON.stringify(await AuditLog.findAll());
    expect(all).not.toContain('Wrong#pass1');
    expect(all).not.toContain(auditor.accessToken);
    expect(all).not.toContain(auditor.refreshToken);
    expect(all).not.toMatch(/(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])/); // no full ID numbers
  });

  test('verify finds an edited record and says which', async () => {
    const auditor = await api.login('auditor');
    expect((await verify(auditor.accessToken)).ok).toBe(true);
    const victim = (await AuditLog.findOne({ where: { action: 'auth.login', result: 'failure' } }))!;
    await AuditLog.update({ result: 'success' }, { where: { seq: victim.seq } }); // someone hides a failed login
    const r = await verify(auditor.accessToken);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: Number(victim.seq), kind: 'edited' }));
    await AuditLog.update({ result: 'failure' }, { where: { seq: victim.seq } });
    expect((await verify(auditor.accessToken)).ok).toBe(true);
  });

  test('verify finds a deleted record, and a deleted tail', async () => {
    const auditor = await api.login('auditor');
    const rows = await AuditLog.findAll({ order: [['seq', 'ASC']] });
    const middle = rows[Math.floor(rows.length / 2)];
    await AuditLog.destroy({ where: { seq: middle.seq } });
    let r = await verify(auditor.accessToken);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: Number(middle.seq), kind: 'deleted' }));
    await AuditLog.create(middle.get({ plain: true }));

    const last = (await AuditLog.findOne({ order: [['seq', 'DESC']] }))!;
    await AuditLog.destroy({ where: { seq: last.seq } });
    r = await verify(auditor.accessToken);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: Number(last.seq), kind: 'tail_deleted' }));
    await AuditLog.create(last.get({ plain: true }));
    expect((await verify(auditor.accessToken)).ok).toBe(true);
  });

  test('a rewritten record with a recomputed hash still breaks the next link', async () => {
    const auditor = await api.login('auditor');
    const rows = await AuditLog.findAll({ order: [['seq', 'ASC']], limit: 3 });
    await AuditLog.update({ hash: 'f'.repeat(64) }, { where: { seq: rows[1].seq } });
    const r = await verify(auditor.accessToken);
    expect(r.problems.map((p: { seq: number; kind: string }) => `${p.seq}:${p.kind}`)).toEqual(
      expect.arrayContaining([`${rows[1].seq}:edited`, `${rows[2].seq}:broken_link`]),
    );
    await AuditLog.update({ hash: rows[1].hash }, { where: { seq: rows[1].seq } });
  });

  test('export is CSV and is itself audited', async () => {
    const auditor = await api.login('auditor');
    const res = await fetch(`${api.url}/api/audit/export`, { headers: { authorization: `Bearer ${auditor.accessToken}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    expect(text.split('\n')[0]).toContain('序号,时间');
    expect(await AuditLog.count({ where: { action: 'audit.export' } })).toBe(1);
  });

  test('chained records stay gap-free under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 30 }, () => api.call('POST', '/api/auth/login', { body: { username: 'dev1', password: 'Wrong#x12' } })));
    const auditor = await api.login('auditor');
    const r = await verify(auditor.accessToken);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(r.headSeq);
  });

  test('a transaction chains its records as its last step, in order, and a rollback takes them along', async () => {
    const db = api.app.deps.db;
    const before = Number((await AuditHead.findByPk(1))!.seq);
    await db.tx(async (t) => {
      await appendAudit(t, SYSTEM_ACTOR, { action: 'test.first' });
      // Not chained yet: the head is free for other writers while this transaction works.
      expect(Number((await AuditHead.findByPk(1, { transaction: t }))!.seq)).toBe(before);
      await appendAudit(t, SYSTEM_ACTOR, { action: 'test.second' });
    });
    const rows = await AuditLog.findAll({ where: { seq: [before + 1, before + 2] }, order: [['seq', 'ASC']] });
    expect(rows.map((r) => r.action)).toEqual(['test.first', 'test.second']);
    expect(rows[1].prev_hash).toBe(rows[0].hash);

    await expect(db.tx(async (t) => {
      await appendAudit(t, SYSTEM_ACTOR, { action: 'test.rolled_back' });
      throw new Error('the change fails');
    })).rejects.toThrow('the change fails');
    expect(await AuditLog.count({ where: { action: 'test.rolled_back' } })).toBe(0);
    expect(Number((await AuditHead.findByPk(1))!.seq)).toBe(before + 2);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
