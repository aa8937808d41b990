import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { REGISTER_STATE_LABELS, type RegisterState } from '../../../server/core/register';
import { tokyoDate } from '../../../shared/wareki';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PrintLink } from '../../components/PrintLink';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import { useSignedIn } from '../auth/useSession';
import {
  blankEntry,
  entryBody,
  EntryFields,
  entryProblems,
  mapEntryField,
  purposeChoices,
  type EntryState,
  type Purpose,
  type RegisterEntry,
  type RegisterListItem,
} from './registerForm';

const STATE_TONES: Readonly<Record<RegisterState, string>> = {
  scheduled: 'info',
  in_use: 'ok',
  abolished: 'warn',
  expired: 'neutral',
};

export function StateBadge({ state }: { state: RegisterState }) {
  return <span className={`badge badge--${STATE_TONES[state]}`}>{REGISTER_STATE_LABELS[state]}</span>;
}

/**
 * 個人情報ファイル簿 (PUR-5): the operations handling personal information as they
 * stand today. An abolished operation is listed until its data's retention ends
 * (RET-4); after that it is shown only when the history is asked for.
 */
export function RegisterPage() {
  const { can } = useSignedIn();
  const manage = can('privacy.manage');
  const [history, setHistory] = useState(false);
  const [starting, setStarting] = useState(false);
  const { data, problem, loading } = useApiGet<{ on: string; items: RegisterListItem[] }>(
    '/api/register',
    history ? { includeExpired: true } : undefined,
    { keepWhileReloading: true },
  );

  return (
    <Page
      title="個人情報ファイル簿"
      lead="個人情報を取り扱う業務の登録簿です。業務の開始・変更・廃止は届出として記録され、履歴が残ります。廃止した業務は、記録した個人情報の保存期間が終わるまで掲載します。"
    >
      <p>
        <Link to="/privacy">個人情報保護へ戻る</Link>
      </p>
      <div className="button-row">
        <PrintLink href="/api/register/print" label="個人情報ファイル簿を印刷する" />
        {manage && !starting ? (
          <button type="button" className="button button--small" onClick={() => setStarting(true)}>
            業務の開始を届け出る
          </button>
        ) : null}
      </div>
      {starting ? <StartForm onCancel={() => setStarting(false)} /> : null}
      <div className="checkbox">
        <input id="register-history" type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} />
        <label htmlFor="register-history">保存期間が終わった廃止業務（履歴）も表示する</label>
      </div>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="register-caption">
          <table className="table">
            <caption id="register-caption" className="table-caption">
              掲載している業務（{data.items.length}件、
              <DateText value={data.on} variant="full" />
              現在）
            </caption>
            <thead>
              <tr>
                <th scope="col">登録番号</th>
                <th scope="col">業務の名称</th>
                <th scope="col">担当する課・係</th>
                <th scope="col">状態</th>
                <th scope="col">開始日</th>
                <th scope="col">届出</th>
                <th scope="col">公表</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.entryId} className={e.listed ? undefined : 'row-muted'}>
                  <td className="mono nowrap">{e.code}</td>
                  <th scope="row">
                    <Link to={`/privacy/register/${e.entryId}`}>{e.current.name}</Link>
                  </th>
                  <td>{e.current.section}</td>
                  <td>
                    <StateBadge state={e.state} />
                    {e.state === 'abolished' && e.keepUntil ? (
                      <span className="block small">
                        <DateText value={e.keepUntil} />
                        まで掲載
                      </span>
                    ) : null}
                    {e.scheduled.length > 0 ? (
                      <span className="block small">
                        <DateText value={e.scheduled[0]?.effectiveOn} />
                        から{e.scheduled[0]?.changeKind === 'abolition' ? '廃止' : '変更'}予定
                      </span>
                    ) : null}
                  </td>
                  <td className="nowrap">
                    <DateText value={e.startedOn} />
                  </td>
                  <td className="nowrap">{e.versionCount}件</td>
                  <td>{e.current.published ? '公表' : <span className="muted">非公表</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.items.length === 0 ? <p>掲載している業務はありません。</p> : null}
    </Page>
  );
}

function StartForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [today] = useState(() => tokyoDate(new Date()));
  const purposes = useApiGet<{ items: Purpose[] }>('/api/purposes');
  const formId = 'register-start';
  const kit = useFormKit<EntryState>(formId, blankEntry(today), null);
  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>業務の開始を届け出る</h2>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={`${formId}-title`}
        onSubmit={kit.submit(
          () =>
            api.post<RegisterEntry>('/api/register', {
              ...entryBody(kit.values),
              ...(kit.values.code.trim() ? { code: kit.values.code.trim() } : {}),
            }),
          {
            check: () => entryProblems(kit.values, false),
            mapField: mapEntryField,
            after: (saved) =>
              navigate(`/privacy/register/${(saved as RegisterEntry).entryId}`, {
                state: { saved: '業務の開始を登録簿に記録しました。' },
              }),
          },
        )}
      >
        <EntryFields kit={kit} purposes={purposeChoices(purposes.data?.items ?? [])} change={false} />
        <SubmitRow busy={kit.busy} label="開始を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </section>
  );
}
