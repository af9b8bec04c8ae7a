import fs from 'node:fs';
import { AuditLog, FileObject } from '../src/platform/models';
import { Content } from '../src/modules/content/models';
import { seedContent, VIDEO_ASSET } from '../src/seed/content';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
let reviewer: string;
let leader: string;
beforeAll(async () => {
  api = await startTestApi();
  // demo.ts may or may not call seedContent yet; seedContent does nothing when content exists.
  if ((await Content.count()) === 0) await api.app.deps.db.tx((t) => seedContent(api.app.deps, t));
  reviewer = (await api.login('reviewer1')).accessToken;
  leader = (await api.login('leader')).accessToken;
});
afterAll(() => api.close());

const draft = (over: Record<string, unknown> = {}) => ({
  channel: 'notice', section: 'new_home', title: '关于测试通知的公告', summary: '测试摘要', body: '# 标题\n\n正文第一段。\n\n- 要点一\n- 要点二',
  issuer: '横琴粤澳深度合作区城市规划和建设局', ...over,
});

async function create(over: Record<string, unknown> = {}, token = reviewer) {
  const r = await api.call('POST', '/api/contents', { token, body: draft(over) });
  expect(r.status).toBe(201);
  return r.body;
}

const act = (id: number, action: string, body: Record<string, unknown>, token = reviewer) =>
  api.call('POST', `/api/contents/${id}/${action}`, { token, body });

async function publicIds(query = 'pageSize=200') {
  const r = await api.call('GET', `/api/public/contents?${query}`);
  expect(r.status).toBe(200);
  return (r.body.items as { id: number }[]).map((i) => i.id);
}

describe('demo content', () => {
  test('the public sees published policies, notices and guides of every section, and nothing else', async () => {
    const all = await Content.findAll();
    const ids = await publicIds();
    for (const c of all) expect({ id: c.id, status: c.status, visible: ids.includes(c.id) }).toEqual({ id: c.id, status: c.status, visible: c.status === 'published' });
    for (const section of ['new_home', 'second_hand', 'property']) {
      expect((await api.call('GET', `/api/public/contents?channel=policy&section=${section}`)).body.total).toBeGreaterThanOrEqual(2);
      expect((await api.call('GET', `/api/public/contents?channel=notice&section=${section}`)).body.total).toBeGreaterThanOrEqual(2);
    }
    for (const section of ['new_home', 'second_hand']) {
      for (const category of ['purchase_policy', 'process', 'land_use', 'residential_vs_non', 'risk_warning', 'faq']) {
        const r = await api.call('GET', `/api/public/contents?channel=guide&section=${section}&category=${category}`);
        expect({ section, category, total: r.body.total }).toEqual({ section, category, total: 1 });
      }
    }
    expect(all.map((c) => c.status)).toEqual(expect.arrayContaining(['scheduled', 'withdrawn', 'draft']));
    for (const c of all.filter((x) => x.status !== 'published')) {
      const r = await api.call('GET', `/api/public/contents/${c.id}`);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('CONTENT_NOT_FOUND');
    }
    expect((await api.call('GET', '/api/public/contents/999999')).body.code).toBe('CONTENT_NOT_FOUND');
  });

  test('keyword search finds a policy by its title and document number', async () => {
    const r = await api.call('GET', `/api/public/contents?keyword=${encodeURIComponent('物业管理条例')}`);
    expect(r.body.items.map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining(['《物业管理条例》要点', '《广东省物业管理条例》要点']));
    const byDocNo = await api.call('GET', `/api/public/contents?keyword=${encodeURIComponent('国务院令第379号')}`);
    expect(byDocNo.body.items[0]).toMatchObject({ title: '《物业管理条例》要点', issuer: '国务院', channel: 'policy', section: 'property' });
  });

  test('the land-use guide carries its comparison table as text', async () => {
    const list = await api.call('GET', '/api/public/contents?channel=guide&section=new_home&category=land_use');
    const detail = await api.call('GET', `/api/public/contents/${list.body.items[0].id}`);
    expect(detail.body.body).toContain('| 城镇住宅用地 | 住宅 | 70年 |');
  });
});

