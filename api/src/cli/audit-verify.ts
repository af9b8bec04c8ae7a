// npm run audit:verify   Re-walks the audit chain; exits 1 and lists problems if any record
// was edited or deleted.
import { loadConfig } from '../config';
import { createDatabase } from '../app';
import { verifyAuditChain } from '../platform/audit/verify';

async function main() {
  const db = createDatabase(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  const r = await verifyAuditChain();
  console.log(`checked ${r.checked} records, head at ${r.headSeq}: ${r.ok ? 'chain intact (审计链完整)' : `${r.problems.length} problem(s)`}`);
  for (const p of r.problems) console.log(`  seq ${p.seq} ${p.kind}: ${p.message}`);
  await db.close();
  process.exit(r.ok ? 0 : 1);
}
main().catch((e) => {
  console.error(e);
  process.exit(2);
});
