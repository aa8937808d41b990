import { Link } from 'react-router';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useApiGet } from '../../components/useApiGet';
import { ATTENTION_LABELS, CASE_STATUS_LABELS, labelOf, PROGRAM_LABELS } from '../../labels';
import type { Dashboard as DashboardData } from '../../types';
import { StatusBadge } from '../casework/CaseBadge';

/**
 * The worker's day: their cases by stage, and the cases that need attention now
 * (a plan review or evaluation falling due, an application not yet forwarded to the
 * municipality, no contact for a month). A chief sees the cases of the office.
 */
export function Dashboard() {
  const { data, problem, loading } = useApiGet<DashboardData>('/api/dashboard');
  if (loading) return <Loading />;
  if (problem) return <Notice kind="error">{problem.message}</Notice>;
  if (!data) return null;
  const total = data.myCases.reduce((sum, s) => sum + s.count, 0);
  return (
    <>
      <section aria-labelledby="my-cases-title">
        <h2 id="my-cases-title">担当ケースの状況</h2>
        {total === 0 ? (
          <p>担当している支援中のケースはありません。</p>
        ) : (
          <ul className="stat-list">
            {data.myCases.map((s) => (
              <li key={s.status} className="stat">
                <span className="stat-label">{labelOf(CASE_STATUS_LABELS, s.status)}</span>
                <span className="stat-count">
                  {s.count}
                  <span className="stat-unit">件</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="attention-title">
        <h2 id="attention-title">対応が必要なケース</h2>
        {data.attention.length === 0 ? (
          <p>いま対応が必要なケースはありません。</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="attention-caption" tabIndex={0}>
            <table className="table">
              <caption id="attention-caption" className="table-caption">
                対応が必要なケース（{data.attentionTotal}件
                {data.attentionTotal > data.attention.length ? `、うち${data.attention.length}件を表示` : ''}）
              </caption>
              <thead>
                <tr>
                  <th scope="col">相談者</th>
                  <th scope="col">事業・段階</th>
                  <th scope="col">対応が必要な理由</th>
                </tr>
              </thead>
              <tbody>
                {data.attention.map((a) => (
                  <tr key={a.caseId} className={a.assigned ? undefined : 'row-not-assigned'}>
                    <th scope="row" className="cell-name">
                      <Link to={`/cases/${a.caseId}`}>
                        {a.familyName} {a.givenName}
                      </Link>
                      <span className="kana">
                        {a.familyNameKana} {a.givenNameKana}
                      </span>
                      {a.assigned ? null : <span className="badge badge--not-assigned">担当外</span>}
                    </th>
                    <td>
                      <span className="block small">{labelOf(PROGRAM_LABELS, a.program)}</span>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>
                      <ul className="reason-list">
                        {a.items.map((item) => (
                          <li key={item.code}>
                            <strong>{labelOf(ATTENTION_LABELS, item.code)}</strong>
                            <span className="small">
                              {item.code === 'no_contact'
                                ? '最後の記録 '
                                : item.code === 'application_unforwarded'
                                  ? '申込日 '
                                  : '期日 '}
                              <DateText value={item.on} />
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
