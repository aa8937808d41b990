import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { REGISTER_CHANGE_LABELS, registerKeepUntil } from '../../../server/core/register';
import { tokyoDate } from '../../../shared/wareki';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { DateInput, TextAreaInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import { useSignedIn } from '../auth/useSession';
import {
  entryBody,
  entryFrom,
  EntryFields,
  entryProblems,
  mapEntryField,
  purposeChoices,
  type EntryState,
  type Purpose,
  type RegisterEntry,
  type RegisterVersion,
} from './registerForm';
import { StateBadge } from './RegisterPage';

const VERSION_STATUS: Readonly<Record<RegisterVersion['status'], string>> = {
  current: '現在',
  scheduled: '予定',
  superseded: '以前',
};

/** One operation of the register with every start, change and abolition recorded for it (PUR-5, RET-4). */
export function RegisterEntryPage() {
  const { entryId = '' } = useParams();
  const location = useLocation();
  const { can } = useSignedIn();
  const manage = can('privacy.manage');
  const { data, problem, loading, replace } = useApiGet<RegisterEntry>(
    `/api/register/${encodeURIComponent(entryId)}`,
    undefined,
    { keepWhileReloading: true },
  );
  const { element: announcement, announce } = useAnnouncer();
  const [action, setAction] = useState<'change' | 'abolish' | null>(null);
  const saved = (location.state as { saved?: string } | null)?.saved;
  useEffect(() => {
    if (saved) announce(saved);
  }, [saved, announce]);

  const done = (entry: RegisterEntry, message: string) => {
    replace(entry);
    setAction(null);
    announce(message);
  };
  const closed = data ? data.history.some((v) => v.changeKind === 'abolition') : true;

  return (
    <Page title={data ? data.current.name : '個人情報ファイル簿'} documentTitle="個人情報ファイル簿の業務">
      <p>
        <Link to="/privacy/register">個人情報ファイル簿へ戻る</Link>
      </p>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {announcement}
      {data ? (
        <>
          <section className="card" aria-labelledby="entry-now">
            <div className="card-head">
              <h2 id="entry-now">登録番号 {data.code}</h2>
              <StateBadge state={data.state} />
            </div>
            {data.state === 'abolished' && data.abolishedOn && data.keepUntil ? (
              <p className="hint hint--warning">
                <DateText value={data.abolishedOn} />
                に廃止しました。記録した個人情報の保存期間が終わる
                <DateText value={data.keepUntil} />
                まで登録簿に掲載します。
              </p>
            ) : null}
            {data.state === 'expired' ? (
              <p className="muted">保存期間が終わったため、登録簿には掲載していません（履歴として残しています）。</p>
            ) : null}
            {data.scheduled.map((s) => (
              <p key={s.version} className="hint">
                <DateText value={s.effectiveOn} />
                から{REGISTER_CHANGE_LABELS[s.changeKind]}します（第{s.version}版）。
              </p>
            ))}
            <VersionFields version={data.current} startedOn={data.startedOn} />
            {manage && !closed && action === null ? (
              <div className="button-row">
                <button type="button" className="button button--secondary" onClick={() => setAction('change')}>
                  変更を届け出る
                </button>
                <button type="button" className="button button--danger-outline" onClick={() => setAction('abolish')}>
                  廃止を届け出る
                </button>
              </div>
            ) : null}
            {manage && closed && data.state !== 'scheduled' ? (
              <p className="muted small">
                廃止した業務は変更できません。業務を再開するときは、新たに開始を届け出てください。
              </p>
            ) : null}
          </section>
          {action === 'change' ? (
            <ChangeForm
              entry={data}
              onCancel={() => setAction(null)}
              onSaved={(e) => done(e, '変更を登録簿に記録しました。')}
            />
          ) : null}
          {action === 'abolish' ? (
            <AbolishForm
              entry={data}
              onCancel={() => setAction(null)}
              onSaved={(e) => done(e, '廃止を登録簿に記録しました。保存期間が終わるまで掲載を続けます。')}
            />
          ) : null}
          <History entry={data} />
        </>
      ) : null}
    </Page>
  );
}

function VersionFields({ version: v, startedOn }: { version: RegisterVersion; startedOn?: string }) {
  return (
    <dl className="detail-list">
      <div>
        <dt>業務の名称</dt>
        <dd>{v.name}</dd>
      </div>
      <div>
        <dt>担当する課・係</dt>
        <dd>{v.section}</dd>
      </div>
      {startedOn ? (
        <div>
          <dt>開始日</dt>
          <dd>
            <DateText value={startedOn} variant="full" />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>利用目的</dt>
        <dd>
          <ul className="value-list">
            {v.purposes.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {v.purposesNote ? <p className="small pre-line">{v.purposesNote}</p> : null}
        </dd>
      </div>
      <div>
        <dt>記録される項目</dt>
        <dd className="pre-line">{v.items}</dd>
      </div>
      <div>
        <dt>利用の方法</dt>
        <dd className="pre-line">{v.methods}</dd>
      </div>
      <div>
        <dt>収集先</dt>
        <dd className="pre-line">{v.sources}</dd>
      </div>
      <div>
        <dt>提供先・提供の方法</dt>
        <dd className="pre-line">{v.recipients}</dd>
      </div>
      <div>
        <dt>記録の媒体</dt>
        <dd>{v.media}</dd>
      </div>
      <div>
        <dt>保存期間</dt>
        <dd>
          {v.retention}（{v.retentionYears}年）
        </dd>
      </div>
      <div>
        <dt>記録される者の数</dt>
        <dd>{v.recordCount ?? <span className="muted">記載なし</span>}</dd>
      </div>
      <div>
        <dt>公表</dt>
        <dd>{v.published ? '公表する' : '公表しない'}</dd>
      </div>
    </dl>
  );
}

function History({ entry }: { entry: RegisterEntry }) {
  return (
    <section className="card" aria-labelledby="entry-history">
      <h2 id="entry-history">届出の履歴</h2>
      <ol className="record-list">
        {[...entry.history].reverse().map((v) => (
          <li key={v.version} className="record">
            <h3 className="record-title">
              {`第${v.version}版　${REGISTER_CHANGE_LABELS[v.changeKind]}　`}
              <DateText value={v.effectiveOn} />{' '}
              <span
                className={`badge badge--${v.status === 'current' ? 'ok' : v.status === 'scheduled' ? 'info' : 'neutral'}`}
              >
                {VERSION_STATUS[v.status]}
              </span>
            </h3>
            {v.changeReason ? <p className="pre-line">理由: {v.changeReason}</p> : null}
            {v.keepUntil ? (
              <p className="small">
                <DateText value={v.keepUntil} />
                まで掲載
              </p>
            ) : null}
            <p className="muted small">
              記録: {v.recordedBy?.displayName ?? '—'}（<DateTimeText value={v.recordedAt} />）
            </p>
            {v.changeKind !== 'abolition' ? (
              <details>
                <summary>この版の内容</summary>
                <VersionFields version={v} />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

interface FormProps {
  entry: RegisterEntry;
  onCancel: () => void;
  onSaved: (entry: RegisterEntry) => void;
}

function ChangeForm({ entry, onCancel, onSaved }: FormProps) {
  const [today] = useState(() => tokyoDate(new Date()));
  const purposes = useApiGet<{ items: Purpose[] }>('/api/purposes');
  const latest = entry.history.at(-1) ?? entry.current;
  const formId = 'register-change';
  const kit = useFormKit<EntryState>(formId, entryFrom(latest, today), null);
  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>変更を届け出る</h2>
      <p className="small">
        変更後の内容を入力してください。変更前の内容は履歴として残ります（前回の届出:{' '}
        <DateText value={latest.effectiveOn} />
        ）。
      </p>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={`${formId}-title`}
        onSubmit={kit.submit(
          () =>
            api.post<RegisterEntry>(`/api/register/${entry.entryId}/versions`, {
              ...entryBody(kit.values),
              changeReason: kit.values.changeReason.trim(),
            }),
          {
            check: () => entryProblems(kit.values, true),
            mapField: mapEntryField,
            after: (saved) => onSaved(saved as RegisterEntry),
          },
        )}
      >
        <EntryFields kit={kit} purposes={purposeChoices(purposes.data?.items ?? [])} change />
        <SubmitRow busy={kit.busy} label="変更を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </section>
  );
}

interface AbolishState {
  effectiveOn: string | null;
  changeReason: string;
}

function AbolishForm({ entry, onCancel, onSaved }: FormProps) {
  const [today] = useState(() => tokyoDate(new Date()));
  const formId = 'register-abolish';
  const kit = useFormKit<AbolishState>(formId, { effectiveOn: today, changeReason: '' }, null);
  const years = entry.current.retentionYears;
  const keepUntil = kit.values.effectiveOn ? registerKeepUntil(kit.values.effectiveOn, years) : null;
  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>廃止を届け出る</h2>
      <p className="small">
        廃止した業務は、記録した個人情報の保存期間（{years}
        年）が終わるまで登録簿に掲載を続けます。廃止した後は、この業務の内容を変更できません。
      </p>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={`${formId}-title`}
        onSubmit={kit.submit(
          () =>
            api.post<RegisterEntry>(`/api/register/${entry.entryId}/abolition`, {
              effectiveOn: kit.values.effectiveOn,
              changeReason: kit.values.changeReason.trim(),
            }),
          {
            check: () => {
              const out: Record<string, string> = {};
              if (!kit.values.effectiveOn) out.effectiveOn = '「廃止日」を入力してください';
              if (!kit.values.changeReason.trim()) out.changeReason = '「廃止の理由」を入力してください';
              return out;
            },
            after: (saved) => onSaved(saved as RegisterEntry),
          },
        )}
      >
        <DateInput kit={kit} name="effectiveOn" label="廃止日" required />
        <TextAreaInput kit={kit} name="changeReason" label="廃止の理由" required rows={2} />
        <p className="hint" aria-live="polite">
          {keepUntil ? (
            <>
              登録簿への掲載は <DateText value={keepUntil} variant="full" /> までです。
            </>
          ) : (
            '廃止日を入力すると、掲載を続ける期限を表示します。'
          )}
        </p>
        <SubmitRow busy={kit.busy} label="廃止を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </section>
  );
}
