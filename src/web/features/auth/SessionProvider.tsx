import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, setAuthHandlers, setCsrfToken } from '../../api';
import type { Permission, Session } from '../../types';
import { SessionContext, type SessionContextValue, type SessionStatus, type SignInNotice } from './sessionContext';
import { pathForStage, STAGE_PATHS } from './stages';

/** The current session, or null when signed out. */
async function readSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/api/session', undefined, { noRedirect: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Holds the signed-in staff member's session and keeps the screens in step with
 * the server: a signed-out answer to any request leads to the sign-in page with
 * the server's reason, and an unfinished sign-in step to that step's screen.
 *
 * The router applies navigation in a transition. A change of session together
 * with a change of screen is therefore made in one transition too: otherwise the
 * old screen would render first with the new session, and its own guard would
 * redirect somewhere else (losing the sign-in page's message, or the return path).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [session, setSession] = useState<Session | null>(null);

  const adopt = useCallback((next: Session | null) => {
    setCsrfToken(next ? next.csrfToken : null);
    setSession(next);
    setStatus(next ? 'signed_in' : 'signed_out');
  }, []);

  const refresh = useCallback(async (): Promise<Session | null> => {
    const next = await readSession();
    adopt(next);
    return next;
  }, [adopt]);

  const proceed = useCallback(async (): Promise<void> => {
    const next = await readSession();
    startTransition(() => {
      adopt(next);
      void navigate(next ? pathForStage(next.stage) : '/login', { replace: true });
    });
  }, [adopt, navigate]);

  const endWith = useCallback(
    (notice: SignInNotice) => {
      startTransition(() => {
        adopt(null);
        void navigate('/login', { replace: true, state: notice });
      });
    },
    [adopt, navigate],
  );

  useEffect(() => {
    let live = true;
    readSession().then(
      (next) => {
        if (live) adopt(next);
      },
      () => {
        if (live) setStatus('unavailable');
      },
    );
    return () => {
      live = false;
    };
  }, [adopt]);

  useEffect(() => {
    setAuthHandlers({
      signedOut(code, message) {
        endWith({
          message: code === 'not_signed_in' ? 'ログインが終了しています。もう一度ログインしてください' : message,
          kind: 'warning',
          from: window.location.pathname + window.location.search,
        });
      },
      stage(stage) {
        void readSession()
          .catch(() => null)
          .then((next) =>
            startTransition(() => {
              adopt(next);
              void navigate(next ? STAGE_PATHS[stage] : '/login', { replace: true });
            }),
          );
      },
    });
    return () => setAuthHandlers(null);
  }, [adopt, endWith, navigate]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { noRedirect: true });
    } catch {
      // Already signed out on the server (timed out, or ended elsewhere): nothing more to end.
    }
    endWith({ message: 'ログアウトしました', kind: 'success' });
  }, [endWith]);

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      session,
      refresh,
      proceed,
      endWith,
      signOut,
      can: (permission: Permission) => session?.stage === 'active' && session.permissions.includes(permission),
    }),
    [status, session, refresh, proceed, endWith, signOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
