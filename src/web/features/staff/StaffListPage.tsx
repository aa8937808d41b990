import { Link } from 'react-router';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import { EMPLOYMENT_KIND_LABELS, ROLE_LABELS } from '../../labels';
import type { StaffItem } from '../../types';
import { StaffStatus } from './StaffStatus';

export function StaffListPage() {
  const { data, problem, loading } = useApiGet<{ items: StaffItem[] }>('/api/admin/staff');

  return (
    <Page
      title="職員管理"
      lead="職員のアカウントを管理します。氏名を選ぶと、変更や利用停止、パスワードの再発行ができます。"
    >
      <div className="button-row">
        <Link to="/staff/new" className="button">
          職員を登録する
        </Link>
        <Link to="/staff/offices" className="button button--secondary">
          組織と窓口
        </Link>
      </div>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="staff-caption">
          <table className="table">
            <caption id="staff-caption" className="table-caption">
              職員の一覧（{data.items.length}人）
            </caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">ログインID</th>
                <th scope="col">所属</th>
                <th scope="col">役割</th>
                <th scope="col">雇用形態</th>
                <th scope="col">状態</th>
                <th scope="col">最終ログイン</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr key={s.staffId} className={s.disabled ? 'row-muted' : undefined}>
                  <th scope="row" className="cell-name">
                    <Link to={`/staff/${s.staffId}`}>{s.displayName}</Link>
                    {s.displayNameKana ? <span className="kana">{s.displayNameKana}</span> : null}
                  </th>
                  <td className="mono">{s.login}</td>
                  <td className="cell-affiliation">
                    {s.organizationName}
                    {s.officeName ? <span className="block small">{s.officeName}</span> : null}
                  </td>
                  <td>
                    {s.roles.map((r) => ROLE_LABELS[r]).join('、')}
                    {s.myNumberHandler ? <span className="block small">個人番号事務取扱担当者</span> : null}
                  </td>
                  <td>
                    {EMPLOYMENT_KIND_LABELS[s.employmentKind]}
                    {s.employmentEndedOn ? (
                      <span className="block small">
                        退職日 <DateText value={s.employmentEndedOn} />
                      </span>
                    ) : null}
                  </td>
                  <td className="cell-status">
                    <StaffStatus staff={s} />
                  </td>
                  <td className="nowrap">
                    <DateTimeText value={s.lastSignInAt} empty="未ログイン" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
