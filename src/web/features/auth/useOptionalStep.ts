import { useState } from 'react';
import type { SessionStage } from '../../types';
import { useSignedIn } from './useSession';

/**
 * A sign-in step that can also be taken by choice from an active session: a new
 * password, or the second factor. Taken as a step, it leads on to the next one;
 * taken by choice, the page stays and says that it is done.
 */
export function useOptionalStep() {
  const { session, refresh, proceed } = useSignedIn();
  const voluntary = session.stage === 'active';
  const [done, setDone] = useState(false);

  /** After the server has accepted the step. True when the page stays, to say it is done. */
  const finish = async (stage: SessionStage): Promise<boolean> => {
    if (voluntary && stage === 'active') {
      await refresh();
      setDone(true);
      return true;
    }
    await proceed();
    return false;
  };

  return { session, voluntary, done, finish };
}
