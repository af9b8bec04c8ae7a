// The server the browser tests run against: a fresh SQLite database with a small demo data
// set, serving the built admin and H5 mini-program. Build them first (`npm run build`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
for (const p of ['admin/dist/index.html', 'miniapp/dist/h5/index.html']) {
  if (!fs.existsSync(path.join(root, p))) {
    console.error(`missing ${p}: run \`npm run build\` before the browser tests`);
    process.exit(1);
  }
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-e2e-'));
const port = process.env.E2E_PORT ?? '3100';
// Tests that must arrange a state no screen can (a deadline in the past) find the database here.
const published = path.join(os.tmpdir(), `hq-e2e-${port}.json`);
fs.writeFileSync(published, JSON.stringify({ dataDir, database: path.join(dataDir, 'hengqin.sqlite'), pid: process.pid }));
const child = spawn('npx', ['tsx', 'api/src/server.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env, PORT: port, DATA_DIR: dataDir, SEED_SCALE: '0.1', LOG_LEVEL: 'warn', DB_URL: '',
    STATIC_ADMIN_DIR: path.join(root, 'admin/dist'), STATIC_H5_DIR: path.join(root, 'miniapp/dist/h5'),
  },
});
const stop = () => {
  child.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(published, { force: true });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
