// Chinese names for audit codes. Codes the client does not know yet show as the code alone.
// (A candidate for common/ once the API's list of actions settles.)
import { ROLES, ROLE_LABELS, type AuditRecordDto, type Role } from '@hq/common';

export const RESULT_LABELS: Record<AuditRecordDto['result'], { label: string; color: string }> = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'red' },
  denied: { label: '拒绝', color: 'orange' },
};

export const ACTION_LABELS: Partial<Record<string, string>> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.refresh': '刷新令牌',
  'auth.totp.enrol': '绑定身份验证器',
  'auth.totp.verify': '动态码验证',
  'auth.password.initial': '修改初始密码',
  'user.password.change': '修改密码',
  'access.denied': '越权访问',
  'file.upload': '上传文件',
  'audit.verify': '校验审计链',
  'audit.export': '导出审计日志',
};

export function roleLabel(role: string | null): string {
  if (!role) return '—';
  return (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : role;
}
