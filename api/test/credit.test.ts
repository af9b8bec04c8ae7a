// The credit engine (RE-059…RE-064, RE-073…RE-075, RE-164, RE-168, PM-005): scores and grades on
// worked examples, each explained (which records, how many points, valid until when); a record
// entered by one regulator is reviewed by another; an objection without evidence is refused, an
// upheld one revokes the record and the subject is regraded; an enterprise reports its own good
// conduct and the association reviews it; other departments' batches import row by row and only
// once; the public rates agencies and brokers once a quarter, logged in, and it counts; standards
// are edited with audit (points frozen on past records); yearly snapshots keep the history.
import { addDays, creditValidUntil, quarterOf, shanghaiDate } from '@hq/common';
import { AuditLog, Org } from '../src/platform/models';
import { decrypt } from '../src/platform/crypto';
import { Broker } from '../src/modules/enterprises/models';
import { CreditEvent } from '../src/modules/credit/models';
import { startTestApi, type TestApi } from './harness';
import { settle, upload } from './enterprise-helpers';

let api: TestApi;
const tk: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  for (const u of ['dev1', 'dev2', 'agency1', 'association1', 'reviewer1', 'reviewer2', 'reviewer3']) tk[u] = (await api.login(u)).accessToken;
  for (const o of ['o_demo_owner_a', 'o_demo_owner_b', 'o_demo_committee_a', 'o_demo_public_a']) tk[o] = (await api.wechatLogin(o)).accessToken;
});
afterAll(() => api.close());

const call = (u: string, method: string, p: string, body?: unknown) => api.call(method, p, { token: tk[u], body });
const today = shanghaiDate();
const daysAgo = (n: number) => addDays(today, -n);
const credit = async (kind: string, id: number) => (await call('reviewer1', 'GET', `/api/credit/subjects/${kind}/${id}`)).body;
const basis = { type: 'circular', number: '横琴建督〔2026〕99号' };

let dev1Org: number;
let violationId: number;

