import { useState } from 'react';
import type { Static } from 'typebox';
import { tokyoDate } from '../../../shared/wareki';
import { purposeChangeNotice } from '../../../server/core/purpose-notice';
import type { PurposeChangeResponse, PurposeList } from '../../../server/modules/purposes/schema';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { CheckInput, DateInput, TextAreaInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import { useSignedIn } from '../auth/useSession';

type Purpose = Static<typeof PurposeList>['items'][number];
type Changed = Static<typeof PurposeChangeResponse>;

const KIND_LABELS: Readonly<Record<Purpose['kind'], string>> = {
  published: '公表している利用目的',
  management: '管理のための利用目的',
};

const VERSION_STATUS: Readonly<Record<Purpose['history'][number]['status'], string>> = {
  current: '現在',
  scheduled: '変更予定',
  superseded: '変更前',
};

/**
 * The tenant's purposes of use (利用目的, PUR-1) with every version, and their
 * change by the privacy protection manager (PUR-2): only within the scope
 * reasonably related to the old purpose, with its reason, and with the notice to
 * publish or send to the persons, shown before it is recorded and after.
 */
export function PurposesPage() {
  const { can } = useSignedIn();
  const { data, problem, loading, reload } = useApiGet<{ items: Purpose[] }>('/api/purposes', undefined, {
    keepWhileReloading: true,
  });
  const { element: announcement, announce } = useAnnouncer();
  const [changing, setChanging] = useState<string | null>(null);
  const [published, setPublished] = useState<Changed | null>(null);
  const manage = can('privacy.manage');

  return (
    <Page
      title="利用目的"
      lead="個人情報を取り扱う利用目的と、その変更の履歴です。利用目的の変更は、変更前の利用目的と関連性を有すると合理的に認められる範囲内に限られ、変更した内容は本人に通知するか公表します。"
    >
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {announcement}
      {published ? <PublishNotice changed={published} /> : null}
      {data?.items.map((p) => {
        const titleId = `purpose-${p.purposeCode}`;
        const latest = p.history.at(-1);
        return (
          <section key={p.purposeCode} className="card" aria-labelledby={titleId}>
            <div className="card-head">
              <h2 id={titleId}>{p.wording ?? latest?.wording ?? p.purposeCode}</h2>
              <span className={`badge badge--${p.kind === 'published' ? 'info' : 'neutral'}`}>
                {KIND_LABELS[p.kind]}
              </span>
            </div>
            {p.inForce ? (
              <p className="small">
                第{p.version}版（
                <DateText value={p.effectiveFrom} />
                から）
              </p>
            ) : (
              <p className="hint hint--warning">この利用目的はまだ効力を生じていません。</p>
            )}
            <VersionTable purpose={p} />
            {manage && latest && changing !== p.purposeCode ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setPublished(null);
                    setChanging(p.purposeCode);
                  }}
                >
                  この利用目的を変更する
                </button>
              </div>
            ) : null}
            {manage && latest && changing === p.purposeCode ? (
              <ChangeForm
                purpose={p}
                latestWording={latest.wording}
                latestFrom={latest.effectiveFrom}
                onCancel={() => setChanging(null)}
                onSaved={(changed) => {
                  setChanging(null);
                  setPublished(changed);
                  reload();
                  announce(
                    `利用目的を変更しました（第${changed.version}版）。下のお知らせを公表するか、本人に通知してください。`,
                  );
                }}
              />
            ) : null}
          </section>
        );
      })}
    </Page>
  );
}

