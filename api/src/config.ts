// Configuration from the environment, validated once at start with safe defaults.
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { z } from '@hq/common';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** `key=value,key=value` (notice key → provider's template code or id). */
const templateMap = z
  .string()
  .regex(/^\s*[\w.]+=[\w-]+\s*(,\s*[\w.]+=[\w-]+\s*)*$/, '格式应为 key=value,key=value')
  .transform((v) => Object.fromEntries(v.split(',').map((pair) => pair.trim().split('=') as [string, string])));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DB_URL: z.string().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  /** Public base URL of this server, used in links (QR codes, OIDC redirects). */
  PUBLIC_URL: z.string().url().optional(),
  CORS_ORIGINS: z.string().default(''),
  JWT_SECRET: z.string().min(32).optional(),
  /** Key for SM4 encryption at rest and keyed hashes (hex, 16 bytes). */
  DATA_KEY: z.string().regex(/^[0-9a-f]{32}$/i).optional(),
  ACCESS_TOKEN_TTL: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED: z.enum(['demo', 'none']).default('demo'),
  SEED_SCALE: z.coerce.number().min(0.01).max(10).default(1),
  /** Serve the local simulators of external systems (WeChat, unified identity). */
  SIMULATORS: bool.default(true),
  WECHAT_APPID: z.string().default('wx0000000000hqdemo'),
  WECHAT_SECRET: z.string().default('hq-demo-wechat-secret'),
  /** Base URL of WeChat's API; the simulator by default. */
  WECHAT_API_BASE: z.string().url().optional(),
  GDID_ISSUER: z.string().url().optional(),
  GDID_CLIENT_ID: z.string().default('hq-realestate'),
  GDID_CLIENT_SECRET: z.string().default('hq-demo-gdid-secret'),
  /** Provincial e-licence / e-seal system (广东省电子证照管理系统); the simulator by default. */
  ELICENCE_API_BASE: z.string().url().optional(),
  ELICENCE_APP_ID: z.string().default('hq-realestate'),
  ELICENCE_APP_SECRET: z.string().min(16).default('hq-demo-elicence-secret'),
  /** Real-estate registry (不动产登记信息平台: title checks, registered titles); the simulator by default. */
  REGISTRY_API_BASE: z.string().url().optional(),
  REGISTRY_APP_ID: z.string().default('hq-property'),
  REGISTRY_APP_SECRET: z.string().min(16).default('hq-demo-registry-secret'),
  /** SMS gateway (短信网关); the simulator by default. */
  SMS_API_BASE: z.string().url().optional(),
  SMS_APP_ID: z.string().default('hq-realestate'),
  SMS_SECRET: z.string().min(16).default('hq-demo-sms-gateway-secret'),
  /** 短信签名 as registered with the gateway; shown as 【横琴住建】. */
  SMS_SIGN_NAME: z.string().min(2).max(12).default('横琴住建'),
  /** Gateway template codes per notice, e.g. `workflow.todo=SMS_4120001,workflow.returned=SMS_4120002`. */
  SMS_TEMPLATE_CODES: templateMap.optional(),
  /** Subscribe-message template ids per notice, e.g. `workflow.todo=Xc9…,workflow.approved=…`. */
  WECHAT_SUBSCRIBE_TEMPLATES: templateMap.optional(),
  /** Which mini-program version a subscribe-message card opens. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** How often the outbox dispatcher looks for messages to send; 0 turns it off in this process. */
  OUTBOX_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  RATE_LIMIT_LOGIN_PER_MIN: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PUBLIC_PER_MIN: z.coerce.number().int().min(1).default(600),
  STATIC_ADMIN_DIR: z.string().optional(),
  STATIC_H5_DIR: z.string().optional(),
});

export type Config = z.infer<typeof schema> & {
  dataDir: string;
  jwtSecret: string;
  dataKey: Buffer;
  publicUrl: string;
  wechatApiBase: string;
  gdidIssuer: string;
  elicenceApiBase: string;
  registryApiBase: string;
  smsApiBase: string;
  corsOrigins: string[];
};

/** A secret kept in DATA_DIR so that restarts keep sessions and encrypted data readable. */
function persistentSecret(dir: string, name: string, bytes: number): string {
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const value = crypto.randomBytes(bytes).toString('hex');
  fs.writeFileSync(file, value, { mode: 0o600 });
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置错误 (environment):\n${lines}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  if (c.NODE_ENV === 'production' && (!c.JWT_SECRET || !c.DATA_KEY)) {
    throw new Error('生产环境必须设置 JWT_SECRET 与 DATA_KEY');
  }
  const jwtSecret = c.JWT_SECRET ?? persistentSecret(dataDir, '.jwt-secret', 32);
  const dataKey = Buffer.from(c.DATA_KEY ?? persistentSecret(dataDir, '.data-key', 16), 'hex');
  const publicUrl = (c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? '127.0.0.1' : c.HOST}:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    dataDir,
    jwtSecret,
    dataKey,
    publicUrl,
    wechatApiBase: (c.WECHAT_API_BASE ?? `${publicUrl}/sim/wechat`).replace(/\/$/, ''),
    gdidIssuer: (c.GDID_ISSUER ?? `${publicUrl}/sim/gdid`).replace(/\/$/, ''),
    elicenceApiBase: (c.ELICENCE_API_BASE ?? `${publicUrl}/sim/elicence`).replace(/\/$/, ''),
    registryApiBase: (c.REGISTRY_API_BASE ?? `${publicUrl}/sim/registry`).replace(/\/$/, ''),
    smsApiBase: (c.SMS_API_BASE ?? `${publicUrl}/sim/sms`).replace(/\/$/, ''),
    corsOrigins: c.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
  };
}
