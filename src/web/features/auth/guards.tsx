import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import type { Permission, SessionStage } from '../../types';
import type { SignInNotice } from './sessionContext';
import { STAGE_PATHS } from './stages';
import { useSession } from './useSession';

/** Screens for a fully signed-in session. */
export function RequireActive() {
  const { status, session } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (!session) {
    const notice: SignInNotice = {
      message: 'ログインしてください',
      kind: 'info',
      from: location.pathname + location.search,
    };
    return <Navigate to="/login" replace state={location.pathname === '/' ? { from: '/' } : notice} />;
  }
  if (session.stage !== 'active') return <Navigate to={STAGE_PATHS[session.stage]} replace />;
  return <Outlet />;
}

/** A sign-in step's screen, shown only while the session is at that step. */
export function RequireStage({ stage }: { stage: Exclude<SessionStage, 'active'> }) {
  const { status, session } = useSession();
  if (status === 'loading') return <Loading />;
  if (!session) return <Navigate to="/login" replace />;
  if (session.stage !== stage) {
    return <Navigate to={session.stage === 'active' ? '/' : STAGE_PATHS[session.stage]} replace />;
  }
  return <Outlet />;
}

/** Screens for one permission. The server refuses anyway; this only avoids showing a screen that cannot work. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { can } = useSession();
  if (!can(permission)) {
    return (
      <Page title="表示できません">
        <p>この画面を表示する権限がありません。必要な場合はシステム管理者にご相談ください。</p>
      </Page>
    );
  }
  return <Outlet />;
}
