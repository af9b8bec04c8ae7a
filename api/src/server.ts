// Start the API: validate config, migrate, seed demo data on an empty database, listen.
import { loadConfig } from './config';
import { createApp, createDatabase } from './app';
import { createMigrator } from './platform/db/migrator';
import { seedIfEmpty } from './seed/demo';
import { banner } from './banner';

async function main() {
  const config = loadConfig();
  const db = createDatabase(config);
  await createMigrator(db.sequelize).up();
  const app = await createApp(config, db);
  if (config.SEED === 'demo') {
    const seeded = await seedIfEmpty(app.deps, { scale: config.SEED_SCALE });
    if (seeded) app.deps.logger.info(seeded, 'demo data seeded');
  }
  const server = app.koa.listen(config.PORT, config.HOST, () => {
    app.deps.logger.info({ url: config.publicUrl, db: db.dialect, dataDir: config.dataDir }, 'API listening');
    if (process.env.HQ_BANNER === '1') console.log(banner(config));
  });
  server.keepAliveTimeout = 65_000;
  const stop = async () => {
    server.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
