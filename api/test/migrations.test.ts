import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../src/platform/db';
import { createMigrator } from '../src/platform/db/migrator';

test('every migration goes down and up again cleanly', async () => {
  if (process.env.DB_URL) return; // CI runs the same down/up on MariaDB through `npm run migrate`
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-mig-'));
  const db = createDb({ dataDir: dir, poolMax: 1 });
  const m = createMigrator(db.sequelize);
  const up = await m.up();
  expect(up.length).toBeGreaterThan(0);
  await m.down({ to: 0 });
  const tables = await db.sequelize.getQueryInterface().showAllTables();
  expect(tables.filter((t) => t !== 'schema_migrations')).toEqual([]);
  await m.up();
  expect(await m.pending()).toEqual([]);
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
