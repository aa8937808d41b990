import type { MouseEvent } from 'react';
import { Outlet } from 'react-router';
import { IdleWarning } from '../features/auth/IdleWarning';
import { useSession } from '../features/auth/useSession';
import { Header } from './Header';

export function Layout() {
  const { session } = useSession();

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    // Focus the main region itself: following the fragment would also change the address.
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <div className="app">
      <a href="#main" className="skip-link" onClick={skipToMain}>
        本文へ移動
      </a>
      <Header />
      {session ? <IdleWarning key={session.staff.staffId} idleMinutes={session.idleMinutes} /> : null}
      <main id="main" className="main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            このシステムで扱う個人情報は、相談支援の目的の範囲内でのみ利用してください。すべての閲覧・操作は記録されています。
          </p>
        </div>
      </footer>
    </div>
  );
}
