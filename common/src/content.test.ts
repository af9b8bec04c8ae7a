import {
  CONTENT_ACTIONS, CONTENT_STATUSES, CONTENT_STATUS_LABELS, CONTENT_TRANSITIONS, GUIDE_CATEGORIES, GUIDE_CATEGORY_LABELS,
  canTransitionContent, contentActionsFor, contentCreate, effectiveContentStatus, parseContentBody,
} from './contracts/content';

describe('content status transitions', () => {
  test('every status has a label and an entry in the table, and every target is a known status', () => {
    expect(Object.keys(CONTENT_TRANSITIONS).sort()).toEqual([...CONTENT_STATUSES].sort());
    expect(Object.keys(CONTENT_STATUS_LABELS).sort()).toEqual([...CONTENT_STATUSES].sort());
    for (const targets of Object.values(CONTENT_TRANSITIONS)) for (const t of targets) expect(CONTENT_STATUSES).toContain(t);
  });

  test('every status is reachable and none is a dead end', () => {
    const reachable = new Set(Object.values(CONTENT_TRANSITIONS).flat());
    for (const s of CONTENT_STATUSES) {
      expect(CONTENT_TRANSITIONS[s].length).toBeGreaterThan(0);
      if (s !== 'draft') expect(reachable).toContain(s);
    }
  });

  test('every transition has a named action that produces it', () => {
    const targets = new Set(Object.values(CONTENT_ACTIONS));
    for (const s of CONTENT_STATUSES) for (const t of CONTENT_TRANSITIONS[s]) expect(targets).toContain(t);
  });

  test('the table says what regulators may do', () => {
    expect(contentActionsFor('draft')).toEqual(['publish', 'schedule']);
    expect(contentActionsFor('scheduled')).toEqual(['publish', 'withdraw', 'redraft']);
    expect(contentActionsFor('published')).toEqual(['withdraw']);
    expect(contentActionsFor('withdrawn')).toEqual(['redraft']);
    expect(canTransitionContent('published', 'draft')).toBe(false);
    expect(canTransitionContent('withdrawn', 'published')).toBe(false);
  });

  test('a scheduled item is published once its time has come', () => {
    const now = new Date('2026-05-01T09:00:00+08:00');
    expect(effectiveContentStatus('scheduled', '2026-05-01T08:59:59+08:00', now)).toBe('published');
    expect(effectiveContentStatus('scheduled', '2026-05-01T09:00:01+08:00', now)).toBe('scheduled');
    expect(effectiveContentStatus('draft', '2020-01-01T00:00:00Z', now)).toBe('draft');
  });
});

describe('content input', () => {
  const base = { channel: 'guide', section: 'new_home', category: 'faq', title: '常见问题', body: '问：……' };
  test('guides need a category, and only guides have one', () => {
    expect(contentCreate.safeParse(base).success).toBe(true);
    const noCat = contentCreate.safeParse({ ...base, category: null });
    expect(noCat.success).toBe(false);
    expect(noCat.error!.issues[0]).toMatchObject({ path: ['category'], message: '购房须知须选择分类' });
    expect(contentCreate.safeParse({ ...base, channel: 'notice' }).error!.issues[0].message).toBe('分类仅适用于购房须知');
    expect(GUIDE_CATEGORIES.every((c) => GUIDE_CATEGORY_LABELS[c])).toBe(true);
  });

  test('the body has a length limit and messages name the field in Chinese', () => {
    const r = contentCreate.safeParse({ ...base, title: '', body: 'x'.repeat(100_001) });
    expect(r.error!.issues.map((i) => i.message)).toEqual(['请填写标题', '正文不超过100000个字符']);
  });
});

describe('body format', () => {
  test('headings, paragraphs, lists and tables', () => {
    const body = [
      '# 购房流程', '', '第一段第一行', '第一段第二行', '', '- 查验预售许可证', '- 签订合同', '', '1. 网签', '2. 备案', '',
      '| 土地用途 | 规划用途 |', '|---|---|', '| 城镇住宅用地 | 住宅 |', '| 商务金融用地 | 办公 |', '### 小结', '结束。',
    ].join('\n');
    expect(parseContentBody(body)).toEqual([
      { type: 'heading', level: 1, text: '购房流程' },
      { type: 'paragraph', text: '第一段第一行\n第一段第二行' },
      { type: 'list', ordered: false, items: ['查验预售许可证', '签订合同'] },
      { type: 'list', ordered: true, items: ['网签', '备案'] },
      { type: 'table', header: ['土地用途', '规划用途'], rows: [['城镇住宅用地', '住宅'], ['商务金融用地', '办公']] },
      { type: 'heading', level: 3, text: '小结' },
      { type: 'paragraph', text: '结束。' },
    ]);
  });

  test('markup-looking text stays text', () => {
    expect(parseContentBody('<script>alert(1)</script>')).toEqual([{ type: 'paragraph', text: '<script>alert(1)</script>' }]);
  });
});
