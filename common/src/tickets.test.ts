import { WorkingCalendar, DEFAULT_CALENDAR } from './calendar';
import {
  TICKET_KINDS, TICKET_STATUSES, TICKET_FINAL_STATUSES, TICKET_TRANSITIONS, allowedTicketActions, escalationLevelFor, findTicketTransition,
  isOverdue, onTimeRate, reopenUntil, ticketDeadline,
} from './tickets';

const cal = new WorkingCalendar(DEFAULT_CALENDAR);

describe('ticket deadlines on the Chinese working-day calendar', () => {
  test('a leak reported the day before National Day is due on the make-up Saturday after it', () => {
    // 2026-10-01…07 off; Thursday 8 and Friday 9 are workdays; Saturday 10 is a make-up workday (调休).
    expect(ticketDeadline(cal, '2026-09-30', 3)).toEqual({ dueDate: '2026-10-10', warnDate: '2026-10-09' });
  });

  test('a report on a holiday starts counting at the next workday', () => {
    expect(ticketDeadline(cal, '2026-10-03', 1)).toEqual({ dueDate: '2026-10-08', warnDate: '2026-10-03' });
  });

  test('Spring Festival: the make-up Saturday before it counts, the nine days off do not', () => {
    expect(ticketDeadline(cal, '2026-02-13', 2).dueDate).toBe('2026-02-24');
  });

  test('without holidays a Friday report of 3 working days is due on Wednesday', () => {
    expect(ticketDeadline(new WorkingCalendar([]), '2027-03-05', 3)).toEqual({ dueDate: '2027-03-10', warnDate: '2027-03-09' });
  });

  test('the re-open window is three working days and counts the make-up day', () => {
    expect(reopenUntil(cal, '2026-09-30')).toBe('2026-10-10');
  });
});

describe('escalation ladder', () => {
  test('overdue the day after the due date, even on a holiday; street office after 2 working days late, regulator after 4', () => {
    expect(isOverdue('2026-09-30', '2026-09-30')).toBe(false);
    expect(escalationLevelFor(cal, '2026-09-30', '2026-09-30')).toBe(0);
    expect(escalationLevelFor(cal, '2026-09-30', '2026-10-01')).toBe(1);
    expect(escalationLevelFor(cal, '2026-09-30', '2026-10-08')).toBe(1);
    expect(escalationLevelFor(cal, '2026-09-30', '2026-10-09')).toBe(2);
    expect(escalationLevelFor(cal, '2026-09-30', '2026-10-10')).toBe(2);
    expect(escalationLevelFor(cal, '2026-09-30', '2026-10-11')).toBe(2);
    expect(escalationLevelFor(cal, '2026-09-30', '2026-10-12')).toBe(3);
  });
});

describe('on-time rate', () => {
  test('closed on time / (closed + open overdue); open items not yet due do not count', () => {
    expect(onTimeRate({ closedOnTime: 3, closed: 4, openOverdue: 1 })).toBeCloseTo(0.6);
    expect(onTimeRate({ closedOnTime: 0, closed: 0, openOverdue: 2 })).toBe(0);
    expect(onTimeRate({ closedOnTime: 0, closed: 0, openOverdue: 0 })).toBeNull();
  });
});

describe('ticket transition table', () => {
  test('every status but the final ones has a way on, and every status is reached', () => {
    for (const kind of TICKET_KINDS) {
      for (const s of TICKET_STATUSES) {
        const out = TICKET_TRANSITIONS.filter((t) => t.from.includes(s) && t.to !== 'same' && (!t.kinds || t.kinds.includes(kind)));
        if (TICKET_FINAL_STATUSES.includes(s)) expect(out).toEqual([]);
        else expect(out.length).toBeGreaterThan(0);
        if (s !== 'submitted') expect(TICKET_TRANSITIONS.some((t) => t.to === s)).toBe(true);
      }
    }
  });

  test('repairs and patrol issues are resolved with an after photo; complaints with a written result', () => {
    expect(findTicketTransition('repair', 'in_progress', 'resolve')?.needs).toEqual(['note', 'afterPhoto']);
    expect(findTicketTransition('patrol', 'in_progress', 'resolve')?.needs).toEqual(['note', 'afterPhoto']);
    expect(findTicketTransition('complaint', 'in_progress', 'resolve')?.needs).toEqual(['note']);
  });

  test('the reporter rates or re-opens a resolved item; only handlers accept', () => {
    expect(allowedTicketActions('repair', 'resolved', ['reporter'])).toEqual(['rate', 'reopen', 'note']);
    expect(allowedTicketActions('repair', 'submitted', ['reporter'])).toEqual(['withdraw', 'note']);
    expect(allowedTicketActions('repair', 'submitted', ['handler'])).toEqual(['accept', 'duplicate', 'note']);
  });
});
