// Assembles the Koa application from its parts. `createApp` is what tests and the server use.
import Koa from 'koa';
import Router from '@koa/router';
import cors from '@koa/cors';
import { bodyParser } from '@koa/bodyparser';
import type { Config } from './config';
import { createDb, prepareDb, type Db } from './platform/db';
import { initPlatformModels } from './platform/models';
import { initRealEstateModels } from './modules/realestate/models';
import { initPropertyModels } from './modules/property/models';
import { createLogger } from './platform/logger';
import { createMetrics } from './platform/http/metrics';
import { accessLog, errorHandler, RateLimiter, requestId, securityHeaders } from './platform/http/middleware';
import { authenticate } from './platform/auth/authenticate';
import { mountRoutes } from './platform/http/router';
import { serveStatic } from './platform/http/static';
import type { RouteDef } from './platform/http/route';
import type { AppContext } from './platform/http/types';
import type { Deps } from './platform/deps';
import { FileStore } from './platform/files/store';
import { WechatClient } from './integrations/wechat/client';
import { WechatSimulator, wechatSimulatorRoutes } from './integrations/wechat/simulator';
import { GdidClient } from './integrations/gdid/client';
import { GdidSimulator, gdidSimulatorRoutes } from './integrations/gdid/simulator';
import { HttpElicenceClient } from './integrations/elicence/client';
import { ElicenceSimulator, elicenceSimulatorRoutes } from './integrations/elicence/simulator';
import { HttpRegistryClient } from './integrations/registry/client';
import { RegistrySimulator, registrySimulatorRoutes } from './integrations/registry/simulator';
import { HttpSmsClient } from './integrations/sms/client';
import { SmsSimulator, smsSimulatorRoutes } from './integrations/sms/simulator';
import { HttpWechatSubscribeClient } from './integrations/wechat/subscribe';
import { initOutboxModels, outboxRoutes } from './platform/notify';
import { smsTemplateCatalogue, wechatTemplateCatalogue } from './platform/notify/templates';
import { authRoutes } from './modules/auth/routes';
import { meRoutes } from './modules/me/routes';
import { auditRoutes } from './modules/audit/routes';
import { fileRoutes } from './modules/files/routes';
import { orgRoutes } from './modules/orgs/routes';
import { realEstateRoutes } from './modules/realestate/routes';
import { propertyRoutes } from './modules/property/routes';
import { userRoutes } from './modules/users/routes';
import { calendarRoutes } from './modules/calendar/routes';
import { systemRoutes } from './modules/system/routes';
import { publicRoutes } from './modules/public/routes';
import { contentRoutes } from './modules/content/routes';
import { surveyRoutes } from './modules/survey/routes';
import { progressRoutes } from './modules/progress/routes';
import { initContentModels } from './modules/content/models';
import { initWorkflowModels } from './platform/workflow/models';
import { initCodeModels, codeRoutes } from './platform/codes';
import { applicationRoutes } from './modules/applications/routes';
import { permitRoutes } from './modules/permits/routes';
import { initEnterpriseModels } from './modules/enterprises/models';
import { enterpriseRoutes } from './modules/enterprises/routes';
import { initCreditModels } from './modules/credit/models';
import { creditRoutes } from './modules/credit/routes';
import { initTicketModels } from './modules/tickets/models';
import { ticketRoutes } from './modules/tickets/routes';
import { communityRoutes } from './modules/property/community-routes';
import { patrolRoutes } from './modules/patrols/routes';

export function createDatabase(config: Config): Db {
  const db = createDb({ url: config.DB_URL, dataDir: config.dataDir, poolMax: config.DB_POOL_MAX });
  initPlatformModels(db.sequelize);
  initRealEstateModels(db.sequelize);
  initPropertyModels(db.sequelize);
  initContentModels(db.sequelize);
  initWorkflowModels(db.sequelize);
  initCodeModels(db.sequelize);
  initOutboxModels(db.sequelize);
  initEnterpriseModels(db.sequelize);
  initCreditModels(db.sequelize);
  initTicketModels(db.sequelize);
  return db;
}

export interface App {
  koa: Koa;
  deps: Deps;
  routes: RouteDef[];
  router: Router;
}

