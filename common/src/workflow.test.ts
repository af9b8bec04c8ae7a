import {
  APPLICATION_STATUSES, FINAL_STATUSES, TRANSITIONS, WORKFLOW_ACTIONS, allowedActions, findTransition, nextStep, statusText, DEFAULT_REVIEW_STEPS,
} from './workflow';

describe('workflow transition table', () => {
  test('every non-final status has a way out, final statuses have none, every action is used', () => {
    for (const s of APPLICATION_STATUSES) {
      const out = TRANSITIONS.filter((t) => t.from === s);
      if (FINAL_STATUSES.includes(s)) expect([s, out]).toEqual([s, []]);
      else expect([s, out.length > 0]).toEqual([s, true]);
    }
    for (const a of WORKFLOW_ACTIONS) expect([a, TRANSITIONS.some((t) => t.action === a)]).toEqual([a, true]);
  });

  test('every status is reachable from draft', () => {
    const seen = new Set<string>(['draft']);
    const queue: string[] = ['draft'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const t of TRANSITIONS.filter((x) => x.from === s)) {
        const targets = t.to === 'next' ? ['in_review', 'approved'] : [t.to];
        for (const n of targets) {
          if (!seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  test('one transition per (status, action); reviewers decide with opinions when they return or reject', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}:${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TRANSITIONS) if (t.action === 'return' || t.action === 'reject') expect(t.opinion).toBe(true);
    expect(findTransition('approved', 'withdraw')).toBeUndefined();
    expect(findTransition('draft', 'approve')).toBeUndefined();
  });

  test('the buttons each side sees', () => {
    expect(allowedActions('draft', 'applicant').sort()).toEqual(['save', 'submit', 'withdraw']);
    expect(allowedActions('draft', 'reviewer')).toEqual([]);
    expect(allowedActions('in_review', 'reviewer').sort()).toEqual(['approve', 'correct', 'reject', 'return']);
    expect(allowedActions('returned', 'applicant').sort()).toEqual(['resubmit', 'save', 'withdraw']);
    expect(allowedActions('approved', 'applicant')).toEqual([]);
  });

  test('steps advance to approval after the last', () => {
    expect(nextStep(1, 3)).toEqual({ status: 'in_review', step: 2 });
    expect(nextStep(3, 3)).toEqual({ status: 'approved', step: 3 });
    expect(statusText('in_review', 2, DEFAULT_REVIEW_STEPS)).toBe('审核中：复审');
    expect(statusText('submitted', 1, DEFAULT_REVIEW_STEPS)).toBe('已提交，待初审');
  });
});
