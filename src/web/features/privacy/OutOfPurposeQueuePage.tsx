import { Link, useSearchParams } from 'react-router';
import { DateTimeText } from '../../components/DateTimeText';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { TabNav } from '../../components/TabNav';
import { useApiGet } from '../../components/useApiGet';
import { DateText } from '../../components/DateText';
import { groundShort, itemLabel, OUT_OF_PURPOSE_KIND_LABELS, type QueueItem } from './outOfPurpose';
import { StatusBadge } from './OutOfPurposeRecord';

const VIEWS = [
  { id: 'open', label: '対応中' },
  { id: 'closed', label: '完了・取下げ' },
] as const;

/**
 * The privacy protection manager's list of requests to use or provide data
 * outside the purposes (PRV-6): those waiting for the counter's opinion, the
 * council or the decision, oldest first; and the ones finished.
 */
export function OutOfPurposeQueuePage() {
  const [params] = useSearchParams();
  const view = params.get('state') === 'closed' ? 'closed' : 'open';
  const { data, problem, loading } = useApiGet<{ items: QueueItem[] }>('/api/out-of-purpose', { state: view });

  return (
    <Page
      title="目的外利用・提供の申請"
      lead="利用目的の範囲を超える利用・提供の申請について、窓口の意見、審議会への諮問と答申、意見書、実施機関の長の決定を記録します。"
    >
      <TabNav label="申請の状態" items={VIEWS} current={view} hrefFor={(id) => `?state=${id}`} />
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data && data.items.length === 0 ? (
        <p>{view === 'open' ? '対応中の申請はありません。' : '完了した申請はありません。'}</p>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="oop-caption">
          <table className="table">
            <caption id="oop-caption" className="table-caption">
              {view === 'open' ? '対応中の申請（古い順）' : '完了・取下げの申請（新しい順）'} {data.items.length}件
            </caption>
            <thead>
              <tr>
                <th scope="col">相談者</th>
                <th scope="col">区分</th>
                <th scope="col">申請する課・係</th>
                <th scope="col">提供先</th>
                <th scope="col">対象とする項目</th>
                <th scope="col">根拠</th>
                <th scope="col">申請</th>
                <th scope="col">状態</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.requestId}>
                  <th scope="row">
                    <Link to={`/privacy/out-of-purpose/${r.consulteeId}/${r.requestId}`}>
                      {r.consulteeName}
                      <span className="visually-hidden">さんの申請を開く</span>
                    </Link>
                  </th>
                  <td>{OUT_OF_PURPOSE_KIND_LABELS[r.kind]}</td>
                  <td>{r.requestingSection}</td>
                  <td>{r.recipientName ?? <span className="muted">—</span>}</td>
                  <td>{r.items.map(itemLabel).join('、')}</td>
                  <td>{r.basis === 'consent' ? '本人の同意' : groundShort(r.ground)}</td>
                  <td className="nowrap">
                    {r.requestedByName}
                    <span className="block small">
                      <DateTimeText value={r.requestedAt} />
                    </span>
                  </td>
                  <td>
                    <StatusBadge request={r} />
                    {r.decidedOn ? (
                      <span className="block small">
                        <DateText value={r.decidedOn} />
                      </span>
                    ) : null}
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
