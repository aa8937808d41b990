import { useState } from 'react';
import { RESTRICTED_CATEGORIES } from '../../../shared/catalog';
import { formatWareki } from '../../../shared/wareki';
import { api } from '../../api';
import { DraftForm } from '../../components/DraftForm';
import { consulteeDraftKey } from '../../components/drafts';
import { ChecksInput, DateInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { PrintLink } from '../../components/PrintLink';
import type { ConsentRow } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { RecordFields } from '../casework/RecordFields';
import { labelsOf } from '../casework/recordLabels';
import {
  ConsentFields,
  consentBody,
  consentProblems,
  consentState,
  type ConsentState,
  type ScannedDocument,
} from './ConsentFields';
import type { ConsulteeTabProps } from './ConsulteePage';

const A = labelsOf('commissioning_approvals');

type ConsentStatus = { label: string; tone: 'ok' | 'neutral' | 'warn' | 'danger' };

/** Where a consent stands today. A consent is never edited: it is replaced or withdrawn (CON-5). */
export function consentStatus(c: ConsentRow, today: string): ConsentStatus {
  if (c.withdrawnOn && c.withdrawnOn <= today) return { label: '撤回', tone: 'danger' };
  if (c.supersededBy) return { label: '置換え済み', tone: 'neutral' };
  if (c.validFrom > today) return { label: '開始前', tone: 'warn' };
  if (c.validUntil && c.validUntil < today) return { label: '期限切れ', tone: 'neutral' };
  if (c.withdrawnOn) return { label: '有効（撤回予定）', tone: 'warn' };
  return { label: '有効', tone: 'ok' };
}

const CONSENT_FIELDS = [
  'givenOn',
  'givenBy',
  'representativeName',
  'representativeRelation',
  'representativeAuthority',
  'method',
  'explanation',
  'purposes',
  'agencyKinds',
  'agencyNames',
  'coversSpecialCare',
  'validFrom',
  'validUntil',
  'withdrawnOn',
  'withdrawalReason',
] as const;

export function ConsentsTab({ detail, consulteeId, today, onSaved }: ConsulteeTabProps) {
  const { session, can } = useSignedIn();
  const [action, setAction] = useState<{ kind: 'new' } | { kind: 'replace' | 'withdraw'; consent: ConsentRow } | null>(
    null,
  );
  const writable = can('consultee.write');
  const chief = session.staff.roles.includes('chief_support_worker');
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}`;
  const done = (message: string) => {
    setAction(null);
    onSaved(message);
  };

  return (
    <>
      <div className="button-row">
        <PrintLink href={`${base}/print/consent-form`} label="同意書（署名用）を印刷する" />
        {writable && action?.kind !== 'new' ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setAction({ kind: 'new' })}
          >
            新しい同意を記録する
          </button>
        ) : null}
      </div>
      {action?.kind === 'new' ? (
        <section className="subcard" aria-labelledby="consent-new-title">
          <h3 id="consent-new-title">新しい同意を記録する</h3>
          <ConsentForm
            consulteeId={consulteeId}
            today={today}
            onDone={(saved) => (saved ? done('同意を記録しました。') : setAction(null))}
          />
        </section>
      ) : null}
      {detail.consents.length === 0 ? <p>記録された同意はありません。</p> : null}
      <ul className="record-list">
        {detail.consents.map((c) => {
          const status = consentStatus(c, today);
          const open = !c.supersededBy && !c.withdrawnOn;
          const titleId = `consent-${c.consentId}`;
          return (
            <li key={c.consentId} className="record">
              <h3 id={titleId} className="record-title">
                <span className={`badge badge--${status.tone}`}>{status.label}</span> {formatWareki(c.givenOn)}の同意
              </h3>
              <RecordFields table="consents" row={c} fields={CONSENT_FIELDS} skipEmpty />
              {c.documentId ? (
                <p>
                  <a href={`${base}/documents/${c.documentId}`} target="_blank" rel="noopener noreferrer">
                    署名された同意書の写しを開く<span className="visually-hidden">（新しいタブで開きます）</span>
                  </a>
                </p>
              ) : null}
              {writable && open && action?.kind !== 'replace' && action?.kind !== 'withdraw' ? (
                <div className="button-row button-row--tight">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setAction({ kind: 'replace', consent: c })}
                  >
                    内容を変えて置き換える
                  </button>
                  <button
                    type="button"
                    className="button button--danger-outline button--small"
                    onClick={() => setAction({ kind: 'withdraw', consent: c })}
                  >
                    撤回を記録する
                  </button>
                </div>
              ) : null}
              {action && action.kind === 'replace' && action.consent.consentId === c.consentId ? (
                <div className="subcard" role="group" aria-labelledby={`${titleId}-replace`}>
                  <h4 id={`${titleId}-replace`}>この同意を置き換える</h4>
                  <p className="muted small">
                    同意の内容は変更できません。新しい同意を記録し、この同意は「置換え済み」になります。
                  </p>
                  <ConsentForm
                    consulteeId={consulteeId}
                    today={today}
                    replacing={c}
                    onDone={(saved) => (saved ? done('新しい同意に置き換えました。') : setAction(null))}
                  />
                </div>
              ) : null}
              {action && action.kind === 'withdraw' && action.consent.consentId === c.consentId ? (
                <WithdrawForm
                  consulteeId={consulteeId}
                  consent={c}
                  today={today}
                  onDone={(saved) => (saved ? done('同意の撤回を記録しました。') : setAction(null))}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <Approvals detail={detail} consulteeId={consulteeId} today={today} onSaved={onSaved} chief={chief} />
    </>
  );
}

interface ConsentFormProps {
  consulteeId: string;
  today: string;
  replacing?: ConsentRow;
  onDone: (saved: boolean) => void;
}

function ConsentForm({ consulteeId, today, replacing, onDone }: ConsentFormProps) {
  const [document, setDocument] = useState<ScannedDocument | null>(null);
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}`;
  return (
    <DraftForm<ConsentState>
      formId={replacing ? 'consent-replace' : 'consent-new'}
      draftKey={consulteeDraftKey(consulteeId, replacing ? 'consent_replace' : 'consent')}
      recordId={replacing?.consentId}
      initial={consentState(today, replacing)}
      submitLabel={replacing ? '新しい同意に置き換える' : '同意を記録する'}
      check={(v) => consentProblems(v, document !== null)}
      mapField={(path) =>
        path === 'documentId' || path === 'contentBase64' || path === 'fileName' ? 'document' : path
      }
      send={async (v) => {
        let documentId: string | null = null;
        if (v.method === 'written' && document) {
          ({ id: documentId } = await api.post<{ id: string }>(`${base}/documents`, {
            fileName: document.fileName,
            mediaType: document.mediaType,
            contentBase64: document.contentBase64,
          }));
        }
        await api.post(`${base}/consents`, {
          ...consentBody(v),
          documentId,
          supersedes: replacing?.consentId ?? null,
        });
      }}
      onSaved={() => onDone(true)}
      onCancel={() => onDone(false)}
    >
      {(kit) => <ConsentFields kit={kit} document={document} onDocument={setDocument} />}
    </DraftForm>
  );
}

