// A route is declared once as data: method, path, who may call it, its schemas and the
// requirement ids it serves. The router and the OpenAPI document are both built from this.
import type { Role } from '@hq/common';
import { z } from '@hq/common';
import type { AppContext } from './types';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Access = 'public' | 'user' | readonly Role[];

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  /** Requirement ids from requirements/catalog.tsv that this operation serves. */
  requirements: string[];
  access: Access;
  rateLimit?: 'login' | 'public';
  params?: P;
  query?: Q;
  body?: B;
  /** JSON response schema; omit for non-JSON responses and say what they are in `produces`. */
  response?: z.ZodType;
  produces?: string;
  status?: number;
  handler: (ctx: AppContext, input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> }) => Promise<unknown>;
}

export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}
