// OpenAPI 3.1 generated from the same route declarations and zod schemas the API validates with.
import { z } from '@hq/common';
import type { RouteDef } from './route';

const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function buildOpenApi(routes: RouteDef[], info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const p = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method}${r.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      'x-requirements': r.requirements,
      'x-access': typeof r.access === 'string' ? r.access : [...r.access],
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      responses: {
        [String(r.status ?? 200)]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } }
          : { description: r.produces ?? 'OK', ...(r.produces ? { content: { [r.produces]: {} } } : {}) },
        '4XX': { description: '请求有误（错误码与中文说明）', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (r.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } };
    }
    if (r.access !== 'public') op.security = [{ bearer: [] }];
    (paths[p] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '横琴房地产信息系统与智慧物业平台 API',
      version: info.version,
      description: '每个操作的 x-requirements 列出它实现的需求编号（见 requirements/catalog.tsv）。',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: { Error: schemaOf(errorBody, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
