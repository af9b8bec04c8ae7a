// Application/review benchmark (not a timed test): 100 concurrent users submit presale-permit
// applications (draft + submit, each over one not-yet-sellable room) and reviewers approve them
// through 初审 → 复审 → 终审 (the last approval numbers the permit and makes the room 可售 in the
// same transaction). Prints throughput and p50/p99 per operation, with a bare Koa handler
// measured in the same run as the baseline.
// Usage: [DB_URL=mysql://root@127.0.0.1:3306/test] npm run bench:workflow [-- --apps 300]
import crypto from 'node:crypto';
import mysql from 'mysql2/promise';
import sharp from 'sharp';
import { load, startApi, startBareKoa } from './lib.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const APPS = arg('apps', 300);
const CONCURRENCY = 100;
const TOTP_SECRET = 'HENGQINDEMOTOTPSECRETKEYAAAAAAAA';

function base32(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  return Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
}
function totp(step) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = crypto.createHmac('sha1', base32(TOTP_SECRET)).update(msg).digest();
  const off = h[h.length - 1] & 0xf;
  return String((((h[off] & 0x7f) << 24) | (h[off + 1] << 16) | (h[off + 2] << 8) | h[off + 3]) % 1_000_000).padStart(6, '0');
}

let dbUrl = process.env.DB_URL;
let admin = null;
if (dbUrl) {
  const base = new URL(dbUrl.replace(/^mariadb:/, 'mysql:'));
  admin = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: base.username, password: base.password || undefined });
  await admin.query('DROP DATABASE IF EXISTS hq_bench_wf');
  await admin.query('CREATE DATABASE hq_bench_wf CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  base.pathname = '/hq_bench_wf';
  dbUrl = base.toString();
}
const api = await startApi(3922, { SEED_SCALE: '1', ...(dbUrl ? { DB_URL: dbUrl } : {}) });
const bare = await startBareKoa(3921);
const A = 'http://127.0.0.1:3922';

