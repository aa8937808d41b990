// 提供の承認: the privacy protection manager decides provisions that rest on a
// ground other than consent (PRV-1, PRV-6), seeing who asks, to whom, which items
// and why, never the items' content. No one decides their own request.

import { useState } from 'react';
import { Link } from 'react-router';
import { PROVISION_GROUND_LABELS, type ProvisionGround } from '../../../server/core/provision';
import { provisionItem } from '../../../shared/provision-items';
import { api } from '../../api';
import { DateTimeText } from '../../components/DateTimeText';
import { TextAreaInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';

interface Awaiting {
  provisionId: string;
  consulteeId: string;
  consulteeName: string;
  recipientName: string;
  items: string[];
  ground: string | null;
  groundReason: string | null;
  requestedByName: string;
  requestedAt: string;
}

export function ProvisionApprovalsPage() {
  const list = useApiGet<{ items: Awaiting[] }>('/api/provisions/awaiting', undefined, { keepWhileReloading: true });
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page
      title="提供の承認"
      lead="同意によらない関係機関への提供です。根拠と理由が提供の必要を示しているか、項目が必要な範囲に限られているかを確認してください。"
    >
      {message ? <Notice kind="success">{message}</Notice> : null}
      {list.problem ? <Notice kind="error">{list.problem.message}</Notice> : null}
      {!list.data ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>承認を待っている提供はありません。</p> : null}
      <ul className="record-list">
        {list.data?.items.map((a) => (
          <li key={a.provisionId} className="record">
            <h2 className="record-title">
              {a.consulteeName} → {a.recipientName}
            </h2>
            <dl className="detail-list detail-list--record">
              <div>
                <dt>提供する項目</dt>
                <dd>{a.items.map((k) => provisionItem(k)?.label ?? k).join('、')}</dd>
              </div>
              <div>
                <dt>根拠</dt>
                <dd>{a.ground ? PROVISION_GROUND_LABELS[a.ground as ProvisionGround] : '―'}</dd>
              </div>
              <div>
                <dt>理由</dt>
                <dd>{a.groundReason ?? '―'}</dd>
              </div>
              <div>
                <dt>求めた職員</dt>
                <dd>
                  {a.requestedByName}（<DateTimeText value={a.requestedAt} />）
                </dd>
              </div>
            </dl>
            <p className="small">
              <Link to={`/consultees/${a.consulteeId}?tab=provisions`}>この方の提供の記録を見る</Link>
            </p>
            <DecisionForm
              id={a.provisionId}
              send={(approve, note) =>
                api.post(`/api/consultees/${a.consulteeId}/provisions/${a.provisionId}/decision`, { approve, note })
              }
              onDone={(approved) => {
                setMessage(approved ? '承認しました。求めた職員が提供できるようになりました。' : '不承認としました。');
                list.reload();
              }}
            />
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** 承認する / 承認しない with a reason (required to refuse): shared by the approval screens. */
export function DecisionForm({
  id,
  send,
  onDone,
}: {
  id: string;
  send: (approve: boolean, note: string | null) => Promise<unknown>;
  onDone: (approved: boolean) => void;
}) {
  const kit = useFormKit(`decision-${id}`, { note: '' }, null);
  const decide = (approve: boolean) =>
    kit.submit(() => send(approve, kit.values.note.trim() || null), {
      check: (): Record<string, string> =>
        approve || kit.values.note.trim() ? {} : { note: '承認しない場合は「理由」を入力してください' },
      after: () => onDone(approve),
    });
  return (
    <KitForm kit={kit} label="承認・不承認" onSubmit={decide(true)}>
      <TextAreaInput kit={kit} name="note" label="理由（承認しない場合は必須）" rows={2} />
      <div className="button-row">
        <button type="submit" className="button" disabled={kit.busy}>
          承認する
        </button>
        <button
          type="button"
          className="button button--danger-outline"
          disabled={kit.busy}
          onClick={(e) => decide(false)(e)}
        >
          承認しない
        </button>
      </div>
    </KitForm>
  );
}
