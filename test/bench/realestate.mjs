// Real-estate disclosure benchmark (not a timed test), on the 10× demo data set:
//   - the building table of the 2,000-room flagship project (warm),
//   - project search (a rotating set of queries),
//   - a map bounding-box query over 20,000 project points (rotating boxes and zoom levels),
// each at 100 connections, with ratios to a bare Koa handler and to bare Koa + one raw mysql2
// query of the same rows, all measured in the same run.
// Usage: DB_URL=mysql://root@127.0.0.1:3306/test npm run bench:realestate [-- --duration 10]
// (a fresh database hq_bench_re is created next to the one named in DB_URL and dropped after).
import mysql from 'mysql2/promise';
import { load, report, startApi, startBareKoa } from './lib.mjs';

const i = process.argv.indexOf('--duration');
const duration = i > 0 ? Number(process.argv[i + 1]) : 10;
const connections = 100;
if (!process.env.DB_URL) {
  console.error('This benchmark runs on MySQL/MariaDB: set DB_URL=mysql://root@127.0.0.1:3306/test');
  process.exit(2);
}
const base = new URL(process.env.DB_URL.replace(/^mariadb:/, 'mysql:'));
const admin = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: base.username, password: base.password || undefined });
await admin.query('DROP DATABASE IF EXISTS hq_bench_re');
await admin.query('CREATE DATABASE hq_bench_re CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
const dbUrl = new URL(base);
dbUrl.pathname = '/hq_bench_re';

const t0 = Date.now();
const api = await startApi(3912, { DB_URL: dbUrl.toString(), SEED_SCALE: '10' });
console.log(`API up on MariaDB with the 10× data set in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const bare = await startBareKoa(3911, { DB_URL: dbUrl.toString() });
const db = await mysql.createConnection(dbUrl.toString());
const A = 'http://127.0.0.1:3912';
// Browsers and WeChat ask for compressed bodies; the API stores each cached body gzipped once.
const gz = { 'accept-encoding': 'gzip, deflate, br' };
const B = 'http://127.0.0.1:3911';
try {
  const [[counts]] = await db.query('SELECT (SELECT COUNT(*) FROM projects) AS projects, (SELECT COUNT(*) FROM rooms) AS rooms, (SELECT COUNT(*) FROM room_events) AS events');
  const [[flag]] = await db.query('SELECT project_id AS id, COUNT(*) AS n FROM rooms GROUP BY project_id ORDER BY n DESC LIMIT 1');
  console.log(`data: ${counts.projects} projects, ${counts.rooms} rooms, ${counts.events} building-table events; flagship project ${flag.id} has ${flag.n} rooms`);
  console.log(`duration ${duration}s per case, ${connections} connections`);

  const cold = async (url) => {
    const s = performance.now();
    const r = await fetch(url);
    await r.arrayBuffer();
    return (performance.now() - s).toFixed(1);
  };
  console.log(`cold (first request, nothing cached): project table ${await cold(`${A}/api/public/projects/${flag.id}/table`)} ms`);

  const keywords = ['花园', '华庭', '横琴', '海逸', '湾区', '中心', '府', '天地'];
  const searchPaths = [
    ...keywords.map((k) => `/api/public/projects?keyword=${encodeURIComponent(k)}`),
    '/api/public/projects?use=office&sort=price_asc', '/api/public/projects?district=' + encodeURIComponent('十字门中央商务区'),
    '/api/public/projects?status=selling&sort=available_desc&page=2', '/api/public/projects?developer=' + encodeURIComponent('华发'),
  ];
  console.log(`cold search: ${await cold(`${A}${searchPaths[0]}`)} ms`);

  const rows = [];
  rows.push({ name: 'bare Koa handler', ...(await load(`${B}/`, { connections, duration })) });
  rows.push({ name: 'raw mysql2: rooms of the flagship project', ...(await load(`${B}/raw/table/${flag.id}`, { connections, duration })) });
  rows.push({ name: `GET /api/public/projects/${flag.id}/table (${flag.n} rooms, warm)`, raw: 'raw mysql2: rooms of the flagship project', ...(await load(`${A}/api/public/projects/${flag.id}/table`, { connections, duration, headers: gz })) });
  // The same bytes from bare Koa: the floor for moving that body through this machine's loopback
  // (the load generator shares the CPU), and a returning visitor's revalidation (304).
  const table = await fetch(`${A}/api/public/projects/${flag.id}/table`, { headers: gz });
  const etag = table.headers.get('etag');
  const body = Buffer.from(await (await fetch(`${A}/api/public/projects/${flag.id}/table`)).arrayBuffer());
  const { gzipSync } = await import('node:zlib');
  const gzBody = gzipSync(body, { level: 6 });
  console.log(`flagship table body: ${(body.length / 1024).toFixed(0)} KB JSON, ${(gzBody.length / 1024).toFixed(0)} KB gzipped`);
  await fetch(`${B}/raw/blob`, { method: 'PUT', body: gzBody });
  rows.push({ name: `bare Koa: the same ${(gzBody.length / 1024).toFixed(0)} KB gzipped body`, ...(await load(`${B}/raw/blob`, { connections, duration, headers: gz })) });
  rows.push({ name: `GET /api/public/projects/${flag.id}/table, If-None-Match (304)`, ...(await load(`${A}/api/public/projects/${flag.id}/table`, { connections, duration, headers: { ...gz, 'if-none-match': etag } })) });
  const [blds] = await db.query('SELECT id FROM buildings WHERE project_id = ? ORDER BY id', [flag.id]);
  rows.push({ name: 'GET /api/public/buildings/:id/table (8 buildings rotating, warm)', ...(await load(A, { connections, duration, headers: gz, paths: blds.map((b) => `/api/public/buildings/${b.id}/table`) })) });
  rows.push({ name: 'raw mysql2: project search LIKE', ...(await load(B, { connections, duration, paths: keywords.map((k) => `/raw/search?keyword=${encodeURIComponent(k)}`) })) });
  rows.push({ name: `GET /api/public/projects (${searchPaths.length} queries rotating)`, raw: 'raw mysql2: project search LIKE', ...(await load(A, { connections, duration, headers: gz, paths: searchPaths })) });

  // 20,000 map points: the seeded projects plus planned ones spread over the island.
  const need = 20000 - counts.projects;
  const [[dev]] = await db.query("SELECT id FROM orgs WHERE kind = 'developer' ORDER BY id LIMIT 1");
  const now = new Date();
  for (let k = 0; k < need; k += 2000) {
    const batch = [];
    for (let j = k; j < Math.min(need, k + 2000); j++) {
      batch.push([dev.id, `规划地块${j + 1}`, '珠海市横琴粤澳深度合作区', '横琴新家园片区', 113.46 + ((j * 7919) % 12000) / 100000, 22.07 + ((j * 104729) % 9000) / 100000, 'planning', now, now]);
    }
    await db.query('INSERT INTO projects (developer_org_id, name, address, district, lng, lat, status, created_at, updated_at) VALUES ?', [batch]);
  }
  const [[pc]] = await db.query('SELECT COUNT(*) AS n FROM projects');
  console.log(`map points: ${pc.n}`);
  const boxes = [];
  for (const [zoom, span] of [[12, 0.14], [14, 0.04], [16, 0.012]]) {
    for (let k = 0; k < 6; k++) {
      const lng = 113.46 + ((k * 0.017) % (0.12 - span));
      const lat = 22.07 + ((k * 0.011) % Math.max(0.001, 0.09 - span));
      boxes.push({ zoom, bbox: [lng, lat, lng + span, lat + span].map((x) => x.toFixed(5)).join(',') });
    }
  }
  console.log(`cold map (index build over ${pc.n} points): ${await cold(`${A}/api/public/map/projects?bbox=${boxes[0].bbox}&zoom=${boxes[0].zoom}`)} ms`);
  rows.push({ name: 'raw mysql2: projects in bbox', ...(await load(B, { connections, duration, paths: boxes.map((b) => `/raw/map?bbox=${b.bbox}`) })) });
  rows.push({ name: `GET /api/public/map/projects (${boxes.length} boxes × zooms rotating)`, raw: 'raw mysql2: projects in bbox', ...(await load(A, { connections, duration, headers: gz, paths: boxes.map((b) => `/api/public/map/projects?bbox=${b.bbox}&zoom=${b.zoom}`) })) });
  report(rows, 'bare Koa handler');
  const same = rows.find((r) => r.name.startsWith('bare Koa: the same'));
  const tableRow = rows.find((r) => r.name.startsWith(`GET /api/public/projects/${flag.id}/table (`));
  console.log(`\nflagship table vs bare Koa sending the same bytes: ${(tableRow.rps / same.rps).toFixed(2)}× the req/s, p99 ${tableRow.p99} vs ${same.p99} ms (the 304 row counts its answers as non-2xx)`);
  console.log('\ntargets: p99 ≤ 50 ms for warm building tables, ≤ 100 ms for search and map');
} finally {
  await db.end();
  bare.kill();
  api.stop();
  await admin.query('DROP DATABASE IF EXISTS hq_bench_re');
  await admin.end();
}
