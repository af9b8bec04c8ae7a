// Which application an enterprise may start now (注册/备案 when not yet registered; 变更, 资质首次申报
// or 资质变更 once it is), and the draft each starts with: what the registry already knows, so the
// person does not type their own name and 统一社会信用代码 again. The API re-checks all of it
// (its list of what is missing) when the application is submitted. Used by the admin web's
// 本企业信息 and the mini-program's 机构信息与备案.
import type { ApplicationSummary } from './contracts/workflow';
import type { EnterpriseDetail } from './contracts/enterprises';
import { shanghaiDate } from './time';

export const ENTERPRISE_APPLICATION_TYPES = [
  'developer_registration', 'developer_change', 'developer_qualification', 'developer_qualification_change',
  'agency_filing', 'agency_change', 'property_filing',
] as const;
export type EnterpriseApplicationType = (typeof ENTERPRISE_APPLICATION_TYPES)[number];

export interface StartOption {
  type: EnterpriseApplicationType;
  label: string;
  hint: string;
}

const OPEN = new Set(['draft', 'submitted', 'in_review', 'returned']);
/** Not yet decided, withdrawn or rejected: a draft, under review, or returned for supplements (退回补正). */
export const isOpenApplication = (a: { status: string }) => OPEN.has(a.status);
export const isEnterpriseApplication = (a: Pick<ApplicationSummary, 'type'>) => (ENTERPRISE_APPLICATION_TYPES as readonly string[]).includes(a.type);

/** A qualification that still stands today. */
export function heldQualification(d: EnterpriseDetail) {
  const q = d.qualification;
  return q && q.status === 'valid' && (!q.validUntil || q.validUntil >= shanghaiDate()) ? q : null;
}

export function startOptions(d: EnterpriseDetail): StartOption[] {
  if (d.status === 'cancelled') return [];
  if (d.kind === 'developer') {
    if (d.status !== 'active') return [{ type: 'developer_registration', label: '办理企业注册', hint: '注册通过后方可申报资质、办理预售许可等业务' }];
    const q = heldQualification(d);
    return [
      { type: 'developer_change', label: '办理企业信息变更', hint: '名称、法定代表人、地址、注册资本、人员等发生变化时办理' },
      q
        ? { type: 'developer_qualification_change', label: '办理资质变更申报', hint: `变更现持资质证书 ${q.certNo}（等级升降、换发）` }
        : { type: 'developer_qualification', label: '办理资质首次申报', hint: '本企业尚无有效的开发资质证书' },
    ];
  }
  if (d.kind === 'agency') {
    return d.status === 'active'
      ? [{ type: 'agency_change', label: '办理备案变更', hint: '备案信息变化时办理，通过后重新发放备案证明' }]
      : [{ type: 'agency_filing', label: '办理中介机构备案', hint: '须先登记本机构的经纪人员' }];
  }
  return d.status === 'active' ? [] : [{ type: 'property_filing', label: '办理物业服务企业备案', hint: '备案通过后发放备案证明' }];
}

/** The registry's facts of the enterprise, as the first-time forms name them. */
function basics(d: EnterpriseDetail): Record<string, unknown> {
  return {
    name: d.name, uscc: d.uscc ?? undefined, legalRep: d.legalRep ?? undefined, address: d.address ?? undefined,
    registeredCapitalFen: d.facts.registeredCapitalFen ?? undefined, establishedOn: d.facts.establishedOn ?? undefined,
    businessScope: d.facts.businessScope ?? undefined, contact: d.facts.contactName ? { name: d.facts.contactName } : undefined,
  };
}

/** The first draft of an application of `type`, prefilled from the registry. */
export function initialEnterpriseForm(type: EnterpriseApplicationType, d: EnterpriseDetail): Record<string, unknown> {
  switch (type) {
    case 'developer_registration':
      return { ...basics(d), personnel: d.facts.personnel, achievements: d.facts.achievements };
    case 'developer_qualification':
      return { technicalLeads: [] };
    case 'developer_qualification_change': {
      const q = heldQualification(d);
      return { certificateId: q?.id, grade: q?.grade ?? undefined, technicalLeads: [] };
    }
    case 'agency_filing':
      return { ...basics(d), storeAddress: d.facts.storeAddress ?? undefined, brokerIds: [] };
    case 'property_filing':
      return { ...basics(d), serviceScope: d.facts.serviceScope ?? undefined, managedProjects: d.facts.managedProjects };
    default:
      return { changes: {} };
  }
}
