import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import type { ConsulteeListItem } from '../../types';

export function ConsulteeListPage() {
  const { data, problem, loading } = useApiGet<{ items: ConsulteeListItem[] }>('/api/consultees');

  return (
    <Page title="相談者" lead="あなたが閲覧できる相談者の一覧です。開いた記録はすべてアクセス記録に残ります。">
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data && data.items.length === 0 ? <p>表示できる相談者はいません。</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">相談者の一覧（{data.items.length}人）</caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">フリガナ</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.consulteeId}>
                  <th scope="row" className="cell-name">
                    <Link to={`/consultees/${c.consulteeId}`}>
                      {c.familyName} {c.givenName}
                    </Link>
                  </th>
                  <td>
                    {c.familyNameKana} {c.givenNameKana}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.items.length > 0 ? <p className="muted small">{data.items.length}人</p> : null}
    </Page>
  );
}
