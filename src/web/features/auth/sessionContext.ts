import { createContext } from 'react';
import type { Permission, Session } from '../../types';

/** 'unavailable': the server could not be reached to learn whether anyone is signed in. */
export type SessionStatus = 'loading' | 'signed_out' | 'signed_in' | 'unavailable';

export interface SessionContextValue {
  status: SessionStatus;
  session: Session | null;
  /** Reads the session again (after a sign-in step, or to keep it alive). */
  refresh: () => Promise<Session | null>;
  /** After a sign-in step: reads the session and goes to the next step's screen, or onwards when active. */
  proceed: () => Promise<void>;
  /** The session has ended: goes to the sign-in page with the reason. */
  endWith: (notice: SignInNotice) => void;
  signOut: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** What the sign-in page says on arrival (navigation state), e.g. why the user was signed out. */
export interface SignInNotice {
  message: string;
  kind: 'info' | 'success' | 'warning';
  /** The page to return to after signing in again. */
  from?: string;
}
