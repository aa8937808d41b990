import { useState } from 'react';
import { formatWareki, tokyoDate } from '../../../shared/wareki';
import { api } from '../../api';
import { ConfirmAction } from '../../components/ConfirmAction';
import { DraftForm } from '../../components/DraftForm';
import { consulteeDraftKey } from '../../components/drafts';
import { CheckInput, ChecksInput, RadioInput, SelectInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { problemFrom, type FormProblem } from '../../components/formProblem';
import { useApiGet } from '../../components/useApiGet';
import type { Choice } from '../../../shared/catalog';
import type { ConsentRow } from '../../types';
import { useSignedIn } from '../auth/useSession';
import {
  GROUND_CHOICES,
  ITEM_CHOICES,
  KIND_CHOICES,
  OUT_OF_PURPOSE_KIND_LABELS,
  requestPath,
  type OutOfPurposeRequest,
} from '../privacy/outOfPurpose';
import { RequestFacts, RequestTimeline, StatusBadge } from '../privacy/OutOfPurposeRecord';
import { consentStatus } from './ConsentsTab';
import type { ConsulteeTabProps } from './ConsulteePage';

interface AgencyOption {
  agencyId: string;
  name: string;
}

/** The choice of a recipient not in the list of related agencies. */
const OTHER_RECIPIENT = 'other';

interface RequestState {
  kind: string;
  requestingSection: string;
  useDescription: string;
  recipient: string;
  recipientName: string;
  items: string[];
  itemsReason: string;
  basis: string;
  consentId: string;
  ground: string;
  reason: string;
  noImproperUse: boolean;
}

const EMPTY: RequestState = {
  kind: 'use',
  requestingSection: '',
  useDescription: '',
  recipient: '',
  recipientName: '',
  items: [],
  itemsReason: '',
  basis: 'consent',
  consentId: '',
  ground: '',
  reason: '',
  noImproperUse: false,
};

const BASIS_CHOICES: readonly Choice[] = [
  { code: 'consent', label: '本人の同意' },
  { code: 'ground', label: '同意によらない根拠（法令に定める場合）' },
];

/** The form's own checks: the same rules the server applies first (PUR-3, PUR-6). */
function problems(v: RequestState): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.requestingSection.trim()) out.requestingSection = '「申請する課・係」を入力してください';
  if (!v.useDescription.trim()) out.useDescription = '「利用又は提供の内容」を入力してください';
  if (v.kind !== 'use' && !v.recipient) out.recipient = '「提供先」を選んでください';
  if (v.kind !== 'use' && v.recipient === OTHER_RECIPIENT && !v.recipientName.trim()) {
    out.recipientName = '「提供先の名称」を入力してください';
  }
  if (v.items.length === 0) out.items = '「対象とする項目」を1つ以上選んでください';
  if (!v.itemsReason.trim()) {
    out.itemsReason = '「項目が必要な理由」を入力してください（目的外の利用・提供は、真に必要な範囲に限られます）';
  }
  if (v.basis === 'consent' && !v.consentId) out.consentId = '「根拠とする同意」を選んでください';
  if (v.basis === 'ground' && !v.ground) out.ground = '「同意によらない根拠」を選んでください';
  if (!v.reason.trim()) out.reason = '「理由」を入力してください';
  if (!v.noImproperUse) {
    out.noImproperUse = '違法又は不当な行為を助長し、又は誘発するおそれのある利用・提供でないことを確認してください';
  }
  return out;
}

function body(v: RequestState) {
  const provision = v.kind !== 'use';
  return {
    kind: v.kind,
    requestingSection: v.requestingSection.trim(),
    useDescription: v.useDescription.trim(),
    recipientAgencyId: provision && v.recipient && v.recipient !== OTHER_RECIPIENT ? v.recipient : null,
    recipientName: provision && v.recipient === OTHER_RECIPIENT ? v.recipientName.trim() : null,
    items: v.items,
    itemsReason: v.itemsReason,
    basis: v.basis,
    consentId: v.basis === 'consent' ? v.consentId || null : null,
    ground: v.basis === 'ground' ? v.ground || null : null,
    reason: v.reason,
    noImproperUse: v.noImproperUse,
  };
}

function consentChoice(c: ConsentRow): Choice {
  return {
    code: c.consentId,
    label: `${formatWareki(c.givenOn)}の同意${c.coversSpecialCare ? '（要配慮個人情報を含む）' : ''}`,
  };
}

/**
 * 目的外利用・提供 (PUR-3, PRV-6): the person's requests to use or provide their
 * data outside the purposes, each with its way through the counter, the council
 * and the head's decision; a worker files a new one here and may withdraw it.
 */
