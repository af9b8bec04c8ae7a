// Repairs benchmark (not a timed test): 100 concurrent owners, each bound to a house of a seeded
// community, report repairs with two photos (two uploads — each re-encoded for its public
// rendition and thumbnail — then POST /api/tickets) and list their own repairs, several rounds
// each. Prints p50/p99 per operation and their ratio to a bare Koa handler measured the same way
// (the same client, 100 concurrent workers) in the same run.
// Usage: DB_URL=mysql://root@127.0.0.1:3306/test npm run bench:tickets [-- --rounds 5 --scale 1]
// (a fresh database hq_bench_tickets is created next to the one named in DB_URL and dropped after;
// without DB_URL it runs on SQLite.)
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import mysql from 'mysql2/promise';
import sharp from 'sharp';
import { startApi, startBareKoa } from './lib.mjs';

// The owners are made through the API's own models (as the seed would), loaded through tsx.
const require = createRequire(import.meta.url);
const { Op } = require('sequelize');
const { createDb } = require('../../api/src/platform/db/index.ts');
const { initPlatformModels, User, UserRole } = require('../../api/src/platform/models.ts');
const { initPropertyModels, Community, HouseOwner } = require('../../api/src/modules/property/models.ts');
const { initRealEstateModels, Room } = require('../../api/src/modules/realestate/models.ts');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const OWNERS = 100;
const ROUNDS = arg('rounds', 5);
const SCALE = arg('scale', 1);
const PORT = 3932;
const A = `http://127.0.0.1:${PORT}`;

let dbUrl = process.env.DB_URL;
let admin = null;
if (dbUrl) {
  const base = new URL(dbUrl.replace(/^mariadb:/, 'mysql:'));
  admin = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: base.username, password: base.password || undefined });
  await admin.query('DROP DATABASE IF EXISTS hq_bench_tickets');
  await admin.query('CREATE DATABASE hq_bench_tickets CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  base.pathname = '/hq_bench_tickets';
  dbUrl = base.toString();
}
console.log(`seeding (scale ${SCALE}) on ${dbUrl ? 'MariaDB' : 'SQLite'} …`);
const api = await startApi(PORT, { SEED_SCALE: String(SCALE), ...(dbUrl ? { DB_URL: dbUrl } : {}) });
const bare = await startBareKoa(3931);

