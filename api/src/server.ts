// Start the API: validate config, migrate, seed demo data on an empty database, listen.
import { loadConfig } from './config';
import { createApp, createDatabase } from './app';
import { createMigrator } from './platform/db/migrator';
import { seedIfEmpty } from './seed/demo';
import { banner } from './banner';
import { SurveyImport } from './modules/realestate/models';
import { startDispatcher } from './platform/notify';
import { startTicketSweeper, TICKET_SWEEP_INTERVAL_MS } from './modules/tickets/escalation';

async function main() {
  const config = loadConfig();
  const db = createDatabase(config);
  await createMigrator(db.sequelize).up();
  const app = await createApp(config, db);
  // Survey imports run in-process: one that was running when the process stopped never finished
  // (its writes were one transaction, so nothing half-written remains). Say so instead of "running".
  // (With several API processes this needs a lease per import; one process today.)
  const [interrupted] = await SurveyImport.update({ status: 'failed', finished_at: new Date() }, { where: { status: 'running' } });
  if (interrupted) app.deps.logger.warn({ interrupted }, 'survey imports interrupted by a restart marked failed');
  if (config.SEED === 'demo') {
    const seeded = await seedIfEmpty(app.deps, { scale: config.SEED_SCALE });
    if (seeded) app.deps.logger.info(seeded, 'demo data seeded');
  }
  const server = app.koa.listen(config.PORT, config.HOST, () => {
    app.deps.logger.info({ url: config.publicUrl, db: db.dialect, dataDir: config.dataDir }, 'API listening');
    if (process.env.HQ_BANNER === '1') console.log(banner(config));
  });
  server.keepAliveTimeout = 65_000;
  // Notices queued in the outbox go out from here (every API process may run one: claims are safe).
  const stopDispatcher = config.OUTBOX_DISPATCH_INTERVAL_MS > 0 ? startDispatcher(app.deps, { intervalMs: config.OUTBOX_DISPATCH_INTERVAL_MS }) : null;
  // Ticket deadlines: warnings, escalation up the ladder, auto-close (every process may sweep: conditional updates).
  const stopSweeper = config.NODE_ENV !== 'test' ? startTicketSweeper(app.deps, { intervalMs: TICKET_SWEEP_INTERVAL_MS }) : null;
  const stop = async () => {
    server.close();
    await stopDispatcher?.();
    await stopSweeper?.();
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
