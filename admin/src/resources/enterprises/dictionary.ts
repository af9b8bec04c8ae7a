// Labels and colours of the enterprise pages, from common's tables.
import {
  BROKER_STATUS_LABELS, BROKER_STATUSES, ENTERPRISE_KIND_LABELS, ENTERPRISE_KINDS, ENTERPRISE_SOURCE_LABELS,
  type BrokerStatus, type CertificateStatusValue, type EnterpriseKind, type EnterpriseSource, type EnterpriseStatus, type Role,
} from '@hq/common';

export { ENTERPRISE_KIND_LABELS };

export const KIND_OPTIONS = ENTERPRISE_KINDS.map((value) => ({ value, label: ENTERPRISE_KIND_LABELS[value] }));
/** One registry state for every kind; "已注册" is the developers' word for "已备案". */
export const STATUS_OPTIONS: { value: EnterpriseStatus; label: string }[] = [
  { value: 'pending', label: '未注册/未备案' },
  { value: 'active', label: '已注册/已备案' },
  { value: 'cancelled', label: '已注销' },
];
export const BROKER_STATUS_OPTIONS = BROKER_STATUSES.map((value) => ({ value, label: BROKER_STATUS_LABELS[value] }));

export const ENTERPRISE_STATUS_COLOURS: Record<EnterpriseStatus, string> = { pending: 'default', active: 'green', cancelled: 'red' };
export const BROKER_STATUS_COLOURS: Record<BrokerStatus, string> = { pending: 'processing', active: 'green', released: 'default', cancelled: 'red' };
export const CERTIFICATE_STATUS_COLOURS: Record<CertificateStatusValue, string> = { valid: 'green', superseded: 'default', revoked: 'red' };
export const QUALIFICATION_STATUS_COLOURS: Record<string, string> = { valid: 'green', suspended: 'orange', cancelled: 'red' };

export const sourceLabel = (s: string) => ENTERPRISE_SOURCE_LABELS[s as EnterpriseSource] ?? s;
export const kindLabel = (k: string) => ENTERPRISE_KIND_LABELS[k as EnterpriseKind] ?? k;

/** 注销中介机构备案: the API lets 终审 and 分管领导 do it (RE-070). */
export const AGENCY_CANCEL_ROLES: Role[] = ['reviewer_3', 'leader'];
/** 登录账户 of an enterprise: regulators. */
export const ACCOUNT_READER_ROLES: Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'inspector'];
/** 检查从业资格: the association and regulators; 注销从业资格: the association and deciding regulators. */
export const QUALIFICATION_CHECK_ROLES: Role[] = ['association', 'reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'inspector'];
export const QUALIFICATION_CANCEL_ROLES: Role[] = ['association', 'reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];