describe('worked examples: score, grade and the explanation', () => {
  test('a first-grade developer with a city award: 60 + 10 + 5 + 3 = 78 (A), every point explained', async () => {
    dev1Org = (await call('dev1', 'GET', '/api/enterprises/mine')).body.id;
    const c = await credit('developer', dev1Org);
    expect(c.explanation).toMatchObject({ baseScore: 75, goodPoints: 3, badPoints: 0, score: 78, grade: 'A', gradeLabel: '较好', blacklisted: false });
    expect(c.explanation.base).toEqual([
      { code: 'registered', label: '已完成企业注册', points: 60, met: true },
      { code: 'qualification_valid', label: '持有有效的开发资质证书', points: 10, met: true },
      { code: 'qualification_first', label: '具有一级开发资质', points: 5, met: true },
    ]);
    expect(c.explanation.counted).toEqual([expect.objectContaining({ label: '获得市级优质工程奖', points: 3, occurredOn: '2026-03-16', validUntil: '2027-03-15' })]);
    expect(c.explanation.lines[c.explanation.lines.length - 1]).toBe('信用分78分，信用等级A（较好，70分及以上）');
  });

  test('a regulator enters a violation with evidence; the one who entered it cannot review it; once reviewed it counts: 78 − 10 = 68 (B)', async () => {
    const noEvidence = await call('reviewer1', 'POST', '/api/credit/events', {
      subjectKind: 'developer', subjectId: dev1Org, indicatorCode: 'presale_violation', occurredOn: daysAgo(10), title: '未取得预售许可收取认筹金', basis, evidenceFileIds: [],
    });
    expect(noEvidence.body.details).toEqual([{ field: 'evidenceFileIds', message: '证据材料至少需要1个文件，请上传后再提交' }]);
    const unknown = await call('reviewer1', 'POST', '/api/credit/events', {
      subjectKind: 'developer', subjectId: dev1Org, indicatorCode: 'late_tax', occurredOn: daysAgo(10), title: '未取得预售许可收取认筹金', basis, evidenceFileIds: [await upload(api, tk.reviewer1)],
    });
    expect(unknown.body.message).toContain('信用指标「late_tax」不在房地产开发企业的评级标准中，可选：quality_award_provincial（获得省级及以上优质工程奖）');
    const future = await call('reviewer1', 'POST', '/api/credit/events', {
      subjectKind: 'developer', subjectId: dev1Org, indicatorCode: 'presale_violation', occurredOn: addDays(today, 2), title: '未取得预售许可收取认筹金', basis, evidenceFileIds: [await upload(api, tk.reviewer1)],
    });
    expect(future.body.details).toEqual([{ field: 'occurredOn', message: '行为发生日期不能晚于今天' }]);

    const entered = await call('reviewer1', 'POST', '/api/credit/events', {
      subjectKind: 'developer', subjectId: dev1Org, indicatorCode: 'presale_violation', occurredOn: daysAgo(10), title: '未取得预售许可收取认筹金', basis,
      evidenceFileIds: [await upload(api, tk.reviewer1, '现场检查记录.png')],
    });
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ status: 'pending', statusLabel: '待审核', source: 'regulator', points: -10, validUntil: creditValidUntil(daysAgo(10), 12), subjectName: '珠海横琴金融岛置业有限公司' });
    violationId = entered.body.id;
    expect((await credit('developer', dev1Org)).explanation.excluded).toEqual([expect.objectContaining({ eventId: violationId, reason: '待审核，审核通过后计入' })]);
    expect((await call('reviewer1', 'POST', `/api/credit/events/${violationId}/review`, { decision: 'approve', opinion: '属实' })).body.code).toBe('CREDIT_REVIEW_OWN');
    expect((await call('association1', 'POST', `/api/credit/events/${violationId}/review`, { decision: 'approve', opinion: '属实' })).body.code).toBe('CREDIT_REVIEW_DENIED');
    const reviewed = await call('reviewer2', 'POST', `/api/credit/events/${violationId}/review`, { decision: 'approve', opinion: '经现场核查属实' });
    expect(reviewed.body).toMatchObject({ status: 'effective', reviewOpinion: '经现场核查属实' });
    expect((await call('reviewer3', 'POST', `/api/credit/events/${violationId}/review`, { decision: 'reject', opinion: '重复审核' })).body.code).toBe('CREDIT_EVENT_NOT_PENDING');
    const c = await credit('developer', dev1Org);
    expect(c.explanation).toMatchObject({ score: 68, grade: 'B', badPoints: 10 });
    expect(c.explanation.counted).toContainEqual(expect.objectContaining({ eventId: violationId, points: -10, validUntil: creditValidUntil(daysAgo(10), 12) }));
    expect(c.explanation.lines).toContain(`不良行为：未取得预售许可销售或违规收取预售款（${daysAgo(10)}，有效期至${creditValidUntil(daysAgo(10), 12)}）-10`);
    await settle();
    expect((await api.call('GET', `/api/public/developers/${dev1Org}`)).body.credit).toEqual({ score: 68, grade: 'B', gradeLabel: '一般', blacklisted: false });
  });

  test('a blacklist record puts the developer on the blacklist whatever its score', async () => {
    const dev2Org = (await call('dev2', 'GET', '/api/enterprises/mine')).body.id;
    expect((await credit('developer', dev2Org)).explanation).toMatchObject({ baseScore: 70, badPoints: 2, score: 68, grade: 'B' });
    const e = await call('reviewer1', 'POST', '/api/credit/events', {
      subjectKind: 'developer', subjectId: dev2Org, indicatorCode: 'false_material', occurredOn: daysAgo(30), title: '提供虚假业绩材料申报资质', basis: { type: 'decision', number: '横琴建罚〔2026〕7号' },
      evidenceFileIds: [await upload(api, tk.reviewer1)],
    });
    await call('reviewer2', 'POST', `/api/credit/events/${e.body.id}/review`, { decision: 'approve', opinion: '行政处罚决定已生效' });
    expect((await credit('developer', dev2Org)).explanation).toMatchObject({ score: 48, grade: 'blacklist', gradeLabel: '失信黑名单', blacklisted: true });
    const pub = (await api.call('GET', `/api/public/developers/${dev2Org}/credit`)).body;
    expect(pub).toMatchObject({ grade: 'blacklist', gradeLabel: '失信黑名单', score: 48 });
    expect(pub.records).toContainEqual(expect.objectContaining({ label: '提供虚假材料骗取资质或许可', points: -20, basisType: '决定书', basisNo: '横琴建罚〔2026〕7号', sourceLabel: '主管部门录入' }));
  });
});