interface WithdrawState {
  withdrawnOn: string | null;
  reason: string;
}

function WithdrawForm({
  consulteeId,
  consent,
  today,
  onDone,
}: {
  consulteeId: string;
  consent: ConsentRow;
  today: string;
  onDone: (saved: boolean) => void;
}) {
  const titleId = `withdraw-${consent.consentId}`;
  return (
    <div className="subcard" role="group" aria-labelledby={titleId}>
      <h4 id={titleId}>同意の撤回を記録する</h4>
      <p className="muted small">
        撤回の日以降、この同意に基づく新たな取得・提供はできなくなります（これまでの記録は残ります）。
      </p>
      <DraftForm<WithdrawState>
        formId="withdraw"
        draftKey={consulteeDraftKey(consulteeId, 'consent_withdraw')}
        recordId={consent.consentId}
        initial={{ withdrawnOn: today, reason: '' }}
        submitLabel="撤回を記録する"
        check={(v): Record<string, string> => (v.withdrawnOn ? {} : { withdrawnOn: '「撤回日」を入力してください' })}
        send={(v) =>
          api.post(`/api/consultees/${encodeURIComponent(consulteeId)}/consents/${consent.consentId}/withdraw`, {
            withdrawnOn: v.withdrawnOn,
            reason: v.reason.trim() || null,
          })
        }
        onSaved={() => onDone(true)}
        onCancel={() => onDone(false)}
      >
        {(kit) => (
          <>
            <DateInput kit={kit} name="withdrawnOn" label="撤回日" required />
            <TextAreaInput kit={kit} name="reason" label="撤回の理由" rows={2} />
          </>
        )}
      </DraftForm>
    </div>
  );
}

