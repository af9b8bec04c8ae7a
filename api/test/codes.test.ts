// 赋码: numbers are unique and gap-free per scope under 200 concurrent issuers, a rolled-back
// caller leaves no gap, a cancelled code is never reused and verifies as 已注销, scopes roll
// over at the new year (and month) in 横琴, permit numbers continue after the seeded permits,
// the public check says only what the code is, and only the system administrator edits rules.
import { Op } from 'sequelize';
import { CODE_FAMILIES } from '@hq/common';
import { AuditLog } from '../src/platform/models';
import { PresalePermit } from '../src/modules/realestate/models';
import { issueCode } from '../src/platform/codes';
import { CodeIssue } from '../src/platform/codes/models';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
let reviewer: string;
let sysadmin: string;
beforeAll(async () => {
  api = await startTestApi();
  reviewer = (await api.login('reviewer1')).accessToken;
  sysadmin = (await api.login('sysadmin')).accessToken;
});
afterAll(() => api.close());

const MAY_2026 = new Date('2026-05-10T02:00:00Z');
const issue = (family: Parameters<typeof issueCode>[1], at = MAY_2026, objectId: number | string = 1) =>
  api.app.deps.db.tx((t) => issueCode(t, family, { objectType: 'contract', objectId, at }));
const verify = (code: string) => api.call('GET', `/api/public/codes/verify?code=${encodeURIComponent(code)}`);

describe('issuing', () => {
  test('200 concurrent issuers get 200 distinct codes numbered exactly 1..200', async () => {
    const issued = await Promise.all(Array.from({ length: 200 }, (_, i) => issue('new_home_contract', MAY_2026, i + 1)));
    const seqs = issued.map((c) => c.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(issued.map((c) => c.code)).size).toBe(200);
    expect(issued.every((c) => c.scope === '2026')).toBe(true);
    expect(issued.find((c) => c.seq === 12)!.code).toMatch(/^HQXF20260000012[0-9X]$/);
    expect(await CodeIssue.count({ where: { family: 'new_home_contract', scope_key: '2026' } })).toBe(200);
  });

  test('a caller that rolls back takes its number with it: the next code has no gap', async () => {
    const before = await issue('mortgage_contract');
    await expect(api.app.deps.db.tx(async (t) => {
      await issueCode(t, 'mortgage_contract', { objectType: 'contract', objectId: 'rolled-back', at: MAY_2026 });
      throw new Error('the mortgage filing failed after its number was drawn');
    })).rejects.toThrow('mortgage filing failed');
    const after = await issue('mortgage_contract');
    expect(after.seq).toBe(before.seq + 1);
    expect(await CodeIssue.count({ where: { object_id: 'rolled-back' } })).toBe(0);
  });

  test('when the first issuer of a new scope rolls back while 199 others wait, and every tenth of them rolls back too, the committed codes are 1..180', async () => {
    const AUG = new Date('2026-08-03T01:00:00Z');
    const tx = api.app.deps.db.tx;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = tx(async (t) => {
      await issueCode(t, 'lease_contract', { objectType: 'contract', objectId: 'first', at: AUG });
      await gate; // holds its fresh counter row while the others pile up behind it
      throw new Error('rolled back');
    });
    await new Promise((r) => setTimeout(r, 50));
    const others = Promise.allSettled(Array.from({ length: 199 }, (_, k) => tx(async (t) => {
      const c = await issueCode(t, 'lease_contract', { objectType: 'contract', objectId: `aug-${k}`, at: AUG });
      if (k % 10 === 9) throw new Error('rolled back');
      return c;
    })));
    await new Promise((r) => setTimeout(r, 100));
    release();
    await expect(first).rejects.toThrow('rolled back');
    const settled = await others;
    const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => String(s.reason));
    expect(failures).toEqual(Array(19).fill('Error: rolled back'));
    const rows = await CodeIssue.findAll({ where: { family: 'lease_contract', scope_key: '2026-08' }, order: [['seq', 'ASC']] });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  });

  test('the sequence restarts at the new year in 横琴 time, and monthly where the rule says so', async () => {
    const lastOf2026 = await issue('second_hand_contract', new Date('2026-12-31T15:59:00Z')); // 23:59 on 31 Dec
    const firstOf2027 = await issue('second_hand_contract', new Date('2026-12-31T16:01:00Z')); // 00:01 on 1 Jan
    expect(lastOf2026.scope).toBe('2026');
    expect(firstOf2027).toMatchObject({ scope: '2027', seq: 1 });
    expect(firstOf2027.code.startsWith('HQCL20270000001')).toBe(true);
    expect((await issue('second_hand_contract', new Date('2026-12-31T15:59:30Z'))).seq).toBe(lastOf2026.seq + 1);

    const march = [await issue('lease_contract', new Date('2026-03-05T00:00:00Z')), await issue('lease_contract', new Date('2026-03-20T00:00:00Z'))];
    const april = await issue('lease_contract', new Date('2026-04-01T00:00:00Z'));
    expect(march.map((c) => [c.scope, c.seq])).toEqual([['2026-03', 1], ['2026-03', 2]]);
    expect([april.scope, april.seq]).toEqual(['2026-04', 1]);
    expect(april.code).toMatch(/^HQZL202604000001[0-9A-Y]$/);
  });

  test('presale permit numbers continue after the seeded permits of the same authority and year', async () => {
    const seeded = await PresalePermit.max<number, PresalePermit>('seq', { where: { authority: '横琴房预许字', year: 2026 } });
    expect(seeded).toBeGreaterThan(0);
    const first = await issue('presale_permit', MAY_2026);
    expect(first.seq).toBe(seeded + 1);
    expect(first.code).toBe(`横琴房预许字（2026）第${String(seeded + 1).padStart(5, '0')}号`);
    expect((await issue('presale_permit', MAY_2026)).seq).toBe(seeded + 2);
    const other = await PresalePermit.max<number, PresalePermit>('seq', { where: { authority: '横琴房预许字', year: 2025 } });
    expect((await issue('presale_permit', new Date('2025-06-01T00:00:00Z'))).seq).toBe(other + 1);
  });
});

