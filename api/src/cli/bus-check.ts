// npm run bus:check   Replays every room's building-table events (楼盘表总线) through the shared
// derivation rule and compares the result with the stored rooms; exits 1 listing every room
// that disagrees (edited behind the bus, an event missing or out of order).
import { loadConfig } from '../config';
import { createDatabase } from '../app';
import { replayCheck } from '../modules/realestate/bus';

async function main() {
  const db = createDatabase(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  const r = await replayCheck(db);
  const ok = r.mismatches.length === 0;
  console.log(`replayed ${r.events} events of ${r.rooms} rooms in ${r.ms} ms: ${ok ? '楼盘表与总线事件一致' : `${r.mismatches.length} mismatch(es)`}`);
  for (const m of r.mismatches.slice(0, 200)) console.log(`  ${JSON.stringify(m)}`);
  if (r.mismatches.length > 200) console.log(`  … and ${r.mismatches.length - 200} more`);
  await db.close();
  process.exit(ok ? 0 : 1);
}
main().catch((e) => {
  console.error(e);
  process.exit(2);
});