describe('publishing workflow', () => {
  test('draft → publish → update → withdraw, with optimistic locking and audit in the same steps', async () => {
    const c = await create();
    expect(c).toMatchObject({ status: 'draft', version: 1, actions: ['publish', 'schedule'] });
    expect((await api.call('GET', `/api/public/contents/${c.id}`)).status).toBe(404);

    const pub = await act(c.id, 'publish', { version: 1 });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'published', version: 2, actions: ['withdraw'] });
    const seen = await api.call('GET', `/api/public/contents/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ title: '关于测试通知的公告', body: draft().body, videoUrl: null, attachments: [] });
    expect(await publicIds('channel=notice&section=new_home&pageSize=200')).toContain(c.id);

    // Someone else saved in between: the editor who saw version 1 is told to reload.
    const stale = await api.call('PUT', `/api/contents/${c.id}`, { token: leader, body: { ...draft({ title: '旧版本的修改' }), version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONTENT_STALE');
    expect(stale.body.message).toContain('刷新');
    const upd = await api.call('PUT', `/api/contents/${c.id}`, { token: leader, body: { ...draft({ title: '关于测试通知的公告（修订）' }), version: 2 } });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ version: 3, status: 'published', title: '关于测试通知的公告（修订）' });
    expect((await api.call('GET', `/api/public/contents/${c.id}`)).body.title).toBe('关于测试通知的公告（修订）');

    const noReason = await act(c.id, 'withdraw', { version: 3 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('下架原因');
    const wd = await act(c.id, 'withdraw', { version: 3, reason: '内容已过时' });
    expect(wd.body).toMatchObject({ status: 'withdrawn', withdrawReason: '内容已过时', actions: ['redraft'] });
    expect((await api.call('GET', `/api/public/contents/${c.id}`)).status).toBe(404);
    expect(await publicIds()).not.toContain(c.id);

    const audit = await AuditLog.findAll({ where: { object_type: 'content', object_id: String(c.id) }, order: [['seq', 'ASC']] });
    expect(audit.map((a) => a.action)).toEqual(['content.create', 'content.publish', 'content.update', 'content.withdraw']);
    expect(audit[1].actor_name).toBe('初审 林晓');
    expect(audit[2].actor_name).toBe('分管领导 何强');
    expect(JSON.parse(audit[3].detail!)).toMatchObject({ from: 'published', to: 'withdrawn', reason: '内容已过时' });
  });

  test('refused transitions are 409 with a Chinese message, and change nothing', async () => {
    const c = await create();
    const r = await act(c.id, 'withdraw', { version: 1, reason: '测试下架' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'CONTENT_TRANSITION', message: '「草稿」状态的内容不能下架' });
    await act(c.id, 'publish', { version: 1 });
    const again = await act(c.id, 'redraft', { version: 2 });
    expect(again.body).toMatchObject({ code: 'CONTENT_TRANSITION', message: '「已发布」状态的内容不能退回草稿' });
    const row = (await Content.findByPk(c.id))!;
    expect({ status: row.status, version: row.version }).toEqual({ status: 'published', version: 2 });
    expect(await AuditLog.count({ where: { object_type: 'content', object_id: String(c.id), action: 'content.redraft' } })).toBe(0);
  });

  test('a scheduled item becomes public when its time comes, without any job', async () => {
    const c = await create({ title: '定时发布的通知' });
    const past = await act(c.id, 'schedule', { version: 1, publishAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('CONTENT_PUBLISH_AT_PAST');
    const badFormat = await act(c.id, 'schedule', { version: 1, publishAt: '下周一' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.message).toContain('定时发布时间');

    const s = await act(c.id, 'schedule', { version: 1, publishAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(s.body).toMatchObject({ status: 'scheduled', version: 2, publishedAt: null });
    expect((await api.call('GET', `/api/public/contents/${c.id}`)).status).toBe(404);
    expect(await publicIds()).not.toContain(c.id);
    expect((await api.call('GET', '/api/contents?status=scheduled&pageSize=200', { token: reviewer })).body.items.map((i: { id: number }) => i.id)).toContain(c.id);

    const due = new Date(Date.now() - 1000);
    await Content.update({ publish_at: due }, { where: { id: c.id } }); // the hour has passed
    const seen = await api.call('GET', `/api/public/contents/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.publishedAt).toBe(due.toISOString());
    expect(await publicIds()).toContain(c.id);
    const managed = await api.call('GET', `/api/contents/${c.id}`, { token: reviewer });
    expect(managed.body).toMatchObject({ status: 'published', actions: ['withdraw'] });
    expect((await api.call('GET', '/api/contents?status=published&pageSize=200', { token: reviewer })).body.items.map((i: { id: number }) => i.id)).toContain(c.id);

    // Once public it cannot quietly go back to draft; withdrawing records it as published first.
    expect((await act(c.id, 'redraft', { version: 2 })).body.code).toBe('CONTENT_TRANSITION');
    const wd = await act(c.id, 'withdraw', { version: 2, reason: '发布时间有误' });
    expect(wd.body).toMatchObject({ status: 'withdrawn', publishedAt: due.toISOString() });
    const audit = await AuditLog.findOne({ where: { object_type: 'content', object_id: String(c.id), action: 'content.withdraw' } });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ from: 'published', to: 'withdrawn' });
  });

  test('a scheduled item can go back to draft before its time, and a withdrawn one can be reworked', async () => {
    const c = await create();
    await act(c.id, 'schedule', { version: 1, publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    const back = await act(c.id, 'redraft', { version: 2 });
    expect(back.body).toMatchObject({ status: 'draft', publishAt: null, version: 3 });
    await act(c.id, 'publish', { version: 3 });
    await act(c.id, 'withdraw', { version: 4, reason: '需要修改' });
    expect((await act(c.id, 'publish', { version: 5 })).body.code).toBe('CONTENT_TRANSITION');
    expect((await act(c.id, 'redraft', { version: 5 })).body).toMatchObject({ status: 'draft', withdrawReason: null });
  });

  test('input is checked field by field in Chinese', async () => {
    const r = await api.call('POST', '/api/contents', { token: reviewer, body: draft({ channel: 'guide', title: '', body: 'x'.repeat(100_001) }) });
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['body', 'category', 'title']);
    expect(r.body.message).toContain('请填写标题');
    expect(r.body.message).toContain('正文不超过100000个字符');
    expect(r.body.message).toContain('购房须知须选择分类');
    const comm = await api.call('POST', '/api/contents', { token: reviewer, body: draft({ communityId: 1 }) });
    expect(comm.body.message).toContain('小区仅适用于物业管理板块的通知公告');
    const ghost = await api.call('POST', '/api/contents', { token: reviewer, body: draft({ attachmentIds: ['00000000-0000-4000-8000-000000000000'] }) });
    expect(ghost.body.code).toBe('CONTENT_ATTACHMENT_INVALID');
  });
});