describe('cancelling and verifying', () => {
  test('the public check says what a code is and whether it stands, with nothing personal', async () => {
    const c = await issue('new_home_contract', MAY_2026, 4321);
    const r = await verify(c.code);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      valid: true, code: c.code, family: 'new_home_contract', familyLabel: '商品房网签合同备案号', status: '有效',
      objectType: 'contract', objectId: '4321', issuedAt: MAY_2026.toISOString(), cancelledAt: null,
    });
    expect(Object.keys(r.body).sort()).toEqual(['cancelledAt', 'code', 'family', 'familyLabel', 'issuedAt', 'message', 'objectId', 'objectType', 'status', 'valid']);

    const unknown = await verify('HQXF20269999999X');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ valid: false, family: null, status: null, message: '未查询到该编码，请核对是否输入有误' });
    // One wrong check character is a different code.
    const typo = c.code.slice(0, -1) + (c.code.endsWith('1') ? '2' : '1');
    expect((await verify(typo)).body.valid).toBe(false);
  });

  test('a permit number typed with half-width brackets is still found', async () => {
    const p = await issue('presale_permit', MAY_2026);
    const r = await verify(p.code.replace('（', '(').replace('）', ')'));
    expect(r.body).toMatchObject({ valid: true, code: p.code, familyLabel: '预售许可证号' });
  });

  test.each([
    ['', '请输入要核验的编码'],
    ['<script>alert(1)</script>', '编码只含文字、数字'],
    ['A'.repeat(65), '不超过64个字符'],
  ])('malformed input %p is a 400 with a Chinese message', async (code, message) => {
    const r = await verify(code);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain(message);
  });

  test('a regulator cancels a code with a reason; it then verifies as 已注销, is audited, and its number is never reused', async () => {
    const a = await issue('mortgage_contract', MAY_2026, 501);
    const row = (await CodeIssue.findOne({ where: { code: a.code } }))!;
    const cancel = (token: string, body: object) => api.call('POST', `/api/codes/issues/${row.id}/cancel`, { token, body });

    const noReason = await cancel(reviewer, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('请填写注销原因');
    expect((await cancel((await api.login('dev1')).accessToken, { reason: '合同解除' })).status).toBe(403);

    const ok = await cancel(reviewer, { reason: '抵押合同解除，注销备案' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ code: a.code, status: 'cancelled', statusLabel: '已注销', cancelReason: '抵押合同解除，注销备案' });
    expect((await cancel(reviewer, { reason: '再次注销' })).body.code).toBe('CODE_ALREADY_CANCELLED');

    const v = await verify(a.code);
    expect(v.body).toMatchObject({ valid: false, status: '已注销', family: 'mortgage_contract', objectId: '501' });
    expect(v.body.cancelledAt).not.toBeNull();

    const next = await issue('mortgage_contract', MAY_2026);
    expect(next.seq).toBe(a.seq + 1);
    expect(next.code).not.toBe(a.code);
    const audit = await AuditLog.findOne({ where: { action: 'code.cancel', object_id: String(row.id) } });
    expect(audit?.actor_name).toBe('初审 林晓');
    expect(audit?.detail).toContain('抵押合同解除');
  });

  test('regulators and the audit administrator read the register by family and scope; enterprises cannot', async () => {
    const auditor = (await api.login('auditor')).accessToken;
    const r = await api.call('GET', '/api/codes/issues?family=lease_contract&scope=2026-03', { token: auditor });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    expect(r.body.items.map((i: { seq: number }) => i.seq)).toEqual([2, 1]);
    expect(r.body.items[0]).toMatchObject({ familyLabel: '房屋租赁合同备案号', statusLabel: '有效' });
    expect((await api.call('GET', '/api/codes/issues?status=cancelled', { token: reviewer })).body.total).toBeGreaterThanOrEqual(1);
    expect((await api.call('GET', '/api/codes/issues', { token: (await api.login('dev1')).accessToken })).status).toBe(403);
  });
});