export async function createApp(config: Config, db: Db = createDatabase(config)): Promise<App> {
  await prepareDb(db);
  const logger = createLogger(config.LOG_LEVEL);
  const deps: Deps = {
    config, db, logger,
    metrics: createMetrics(db),
    rateLimiter: new RateLimiter({ login: config.RATE_LIMIT_LOGIN_PER_MIN, public: config.RATE_LIMIT_PUBLIC_PER_MIN }),
    wechat: new WechatClient({ base: config.wechatApiBase, appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET }),
    gdid: new GdidClient({
      issuer: config.gdidIssuer, clientId: config.GDID_CLIENT_ID, clientSecret: config.GDID_CLIENT_SECRET,
      redirectUri: `${config.publicUrl}/api/auth/gdid/callback`,
    }),
    elicence: new HttpElicenceClient({ base: config.elicenceApiBase, appId: config.ELICENCE_APP_ID, secret: config.ELICENCE_APP_SECRET }),
    registry: new HttpRegistryClient({ base: config.registryApiBase, appId: config.REGISTRY_APP_ID, secret: config.REGISTRY_APP_SECRET }),
    files: new FileStore(config.dataDir),
    sms: new HttpSmsClient({ base: config.smsApiBase, appId: config.SMS_APP_ID, secret: config.SMS_SECRET, signName: config.SMS_SIGN_NAME }),
    wechatSubscribe: new HttpWechatSubscribeClient({
      base: config.wechatApiBase, appid: config.WECHAT_APPID, secret: config.WECHAT_SECRET, miniprogramState: config.WECHAT_MINIPROGRAM_STATE,
    }),
  };

  const routes: RouteDef[] = [
    ...authRoutes, ...meRoutes, ...auditRoutes, ...fileRoutes, ...orgRoutes, ...realEstateRoutes, ...propertyRoutes,
    ...userRoutes, ...calendarRoutes, ...publicRoutes, ...contentRoutes, ...surveyRoutes, ...progressRoutes, ...applicationRoutes, ...permitRoutes,
    ...codeRoutes, ...enterpriseRoutes, ...creditRoutes, ...communityRoutes, ...ticketRoutes, ...patrolRoutes,
  ];
  routes.push(...outboxRoutes);
  if (config.SIMULATORS) {
    const templates = { smsTemplateCodes: config.SMS_TEMPLATE_CODES, wechatSubscribeTemplates: config.WECHAT_SUBSCRIBE_TEMPLATES };
    routes.push(...wechatSimulatorRoutes(new WechatSimulator(config.WECHAT_APPID, config.WECHAT_SECRET, { subscribeTemplates: wechatTemplateCatalogue(templates) })));
    routes.push(...smsSimulatorRoutes(new SmsSimulator({
      appId: config.SMS_APP_ID, secret: config.SMS_SECRET, signName: config.SMS_SIGN_NAME, templates: smsTemplateCatalogue(templates),
    })));
    routes.push(...gdidSimulatorRoutes(
      new GdidSimulator({
        issuer: config.gdidIssuer, clientId: config.GDID_CLIENT_ID, clientSecret: config.GDID_CLIENT_SECRET,
        redirectUris: [`${config.publicUrl}/api/auth/gdid/callback`],
      }),
      config.gdidIssuer,
    ));
    routes.push(...elicenceSimulatorRoutes(new ElicenceSimulator({ appId: config.ELICENCE_APP_ID, secret: config.ELICENCE_APP_SECRET })));
    routes.push(...registrySimulatorRoutes(new RegistrySimulator({ appId: config.REGISTRY_APP_ID, secret: config.REGISTRY_APP_SECRET, dataKey: config.dataKey })));
  }
  routes.push(...systemRoutes(() => routes));

  const koa = new Koa({ proxy: process.env.TRUST_PROXY === 'true' });
  Object.defineProperty(koa.context, 'deps', { value: deps });
  const router = new Router();
  mountRoutes(router, routes);

  koa.use(requestId() as never);
  koa.use(metricsMiddleware() as never);
  koa.use(accessLog() as never);
  koa.use(securityHeaders() as never);
  koa.use(errorHandler() as never);
  koa.use(cors({
    origin: (ctx) => {
      const o = ctx.get('origin');
      return config.corsOrigins.includes(o) ? o : '';
    },
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  }));
  if (config.STATIC_ADMIN_DIR) koa.use(serveStatic('/admin', config.STATIC_ADMIN_DIR) as never);
  if (config.STATIC_H5_DIR) koa.use(serveStatic('/h5', config.STATIC_H5_DIR) as never);
  koa.use(async (ctx, next) => {
    if (ctx.path === '/') return ctx.redirect(config.STATIC_H5_DIR ? '/h5/' : '/api/docs');
    await next();
  });
  koa.use(bodyParser({ enableTypes: ['json', 'form'], jsonLimit: '1mb', formLimit: '100kb', encoding: 'utf-8' }) as never);
  koa.use(authenticate() as never);
  koa.use(router.routes() as never);
  koa.use(router.allowedMethods() as never);
  koa.on('error', (err) => logger.debug({ err }, 'koa error'));
  return { koa, deps, routes, router };
}

function metricsMiddleware() {
  return async (ctx: AppContext, next: () => Promise<unknown>) => {
    const end = Date.now();
    try {
      await next();
    } finally {
      const route = ctx.state.routeName ?? (ctx.status === 404 ? 'unmatched' : 'static');
      const { metrics } = ctx.deps;
      metrics.requests.inc({ method: ctx.method, route, status: String(ctx.status) });
      metrics.latency.observe({ method: ctx.method, route }, (Date.now() - end) / 1000);
    }
  };
}