export function OutOfPurposeTab({ detail, consulteeId, today, onSaved }: ConsulteeTabProps) {
  const { can } = useSignedIn();
  const writable = can('consultee.write');
  const list = useApiGet<{ items: OutOfPurposeRequest[] }>(requestPath(consulteeId), undefined, {
    keepWhileReloading: true,
  });
  const [filing, setFiling] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const done = (message: string) => {
    list.reload();
    onSaved(message);
  };
  const consents = detail.consents.filter((c) => consentStatus(c, today).tone === 'ok').map(consentChoice);

  return (
    <>
      <p className="muted small">
        利用目的の範囲を超えて利用し、又は外部に提供するには、本人の同意か法令に定める根拠が必要です。申請は個人情報保護管理者との協議（必要に応じて審議会への諮問）を経て、実施機関の長が決定します。決定前に利用・提供してはいけません。
      </p>
      {writable && !filing ? (
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" onClick={() => setFiling(true)}>
            目的外利用・提供を申請する
          </button>
        </div>
      ) : null}
      {filing ? (
        <section className="subcard" aria-labelledby="oop-new-title">
          <h3 id="oop-new-title">目的外利用・提供を申請する</h3>
          <RequestForm
            consulteeId={consulteeId}
            consents={consents}
            onDone={(saved) => {
              setFiling(false);
              if (saved) done('目的外利用・提供を申請しました。個人情報保護管理者の協議を待っています。');
            }}
          />
        </section>
      ) : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {list.loading ? <Loading /> : null}
      {list.problem ? <Notice kind="error">{list.problem.message}</Notice> : null}
      {list.data && list.data.items.length === 0 ? <p>目的外利用・提供の申請はありません。</p> : null}
      <ul className="record-list">
        {list.data?.items.map((r) => (
          <li key={r.requestId} className="record">
            <h3 className="record-title">
              <StatusBadge request={r} /> {OUT_OF_PURPOSE_KIND_LABELS[r.kind]}（{formatWareki(tokyoDate(r.requestedAt))}
              の申請）
            </h3>
            <RequestFacts request={r} />
            <h4>手続の経過</h4>
            <RequestTimeline request={r} />
            {r.steps.includes('withdraw') ? (
              <ConfirmAction
                label="申請を取り下げる"
                question="この申請を取り下げます。取り下げた申請は再開できません。よろしいですか。"
                confirmLabel="取り下げる"
                danger
                onConfirm={async () => {
                  setProblem(null);
                  try {
                    await api.post(`${requestPath(consulteeId, r.requestId)}/withdraw`, {});
                    done('申請を取り下げました。');
                  } catch (error) {
                    setProblem(problemFrom(error));
                  }
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function RequestForm({
  consulteeId,
  consents,
  onDone,
}: {
  consulteeId: string;
  consents: readonly Choice[];
  onDone: (saved: boolean) => void;
}) {
  const agencies = useApiGet<{ items: AgencyOption[] }>('/api/agencies');
  const recipients: Choice[] = [
    ...(agencies.data?.items ?? []).map((a) => ({ code: a.agencyId, label: a.name })),
    { code: OTHER_RECIPIENT, label: '一覧にない提供先（名称を入力）' },
  ];
  return (
    <DraftForm<RequestState>
      formId="oop-new"
      draftKey={consulteeDraftKey(consulteeId, 'out_of_purpose')}
      initial={EMPTY}
      submitLabel="申請する"
      labelledBy="oop-new-title"
      check={problems}
      mapField={(path) => (path === 'recipientAgencyId' ? 'recipient' : path)}
      send={(v) => api.post(requestPath(consulteeId), body(v))}
      onSaved={() => onDone(true)}
      onCancel={() => onDone(false)}
    >
      {(kit) => {
        const v = kit.values;
        return (
          <>
            <RadioInput kit={kit} name="kind" legend="区分" choices={KIND_CHOICES} required />
            <TextInput
              kit={kit}
              name="requestingSection"
              label="申請する課・係"
              hint="目的外利用は利用しようとする課・係、外部提供は個人情報を保管している課・係です。"
              required
            />
            <TextAreaInput
              kit={kit}
              name="useDescription"
              label="利用又は提供の内容"
              hint="何のために、どのように利用・提供するかを具体的に書きます。"
              required
              rows={3}
            />
            {v.kind !== 'use' ? (
              <div className="subfields">
                <SelectInput
                  kit={kit}
                  name="recipient"
                  label="提供先"
                  choices={recipients}
                  hint="関係機関の一覧から選びます。"
                  required
                />
                {v.recipient === OTHER_RECIPIENT ? (
                  <TextInput kit={kit} name="recipientName" label="提供先の名称" required />
                ) : null}
              </div>
            ) : null}
            <ChecksInput
              kit={kit}
              name="items"
              legend="対象とする項目"
              hint="真に必要な項目だけを選びます。個人番号（マイナンバー）は目的外に利用・提供できません。"
              choices={ITEM_CHOICES}
              required
            />
            <TextAreaInput
              kit={kit}
              name="itemsReason"
              label="項目が必要な理由"
              hint="選んだ項目それぞれがなぜ必要か（必要最小限であること）を書きます。"
              required
              rows={3}
            />
            <RadioInput kit={kit} name="basis" legend="根拠" choices={BASIS_CHOICES} required />
            {v.basis === 'consent' ? (
              <div className="subfields">
                {consents.length === 0 ? (
                  <p className="hint hint--warning" role="note">
                    有効な同意がありません。本人の同意を得て「同意」のタブで記録するか、同意によらない根拠を選んでください。
                  </p>
                ) : null}
                <SelectInput kit={kit} name="consentId" label="根拠とする同意" choices={consents} required />
              </div>
            ) : (
              <div className="subfields">
                <SelectInput kit={kit} name="ground" label="同意によらない根拠" choices={GROUND_CHOICES} required />
              </div>
            )}
            <TextAreaInput
              kit={kit}
              name="reason"
              label="理由"
              hint={
                v.basis === 'ground'
                  ? '該当する法令の条項や、本人の同意を得ることが困難な事情などを書きます。'
                  : '目的外の利用・提供が必要な理由を書きます。'
              }
              required
              rows={3}
            />
            <CheckInput
              kit={kit}
              name="noImproperUse"
              label="違法又は不当な行為を助長し、又は誘発するおそれのある利用・提供ではないことを確認した"
            />
          </>
        );
      }}
    </DraftForm>
  );
}
