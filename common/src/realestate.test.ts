import {
  applyRoomChange, isRefusal, roomDisplay, LEGEND, STATUS_COLOURS, SALE_STATUSES, SALE_TRANSITIONS, canonicalFlags, formatArea, formatUnitPrice,
  type RoomState,
} from './realestate';
import { gcj02ToWgs84, wgs84ToGcj02, gcj02ToBd09, bd09ToGcj02, fromGcj02, toGcj02 } from './geo';

describe('room status derivation', () => {
  const s = (status: RoomState['status'], flags: RoomState['flags'] = []): RoomState => ({ status, flags });

  test('every sale status has a transition entry and the sale path is reachable from 不可售', () => {
    expect(Object.keys(SALE_TRANSITIONS).sort()).toEqual([...SALE_STATUSES].sort());
    const seen = new Set(['unsellable']);
    const queue = ['unsellable'];
    while (queue.length) {
      for (const n of SALE_TRANSITIONS[queue.shift() as keyof typeof SALE_TRANSITIONS]) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    expect([...seen].sort()).toEqual([...SALE_STATUSES].sort());
  });

  test('status and flags are independent; flags keep one canonical order', () => {
    let st: RoomState = s('available');
    for (const c of [
      { kind: 'flag_on', value: 'seized' }, { kind: 'flag_on', value: 'mortgaged' }, { kind: 'flag_off', value: 'seized' }, { kind: 'status', value: 'signed' },
    ] as const) {
      const next = applyRoomChange(st, c);
      if (isRefusal(next)) throw new Error(next.code);
      st = next;
    }
    expect(st).toEqual({ status: 'signed', flags: ['mortgaged'] });
    expect(canonicalFlags(['sale_suspended', 'mortgaged', 'mortgaged'])).toEqual(['mortgaged', 'sale_suspended']);
  });

  test('refusals carry a code and a Chinese message', () => {
    expect(applyRoomChange(s('registered'), { kind: 'status', value: 'available' })).toMatchObject({ code: 'ROOM_STATUS_TRANSITION' });
    expect(applyRoomChange(s('available'), { kind: 'status', value: 'available' })).toMatchObject({ code: 'ROOM_STATUS_UNCHANGED' });
    for (const f of ['seized', 'sale_suspended', 'signing_locked'] as const) {
      const r = applyRoomChange(s('available', [f]), { kind: 'status', value: 'signed' });
      expect(r).toMatchObject({ code: 'ROOM_RESTRICTED' });
    }
    // A mortgage does not stop a sale (the buyer's loan pays it off); it is shown as a badge.
    expect(isRefusal(applyRoomChange(s('available', ['mortgaged']), { kind: 'status', value: 'signed' }))).toBe(false);
    expect(applyRoomChange(s('available', ['seized']), { kind: 'flag_on', value: 'seized' })).toMatchObject({ code: 'ROOM_FLAG_ALREADY_ON', message: expect.stringContaining('查封') });
  });
});

describe('one colour legend', () => {
  test('status colours, grey when suspended, badges over any colour', () => {
    expect(roomDisplay('available', [])).toMatchObject({ colour: STATUS_COLOURS.available.colour, label: '可售', badges: [] });
    expect(roomDisplay('available', ['sale_suspended'])).toMatchObject({ legendKey: 'suspended', colour: '#9e9e9e' });
    expect(roomDisplay('filed', ['mortgaged', 'seized'])).toMatchObject({ legendKey: 'filed', badges: ['查封', '抵押'] });
    expect(LEGEND.map((l) => l.key)).toEqual(['available', 'unsellable', 'subscribed', 'signed', 'filed', 'registered', 'suspended']);
    expect(new Set(LEGEND.map((l) => l.colour)).size).toBe(LEGEND.length);
  });

  test('areas and unit prices for people', () => {
    expect(formatArea(8937)).toBe('89.37 m²');
    expect(formatUnitPrice(5280000)).toBe('52,800 元/m²');
    expect(formatArea(null)).toBe('—');
  });
});

describe('coordinates', () => {
  const hengqin = { lng: 113.5364, lat: 22.1235 }; // WGS-84
  test('GCJ-02 offset near Hengqin is a few hundred metres and inverts to < 1e-6°', () => {
    const g = wgs84ToGcj02(hengqin);
    expect(g.lng - hengqin.lng).toBeGreaterThan(0.004);
    expect(g.lat - hengqin.lat).toBeLessThan(0);
    const back = gcj02ToWgs84(g);
    expect(Math.abs(back.lng - hengqin.lng)).toBeLessThan(1e-6);
    expect(Math.abs(back.lat - hengqin.lat)).toBeLessThan(1e-6);
  });
  test('BD-09 round trip, and the edge helpers', () => {
    const g = { lng: 113.54, lat: 22.12 };
    const b = gcj02ToBd09(g);
    expect(b.lng - g.lng).toBeCloseTo(0.0065, 2);
    const back = bd09ToGcj02(b);
    expect(Math.abs(back.lng - g.lng)).toBeLessThan(1e-5);
    expect(toGcj02(fromGcj02(g, 'wgs84'), 'wgs84').lng).toBeCloseTo(g.lng, 6);
    expect(fromGcj02(g, 'gcj02')).toEqual(g);
    expect(wgs84ToGcj02({ lng: 2.35, lat: 48.85 })).toEqual({ lng: 2.35, lat: 48.85 }); // outside China: no offset
  });
});