describe('objection and revocation (异议、撤销)', () => {
  test('an objection without evidence is refused; an upheld one revokes the record and the developer is regraded, explained', async () => {
    const none = await call('dev1', 'POST', `/api/credit/events/${violationId}/objections`, { reason: '该项目已取得预售许可，通报所述情况不属实', evidenceFileIds: [] });
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual([{ field: 'evidenceFileIds', message: '证据材料（异议依据）至少需要1个文件，请上传后再提交' }]);
    expect((await call('dev1', 'POST', `/api/credit/events/${violationId}/objections`, { reason: '不属实', evidenceFileIds: [await upload(api, tk.dev1)] })).body.details[0].message)
      .toBe('原因：异议理由至少10个字，请说明哪一事实有误');
    // Only the subject's side objects; someone else's files are not evidence.
    expect((await call('dev2', 'POST', `/api/credit/events/${violationId}/objections`, { reason: '该项目已取得预售许可，通报所述情况不属实', evidenceFileIds: [await upload(api, tk.dev2)] })).status).toBe(403);
    const foreignFile = await upload(api, tk.dev2, 'not-mine.png');
    expect((await call('dev1', 'POST', `/api/credit/events/${violationId}/objections`, { reason: '该项目已取得预售许可，通报所述情况不属实', evidenceFileIds: [foreignFile] })).body.message).toContain('不存在或不属于本单位');

    const objection = await call('dev1', 'POST', `/api/credit/events/${violationId}/objections`, {
      reason: '该项目已于收取认筹金前取得预售许可，通报所述情况不属实', evidenceFileIds: [await upload(api, tk.dev1, '预售许可证.png')],
    });
    expect(objection.status).toBe(201);
    expect(objection.body).toMatchObject({ status: 'pending', statusLabel: '待核实' });
    expect((await call('dev1', 'POST', `/api/credit/events/${violationId}/objections`, { reason: '再次提出同样的异议内容', evidenceFileIds: [await upload(api, tk.dev1)] })).body.code).toBe('OBJECTION_PENDING');
    expect((await call('reviewer1', 'GET', '/api/credit/objections?status=pending')).body.items.map((o: any) => o.id)).toContain(objection.body.id);
    expect((await call('dev1', 'POST', `/api/credit/objections/${objection.body.id}/decide`, { decision: 'uphold', opinion: '自己核实' })).status).toBe(403);

    const upheld = await call('reviewer3', 'POST', `/api/credit/objections/${objection.body.id}/decide`, { decision: 'uphold', opinion: '经核实该项目预售许可取得在先，原通报有误' });
    expect(upheld.body).toMatchObject({ status: 'upheld', statusLabel: '异议成立（已撤销）', opinion: '经核实该项目预售许可取得在先，原通报有误' });
    const event = (await call('dev1', 'GET', `/api/credit/events/${violationId}`)).body;
    expect(event).toMatchObject({ status: 'revoked', statusLabel: '已撤销', revokeReason: '异议成立：经核实该项目预售许可取得在先，原通报有误', objections: [expect.objectContaining({ status: 'upheld' })] });
    const c = await credit('developer', dev1Org);
    expect(c.explanation).toMatchObject({ score: 78, grade: 'A', badPoints: 0 });
    expect(c.explanation.excluded).toContainEqual(expect.objectContaining({ eventId: violationId, points: -10, reason: `已于${today}撤销（异议成立），不计入` }));
    expect(await AuditLog.count({ where: { action: 'credit.event.revoke', object_id: String(violationId) } })).toBe(1);
    await settle();
    const pub = (await api.call('GET', `/api/public/developers/${dev1Org}/credit`)).body;
    expect(pub).toMatchObject({ score: 78, grade: 'A' });
    expect(pub.records.map((r: any) => r.label)).toEqual(['获得市级优质工程奖']);
    // Nothing left to object to.
    expect((await call('dev1', 'POST', `/api/credit/events/${violationId}/objections`, { reason: '撤销后再次提出异议内容', evidenceFileIds: [await upload(api, tk.dev1)] })).body.code).toBe('CREDIT_EVENT_NOT_EFFECTIVE');
  });
});

