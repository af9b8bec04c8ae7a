// Who is signed in, and where they are in the login steps. The server decides the next step
// (change password, enrol or verify TOTP, done); this provider only follows its answer.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginResponse, Me } from '@hq/common';
import { authApi } from './authApi';
import { ApiError, onSessionEnded, tokens } from './transport';

/** The step the login page shows: the password form first, then whatever the server asks for. */
export type LoginStep = { next: 'credentials' } | Exclude<LoginResponse, { next: 'done' }>;

export type AuthStatus = 'checking' | 'anonymous' | 'signed_in';

interface AuthContextValue {
  status: AuthStatus;
  me: Me | null;
  step: LoginStep;
  /** Why the person is on the login page (session expired, challenge expired…), if not by choice. */
  notice: string | null;
  /** The username typed at the first step, for password managers on the later steps. */
  loginName: string;
  login(username: string, password: string): Promise<void>;
  setInitialPassword(newPassword: string): Promise<void>;
  enrolTotp(code: string): Promise<void>;
  verifyTotp(code: string): Promise<void>;
  restart(): void;
  logout(): Promise<void>;
  reloadMe(): Promise<void>;
}

const START: LoginStep = { next: 'credentials' };
const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>(() => (tokens.access ? 'checking' : 'anonymous'));
  const [me, setMe] = useState<Me | null>(null);
  const [step, setStep] = useState<LoginStep>(START);
  const [notice, setNotice] = useState<string | null>(null);
  const [loginName, setLoginName] = useState('');

  const signOut = useCallback((reason: string | null) => {
    tokens.clear();
    setMe(null);
    setStep(START);
    setNotice(reason);
    setStatus('anonymous');
  }, []);

  useEffect(() => onSessionEnded((error) => signOut(error.message)), [signOut]);

  // A reload keeps the tab's tokens: ask who they belong to.
  useEffect(() => {
    if (!tokens.access) return;
    authApi
      .me()
      .then((user) => {
        setMe(user);
        setStatus('signed_in');
      })
      .catch((e: unknown) => signOut(e instanceof ApiError ? e.message : null));
  }, [signOut]);

  const apply = useCallback((res: LoginResponse) => {
    if (res.next !== 'done') {
      setStep(res);
      return;
    }
    tokens.save(res.tokens);
    setMe(res.user);
    setStep(START);
    setNotice(null);
    setStatus('signed_in');
  }, []);

  /** Runs a step that carries the server's challenge; an expired challenge means starting over. */
  const withChallenge = useCallback(
    async (call: (challenge: string) => Promise<LoginResponse>) => {
      if (step.next === 'credentials') return;
      try {
        apply(await call(step.challenge));
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CHALLENGE_INVALID') {
          setStep(START);
          setNotice(e.message);
          return;
        }
        throw e;
      }
    },
    [step, apply],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      me,
      step,
      notice,
      loginName,
      async login(username, password) {
        setNotice(null);
        setLoginName(username);
        apply(await authApi.login({ username, password }));
      },
      setInitialPassword: (newPassword) => withChallenge((challenge) => authApi.setInitialPassword({ challenge, newPassword })),
      enrolTotp: (code) => withChallenge((challenge) => authApi.enrolTotp({ challenge, code })),
      verifyTotp: (code) => withChallenge((challenge) => authApi.verifyTotp({ challenge, code })),
      restart() {
        setStep(START);
        setNotice(null);
      },
      async logout() {
        try {
          await authApi.logout();
        } catch {
          // The session may already be gone on the server; leaving locally is what matters.
        }
        signOut(null);
      },
      async reloadMe() {
        setMe(await authApi.me());
      },
    }),
    [status, me, step, notice, loginName, apply, withChallenge, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The signed-in person; only for components rendered behind the login guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used without a signed-in person');
  return me;
}
