// The baselines: a bare Koa handler answering small JSON, and (when DB_URL is set) bare Koa
// handlers that run one raw mysql2 query for the same rows the API serves and return them as
// JSON — no validation, no auth, no caching, no shaping. PUT /raw/blob stores a body that
// GET /raw/blob then answers as-is (gzip-encoded): the floor for sending that many bytes.
import Koa from 'koa';

const app = new Koa();
let pool = null;
let blob = null;
if (process.env.DB_URL) {
  const mysql = await import('mysql2/promise');
  pool = mysql.createPool({ uri: process.env.DB_URL.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });
}
app.use(async (ctx) => {
  const u = new URL(ctx.url, 'http://x');
  if (u.pathname === '/raw/blob') {
    if (ctx.method === 'PUT') {
      const parts = [];
      for await (const c of ctx.req) parts.push(c);
      blob = Buffer.concat(parts);
      ctx.status = 204;
      return;
    }
    ctx.type = 'application/json; charset=utf-8';
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = blob;
    return;
  }
  if (pool && u.pathname.startsWith('/raw/table/')) {
    const [rows] = await pool.query(
      'SELECT id, building_id, room_no, unit_name, floor, `use`, build_area, inner_area, sale_status, flags, filed_unit_price, filed_total_price, fitout FROM rooms WHERE project_id = ?',
      [Number(u.pathname.split('/')[3])],
    );
    ctx.body = rows;
    return;
  }
  if (pool && u.pathname === '/raw/search') {
    const [rows] = await pool.query(
      'SELECT id, name, marketing_name, district, address, developer_org_id, status, lng, lat FROM projects WHERE name LIKE ? OR marketing_name LIKE ? ORDER BY id LIMIT 20',
      [`%${u.searchParams.get('keyword')}%`, `%${u.searchParams.get('keyword')}%`],
    );
    ctx.body = rows;
    return;
  }
  if (pool && u.pathname === '/raw/map') {
    const [a, b, c, d] = u.searchParams.get('bbox').split(',').map(Number);
    const [rows] = await pool.query('SELECT id, name, lng, lat, status FROM projects WHERE lng BETWEEN ? AND ? AND lat BETWEEN ? AND ?', [a, c, b, d]);
    ctx.body = rows;
    return;
  }
  ctx.body = { status: 'ok', uptime: 1 };
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