describe('self-reported credit (信用备案申请) and the association’s review', () => {
  test('an agency reports its own good conduct; the association reviews; it counts; it cannot report for another agency', async () => {
    const ag = (await call('agency1', 'GET', '/api/enterprises/mine')).body.id;
    const before = (await credit('agency', ag)).explanation.score;
    const other = await Org.findOne({ where: { kind: 'agency', name: '珠海中原物业顾问横琴分公司' } });
    const body = { subjectKind: 'agency', indicatorCode: 'commendation', occurredOn: daysAgo(20), title: '受到合作区住建部门通报表扬', basis: { type: 'circular', number: '横琴建〔2026〕66号' } };
    expect((await call('agency1', 'POST', '/api/credit/events', { ...body, subjectId: other!.id, evidenceFileIds: [await upload(api, tk.agency1)] })).status).toBe(403);
    expect((await call('dev1', 'POST', '/api/credit/events', { ...body, subjectId: ag, evidenceFileIds: [await upload(api, tk.dev1)] })).status).toBe(403);
    const r = await call('agency1', 'POST', '/api/credit/events', { ...body, subjectId: ag, evidenceFileIds: [await upload(api, tk.agency1, '表扬通报.png')] });
    expect(r.body).toMatchObject({ status: 'pending', source: 'self_report', sourceLabel: '企业自主报送' });
    // Progress as the agency sees it (RE-165).
    expect((await call('agency1', 'GET', '/api/credit/events?status=pending')).body.items.map((e: any) => e.id)).toEqual([r.body.id]);
    await call('association1', 'POST', `/api/credit/events/${r.body.id}/review`, { decision: 'approve', opinion: '通报属实' });
    expect((await credit('agency', ag)).explanation.score).toBe(before + 3);
    // The agency lists only its own and its brokers' records.
    const mine = (await call('agency1', 'GET', '/api/credit/events?pageSize=100')).body.items;
    expect(mine.every((e: any) => (e.subjectKind === 'agency' && e.subjectId === ag) || e.subjectKind === 'broker')).toBe(true);
    expect((await call('dev1', 'GET', '/api/credit/events?pageSize=100')).body.items.every((e: any) => e.subjectKind === 'developer' && e.subjectId === dev1Org)).toBe(true);
    expect((await call('dev2', 'GET', `/api/credit/events/${violationId}`)).status).toBe(403);
    // Regulators search by year and enterprise name.
    const found = (await call('reviewer1', 'GET', `/api/credit/events?year=2026&keyword=${encodeURIComponent('金融岛')}`)).body.items;
    expect(found.map((e: any) => e.id)).toContain(violationId);
    expect(found.every((e: any) => e.subjectName === '珠海横琴金融岛置业有限公司')).toBe(true);
  });
});

