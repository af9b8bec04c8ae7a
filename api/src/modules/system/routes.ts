import path from 'node:path';
import fs from 'node:fs';
import { z } from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import { buildOpenApi } from '../../platform/http/openapi';
import { pendingMigrations } from '../../platform/db/migrator';
import { errors } from '../../platform/errors';

const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const VERSION: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version;

export function systemRoutes(all: () => RouteDef[]): RouteDef[] {
  let doc: unknown = null;
  return [
    route({
      method: 'get', path: '/healthz', summary: '进程存活检查', tags: ['system'], requirements: ['NF-002', 'NF-004'], access: 'public',
      response: z.object({ status: z.literal('ok'), uptime: z.number() }),
      handler: async () => ({ status: 'ok' as const, uptime: Math.round(process.uptime()) }),
    }),
    route({
      method: 'get', path: '/readyz', summary: '就绪检查（数据库可达且迁移已全部执行）', tags: ['system'], requirements: ['NF-002', 'NF-004'],
      access: 'public', response: z.object({ status: z.literal('ready'), database: z.string(), migrations: z.literal('current') }),
      handler: async (ctx) => {
        try {
          await ctx.deps.db.sequelize.query('SELECT 1');
        } catch {
          throw errors.unavailable('DB_UNREACHABLE', '数据库不可达');
        }
        const pending = await pendingMigrations(ctx.deps.db.sequelize);
        if (pending.length) throw errors.unavailable('MIGRATIONS_PENDING', `有 ${pending.length} 个数据库迁移未执行`);
        return { status: 'ready' as const, database: ctx.deps.db.dialect, migrations: 'current' as const };
      },
    }),
    route({
      method: 'get', path: '/metrics', summary: 'Prometheus 指标', tags: ['system'], requirements: ['NF-002', 'NF-004', 'NF-008'], access: 'public',
      produces: 'text/plain; version=0.0.4',
      handler: async (ctx) => {
        ctx.type = ctx.deps.metrics.registry.contentType;
        ctx.body = await ctx.deps.metrics.registry.metrics();
        return undefined;
      },
    }),
    route({
      method: 'get', path: '/api/openapi.json', summary: 'OpenAPI 3.1 接口文档', tags: ['system'], requirements: ['NF-013'], access: 'public',
      handler: async (ctx) => (doc ??= buildOpenApi(all(), { version: VERSION, serverUrl: ctx.deps.config.publicUrl })),
    }),
    route({
      method: 'get', path: '/api/docs', summary: '接口文档浏览页面', tags: ['system'], requirements: ['NF-013'], access: 'public', produces: 'text/html',
      handler: async (ctx) => {
        ctx.type = 'html';
        ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>接口文档 · 横琴房地产与物业平台</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script></body></html>`;
        return undefined;
      },
    }),
    route({
      method: 'get', path: '/api/docs/assets/:file', summary: '接口文档页面的静态资源', tags: ['system'], requirements: ['NF-013'], access: 'public',
      params: z.object({ file: z.enum(['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js']) }), produces: 'text/javascript 或 text/css',
      handler: async (ctx, { params }) => {
        ctx.set('Cache-Control', 'public, max-age=86400');
        if (params.file === 'init.js') {
          ctx.type = 'text/javascript';
          ctx.body = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true });";
        } else {
          ctx.type = params.file.endsWith('.css') ? 'text/css' : 'text/javascript';
          ctx.body = fs.createReadStream(path.join(SWAGGER_DIR, params.file));
        }
        return undefined;
      },
    }),
  ];
}