describe('who may do what', () => {
  test('developers and property staff cannot manage content; inspectors may only read', async () => {
    const dev = (await api.login('dev1')).accessToken;
    const prop = (await api.login('property1')).accessToken;
    const inspector = (await api.login('inspector')).accessToken;
    expect((await api.call('GET', '/api/contents', { token: dev })).status).toBe(403);
    expect((await api.call('POST', '/api/contents', { token: dev, body: draft() })).status).toBe(403);
    expect((await api.call('POST', '/api/contents', { token: prop, body: draft() })).status).toBe(403);
    const c = await create();
    expect((await act(c.id, 'publish', { version: 1 }, dev)).status).toBe(403);
    expect((await api.call('GET', '/api/contents', { token: inspector })).status).toBe(200);
    expect((await api.call('GET', `/api/contents/${c.id}`, { token: inspector })).status).toBe(200);
    expect((await act(c.id, 'publish', { version: 1 }, inspector)).status).toBe(403);
    expect((await api.call('GET', '/api/contents')).status).toBe(401);
    expect((await Content.findByPk(c.id))!.status).toBe('draft');
  });

  test('public answers never name or number the authors', async () => {
    const c = await create({ title: '作者信息测试' });
    await act(c.id, 'publish', { version: 1 });
    const reviewerId = (await api.call('GET', `/api/contents/${c.id}`, { token: reviewer })).body.createdBy;
    expect(reviewerId).toEqual(expect.any(Number));
    const list = await api.call('GET', '/api/public/contents?pageSize=200');
    const detail = await api.call('GET', `/api/public/contents/${c.id}`);
    for (const text of [JSON.stringify(list.body), JSON.stringify(detail.body)]) {
      expect(text).not.toMatch(/createdBy|updatedBy|created_by|updated_by|author|actor/i);
      expect(text).not.toContain('林晓');
      expect(text).not.toContain('何强');
    }
    expect(Object.keys(detail.body).sort()).toEqual([
      'attachments', 'body', 'category', 'channel', 'communityId', 'docNo', 'hasVideo', 'id', 'issuer', 'publishedAt', 'section', 'summary',
      'title', 'updatedAt', 'videoUrl',
    ]);
  });
});

