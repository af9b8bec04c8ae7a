// Permit and filing numbers come from the code-assignment service (赋码): gap-free per year,
// assigned inside the approval transaction, never reused (a revoked permit's number is cancelled).
import type { Transaction } from 'sequelize';
import { issueCode } from '../../platform/codes/service';

const FAMILY = { presale: 'presale_permit', completed: 'completed_filing' } as const;
const AUTHORITY = { presale: '横琴房预许字', completed: '横琴现售备字' } as const;

export async function assignPermitNumber(t: Transaction, kind: 'presale' | 'completed', applicationId: number, at = new Date()) {
  const issued = await issueCode(t, FAMILY[kind], { objectType: 'application', objectId: applicationId, at });
  return { permitNo: issued.code, authority: AUTHORITY[kind], year: issued.year ?? Number(issued.scope.slice(0, 4)), seq: issued.seq };
}

/** The demo seed numbers its historical permits through the same service, on their issue dates. */
export async function seedPermitNumber(t: Transaction, kind: 'presale' | 'completed', issuedOn: string) {
  const n = await assignPermitNumber(t, kind, 0, new Date(`${issuedOn}T10:00:00+08:00`));
  return { permit_no: n.permitNo, authority: n.authority, year: n.year, seq: n.seq };
}