interface ApprovalState {
  categories: string[];
  approverName: string;
  approverTitle: string;
  approvedOn: string | null;
  documentNumber: string;
  reason: string;
}

function Approvals({
  detail,
  consulteeId,
  today,
  onSaved,
  chief,
}: Omit<ConsulteeTabProps, 'detail'> & { detail: ConsulteeTabProps['detail']; chief: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="subcard" aria-labelledby="approvals-title">
      <div className="card-head">
        <h3 id="approvals-title">委託元（自治体）の承認</h3>
        {chief && !adding ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
            承認を記録する
          </button>
        ) : null}
      </div>
      <p className="muted small">
        委託先が、思想・信条・宗教、社会的差別の原因となる事実、犯罪に関することを取得するには、委託元の承認が必要です。承認は主任相談支援員が記録します。
      </p>
      {detail.approvals.length === 0 ? <p>記録された承認はありません。</p> : null}
      <ul className="record-list">
        {detail.approvals.map((a) => (
          <li key={a.approvalId} className="record">
            <RecordFields
              table="commissioning_approvals"
              row={a}
              fields={['approvedOn', 'categories', 'approverName', 'approverTitle', 'documentNumber', 'reason']}
              skipEmpty
            />
          </li>
        ))}
      </ul>
      {adding ? (
        <DraftForm<ApprovalState>
          formId="approval"
          draftKey={consulteeDraftKey(consulteeId, 'approval')}
          initial={{
            categories: [],
            approverName: '',
            approverTitle: '',
            approvedOn: today,
            documentNumber: '',
            reason: '',
          }}
          submitLabel="承認を記録する"
          labelledBy="approvals-title"
          check={(v) => {
            const out: Record<string, string> = {};
            if (v.categories.length === 0) out.categories = `「${A.categories}」を1つ以上選んでください`;
            if (!v.approverName.trim()) out.approverName = `「${A.approverName}」を入力してください`;
            if (!v.approvedOn) out.approvedOn = `「${A.approvedOn}」を入力してください`;
            if (!v.reason.trim()) out.reason = `「${A.reason}」を入力してください`;
            return out;
          }}
          send={(v) =>
            api.post(`/api/consultees/${encodeURIComponent(consulteeId)}/approvals`, {
              categories: v.categories,
              approverName: v.approverName.trim(),
              approverTitle: v.approverTitle.trim() || null,
              approvedOn: v.approvedOn,
              documentNumber: v.documentNumber.trim() || null,
              reason: v.reason.trim(),
            })
          }
          onSaved={() => {
            setAdding(false);
            onSaved('委託元の承認を記録しました。');
          }}
          onCancel={() => setAdding(false)}
        >
          {(kit) => (
            <>
              <ChecksInput kit={kit} name="categories" legend={A.categories} choices={RESTRICTED_CATEGORIES} required />
              <TextInput kit={kit} name="approverName" label={A.approverName} hint="例: 〇〇市 生活支援課長" required />
              <TextInput kit={kit} name="approverTitle" label={A.approverTitle} className="input input--medium" />
              <DateInput kit={kit} name="approvedOn" label={A.approvedOn} required />
              <TextInput kit={kit} name="documentNumber" label={A.documentNumber} className="input input--medium" />
              <TextAreaInput kit={kit} name="reason" label={A.reason} required rows={3} />
            </>
          )}
        </DraftForm>
      ) : null}
    </section>
  );
}
