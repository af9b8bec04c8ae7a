// The public response cache: served as-is while fresh, revalidated by version after, rebuilt only
// when the version moved, single-flight, and never older than 2 × freshMs while a check runs.
import { ResponseCache } from '../src/platform/cache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ResponseCache', () => {
  let now = 0;
  const cache = () => new ResponseCache({ max: 3, freshMs: 500, now: () => now });
  const text = (b: { raw: Buffer } | null) => (b ? JSON.parse(b.raw.toString()) : null);

  beforeEach(() => {
    now = 1_000_000;
  });

  test('fresh entries skip the version check; stale ones rebuild only when the version moved', async () => {
    const c = cache();
    let version = 1;
    let builds = 0;
    const get = () => c.get('k', async () => version, async () => ({ v: version, n: ++builds }));
    expect(text(await get())).toEqual({ v: 1, n: 1 });
    version = 2;
    now += 499;
    expect(text(await get())).toEqual({ v: 1, n: 1 }); // still fresh: not even checked
    now += 1;
    expect(text(await get())).toEqual({ v: 2, n: 2 });
    now += 600;
    expect(text(await get())).toEqual({ v: 2, n: 2 }); // checked, unchanged: no build
    expect(builds).toBe(2);
  });

  test('a version of null drops the entry and answers null', async () => {
    const c = cache();
    let exists = true;
    const get = () => c.get('k', async () => (exists ? 1 : null), async () => ({ ok: true }));
    expect(text(await get())).toEqual({ ok: true });
    exists = false;
    now += 501;
    expect(await get()).toBeNull();
  });

  test('while a check runs, readers get the entry if it was checked under 2 × freshMs ago, and wait otherwise', async () => {
    const c = cache();
    let gate = deferred<number>();
    let version: () => Promise<number> = async () => 1;
    await c.get('k', () => version(), async () => ({ v: 1 }));
    version = () => gate.promise;
    now += 600; // stale
    const first = c.get('k', () => version(), async () => ({ v: 2 }));
    const second = await c.get('k', () => version(), async () => ({ v: 2 }));
    expect(text(second)).toEqual({ v: 1 }); // served at once, 600 ms old
    gate.resolve(2);
    expect(text(await first)).toEqual({ v: 2 });

    gate = deferred<number>();
    now += 1000; // 1000 ms since the last check: too old to serve during a check
    const a = c.get('k', () => version(), async () => ({ v: 3 }));
    const b = c.get('k', () => version(), async () => ({ v: 3 }));
    let bDone = false;
    void b.then(() => (bDone = true));
    await Promise.resolve();
    expect(bDone).toBe(false);
    gate.resolve(3);
    expect([text(await a), text(await b)]).toEqual([{ v: 3 }, { v: 3 }]);
  });

  test('concurrent misses build once; the oldest entry goes past max', async () => {
    const c = cache();
    let builds = 0;
    const build = async () => ({ n: ++builds });
    const [x, y] = await Promise.all([c.get('a', async () => 1, build), c.get('a', async () => 1, build)]);
    expect(x).toBe(y);
    expect(builds).toBe(1);
    for (const k of ['b', 'c', 'd']) await c.get(k, async () => 1, build);
    now += 10;
    expect(text(await c.get('a', async () => 1, build))).toEqual({ n: 5 }); // 'a' was evicted
  });

  test('bodies over 1 KB are gzipped once; the ETag follows the bytes', async () => {
    const c = cache();
    const big = await c.get('big', async () => 1, async () => ({ s: 'x'.repeat(2000) }));
    const small = await c.get('small', async () => 1, async () => ({ s: 'x' }));
    expect(big!.gzip).not.toBeNull();
    expect(small!.gzip).toBeNull();
    expect(big!.etag).not.toBe(small!.etag);
    expect(big!.etag).toMatch(/^W\/"[\w-]+"$/);
  });
});
