// npm run migrate [-- up|down|status]   (down reverts the last migration)
import { loadConfig } from '../config';
import { createDatabase } from '../app';
import { createMigrator } from '../platform/db/migrator';

async function main() {
  const cmd = process.argv[2] ?? 'up';
  const db = createDatabase(loadConfig());
  const m = createMigrator(db.sequelize);
  if (cmd === 'up') console.log('applied:', (await m.up()).map((x) => x.name));
  else if (cmd === 'down') console.log('reverted:', (await m.down()).map((x) => x.name));
  else if (cmd === 'status') {
    console.log('executed:', (await m.executed()).map((x) => x.name));
    console.log('pending:', (await m.pending()).map((x) => x.name));
  } else throw new Error(`unknown command ${cmd}: use up, down or status`);
  await db.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
