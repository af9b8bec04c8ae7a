// Re-walks the whole chain: a changed field breaks that record's hash; a deleted record leaves
// a gap in seq; a removed tail leaves the head pointing past the last record.
import { Op } from 'sequelize';
import type { AuditVerifyResult } from '@hq/common';
import { AuditHead, AuditLog } from '../models';
import { GENESIS_HASH, recordHash } from './audit';

export async function verifyAuditChain(batch = 2000): Promise<AuditVerifyResult> {
  const head = await AuditHead.findByPk(1);
  const problems: AuditVerifyResult['problems'] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await AuditLog.findAll({ where: { seq: { [Op.gte]: expectedSeq } }, order: [['seq', 'ASC']], limit: batch });
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      let gap = false;
      for (let missing = expectedSeq; missing < seq; missing++) {
        problems.push({ seq: missing, kind: 'deleted', message: `第 ${missing} 条审计记录已被删除` });
        gap = true;
      }
      if (!gap && r.prev_hash !== prevHash) {
        problems.push({ seq, kind: 'broken_link', message: `第 ${seq} 条审计记录与前一条的链接不一致（前序记录被改写）` });
      }
      if (recordHash(r.prev_hash, r) !== r.hash) {
        problems.push({ seq, kind: 'edited', message: `第 ${seq} 条审计记录的内容已被篡改` });
      }
      prevHash = r.hash;
      expectedSeq = seq + 1;
      lastSeq = seq;
      checked++;
    }
  }
  const headSeq = Number(head?.seq ?? 0);
  if (headSeq > lastSeq) {
    for (let s = lastSeq + 1; s <= headSeq; s++) {
      problems.push({ seq: s, kind: 'tail_deleted', message: `第 ${s} 条审计记录（链尾）已被删除` });
    }
  } else if (head && lastSeq > 0 && head.hash !== prevHash) {
    problems.push({ seq: lastSeq, kind: 'broken_link', message: `链头与第 ${lastSeq} 条审计记录不一致` });
  }
  return { ok: problems.length === 0, checked, headSeq, problems };
}
