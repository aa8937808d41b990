import { Link } from 'react-router';
import { DateTimeText } from '../../components/DateTimeText';
import { Page } from '../../components/Page';
import { ROLE_LABELS } from '../../labels';
import type { Permission } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { Dashboard } from './Dashboard';

interface Task {
  to: string;
  title: string;
  description: string;
  permission: Permission;
  casework?: boolean;
}

const TASKS: readonly Task[] = [
  {
    to: '/consultees',
    title: '相談者',
    description: '相談者を探し、新しい相談者を登録します。ケースの記録もここから開きます。',
    permission: 'consultee.read',
    casework: true,
  },
  {
    to: '/staff',
    title: '職員管理',
    description: '職員のアカウントの登録・変更、利用停止、パスワードの再発行を行います。',
    permission: 'staff.manage',
  },
  {
    to: '/settings',
    title: '設定',
    description: '二段階認証の要否や、自動ログアウトまでの時間を設定します。',
    permission: 'tenant.settings',
  },
  {
    to: '/audit',
    title: 'アクセス記録',
    description: '誰がいつどの個人情報を閲覧・操作したかを点検します。',
    permission: 'audit.read',
  },
];

export function HomePage() {
  const { session, can } = useSignedIn();
  const tasks = TASKS.filter((t) => can(t.permission) && (!t.casework || session.casework));
  const roles = session.staff.roles.map((r) => ROLE_LABELS[r]).join('、');

  return (
    <Page title="ホーム">
      <section className="card welcome" aria-labelledby="welcome-title">
        <h2 id="welcome-title" className="welcome-name">
          {session.staff.displayName}さん、お疲れさまです。
        </h2>
        <dl className="summary-list">
          <div>
            <dt>所属</dt>
            <dd>
              {session.organization.name}
              {session.office ? <span className="block">窓口: {session.office.name}</span> : null}
            </dd>
          </div>
          <div>
            <dt>役割</dt>
            <dd>{roles}</dd>
          </div>
        </dl>
      </section>

      {can('consultee.read') && session.casework ? <Dashboard /> : null}

      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">できること</h2>
        {tasks.length > 0 ? (
          <ul className="task-list">
            {tasks.map((task) => (
              <li key={task.to} className="task">
                <Link to={task.to} className="task-link">
                  {task.title}
                </Link>
                <p className="task-description">{task.description}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>現在の役割で利用できる業務画面はありません。</p>
        )}
      </section>

      <section aria-labelledby="security-title">
        <h2 id="security-title">ログインとセキュリティ</h2>
        <dl className="summary-list card">
          <div>
            <dt>自動ログアウト</dt>
            <dd>無操作{session.idleMinutes}分で自動的にログアウトします。</dd>
          </div>
          <div>
            <dt>ログインの有効期限</dt>
            <dd>
              <DateTimeText value={session.expiresAt} />
              まで。その後はもう一度ログインが必要です。
            </dd>
          </div>
          <div>
            <dt>二段階認証</dt>
            <dd>
              {session.mfaEnabled ? (
                <span className="badge badge--ok">設定済み</span>
              ) : (
                <>
                  <span className="badge badge--warn">未設定</span> <Link to="/mfa-setup">二段階認証を設定する</Link>
                  <span className="muted small block">
                    設定すると、パスワードが漏れても他人にログインされにくくなります。
                  </span>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>パスワード</dt>
            <dd>
              <Link to="/password">パスワードを変更する</Link>
            </dd>
          </div>
        </dl>
      </section>
    </Page>
  );
}
