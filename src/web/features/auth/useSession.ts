import { useContext } from 'react';
import { SessionContext, type SessionContextValue } from './sessionContext';

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The session of a screen that is only shown when signed in. */
export function useSignedIn() {
  const { session, ...rest } = useSession();
  if (!session) throw new Error('useSignedIn must be used on a signed-in screen');
  return { session, ...rest };
}
