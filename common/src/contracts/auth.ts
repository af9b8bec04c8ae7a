import { z } from '../zod';
import { ROLES } from '../roles';
import { checkPasswordStrength } from '../validators/password';

export const roleSchema = z.enum(ROLES);

export const passwordSchema = z.string({ message: '请输入密码' }).superRefine((pw, ctx) => {
  const r = checkPasswordStrength(pw);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});

export const loginRequest = z.object({
  username: z.string({ message: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名不超过64个字符'),
  password: z.string({ message: '请输入密码' }).min(1, '请输入密码').max(128, '密码不超过128位'),
});

export const tokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
});

export const orgSummary = z.object({ id: z.number().int(), name: z.string(), kind: z.string() });

export const meResponse = z.object({
  id: z.number().int(),
  username: z.string().nullable(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  org: orgSummary.nullable(),
  /** Masked; full values never leave the server. */
  phone: z.string().nullable(),
  realNameVerified: z.boolean(),
  gdidBound: z.boolean(),
  wechatBound: z.boolean(),
  totpEnrolled: z.boolean(),
  passwordExpiresAt: z.string().nullable(),
});
export type Me = z.infer<typeof meResponse>;

/** What the password step answers: either tokens, or the next step and a short-lived challenge. */
export const loginResponse = z.discriminatedUnion('next', [
  z.object({ next: z.literal('done'), tokens: tokenPair, user: meResponse }),
  z.object({ next: z.literal('change_password'), challenge: z.string(), reason: z.enum(['first_login', 'expired']) }),
  z.object({ next: z.literal('totp'), challenge: z.string() }),
  z.object({ next: z.literal('totp_enrol'), challenge: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string(), secret: z.string() }),
]);
export type LoginResponse = z.infer<typeof loginResponse>;

export const changeInitialPasswordRequest = z.object({
  challenge: z.string().min(1, '登录凭证缺失，请重新登录'),
  newPassword: passwordSchema,
});

export const totpRequest = z.object({
  challenge: z.string().min(1, '登录凭证缺失，请重新登录'),
  code: z.string().regex(/^[0-9]{6}$/, '动态验证码为6位数字'),
});

export const changePasswordRequest = z.object({
  oldPassword: z.string().min(1, '请输入原密码'),
  newPassword: passwordSchema,
});

export const refreshRequest = z.object({ refreshToken: z.string().min(20, '刷新令牌无效，请重新登录') });

export const wechatLoginRequest = z.object({
  code: z.string().trim().min(1, '缺少微信登录凭证 code').max(128, '微信登录凭证 code 过长'),
});

/** WeChat mini-program login answer (the same for the unified-identity login). */
export const wechatLoginResponse = z.object({ tokens: tokenPair, user: meResponse });

export const gdidStartRequest = z.object({
  mode: z.enum(['login', 'bind']).default('login'),
  /** Where the browser returns after the identity provider; must be on the allow-list. */
  returnTo: z.string().max(500).optional(),
});
export const gdidStartResponse = z.object({ authorizeUrl: z.string() });
export const gdidExchangeRequest = z.object({ ticket: z.string().min(10, '认证票据无效，请重新认证') });
export const gdidExchangeResponse = z.discriminatedUnion('result', [
  z.object({ result: z.literal('login'), tokens: tokenPair, user: meResponse }),
  z.object({ result: z.literal('bound'), user: meResponse }),
]);