describe('import from other departments (跨部门导入)', () => {
  test('a JSON batch is checked row by row; bad rows say why; a repeated batch imports nothing twice', async () => {
    const dev = await Org.findByPk(dev1Org);
    const broker = await Broker.findOne({ where: { status: 'active' }, order: [['id', 'DESC']] });
    const brokerId = decrypt(api.app.deps.config.dataKey, broker!.id_no_enc);
    const row = { subjectKind: 'developer', indicatorCode: 'complaint_verified', occurredOn: daysAgo(5), title: '12345热线投诉经查属实', basis: { type: 'fact', number: '热线工单HQ2026-1188' } };
    const batch = {
      sourceDept: '合作区市场监督管理局',
      items: [
        { ...row, externalRef: 'SJ-001', uscc: dev!.uscc!.toLowerCase() },
        { ...row, externalRef: 'SJ-002', uscc: '91440400MA4UTEST00' },
        { ...row, externalRef: 'SJ-003', uscc: dev!.uscc, indicatorCode: 'parking' },
        { ...row, externalRef: 'SJ-004', subjectKind: 'broker', brokerIdNumber: brokerId, indicatorCode: 'false_listing', title: '网络平台发布虚假房源' },
      ],
    };
    expect((await call('dev1', 'POST', '/api/credit/events/import', batch)).status).toBe(403);
    const r = await call('reviewer1', 'POST', '/api/credit/events/import', batch);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 2, duplicates: 0, failed: 2 });
    expect(r.body.rows.map((x: any) => [x.externalRef, x.result])).toEqual([['SJ-001', 'created'], ['SJ-002', 'failed'], ['SJ-003', 'failed'], ['SJ-004', 'created']]);
    expect(r.body.rows[1].message).toContain('统一社会信用代码');
    expect(r.body.rows[2].message).toBe('信用指标「parking」不在房地产开发企业的评级标准中');
    const again = await call('reviewer1', 'POST', '/api/credit/events/import', batch);
    expect(again.body).toMatchObject({ created: 0, duplicates: 2, failed: 2 });
    const imported = (await call('reviewer1', 'GET', '/api/credit/events?source=import')).body.items;
    expect(imported.map((e: any) => [e.externalRef, e.status, e.sourceDept])).toEqual([['SJ-004', 'pending', '合作区市场监督管理局'], ['SJ-001', 'pending', '合作区市场监督管理局']]);
    // Reviewed like any other record, by someone other than the importer.
    const sj1 = imported.find((e: any) => e.externalRef === 'SJ-001');
    expect((await call('reviewer2', 'POST', `/api/credit/events/${sj1.id}/review`, { decision: 'approve', opinion: '已核实' })).body.status).toBe('effective');
    expect((await credit('developer', dev1Org)).explanation.score).toBe(76);
  });
});

describe('public ratings (信用信息评价) feed the credit', () => {
  test('not logged in is 401; once per person per broker per quarter with a reason; own agency refused; three ratings move the grade', async () => {
    const anju = await Org.findOne({ where: { name: '横琴安居房地产经纪有限公司' } });
    const theirs = await Broker.findOne({ where: { agency_org_id: anju!.id, status: 'active' } });
    // A broker with no records: base 65 + 10 = 75 (A).
    const events = await CreditEvent.findAll({ attributes: ['subject_kind', 'subject_id'] });
    const target = (await Broker.findAll({ where: { status: 'active' }, order: [['id', 'ASC']] }))
      .find((b) => b.agency_org_id !== anju!.id && !events.some((e) => e.subject_kind === 'broker' && e.subject_id === b.id))!;
    expect((await credit('broker', target.id)).explanation).toMatchObject({ score: 75, grade: 'A' });
    const rating = { subjectKind: 'broker', subjectId: target.id, professionalism: 5, attitude: 5, process: 5, reason: '讲解清楚，带看及时，电话13812345678随时回复' };

    const anonymous = await api.call('POST', '/api/ratings', { body: rating });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH_REQUIRED']);
    const first = await call('o_demo_owner_a', 'POST', '/api/ratings', rating);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ quarter: quarterOf(today), stars: 5 });
    const twice = await call('o_demo_owner_a', 'POST', '/api/ratings', { ...rating, professionalism: 1, reason: '再评一次试试看' });
    expect([twice.status, twice.body.code]).toEqual([409, 'RATING_ONCE_PER_QUARTER']);
    expect(twice.body.message).toContain(`${today.slice(0, 4)}年第${quarterOf(today).slice(-1)}季度`);
    expect((await call('o_demo_owner_a', 'POST', '/api/ratings', { ...rating, reason: '好' })).body.details).toEqual([{ field: 'reason', message: '原因：评价理由至少5个字' }]);
    // Rating one's own agency's broker is refused.
    expect((await call('agency1', 'POST', '/api/ratings', { ...rating, subjectId: theirs!.id })).body.code).toBe('RATING_SELF');
    expect((await call('o_demo_owner_a', 'POST', '/api/ratings', { ...rating, subjectId: 99999999 })).status).toBe(404);

    // Two ratings are not enough to count; the third moves 75 to 80 (AA).
    await call('o_demo_owner_b', 'POST', '/api/ratings', rating);
    expect((await credit('broker', target.id)).explanation.rating).toMatchObject({ count: 2, points: 0 });
    await call('o_demo_committee_a', 'POST', '/api/ratings', rating);
    const c = await credit('broker', target.id);
    expect(c.explanation).toMatchObject({ score: 80, grade: 'AA', ratingPoints: 5, rating: { count: 3, average: 5, points: 5 } });
    expect(c.explanation.lines).toContain('公众评价：近12个月3条，平均5.00星 +5');

    await settle();
    const summary = (await api.call('GET', `/api/public/brokers/${target.id}/ratings`)).body;
    expect(summary).toMatchObject({ count: 3, average: 5, dimensions: { professionalism: 5, attitude: 5, process: 5 } });
    expect(summary.recent[0].reason).toBe('讲解清楚，带看及时，电话138****5678随时回复');
    expect(summary.recent.map((r: any) => r.rater)).toEqual(['王*', '李*', '张*']);
    expect((await api.call('GET', `/api/public/brokers/${target.id}/credit`)).body).toMatchObject({ score: 80, grade: 'AA', rating: { count: 3, points: 5 } });
    // Agencies are rated the same way.
    expect((await call('o_demo_public_a', 'POST', '/api/ratings', { ...rating, subjectKind: 'agency', subjectId: anju!.id })).status).toBe(201);
    expect((await api.call('GET', `/api/public/agencies/${anju!.id}/ratings`)).body.count).toBe(1);
  });
});