function VersionTable({ purpose }: { purpose: Purpose }) {
  const captionId = `purpose-${purpose.purposeCode}-history`;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table table--compact">
        <caption id={captionId} className="table-caption">
          変更の履歴
        </caption>
        <thead>
          <tr>
            <th scope="col">版</th>
            <th scope="col">変更日</th>
            <th scope="col">利用目的</th>
            <th scope="col">変更の理由</th>
            <th scope="col">記録</th>
          </tr>
        </thead>
        <tbody>
          {purpose.history.map((v) => (
            <tr key={v.version} className={v.status === 'superseded' ? 'row-muted' : undefined}>
              <th scope="row" className="nowrap">
                第{v.version}版<span className="block small">{VERSION_STATUS[v.status]}</span>
              </th>
              <td className="nowrap">
                <DateText value={v.effectiveFrom} />
              </td>
              <td>
                {v.wording}
                {v.noticeText ? (
                  <details>
                    <summary>お知らせの文面</summary>
                    <p className="pre-line small">{v.noticeText}</p>
                  </details>
                ) : null}
              </td>
              <td>{v.changeReason ?? <span className="muted">—（当初）</span>}</td>
              <td className="nowrap small">
                {v.recordedBy?.displayName ?? '初期設定'}
                <span className="block">
                  <DateTimeText value={v.recordedAt} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ChangeState {
  wording: string;
  effectiveFrom: string | null;
  changeReason: string;
  withinRelatedScope: boolean;
}

function ChangeForm({
  purpose,
  latestWording,
  latestFrom,
  onCancel,
  onSaved,
}: {
  purpose: Purpose;
  latestWording: string;
  latestFrom: string;
  onCancel: () => void;
  onSaved: (changed: Changed) => void;
}) {
  const [today] = useState(() => tokyoDate(new Date()));
  const formId = `purpose-change-${purpose.purposeCode}`;
  const kit = useFormKit<ChangeState>(
    formId,
    { wording: latestWording, effectiveFrom: today, changeReason: '', withinRelatedScope: false },
    null,
  );
  const v = kit.values;
  const titleId = `${formId}-title`;
  const preview =
    v.wording.trim() && v.wording.trim() !== latestWording && v.effectiveFrom
      ? purposeChangeNotice({ oldWording: latestWording, newWording: v.wording.trim(), effectiveFrom: v.effectiveFrom })
      : null;
  const check = () => {
    const out: Record<string, string> = {};
    if (!v.wording.trim()) out.wording = '「変更後の利用目的」を入力してください';
    else if (v.wording.trim() === latestWording) out.wording = '「変更後の利用目的」が変更前と同じです';
    if (!v.effectiveFrom) out.effectiveFrom = '「変更日」を入力してください';
    else if (v.effectiveFrom < today) out.effectiveFrom = '「変更日」は今日以降の日付にしてください';
    else if (v.effectiveFrom < latestFrom) out.effectiveFrom = '「変更日」は前回の変更日以降の日付にしてください';
    if (!v.changeReason.trim()) out.changeReason = '「変更の理由」を入力してください';
    if (!v.withinRelatedScope) {
      out.withinRelatedScope =
        '変更前の利用目的と関連性を有すると合理的に認められる範囲内の変更であることを確認してください。範囲を超える場合は、新たな利用目的として本人の同意が必要です';
    }
    return out;
  };
  return (
    <div className="subcard" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>利用目的を変更する</h3>
      <p className="small">
        変更前: <span className="pre-line">{latestWording}</span>
      </p>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={titleId}
        onSubmit={kit.submit(
          () =>
            api.post<Changed>(`/api/purposes/${encodeURIComponent(purpose.purposeCode)}/versions`, {
              wording: v.wording.trim(),
              effectiveFrom: v.effectiveFrom,
              withinRelatedScope: v.withinRelatedScope,
              changeReason: v.changeReason.trim(),
            }),
          { check, after: (result) => onSaved(result as Changed) },
        )}
      >
        <TextAreaInput kit={kit} name="wording" label="変更後の利用目的" required rows={3} />
        <DateInput kit={kit} name="effectiveFrom" label="変更日" hint="今日以降の日付です。" required />
        <TextAreaInput kit={kit} name="changeReason" label="変更の理由" required rows={3} />
        <CheckInput
          kit={kit}
          name="withinRelatedScope"
          label="変更前の利用目的と関連性を有すると合理的に認められる範囲内の変更である"
          hint="この範囲を超える変更はできません（新たな利用目的となり、あらかじめ本人の同意が必要です）。"
        />
        <section className="subcard" aria-labelledby={`${formId}-preview`}>
          <h4 id={`${formId}-preview`}>本人に通知し、又は公表する文面</h4>
          {preview ? (
            <p className="pre-line notice-text" aria-live="polite">
              {preview}
            </p>
          ) : (
            <p className="muted small">変更後の利用目的と変更日を入力すると、お知らせの文面がここに表示されます。</p>
          )}
        </section>
        <SubmitRow busy={kit.busy} label="変更を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}

/** After a change: the notice as recorded, to publish or send (PUR-2). */
function PublishNotice({ changed }: { changed: Changed }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="card" aria-labelledby="publish-title">
      <h2 id="publish-title">公表・通知するお知らせ</h2>
      <p>
        次の文面を公表するか、本人に通知してください（変更日: <DateText value={changed.effectiveFrom} variant="full" />
        ）。
      </p>
      <p className="pre-line notice-text">{changed.noticeText}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            void navigator.clipboard?.writeText(changed.noticeText).then(() => setCopied(true));
          }}
        >
          文面をコピーする
        </button>
        {copied ? (
          <span role="status" className="small">
            コピーしました
          </span>
        ) : null}
      </div>
    </section>
  );
}
