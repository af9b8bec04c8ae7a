// Starts a real API on a real database for a test file (one per file: Sequelize models are
// bound to one connection per process): a temporary SQLite file, or a fresh
// MariaDB/MySQL database when DB_URL is set. Listens on a free port so the simulators that
// the API calls over HTTP (WeChat, unified identity) are reached as in production.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Sequelize } from 'sequelize';
import { loadConfig } from '../src/config';
import { createApp, createDatabase, type App } from '../src/app';
import { createMigrator } from '../src/platform/db/migrator';
import { seedDemo, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/seed/demo';
import { totpCode, totpStep } from '../src/platform/auth/totp';
import { User } from '../src/platform/models';

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

export interface TestApi {
  app: App;
  url: string;
  dataDir: string;
  close(): Promise<void>;
  /** fetch against the API with JSON in and out. */
  call(method: string, p: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Full login (password + TOTP where required) for a seeded account. */
  login(username: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  wechatLogin(openid: string): Promise<{ accessToken: string; refreshToken: string; user: any }>;
}

async function freshMysqlDb(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const name = `hq_t_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new Sequelize(`${u.protocol}//${u.username}${u.password ? `:${u.password}` : ''}@${u.host}/`, { dialect: 'mysql', logging: false });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.close();
    },
  };
}

export async function startTestApi(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApi> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-test-'));
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const mysql = process.env.DB_URL ? await freshMysqlDb(process.env.DB_URL) : null;
  const config = loadConfig({
    NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED: 'none', PUBLIC_URL: url, PORT: String(port),
    RATE_LIMIT_LOGIN_PER_MIN: '10000', ...(mysql ? { DB_URL: mysql.url } : {}), ...opts.env,
  });
  const db = createDatabase(config);
  await createMigrator(db.sequelize).up();
  const app = await createApp(config, db);
  if (opts.seed !== false) await seedDemo(app.deps, { scale: 0.04 });
  server.on('request', app.koa.callback());

  const call: TestApi['call'] = async (method, p, o = {}) => {
    const res = await fetch(url + p, {
      method,
      redirect: 'manual',
      headers: {
        ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  };

  const login: TestApi['login'] = async (username, password = DEMO_PASSWORD) => {
    const r = await call('POST', '/api/auth/login', { body: { username, password } });
    if (r.body.next === 'done') return r.body.tokens;
    if (r.body.next !== 'totp') throw new Error(`login ${username}: ${JSON.stringify(r.body)}`);
    // Codes are single-use per account; tests log the same account in many times, so the
    // harness forgets the last used step (the replay rule itself is tested in auth.test.ts).
    await User.update({ totp_last_step: null }, { where: { username } });
    const step = totpStep();
    const v = await call('POST', '/api/auth/totp/verify', { body: { challenge: r.body.challenge, code: totpCode(DEMO_TOTP_SECRET, step) } });
    if (v.body.next !== 'done') throw new Error(`totp ${username}: ${JSON.stringify(v.body)}`);
    return v.body.tokens;
  };

  const wechatLogin: TestApi['wechatLogin'] = async (openid) => {
    const c = await call('POST', '/sim/wechat/dev-code', { body: { openid } });
    const r = await call('POST', '/api/auth/wechat/login', { body: { code: c.body.code } });
    if (r.status !== 200) throw new Error(`wechat login ${openid}: ${JSON.stringify(r.body)}`);
    return { ...r.body.tokens, user: r.body.user };
  };

  return {
    app, url, dataDir, call, login, wechatLogin,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await db.close();
      if (mysql) await mysql.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