describe('standards (评级标准) and yearly snapshots (年度档案)', () => {
  test('regulators edit a standard with audit; a bad one is refused; past records keep their points, new ones use the new', async () => {
    const all = (await call('dev1', 'GET', '/api/credit/standards')).body;
    expect(all.map((s: any) => [s.kind, s.version])).toEqual([['developer', 1], ['agency', 1], ['broker', 1], ['property_company', 1]]);
    const dev = all[0];
    expect(dev.grades.map((g: any) => [g.grade, g.min])).toEqual([['AAA', 85], ['AA', 80], ['A', 70], ['B', 60], ['C', 0]]);
    const { kind: _k, kindLabel: _l, version: _v, updatedAt: _u, updatedBy: _b, baseFacts: _f, ...body } = dev;
    const edited = { ...body, indicators: body.indicators.map((i: any) => (i.code === 'presale_violation' ? { ...i, points: 12 } : i)) };
    expect((await call('dev1', 'PUT', '/api/credit/standards/developer', edited)).status).toBe(403);
    expect((await call('association1', 'PUT', '/api/credit/standards/developer', edited)).body.code).toBe('CREDIT_STANDARD_DENIED');
    const bad = await call('reviewer1', 'PUT', '/api/credit/standards/developer', { ...edited, grades: [{ grade: 'A', label: '好', min: 60 }, { grade: 'B', label: '差', min: 70 }] });
    expect(bad.body.code).toBe('CREDIT_STANDARD_INVALID');
    expect(bad.body.message).toContain('等级须按最低分从高到低排列');
    const ok = await call('reviewer1', 'PUT', '/api/credit/standards/developer', edited);
    expect(ok.body).toMatchObject({ version: 2, updatedBy: '初审 林晓' });
    const audit = await AuditLog.findOne({ where: { action: 'credit.standard.update', object_id: 'developer' } });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ version: 2, before: { indicators: expect.any(Array) }, after: { indicators: expect.any(Array) } });
    expect((await call('reviewer1', 'GET', `/api/credit/events/${violationId}`)).body.points).toBe(-10);
    const fresh = await call('reviewer1', 'POST', '/api/credit/events', {
      subjectKind: 'developer', subjectId: dev1Org, indicatorCode: 'presale_violation', occurredOn: daysAgo(1), title: '违规收取预售款项', basis, evidenceFileIds: [await upload(api, tk.reviewer1)],
    });
    expect(fresh.body.points).toBe(-12);
  });

  test('a year’s snapshot keeps each subject’s score as of 31 December; taking it again changes nothing', async () => {
    expect((await call('dev1', 'POST', '/api/credit/snapshots', { year: 2025 })).status).toBe(403);
    expect((await call('reviewer1', 'POST', '/api/credit/snapshots', { year: Number(today.slice(0, 4)) + 1 })).body.details[0].message).toContain('尚未开始');
    const r = await call('reviewer1', 'POST', '/api/credit/snapshots', { year: 2025 });
    expect(r.body.taken).toBeGreaterThan(20);
    expect((await call('reviewer1', 'POST', '/api/credit/snapshots', { year: 2025 })).body).toEqual({ year: 2025, taken: 0, skipped: r.body.taken });
    // At the end of 2025 the developer's 2026 award had not happened: the base alone, 75 (A).
    const c = await credit('developer', dev1Org);
    expect(c.history).toEqual([expect.objectContaining({ year: 2025, score: 75, grade: 'A', gradeLabel: '较好' })]);
    const pub = (await api.call('GET', `/api/public/developers/${dev1Org}/credit`)).body;
    expect(pub.history).toEqual([expect.objectContaining({ year: 2025, score: 75, grade: 'A' })]);
  });
});

