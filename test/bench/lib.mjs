// Shared pieces of the benchmarks: start servers as child processes, run autocannon, print.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function waitFor(url, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timeout waiting for ${url}`);
}

export async function startBareKoa(port, extraEnv = {}) {
  const child = fork(path.join(root, 'test/bench/bare-koa.mjs'), { env: { ...process.env, PORT: String(port), ...extraEnv }, stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${port}/`);
  return child;
}

/** The real API, in its own process, on a fresh data directory (or DB_URL when given). */
export async function startApi(port, extraEnv = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-bench-'));
  // BENCH_API_LOG=/tmp/api.log keeps the API's warnings and errors for a failed run.
  const log = process.env.BENCH_API_LOG ? fs.openSync(process.env.BENCH_API_LOG, 'w') : 'ignore';
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['api/src/server.ts'], {
    cwd: root,
    stdio: ['ignore', log, 'inherit'],
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_API_LOG ? 'warn' : 'silent', RATE_LIMIT_PUBLIC_PER_MIN: '100000000', RATE_LIMIT_LOGIN_PER_MIN: '100000', ...extraEnv },
  });
  await waitFor(`http://127.0.0.1:${port}/readyz`, 600_000);
  return { child, dataDir, stop: () => { child.kill('SIGTERM'); fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

export function load(url, { connections = 100, duration = 10, headers = {}, paths } = {}) {
  return new Promise((resolve, reject) => {
    const requests = paths ? paths.map((p) => ({ method: 'GET', path: p })) : undefined;
    autocannon({ url, connections, duration, headers, pipelining: 1, requests }, (err, r) => {
      if (err) return reject(err);
      const non2xx = r.non2xx + r.errors;
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx, total: r.requests.total });
    });
  });
}

export function report(rows, baselineName) {
  const base = rows.find((r) => r.name === baselineName);
  console.log('\n| case | req/s | p50 ms | p99 ms | req/s vs bare Koa | req/s vs raw mysql2 | errors/non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const raw = r.raw ? rows.find((x) => x.name === r.raw) : null;
    console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / base.rps).toFixed(2)} | ${raw ? (r.rps / raw.rps).toFixed(2) : ''} | ${r.non2xx} |`);
  }
}
