// The auth endpoints, typed by common's schemas. Login steps run before there is a token.
import type {
  LoginResponse,
  Me,
  changeInitialPasswordRequest,
  changePasswordRequest,
  loginRequest,
  totpRequest,
  z,
} from '@hq/common';
import { http } from './transport';

const anonymous = { auth: false } as const;

export const authApi = {
  login: (body: z.input<typeof loginRequest>) => http.post<LoginResponse>('/api/auth/login', body, anonymous),
  setInitialPassword: (body: z.input<typeof changeInitialPasswordRequest>) =>
    http.post<LoginResponse>('/api/auth/password/initial', body, anonymous),
  enrolTotp: (body: z.input<typeof totpRequest>) => http.post<LoginResponse>('/api/auth/totp/enrol', body, anonymous),
  verifyTotp: (body: z.input<typeof totpRequest>) => http.post<LoginResponse>('/api/auth/totp/verify', body, anonymous),
  logout: () => http.post<{ ok: true }>('/api/auth/logout'),
  me: () => http.get<Me>('/api/me'),
  changePassword: (body: z.input<typeof changePasswordRequest>) => http.post<{ ok: true }>('/api/me/password', body),
};
