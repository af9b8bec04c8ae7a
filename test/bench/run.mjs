// Foundation benchmark (not a timed test): GET /healthz and an authenticated GET /api/me at
// 100 connections, against a bare Koa handler measured in the same run.
// Usage: npm run bench [-- --duration 10]   (DB_URL=mysql://… to run the API on MySQL/MariaDB)
import { load, report, startApi, startBareKoa } from './lib.mjs';

const i = process.argv.indexOf('--duration');
const duration = i > 0 ? Number(process.argv[i + 1]) : 10;
const connections = 100;

const bare = await startBareKoa(3901);
const api = await startApi(3902, { SEED_SCALE: '0.05' });
try {
  const login = await (await fetch('http://127.0.0.1:3902/api/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dev1', password: 'Hengqin@2026' }),
  })).json();
  const auth = { authorization: `Bearer ${login.tokens.accessToken}` };
  console.log(`duration ${duration}s per case, ${connections} connections, database ${process.env.DB_URL ? 'MySQL/MariaDB' : 'SQLite'}`);
  const rows = [];
  rows.push({ name: 'bare Koa handler', ...(await load('http://127.0.0.1:3901/', { connections, duration })) });
  rows.push({ name: 'GET /healthz', ...(await load('http://127.0.0.1:3902/healthz', { connections, duration })) });
  rows.push({ name: 'GET /api/me (authenticated)', ...(await load('http://127.0.0.1:3902/api/me', { connections, duration, headers: auth })) });
  report(rows, 'bare Koa handler');
} finally {
  bare.kill();
  api.stop();
}
