// 書き出し（持出し） (PRV-7): a list of the persons in one's reach may be taken out
// as a CSV only with a reason, and, when it holds more than one person, after
// another staff member's approval; it is made once. Approvers see the requests
// awaiting them and the recent exports of the organization, never anyone's data.

import { useState } from 'react';
import { PROVISION_ITEMS, provisionItem } from '../../../shared/provision-items';
import { api } from '../../api';
import { DateTimeText } from '../../components/DateTimeText';
import { ChecksInput, TextAreaInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import { DecisionForm } from './ProvisionApprovalsPage';

interface ExportRow {
  exportId: string;
  kind: string;
  format: string;
  items: string[];
  description: string;
  reason: string | null;
  status: 'awaiting_approval' | 'approved' | 'rejected' | 'done';
  mine: boolean;
  requestedByName: string;
  requestedAt: string;
  approvedByName: string | null;
  decisionNote: string | null;
  fileName: string | null;
  exportedAt: string | null;
  personCount: number;
}

interface ExportLog {
  canApprove: boolean;
  mine: ExportRow[];
  awaiting: ExportRow[];
  recent: ExportRow[];
}

const STATUS: Record<ExportRow['status'], { label: string; tone: string }> = {
  awaiting_approval: { label: '承認待ち', tone: 'warn' },
  approved: { label: '承認済み（未作成）', tone: 'info' },
  rejected: { label: '不承認', tone: 'danger' },
  done: { label: '作成済み', tone: 'ok' },
};

/** The items a list may hold: not My Number (never exported), not special-care content in a list. */
const LIST_ITEMS = PROVISION_ITEMS.filter((i) => i.class === 'ordinary').map((i) => ({ code: i.key, label: i.label }));

export function ExportsPage() {
  const log = useApiGet<ExportLog>('/api/exports', undefined, { keepWhileReloading: true });
  const [message, setMessage] = useState<string | null>(null);
  const say = (text: string) => {
    setMessage(text);
    log.reload();
  };
  return (
    <Page
      title="書き出し（持出し）"
      lead="個人情報を含むファイルの作成は、すべて記録されます。2人以上の個人情報を含む書き出しは、別の職員（主任相談支援員又は個人情報保護管理者）の承認が必要です。"
    >
      {message ? <Notice kind="success">{message}</Notice> : null}
      {log.problem ? <Notice kind="error">{log.problem.message}</Notice> : null}
      <ListExportForm onDone={say} />
      {!log.data ? <Loading /> : null}
      {log.data?.canApprove ? (
        <section aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">承認を待っている書き出し</h2>
          {log.data.awaiting.length === 0 ? <p>承認を待っている書き出しはありません。</p> : null}
          <ul className="record-list">
            {log.data.awaiting.map((e) => (
              <li key={e.exportId} className="record">
                <ExportFacts row={e} />
                <DecisionForm
                  id={e.exportId}
                  send={(approve, note) => api.post(`/api/exports/${e.exportId}/decision`, { approve, note })}
                  onDone={(approved) => say(approved ? '書き出しを承認しました。' : '書き出しを承認しませんでした。')}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {log.data ? (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">自分が求めた書き出し</h2>
          {log.data.mine.length === 0 ? <p>書き出しの記録はありません。</p> : null}
          <ul className="record-list">
            {log.data.mine.map((e) => (
              <li key={e.exportId} className="record">
                <ExportFacts row={e} />
                {e.status === 'approved' && e.kind === 'consultee_list' ? (
                  <a
                    className="button button--small"
                    href={`/api/exports/${e.exportId}/file`}
                    download
                    onClick={() => window.setTimeout(() => log.reload(), 1500)}
                  >
                    CSVを作成して保存する（1回限り）
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {log.data?.canApprove ? (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">最近の書き出し・印刷（組織内）</h2>
          <div className="table-wrap">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">日時</th>
                  <th scope="col">職員</th>
                  <th scope="col">内容</th>
                  <th scope="col">人数</th>
                  <th scope="col">状態</th>
                  <th scope="col">ファイル名</th>
                </tr>
              </thead>
              <tbody>
                {log.data.recent.map((e) => (
                  <tr key={e.exportId}>
                    <td>
                      <DateTimeText value={e.exportedAt ?? e.requestedAt} />
                    </td>
                    <td>{e.requestedByName}</td>
                    <td>{e.description}</td>
                    <td>{e.personCount}人</td>
                    <td>{STATUS[e.status].label}</td>
                    <td>{e.fileName ?? '―'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}

function ExportFacts({ row: e }: { row: ExportRow }) {
  const status = STATUS[e.status];
  return (
    <>
      <h3 className="record-title">
        <span className={`badge badge--${status.tone}`}>{status.label}</span> {e.description}
      </h3>
      <dl className="detail-list detail-list--record">
        <div>
          <dt>求めた職員</dt>
          <dd>
            {e.requestedByName}（<DateTimeText value={e.requestedAt} />）
          </dd>
        </div>
        <div>
          <dt>人数</dt>
          <dd>{e.personCount}人</dd>
        </div>
        <div>
          <dt>項目</dt>
          <dd>{e.items.map((k) => provisionItem(k)?.label ?? k).join('、') || '―'}</dd>
        </div>
        <div>
          <dt>持出しの理由</dt>
          <dd>{e.reason ?? '―'}</dd>
        </div>
        {e.approvedByName ? (
          <div>
            <dt>承認・不承認</dt>
            <dd>
              {e.approvedByName}
              {e.decisionNote ? `：${e.decisionNote}` : ''}
            </dd>
          </div>
        ) : null}
        {e.fileName ? (
          <div>
            <dt>ファイル</dt>
            <dd>
              {e.fileName}
              {e.exportedAt ? (
                <>
                  （<DateTimeText value={e.exportedAt} />）
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}

function ListExportForm({ onDone }: { onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const kit = useFormKit('list-export', { items: ['name'] as string[], reason: '' }, null);
  const onSubmit = kit.submit(
    () => api.post<{ status: string; message: string | null }>('/api/exports/consultee-list', kit.values),
    {
      check: () => {
        const out: Record<string, string> = {};
        if (kit.values.items.length === 0) out.items = '「書き出す項目」を1つ以上選んでください';
        if (!kit.values.reason.trim()) out.reason = '「持出しの理由」を入力してください';
        return out;
      },
      after: (result) => {
        setOpen(false);
        const r = result as { status: string; message: string | null };
        onDone(r.message ?? '書き出しの準備ができました。「CSVを作成して保存する」から保存してください。');
      },
    },
  );
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          担当する相談者の一覧を書き出す
        </button>
      </div>
    );
  }
  return (
    <div className="subcard">
      <h2 id="list-export-title">担当する相談者の一覧を書き出す</h2>
      <p className="muted small">
        書き出せるのは、担当している（主任相談支援員は窓口の）相談者です。個人番号と要配慮個人情報は一覧に書き出せません。
      </p>
      <KitForm kit={kit} labelledBy="list-export-title" onSubmit={onSubmit}>
        <ChecksInput kit={kit} name="items" legend="書き出す項目" required choices={LIST_ITEMS} />
        <TextAreaInput
          kit={kit}
          name="reason"
          label="持出しの理由"
          hint="例: 支援調整会議の資料として会場へ持参するため"
          required
          rows={2}
        />
        <SubmitRow busy={kit.busy} label="書き出しを求める">
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}
