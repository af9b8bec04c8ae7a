// npm run seed [-- --scale 10]   Seeds demo data into an empty, migrated database.
import { loadConfig } from '../config';
import { createApp, createDatabase } from '../app';
import { createMigrator } from '../platform/db/migrator';
import { seedIfEmpty } from '../seed/demo';

async function main() {
  const i = process.argv.indexOf('--scale');
  const scale = i > 0 ? Number(process.argv[i + 1]) : 1;
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const db = createDatabase(config);
  await createMigrator(db.sequelize).up();
  const app = await createApp(config, db);
  const started = Date.now();
  const r = await seedIfEmpty(app.deps, { scale });
  console.log(r ? { ...r, seconds: (Date.now() - started) / 1000 } : 'database is not empty: nothing seeded');
  await db.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