describe('rules', () => {
  test('every family has a rule with a readable example', async () => {
    const r = await api.call('GET', '/api/codes/rules', { token: sysadmin });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(CODE_FAMILIES.length);
    const permit = r.body.items.find((i: { family: string }) => i.family === 'presale_permit');
    expect(permit).toMatchObject({ familyLabel: '预售许可证号', scope: 'year', scopeLabel: '每年' });
    expect(permit.example).toMatch(/^横琴房预许字（\d{4}）第00001号$/);
  });

  test('a bad template is a 400 with a Chinese message and changes nothing', async () => {
    const put = (body: object, token = sysadmin) => api.call('PUT', '/api/codes/rules/new_home_contract', { token, body });
    const bad = await put({ prefix: 'HQXF', template: '{prefix}{yr}{seq:7}', scope: 'year' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CODE_RULE_INVALID');
    expect(bad.body.message).toContain('未知的占位符“{yr}”');
    const noYear = await put({ prefix: 'HQXF', template: '{prefix}{seq:7}', scope: 'year' });
    expect(noYear.body.message).toContain('模板须包含年份');
    expect((await put({ prefix: 'HQXF', template: '{prefix}{year}{seq:7}', scope: 'fortnight' })).body.message).toContain('流水号重置周期');
    expect((await api.call('PUT', '/api/codes/rules/no_such_family', { token: sysadmin, body: { prefix: 'A', template: '{year}{seq}', scope: 'year' } })).status).toBe(400);
    expect((await issue('new_home_contract')).code).toMatch(/^HQXF2026\d{7}[0-9X]$/);
  });

  test('only the system administrator edits rules; the edit is audited and the next code follows it without a gap', async () => {
    const body = { prefix: 'HQSP', template: '{prefix}-{year}-{seq:8}{check}', scope: 'year' };
    expect((await api.call('PUT', '/api/codes/rules/new_home_contract', { token: reviewer, body })).status).toBe(403);
    const before = await issue('new_home_contract');
    const ok = await api.call('PUT', '/api/codes/rules/new_home_contract', { token: sysadmin, body });
    expect(ok.status).toBe(200);
    const after = await issue('new_home_contract');
    expect(after.seq).toBe(before.seq + 1);
    expect(after.code).toMatch(new RegExp(`^HQSP-2026-${String(after.seq).padStart(8, '0')}[0-9X]$`));
    const audit = await AuditLog.findOne({ where: { action: 'code.rule.update', object_id: 'new_home_contract' } });
    expect(audit?.detail).toContain('HQSP');
    // Once codes exist, the reset period is fixed: a new scope would print old numbers again.
    const scope = await api.call('PUT', '/api/codes/rules/new_home_contract', { token: sysadmin, body: { ...body, scope: 'never' } });
    expect(scope.status).toBe(409);
    expect(scope.body.code).toBe('CODE_RULE_SCOPE_LOCKED');
    expect(await CodeIssue.count({ where: { family: 'new_home_contract', code: { [Op.like]: 'HQSP-%' } } })).toBe(1);
  });
});
