import { useEffect, useState } from 'react';
import { api, onServerActivity } from '../../api';

interface IdleWarningProps {
  idleMinutes: number;
}

const WARN_AHEAD_MS = 2 * 60_000;
/** Slack after the deadline, so that the server has certainly ended the session when it is asked. */
const CHECK_SLACK_MS = 5_000;

/**
 * The server signs out a session left idle for the tenant's set time. Two minutes
 * before, this says so and offers to continue (WCAG 2.2.1); at the deadline it asks
 * the server, whose answer takes the user to the sign-in page with the reason, so
 * that personal data is not left on an unattended screen.
 */
export function IdleWarning({ idleMinutes }: IdleWarningProps) {
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [warning, setWarning] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(
    () =>
      onServerActivity(() => {
        setLastActivity(Date.now());
        setWarning(false);
      }),
    [],
  );

  useEffect(() => {
    const idleMs = idleMinutes * 60_000;
    const warnAt = lastActivity + Math.max(idleMs - WARN_AHEAD_MS, idleMs / 2);
    const checkAt = lastActivity + idleMs + CHECK_SLACK_MS;
    const now = Date.now();
    const warnTimer = window.setTimeout(() => setWarning(true), Math.max(0, warnAt - now));
    const checkTimer = window.setTimeout(
      () => {
        api.get('/api/session').catch(() => undefined);
      },
      Math.max(0, checkAt - now),
    );
    return () => {
      window.clearTimeout(warnTimer);
      window.clearTimeout(checkTimer);
    };
  }, [lastActivity, idleMinutes]);

  if (!warning) return null;

  const keepAlive = async () => {
    setBusy(true);
    try {
      await api.get('/api/session');
    } catch {
      // A signed-out answer has already taken the user to the sign-in page.
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="idle-warning" role="alert">
      <div className="container idle-warning-inner">
        <p>
          操作がないため、約{Math.round(WARN_AHEAD_MS / 60_000)}
          分後に自動的にログアウトします。続ける場合は「ログインを続ける」を押してください。
        </p>
        <button type="button" className="button" disabled={busy} onClick={() => void keepAlive()}>
          ログインを続ける
        </button>
      </div>
    </div>
  );
}