let reported = 0;
function fail(what, r) {
  if (reported++ < 3) console.error(`${what} failed: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return false;
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};
async function call(token, method, p, body) {
  const r = await fetch(A + p, {
    method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}
const timed = async (lat, fn) => {
  const s = performance.now();
  const ok = await fn();
  lat.push(performance.now() - s);
  return ok;
};

/** A phone-sized photo nobody uploaded before (uploads are deduplicated by content). */
async function photo() {
  const noise = crypto.randomBytes(160 * 120 * 3);
  return sharp(noise, { raw: { width: 160, height: 120, channels: 3 } }).resize(1280, 960, { kernel: 'cubic' }).jpeg({ quality: 80 }).toBuffer();
}

let db = null;
try {
  // ---------- setup: 100 owners, each bound to a house of a community with a property company ----------
  db = createDb({ url: dbUrl, dataDir: api.dataDir, poolMax: 5, strictTransactions: false });
  initPlatformModels(db.sequelize);
  initRealEstateModels(db.sequelize);
  initPropertyModels(db.sequelize);
  const community = await Community.findOne({ where: { property_org_id: { [Op.ne]: null }, project_id: { [Op.ne]: null } }, order: [['id', 'ASC']] });
  const rooms = await Room.findAll({ where: { project_id: community.project_id }, attributes: ['id'], order: [['id', 'ASC']], limit: OWNERS });
  if (rooms.length < OWNERS) throw new Error(`community ${community.id} has ${rooms.length} rooms, need ${OWNERS}`);
  const users = await User.bulkCreate(rooms.map((_, i) => ({
    display_name: `压测业主${String(i + 1).padStart(3, '0')}`, wechat_openid: `o_bench_owner_${i}`, status: 'active', real_name_verified_at: new Date(),
  })));
  await UserRole.bulkCreate(users.map((u) => ({ user_id: u.id, role: 'owner' })));
  await HouseOwner.bulkCreate(users.map((u, i) => ({ room_id: rooms[i].id, user_id: u.id, relation: 'owner', verified_at: new Date() })));
  await db.close();
  db = null;
  const owners = [];
  for (let i = 0; i < OWNERS; i++) {
    const c = await call(null, 'POST', '/sim/wechat/dev-code', { openid: `o_bench_owner_${i}` });
    const r = await call(null, 'POST', '/api/auth/wechat/login', { code: c.body.code });
    if (r.status !== 200) throw new Error(`login: ${JSON.stringify(r.body)}`);
    owners.push({ token: r.body.tokens.accessToken, roomId: rooms[i].id });
  }
  console.log(`community ${community.name} (#${community.id}); ${OWNERS} owners × ${ROUNDS} repairs, 2 photos each; preparing ${OWNERS * ROUNDS * 2} photos …`);
  const photos = await Promise.all(Array.from({ length: OWNERS * ROUNDS * 2 }, photo));
  const avgKb = photos.reduce((a, p) => a + p.length, 0) / photos.length / 1024;

  // ---------- the bare baseline, measured with the same client and concurrency ----------
  const bareLat = [];
  await Promise.all(Array.from({ length: OWNERS }, async () => {
    for (let k = 0; k < ROUNDS * 4; k++) await timed(bareLat, async () => (await fetch('http://127.0.0.1:3931/')).ok);
  }));

  // ---------- the owners ----------
  const lat = { upload: [], create: [], report: [], list: [] };
  const failures = { upload: 0, create: 0, list: 0 };
  let listed = 0;
  const started = performance.now();
  await Promise.all(owners.map(async (o, i) => {
    for (let r = 0; r < ROUNDS; r++) {
      const s = performance.now();
      const ids = [];
      for (const j of [0, 1]) {
        await timed(lat.upload, async () => {
          const form = new FormData();
          form.append('file', new Blob([photos[(i * ROUNDS + r) * 2 + j]]), `IMG_${i}_${r}_${j}.jpg`);
          const res = await fetch(`${A}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${o.token}` }, body: form });
          const f = await res.json().catch(() => null);
          if (res.status !== 201 || !f?.id) {
            failures.upload++;
            return fail('upload', { status: res.status, body: f });
          }
          ids.push(f.id);
          o.fileIds = ids;
          return true;
        });
      }
      if (ids.length < 2) continue;
      const ok = await timed(lat.create, async () => {
        const res = await call(o.token, 'POST', '/api/tickets', {
          kind: 'repair', communityId: community.id, roomId: o.roomId, place: 'home', category: 'leak', description: `卫生间天花板渗水（压测 ${i}-${r}）`,
          preferredTime: '工作日晚上', photos: ids.map((fileId) => ({ fileId })), clientRequestId: crypto.randomUUID(),
        });
        if (res.status !== 201) {
          failures.create++;
          return fail('create', res);
        }
        return true;
      });
      if (ok) lat.report.push(performance.now() - s);
      await timed(lat.list, async () => {
        const res = await call(o.token, 'GET', '/api/tickets?kind=repair&mine=reported&pageSize=20');
        if (res.status !== 200 || res.body.items.some((x) => x.reporterName !== `压测业主${String(i + 1).padStart(3, '0')}`)) {
          failures.list++;
          return fail('list', res);
        }
        listed = Math.max(listed, res.body.total);
        return true;
      });
    }
  }));
  const secs = (performance.now() - started) / 1000;

  // ---------- one owner alone, one request at a time: the latency without queueing ----------
  const single = { create: [], list: [] };
  const lone = owners[0];
  for (let r = 0; r < 20; r++) {
    await timed(single.create, async () => (await call(lone.token, 'POST', '/api/tickets', {
      kind: 'repair', communityId: community.id, roomId: lone.roomId, place: 'home', category: 'leak', description: `单人测试 ${r}`,
      photos: (lone.fileIds ?? []).map((fileId) => ({ fileId })), clientRequestId: crypto.randomUUID(),
    })).status === 201);
    await timed(single.list, async () => (await call(lone.token, 'GET', '/api/tickets?kind=repair&mine=reported&pageSize=20')).status === 200);
  }

  // ---------- the same two operations alone (photos uploaded before; no image work competing) ----------
  const alone = { create: [], list: [] };
  await Promise.all(owners.map(async (o, i) => {
    for (let r = 0; r < ROUNDS; r++) {
      await timed(alone.create, async () => {
        const res = await call(o.token, 'POST', '/api/tickets', {
          kind: 'repair', communityId: community.id, roomId: o.roomId, place: 'common', category: 'public_facility', description: `电梯厅灯不亮（压测 ${i}-${r}）`,
          photos: (o.fileIds ?? []).map((fileId) => ({ fileId })), clientRequestId: crypto.randomUUID(),
        });
        if (res.status !== 201) {
          failures.create++;
          return fail('create', res);
        }
        return true;
      });
      await timed(alone.list, async () => {
        const res = await call(o.token, 'GET', '/api/tickets?kind=repair&mine=reported&pageSize=20');
        if (res.status !== 200) {
          failures.list++;
          return fail('list', res);
        }
        return true;
      });
    }
  }));

  const b50 = pct(bareLat, 50);
  const b99 = pct(bareLat, 99);
  const row = (name, xs) => `| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(0)} | ${pct(xs, 99).toFixed(0)} | ${(pct(xs, 50) / b50).toFixed(1)}× | ${(pct(xs, 99) / b99).toFixed(1)}× |`;
  console.log(`\n${dbUrl ? 'MariaDB' : 'SQLite'}; ${OWNERS} concurrent owners; photos ${avgKb.toFixed(0)} KB on average; ${(lat.report.length / secs).toFixed(1)} repairs/s over ${secs.toFixed(1)} s`);
  console.log('\n| operation | count | p50 ms | p99 ms | p50 vs bare | p99 vs bare |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(`| bare Koa handler (same client, 100 workers) | ${bareLat.length} | ${b50.toFixed(1)} | ${b99.toFixed(1)} | 1× | 1× |`);
  console.log(row('upload one photo (POST /api/files)', lat.upload));
  console.log(row('create the repair (POST /api/tickets)', lat.create));
  console.log(row('report a repair with two photos (2 uploads + create)', lat.report));
  console.log(row('list my repairs (GET /api/tickets?mine=reported)', lat.list));
  console.log(row('create the repair, one owner alone (sequential)', single.create));
  console.log(row('list my repairs, one owner alone (sequential)', single.list));
  console.log(row('create the repair, no uploads running', alone.create));
  console.log(row('list my repairs, no uploads running', alone.list));
  console.log(`failures: upload ${failures.upload}, create ${failures.create}, list ${failures.list}`);
  console.log(`\neach owner's list showed only their own repairs; the largest list had ${listed} (expected ${ROUNDS} in the first part)`);
} finally {
  if (db) await db.close();
  bare.kill();
  api.stop();
  if (admin) {
    await admin.query('DROP DATABASE IF EXISTS hq_bench_tickets');
    await admin.end();
  }
}