describe('bad input to the new endpoints never gives a 500', () => {
  test('garbage bodies, queries and paths are 4xx with a Chinese message', async () => {
    const cases: [string, string, unknown?, string?][] = [
      ['GET', '/api/public/brokers?page=abc'],
      ['GET', '/api/public/brokers/abc'],
      ['GET', '/api/public/brokers/99999999/credit'],
      ['GET', '/api/public/certificates/verify'],
      ['GET', '/api/public/property-companies/0'],
      ['GET', '/api/credit/subjects/nobody/1', undefined, 'reviewer1'],
      ['GET', '/api/credit/subjects/developer/99999999', undefined, 'reviewer1'],
      ['POST', '/api/credit/events', { subjectKind: 'developer', subjectId: 'x', basis: 'y' }, 'reviewer1'],
      ['POST', '/api/credit/events/import', { sourceDept: 'x', items: 'all' }, 'reviewer1'],
      ['POST', '/api/credit/events/99999999/review', { decision: 'approve', opinion: '同意' }, 'reviewer1'],
      ['POST', '/api/credit/objections/99999999/decide', { decision: 'maybe' }, 'reviewer1'],
      ['PUT', '/api/credit/standards/developer', { grades: 5 }, 'reviewer1'],
      ['POST', '/api/ratings', { subjectKind: 'developer', subjectId: 1 }, 'o_demo_owner_a'],
      ['POST', '/api/brokers', { idNumber: ['x'] }, 'agency1'],
      ['GET', '/api/brokers/99999999', undefined, 'agency1'],
      ['POST', '/api/brokers/check', { idType: 'passport', idNumber: '1' }, 'agency1'],
      ['POST', '/api/broker-qualifications/99999999/check', { result: 'pass', note: '检查' }, 'association1'],
      ['GET', '/api/enterprises/abc', undefined, 'reviewer1'],
      ['POST', '/api/enterprises', { kind: 'bank', name: 'x' }, 'reviewer1'],
      ['POST', '/api/agencies/99999999/cancel', { reason: '注销原因说明' }, 'reviewer3'],
      ['GET', '/api/certificates/99999999/certificate.pdf', undefined, 'reviewer1'],
      ['GET', '/api/enterprises/mine', undefined, 'reviewer1'],
    ];
    for (const [method, p, body, who] of cases) {
      const r = await api.call(method, p, { token: who ? tk[who] : undefined, body });
      expect({ p, status: r.status >= 400 && r.status < 500 }).toEqual({ p, status: true });
      expect(r.body.code).toMatch(/^[A-Z_]+$/);
      expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