describe('caching', () => {
  test('ETag and 304 on the public list and detail; an update changes the tag', async () => {
    const c = await create({ title: '缓存测试' });
    await act(c.id, 'publish', { version: 1 });
    const first = await api.call('GET', `/api/public/contents/${c.id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const again = await fetch(`${api.url}/api/public/contents/${c.id}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const listTag = (await api.call('GET', '/api/public/contents?channel=notice')).headers.get('etag')!;
    expect((await fetch(`${api.url}/api/public/contents?channel=notice`, { headers: { 'if-none-match': listTag } })).status).toBe(304);

    await api.call('PUT', `/api/contents/${c.id}`, { token: reviewer, body: { ...draft({ title: '缓存测试（修订）' }), version: 2 } });
    const changed = await fetch(`${api.url}/api/public/contents/${c.id}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { title: string }).title).toBe('缓存测试（修订）');
    expect((await fetch(`${api.url}/api/public/contents?channel=notice`, { headers: { 'if-none-match': listTag } })).status).toBe(200);
  });
});

describe('the 《购房陷阱知多少》 video', () => {
  const asset = fs.readFileSync(VIDEO_ASSET);

  test('the seeded video plays with byte ranges', async () => {
    const list = await api.call('GET', '/api/public/contents?channel=guide&category=video');
    expect(list.body.items[0]).toMatchObject({ title: '《购房陷阱知多少》', hasVideo: true });
    const detail = await api.call('GET', `/api/public/contents/${list.body.items[0].id}`);
    const url = `${api.url}${detail.body.videoUrl}`;

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(asset)).toBe(true);

    const head = await fetch(url, { headers: { range: 'bytes=0-99' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-99/${asset.length}`);
    expect(head.headers.get('content-length')).toBe('100');
    const first = Buffer.from(await head.arrayBuffer());
    expect(first.equals(asset.subarray(0, 100))).toBe(true);
    expect(first.subarray(4, 8).toString('latin1')).toBe('ftyp');

    const middle = await fetch(url, { headers: { range: 'bytes=50000-' } });
    expect(middle.headers.get('content-range')).toBe(`bytes 50000-${asset.length - 1}/${asset.length}`);
    expect(Buffer.from(await middle.arrayBuffer()).equals(asset.subarray(50000))).toBe(true);
    const tail = await fetch(url, { headers: { range: 'bytes=-64' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(asset.subarray(asset.length - 64))).toBe(true);

    const beyond = await fetch(url, { headers: { range: `bytes=${asset.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${asset.length}`);
  });

  test('an uploaded MP4 is recognised as video, linked to a guide, and served only while published', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(asset)]), '购房陷阱.mp4');
    const up = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${reviewer}` }, body: form });
    const file = (await up.json()) as { id: string; kind: string; mime: string };
    expect(up.status).toBe(201);
    expect(file).toMatchObject({ kind: 'video', mime: 'video/mp4' });

    const pdf = new FormData();
    pdf.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))]), '说明.pdf');
    const pdfFile = (await (await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${reviewer}` }, body: pdf })).json()) as { id: string };
    const wrong = await api.call('POST', '/api/contents', { token: reviewer, body: draft({ channel: 'guide', category: 'video', videoFileId: pdfFile.id }) });
    expect(wrong.body.code).toBe('CONTENT_VIDEO_INVALID');

    const noVideo = await create({ channel: 'guide', category: 'video', title: '视频（待上传）' });
    expect((await act(noVideo.id, 'publish', { version: 1 })).body.code).toBe('CONTENT_VIDEO_REQUIRED');

    const c = await create({ channel: 'guide', category: 'video', title: '购房陷阱（第二期）', videoFileId: file.id, attachmentIds: [pdfFile.id] });
    expect((await fetch(`${api.url}/api/public/contents/${c.id}/video`)).status).toBe(404);
    await act(c.id, 'publish', { version: 1 });
    const detail = (await api.call('GET', `/api/public/contents/${c.id}`)).body;
    expect(detail.videoUrl).toBe(`/api/public/contents/${c.id}/video`);
    expect(detail.attachments).toEqual([{ id: pdfFile.id, name: '说明.pdf', mime: 'application/pdf', size: 15, url: `/api/public/contents/${c.id}/attachments/${pdfFile.id}` }]);
    expect((await fetch(`${api.url}${detail.attachments[0].url}`)).status).toBe(200);
    const part = await fetch(`${api.url}${detail.videoUrl}`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(asset.subarray(100, 200))).toBe(true);
    // A file not listed on the content is not reachable through it.
    expect((await fetch(`${api.url}/api/public/contents/${c.id}/attachments/${file.id}`)).status).toBe(404);

    await act(c.id, 'withdraw', { version: 2, reason: '视频需要更新' });
    expect((await fetch(`${api.url}${detail.videoUrl}`, { headers: { range: 'bytes=0-9' } })).status).toBe(404);
    expect((await fetch(`${api.url}${detail.attachments[0].url}`)).status).toBe(404);
    expect((await FileObject.findByPk(file.id))!.kind).toBe('video');
  });
});

