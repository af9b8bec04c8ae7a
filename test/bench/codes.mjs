// 赋码 benchmark (not a timed test): bursts of 200 parallel issuers, each in its own
// transaction on a Sequelize pool of 20 connections, calling issueCode in-process (the HTTP
// layer is measured by the other benchmarks; here the cost is the counter's row lock).
// Cases: a contract family; the presale-permit family (one more read per code: the seeded
// permits' highest number); and a burst where one issuer in ten rolls back after drawing its
// number. Afterwards the database is read back: every scope must hold seqs 1..N exactly
// (permits: from the seeded maximum + 1), no duplicates and no gaps, or the run fails.
// Usage: DB_URL=mysql://root@127.0.0.1:3306/test npm run bench:codes [-- --rounds 5]
// (a fresh database hq_bench_codes is created next to the one named in DB_URL and dropped after).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { createRequire } from 'node:module';

// Loaded as CommonJS through tsx, as the API itself runs (the migrator finds sql/ by __dirname).
const require = createRequire(import.meta.url);
const { createDb } = require('../../api/src/platform/db/index.ts');
const { createMigrator } = require('../../api/src/platform/db/migrator.ts');
const { initPlatformModels } = require('../../api/src/platform/models.ts');
const { initCodeModels } = require('../../api/src/platform/codes/models.ts');
const { issueCode } = require('../../api/src/platform/codes/service.ts');

const i = process.argv.indexOf('--rounds');
const rounds = i > 0 ? Number(process.argv[i + 1]) : 5;
const burst = 200;
const poolMax = 20;
if (!process.env.DB_URL) {
  console.error('This benchmark runs on MySQL/MariaDB: set DB_URL=mysql://root@127.0.0.1:3306/test');
  process.exit(2);
}
const base = new URL(process.env.DB_URL.replace(/^mariadb:/, 'mysql:'));
const admin = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: base.username, password: base.password || undefined });
await admin.query('DROP DATABASE IF EXISTS hq_bench_codes');
await admin.query('CREATE DATABASE hq_bench_codes CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
const dbUrl = new URL(base);
dbUrl.pathname = '/hq_bench_codes';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-bench-codes-'));
const db = createDb({ url: dbUrl.toString(), dataDir, poolMax });
initPlatformModels(db.sequelize);
initCodeModels(db.sequelize);

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const AT = new Date('2026-05-10T02:00:00Z');

/** `rounds` bursts of `burst` parallel issuers; returns codes/s over the bursts and per-call latency. */
async function run(family, { rollbackEvery = 0 } = {}) {
  const latencies = [];
  let committed = 0;
  let rolledBack = 0;
  let wall = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: burst }, async (_, k) => {
      const s = performance.now();
      const rollback = rollbackEvery > 0 && k % rollbackEvery === 0;
      try {
        await db.tx(async (t) => {
          await issueCode(t, family, { objectType: 'bench', objectId: `${r}-${k}`, at: AT });
          if (rollback) throw new Error('rollback');
        });
        committed++;
      } catch (e) {
        if (!rollback) throw e;
        rolledBack++;
      }
      latencies.push(performance.now() - s);
    }));
    wall += performance.now() - t0;
  }
  latencies.sort((a, b) => a - b);
  return { family, committed, rolledBack, perSec: ((committed + rolledBack) / wall) * 1000, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

/** Reads the issued codes back: duplicates and gaps within the scope, from `first`. */
async function check(family, first = 1) {
  const [rows] = await db.sequelize.query('SELECT seq, code FROM code_issues WHERE family = ? AND scope_key = ? ORDER BY seq', { replacements: [family, '2026'] });
  const seqs = rows.map((x) => Number(x.seq));
  const duplicates = (seqs.length - new Set(seqs).size) + (rows.length - new Set(rows.map((x) => x.code)).size);
  let gaps = 0;
  for (let k = 0; k < seqs.length; k++) if (seqs[k] !== first + k) gaps++;
  return { rows: rows.length, duplicates, gaps, last: seqs.at(-1) };
}

let failed = false;
try {
  await createMigrator(db.sequelize).up();
  // Seeded permits of 2026 numbered 1..37 outside the service, as the demo data has them.
  const seeded = 37;
  await admin.query("INSERT INTO hq_bench_codes.orgs (kind, name, created_at, updated_at) VALUES ('developer', '基准测试开发企业', NOW(), NOW())");
  await admin.query("INSERT INTO hq_bench_codes.projects (developer_org_id, name, address, district, created_at, updated_at) VALUES (LAST_INSERT_ID(), '基准项目', '横琴', '横琴新家园片区', NOW(), NOW())");
  const [[{ projectId }]] = await admin.query('SELECT LAST_INSERT_ID() AS projectId');
  for (let s = 1; s <= seeded; s++) {
    await admin.query(
      "INSERT INTO hq_bench_codes.presale_permits (project_id, permit_no, authority, year, seq, kind, building_ids, room_count, area, issued_on, status, created_at) VALUES (?, ?, '横琴房预许字', 2026, ?, 'presale', '', 0, 0, '2026-01-01', 'valid', NOW())",
      [projectId, `横琴房预许字（2026）第${String(s).padStart(5, '0')}号`, s],
    );
  }
  // Warm-up, not measured: opens the pool's connections and lets V8 compile the hot path.
  await Promise.all(Array.from({ length: burst }, (_, k) => db.tx((t) => issueCode(t, 'lease_contract', { objectType: 'bench', objectId: `warm-up-${k}`, at: AT }))));

  console.log(`MariaDB, pool ${poolMax} connections, ${rounds} bursts of ${burst} parallel issuers per case, each issuer in its own transaction\n`);
  const rows = [
    { ...(await run('new_home_contract')), ...(await check('new_home_contract')) },
    { ...(await run('presale_permit')), ...(await check('presale_permit', seeded + 1)) },
    { ...(await run('mortgage_contract', { rollbackEvery: 10 })), ...(await check('mortgage_contract')) },
  ];
  console.log('| family | committed | rolled back | codes/s | p50 ms | p99 ms | codes in scope | last seq | duplicates | gaps |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.family} | ${r.committed} | ${r.rolledBack} | ${r.perSec.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rows} | ${r.last} | ${r.duplicates} | ${r.gaps} |`);
    if (r.duplicates || r.gaps || r.rows !== r.committed) failed = true;
  }
  console.log(failed ? '\nFAILED: duplicates or gaps found' : '\nduplicates 0, gaps 0 in every scope');
  console.log('(codes/s counts every issuer, including those that rolled back; latency is from the call to its commit, queueing for a connection included)');
} finally {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await admin.query('DROP DATABASE IF EXISTS hq_bench_codes');
  await admin.end();
}
process.exit(failed ? 1 : 0);
