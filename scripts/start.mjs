#!/usr/bin/env node
// `npm start`: builds the admin web and the H5 mini-program if they are not built yet, then
// starts the API on the embedded SQLite database (demo data on first start), serving both.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminDist = path.join(root, 'admin/dist');
const h5Dist = path.join(root, 'miniapp/dist/h5');
const rebuild = process.argv.includes('--rebuild');

function build(label, args) {
  console.log(`\n▶ 构建 ${label} …`);
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) {
    console.error(`✖ ${label} 构建失败`);
    process.exit(r.status ?? 1);
  }
}

if (rebuild || !fs.existsSync(path.join(adminDist, 'index.html'))) build('管理端 admin', ['run', 'build', '-w', '@hq/admin']);
if (rebuild || !fs.existsSync(path.join(h5Dist, 'index.html'))) build('小程序 H5', ['run', 'build:h5', '-w', '@hq/miniapp']);

const child = spawn('npx', ['tsx', 'api/src/server.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    STATIC_ADMIN_DIR: process.env.STATIC_ADMIN_DIR ?? adminDist,
    STATIC_H5_DIR: process.env.STATIC_H5_DIR ?? h5Dist,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    HQ_BANNER: '1',
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
