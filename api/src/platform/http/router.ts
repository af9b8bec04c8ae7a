import Router from '@koa/router';
import type { Next } from 'koa';
import { errors } from '../errors';
import { checkRouteAccess } from '../access/policy';
import type { RouteDef } from './route';
import type { AppContext } from './types';
import { parseOrThrow } from './validate';

/** Mount declared routes: rate limit → authorize → validate → handler → JSON. */
export function mountRoutes(router: Router, routes: RouteDef[]): void {
  for (const def of routes) {
    const handler = async (rawCtx: unknown, _next: Next) => {
      const ctx = rawCtx as AppContext;
      ctx.state.routeName = def.path;
      if (def.rateLimit) {
        const r = ctx.deps.rateLimiter.hit(def.rateLimit, ctx.ip);
        if (!r.ok) throw errors.rateLimited(r.retryAfter);
      }
      checkRouteAccess(ctx.state.user, def.access);
      const input = {
        params: def.params ? parseOrThrow(def.params, ctx.params, 'params') : ctx.params,
        query: def.query ? parseOrThrow(def.query, ctx.query, 'query') : ctx.query,
        body: def.body ? parseOrThrow(def.body, (ctx.request as { body?: unknown }).body ?? {}, 'body') : undefined,
      };
      const result = await def.handler(ctx, input as never);
      if (result !== undefined) {
        ctx.status = def.status ?? 200;
        ctx.body = result;
      }
    };
    router[def.method](def.path, handler as never);
  }
}
