import { Check, fail, ok } from './result';

export const PASSWORD_MIN_LENGTH = 8;

/** ≥ 8 characters with at least 3 of 4 classes (upper, lower, digit, symbol). */
export function checkPasswordStrength(pw: string): Check {
  if (typeof pw !== 'string' || pw.length < PASSWORD_MIN_LENGTH) return fail(`密码至少${PASSWORD_MIN_LENGTH}位`);
  if (pw.length > 128) return fail('密码不能超过128位');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) return fail('密码须包含大写字母、小写字母、数字、符号中的至少3类');
  return ok;
}