async function call(token, method, path, body) {
  const r = await fetch(A + path, {
    method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}
async function login(username) {
  const r = await call(null, 'POST', '/api/auth/login', { username, password: 'Hengqin@2026' });
  if (r.body.next === 'done') return r.body.tokens.accessToken;
  const v = await call(null, 'POST', '/api/auth/totp/verify', { challenge: r.body.challenge, code: totp(Math.floor(Date.now() / 30000)) });
  return v.body.tokens.accessToken;
}
let reported = 0;
/** Print the first few failures so a broken run explains itself. */
function fail(what, r) {
  if (reported++ < 3) console.error(`${what} failed: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return false;
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};
async function pool(n, items, fn) {
  const lat = [];
  let i = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) {
      const item = items[i++];
      const s = performance.now();
      const ok = await fn(item);
      lat.push(performance.now() - s);
      if (!ok) failures++;
    }
  }));
  const secs = (performance.now() - started) / 1000;
  return { n: items.length, rps: items.length / secs, p50: pct(lat, 50), p99: pct(lat, 99), failures };
}

try {
  const dev = await login('dev1');
  const reviewers = [await login('reviewer1'), await login('reviewer2'), await login('reviewer3')];
  // Everything dev1 may apply for: unsellable, unseized rooms of its projects whose buildings meet the progress condition.
  const projects = (await call(dev, 'GET', '/api/projects?pageSize=200')).body.items;
  const candidates = [];
  for (const p of projects) {
    const rooms = (await call(dev, 'GET', `/api/rooms?projectId=${p.id}&status=unsellable&pageSize=200`)).body.items.filter((r) => !r.flags.includes('seized'));
    const detail = (await call(dev, 'GET', `/api/projects/${p.id}`)).body;
    const ok = new Set(detail.buildings.filter((b) => b.progress && ['structure', 'topped_out', 'completion_filed', 'delivered'].includes(b.progress.node) && (b.progress.floorsDone ?? b.floorsTotal) >= 4).map((b) => b.id));
    for (const r of rooms) if (ok.has(r.buildingId)) candidates.push({ projectId: p.id, buildingId: r.buildingId, roomId: r.id });
  }
  const apps = candidates.slice(0, APPS);
  console.log(`${dbUrl ? 'MariaDB' : 'SQLite'}; ${apps.length} applications (one room each) by ${CONCURRENCY} concurrent users`);

  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).png().toBuffer();
  const keys = ['business_licence', 'qualification', 'land_certificate', 'planning_permit', 'construction_permit', 'progress_proof', 'supervision_agreement'];
  const attachments = [];
  for (const key of keys) {
    const form = new FormData();
    form.append('file', new Blob([png]), `${key}.png`);
    const r = await fetch(`${A}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${dev}` }, body: form });
    const f = await r.json();
    if (!f.id) throw new Error(`upload failed: ${JSON.stringify(f)}`);
    attachments.push({ key, fileId: f.id });
  }
  const bank = (await call(reviewers[0], 'GET', '/api/orgs?kind=bank&pageSize=5')).body;
  const bankId = (bank.items ?? bank)[0]?.id;
  const form = (c) => ({
    projectId: c.projectId, buildingIds: [c.buildingId], roomIds: [c.roomId],
    contacts: { salesDirector: { name: '陈销售', phone: '13800000001' }, financeDirector: { name: '林财务', phone: '13800000002' }, projectManager: { name: '黄经理', phone: '13800000003' } },
    schedule: { startDate: '2025-03-01', deliveryDate: '2027-12-31' },
    supervisedAccount: { bankOrgId: bankId, accountNo: '44050164000900001234', accountName: '预售资金监管户' },
    conditions: { qualificationCertNo: '粤建房开字第4404001号', qualificationValidUntil: '2028-12-31', landPremiumPaid: true, landCertNo: '粤（2020）横琴不动产权第0001234号', planningPermitNo: '建字第440400202000012号', constructionPermitNo: '440404202008150101' },
  });

  const bareRow = await load('http://127.0.0.1:3921/', { connections: CONCURRENCY, duration: 5 });
  const state = new Map();
  const submit = await pool(CONCURRENCY, apps, async (c) => {
    const d = await call(dev, 'POST', '/api/applications', { type: 'presale_permit', form: form(c), attachments });
    if (d.status !== 201) return fail('draft', d);
    const s = await call(dev, 'POST', `/api/applications/${d.body.id}/actions`, { action: 'submit', lockVersion: d.body.lockVersion });
    if (s.status !== 200) return fail('submit', s);
    state.set(c.roomId, s.body);
    return true;
  });
  const rounds = [];
  for (const [i, token] of reviewers.entries()) {
    rounds.push(await pool(CONCURRENCY, [...state.keys()], async (roomId) => {
      const a = state.get(roomId);
      const r = await call(token, 'POST', `/api/applications/${a.id}/actions`, { action: 'approve', opinion: i === 2 ? '同意核发' : '同意', lockVersion: a.lockVersion });
      if (r.status !== 200) return fail('approve', r);
      state.set(roomId, r.body);
      return true;
    }));
  }
  const approved = [...state.values()].filter((a) => a.status === 'approved').length;
  console.log('\n| operation | count | per second | p50 ms | p99 ms | failures |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(`| bare Koa handler (autocannon) | ${bareRow.total} | ${bareRow.rps.toFixed(0)} | ${bareRow.p50} | ${bareRow.p99} | ${bareRow.non2xx} |`);
  console.log(`| draft + submit (conditions checked) | ${submit.n} | ${submit.rps.toFixed(1)} | ${submit.p50.toFixed(0)} | ${submit.p99.toFixed(0)} | ${submit.failures} |`);
  for (const [i, r] of rounds.entries()) {
    console.log(`| ${['初审 approve', '复审 approve', '终审 approve (permit number + rooms 可售)'][i]} | ${r.n} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.failures} |`);
  }
  console.log(`\napproved ${approved} of ${apps.length}; permit numbers must be distinct and gap-free:`);
  const permits = (await call(reviewers[0], 'GET', '/api/permits?kind=presale&pageSize=200&keyword=' + encodeURIComponent(`（${new Date().getFullYear()}）`))).body;
  console.log(`  permits issued this year (first page): ${permits.total}`);
} finally {
  bare.kill();
  api.stop();
  if (admin) {
    await admin.query('DROP DATABASE IF EXISTS hq_bench_wf');
    await admin.end();
  }
}
