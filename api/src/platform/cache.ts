// Response cache for public reads. An entry is served as-is for `freshMs` after it was last
// checked; after that the next request asks the source for the entry's version (one cheap
// primary-key read) and rebuilds only if it moved. So a change shows within `freshMs` plus one
// build, whatever the load, and a hot page costs almost nothing. Checks and builds are
// single-flight per key; readers who arrive while one runs get the entry they would have got a
// moment earlier, unless it is over 2 × `freshMs` old.
// Each process keeps its own entries; with several processes they agree within `freshMs`.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { AppContext } from './http/types';

export type Version = string | number;

export interface CachedBody {
  version: Version;
  /** The JSON body, encoded once. */
  raw: Buffer;
  /** Gzipped once for clients that accept it (bodies over 1 KB). */
  gzip: Buffer | null;
  etag: string;
  checkedAt: number;
}

export class ResponseCache {
  private entries = new Map<string, CachedBody>();
  private pending = new Map<string, Promise<CachedBody | null>>();
  hits = 0;
  builds = 0;

  constructor(private readonly opts: { max: number; freshMs: number; now?: () => number } = { max: 5000, freshMs: 500 }) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /**
   * The cached body for `key`, rebuilt when `version()` moved. `version()` returning null means
   * the thing does not exist (the entry is dropped and null returned).
   */
  async get(key: string, version: () => Promise<Version | null>, build: () => Promise<unknown>): Promise<CachedBody | null> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.checkedAt < this.opts.freshMs) {
      this.hits++;
      return hit;
    }
    const running = this.pending.get(key);
    if (running) {
      // Someone is already asking the source. While that answer is on its way, an entry checked
      // less than 2 × freshMs ago is still served: the rule "a change shows within freshMs plus
      // one check and one build" holds, and a busy page does not stall every reader on one query.
      if (hit && this.now() - hit.checkedAt < 2 * this.opts.freshMs) {
        this.hits++;
        return hit;
      }
      return running;
    }
    const p = (async () => {
      const v = await version();
      if (v === null) {
        this.entries.delete(key);
        return null;
      }
      if (hit && hit.version === v) {
        hit.checkedAt = this.now();
        this.hits++;
        return hit;
      }
      const raw = Buffer.from(JSON.stringify(await build()));
      this.builds++;
      const entry: CachedBody = {
        version: v, raw, gzip: raw.length > 1024 ? zlib.gzipSync(raw, { level: 6 }) : null,
        etag: `W/"${crypto.createHash('sha1').update(raw).digest('base64url')}"`, checkedAt: this.now(),
      };
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.entries.size > this.opts.max) this.entries.delete(this.entries.keys().next().value as string);
      return entry;
    })().finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Answer with a cached JSON body, or 304 when the client already has it. */
export function sendCached(ctx: AppContext, body: CachedBody): undefined {
  ctx.set('ETag', body.etag);
  ctx.set('Cache-Control', 'public, max-age=0, must-revalidate');
  const inm = ctx.get('if-none-match');
  if (inm && inm.split(/\s*,\s*/).includes(body.etag)) {
    ctx.status = 304;
    return undefined;
  }
  ctx.status = 200;
  ctx.type = 'application/json; charset=utf-8';
  ctx.vary('Accept-Encoding');
  if (body.gzip && /\bgzip\b/.test(ctx.get('accept-encoding'))) {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = body.gzip;
  } else {
    ctx.body = body.raw;
  }
  return undefined;
}
