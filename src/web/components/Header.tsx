import { Link, NavLink } from 'react-router';
import { useSession } from '../features/auth/useSession';
import type { Permission } from '../types';

interface NavItem {
  to: string;
  label: string;
  permission?: Permission;
  /** Only for roles that reach consultees for casework (a privacy manager reads them for other purposes). */
  casework?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'ホーム' },
  { to: '/consultees', label: '相談者', permission: 'consultee.read', casework: true },
  { to: '/staff', label: '職員管理', permission: 'staff.manage' },
  { to: '/settings', label: '設定', permission: 'tenant.settings' },
  { to: '/audit', label: 'アクセス記録', permission: 'audit.read' },
  { to: '/privacy', label: '個人情報保護', permission: 'privacy.reference' },
];

export function Header() {
  const { session, can, signOut } = useSession();
  const active = session?.stage === 'active';
  const items = NAV_ITEMS.filter(
    (item) => (!item.permission || can(item.permission)) && (!item.casework || session?.casework === true),
  );

  return (
    <header className="site-header">
      <div className="container header-inner">
        <div className="brand">
          {active ? (
            <Link to="/" className="brand-name">
              自立相談支援 ケース管理
            </Link>
          ) : (
            <span className="brand-name">自立相談支援 ケース管理</span>
          )}
          {session ? <span className="brand-tenant">{session.tenant.name}</span> : null}
        </div>
        {session ? (
          <div className="header-user">
            <span className="header-user-name">
              <span className="visually-hidden">ログイン中: </span>
              {session.staff.displayName}
            </span>
            <button type="button" className="button button--header" onClick={() => void signOut()}>
              ログアウト
            </button>
          </div>
        ) : null}
      </div>
      {active ? (
        <nav className="site-nav" aria-label="メインメニュー">
          <ul className="container site-nav-list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'} className="site-nav-link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