describe('bad input never gives a 500', () => {
  test('garbage on every content route', async () => {
    const cases: [string, string, unknown?, string?][] = [
      ['GET', '/api/public/contents?page=0&pageSize=9999&channel=blog&section=x&category=y'],
      ['GET', '/api/public/contents?keyword=%25_%5C&communityId=abc'],
      ['GET', '/api/public/contents/abc'],
      ['GET', '/api/public/contents/1e99'],
      ['GET', '/api/public/contents/1/video'],
      ['GET', '/api/public/contents/1/attachments/not-a-uuid'],
      ['GET', '/api/contents?status=gone', undefined, reviewer],
      ['GET', '/api/contents/0', undefined, reviewer],
      ['POST', '/api/contents', 'not json', reviewer],
      ['POST', '/api/contents', { channel: ['policy'], section: { $ne: 1 }, title: 5, body: null }, reviewer],
      ['POST', '/api/contents', { ...draft(), videoFileId: 'x', attachmentIds: 'a,b', communityId: -1 }, reviewer],
      ['PUT', '/api/contents/999999', { ...draft(), version: 1 }, reviewer],
      ['PUT', '/api/contents/1', { ...draft(), version: 'one' }, reviewer],
      ['POST', '/api/contents/999999/publish', { version: 1 }, reviewer],
      ['POST', '/api/contents/1/schedule', { version: 1, publishAt: '2026-13-45T99:00:00Z' }, reviewer],
      ['POST', '/api/contents/1/schedule', { version: 1, publishAt: '2099-01-01T00:00:00Z' }, reviewer],
      ['POST', '/api/contents/1/withdraw', { version: 1, reason: 'x'.repeat(301) }, reviewer],
    ];
    for (const [method, p, body, tok] of cases) {
      const headers: Record<string, string> = tok ? { authorization: `Bearer ${tok}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(api.url + p, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const json = (await res.json()) as { code: string; message: string };
      expect({ p, status: res.status >= 400 && res.status < 500 }).toEqual({ p, status: true });
      expect(json.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
