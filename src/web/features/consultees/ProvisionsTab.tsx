// 提供・受領: giving a consultee's chosen items to a related agency (PRV-1..5), with
// the gate's answer shown before anything is sent and the reason when it refuses;
// the provision records with the document of what was sent (PRV-3, PRV-7); data
// received from third parties with the provider confirmed (ACQ-7); and the
// person's stops of use or provision.

import { useState, type ReactNode } from 'react';
import {
  PROVISION_GROUND_LABELS,
  PROVISION_GROUNDS,
  PROVISION_MODE_LABELS,
  REFUSALS_A_GROUND_CAN_MEET,
} from '../../../server/core/provision';
import { labelIn } from '../../../shared/catalog';
import { PROVISION_ITEMS, RECEIVABLE_ITEM_KEYS, provisionItem } from '../../../shared/provision-items';
import { api, ApiError } from '../../api';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { CheckInput, ChecksInput, DateInput, SelectInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Notice } from '../../components/Notice';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit, type FormKit } from '../../components/useFormKit';
import { PURPOSE_LABELS, type PurposeCode } from '../../labels';
import { useSignedIn } from '../auth/useSession';
import type { ConsulteeTabProps } from './ConsulteePage';

interface Agency {
  agencyId: string;
  name: string;
  kind: string;
  address: string | null;
  representative: string | null;
  retiredOn: string | null;
}

interface ProvisionRecord {
  provisionId: string;
  mode: 'third_party' | 'outsourcing' | 'joint_use';
  status: 'awaiting_approval' | 'approved' | 'rejected' | 'provided';
  purposeCode: string;
  recipientName: string;
  items: string[];
  basis: string | null;
  ground: string | null;
  groundReason: string | null;
  requestedAt: string;
  approvedAt: string | null;
  decisionNote: string | null;
  providedOn: string | null;
  retainUntil: string;
  requestedByName: string | null;
  approvedByName: string | null;
}

interface Decision {
  allowed: boolean;
  basis?: string;
  code?: string;
  field?: string;
  message?: string;
  needsApproval?: boolean;
}

const STATUS: Record<ProvisionRecord['status'], { label: string; tone: string }> = {
  provided: { label: '提供済み', tone: 'ok' },
  awaiting_approval: { label: '承認待ち', tone: 'warn' },
  approved: { label: '承認済み（未提供）', tone: 'info' },
  rejected: { label: '不承認', tone: 'danger' },
};

const BASIS_LABELS: Record<string, string> = {
  consent: '本人の同意',
  ground: '同意によらない提供（根拠あり）',
  outsourcing: '委託（第三者提供に当たらない）',
  joint_use: '共同利用（第三者提供に当たらない）',
};

const PROVISION_PURPOSES: PurposeCode[] = ['support_coordination', 'municipal_application', 'consultation_support'];
const itemLabels = (keys: readonly string[]) => keys.map((k) => provisionItem(k)?.label ?? k).join('、');
const groundChoices = PROVISION_GROUNDS.map((code) => ({ code, label: PROVISION_GROUND_LABELS[code] }));

export function ProvisionsTab({ consulteeId, today }: ConsulteeTabProps) {
  const { can } = useSignedIn();
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}`;
  const records = useApiGet<{ items: ProvisionRecord[] }>(`${base}/provisions`, undefined, {
    keepWhileReloading: true,
  });
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const writable = can('consultee.write');
  const done = (text: string) => {
    setAdding(false);
    setMessage(text);
    records.reload();
  };

  return (
    <>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <section className="subcard" aria-labelledby="provisions-title">
        <div className="card-head">
          <h3 id="provisions-title">関係機関への提供</h3>
          {writable && !adding ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
              提供する
            </button>
          ) : null}
        </div>
        <p className="muted small">
          提供できるのは、本人の同意がその提供先（又はその種別）と項目を含む場合か、法令等の根拠があり個人情報保護管理者が承認した場合です。個人番号は提供できません。提供の記録は作成から3年間保存します。
        </p>
        {adding ? <ProvisionForm consulteeId={consulteeId} onDone={done} onCancel={() => setAdding(false)} /> : null}
        {records.problem ? <Notice kind="error">{records.problem.message}</Notice> : null}
        {records.data?.items.length === 0 ? <p>提供の記録はありません。</p> : null}
        <ul className="record-list">
          {records.data?.items.map((r) => (
            <ProvisionItem key={r.provisionId} record={r} base={base} writable={writable} onDone={done} />
          ))}
        </ul>
      </section>
      <Receipts consulteeId={consulteeId} today={today} writable={writable} />
      <Stops consulteeId={consulteeId} today={today} writable={writable} />
    </>
  );
}

function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="detail-list detail-list--record">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProvisionItem({
  record: r,
  base,
  writable,
  onDone,
}: {
  record: ProvisionRecord;
  base: string;
  writable: boolean;
  onDone: (message: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const status = STATUS[r.status];
  const document = `${base}/provisions/${r.provisionId}/document`;
  const provide = async () => {
    setProblem(null);
    try {
      await api.post(`${base}/provisions/${r.provisionId}/provide`);
      onDone('承認された提供を行い、記録しました。');
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : '提供できませんでした');
    }
  };
  return (
    <li className="record">
      <h4 className="record-title">
        <span className={`badge badge--${status.tone}`}>{status.label}</span> {r.recipientName}
      </h4>
      <Facts
        rows={[
          ['提供した項目', itemLabels(r.items)],
          ['利用目的', PURPOSE_LABELS[r.purposeCode as PurposeCode] ?? r.purposeCode],
          ['区分', PROVISION_MODE_LABELS[r.mode]],
          [
            '根拠',
            r.basis
              ? BASIS_LABELS[r.basis]
              : r.ground
                ? `${labelIn(groundChoices, r.ground)}（${r.groundReason ?? ''}）`
                : '―',
          ],
          ['提供日', r.providedOn ? <DateText value={r.providedOn} /> : '未提供'],
          [
            '求めた職員',
            <>
              {r.requestedByName ?? '―'}（<DateTimeText value={r.requestedAt} />）
            </>,
          ],
          ...(r.approvedByName
            ? ([['承認・不承認', `${r.approvedByName}${r.decisionNote ? `：${r.decisionNote}` : ''}`]] as const)
            : []),
          ['記録の保存期限', <DateText value={r.retainUntil} />],
        ]}
      />
      {r.status === 'provided' ? (
        <div className="button-row button-row--tight">
          <a
            className="button button--secondary button--small"
            href={document}
            target="_blank"
            rel="noopener noreferrer"
          >
            提供した内容（PDF）<span className="visually-hidden">（新しいタブで開きます）</span>
          </a>
          <a className="button button--secondary button--small" href={`${document}?format=csv`} download>
            提供した内容（CSV）
          </a>
        </div>
      ) : null}
      {r.status === 'approved' && writable ? (
        <div className="button-row button-row--tight">
          <button type="button" className="button button--primary button--small" onClick={() => void provide()}>
            承認された提供を行う
          </button>
        </div>
      ) : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
    </li>
  );
}

interface ProvisionState {
  recipientAgencyId: string;
  purpose: string;
  mode: string;
  items: string[];
  ground: string;
  groundReason: string;
  jointUseDeclarationId: string;
}

function ProvisionForm({
  consulteeId,
  onDone,
  onCancel,
}: {
  consulteeId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}`;
  const agencies = useApiGet<{ items: Agency[] }>('/api/agencies');
  const jointUses = useApiGet<{ items: { declarationId: string; title: string; state: string }[] }>('/api/joint-use');
  const kit = useFormKit<ProvisionState>(
    'provision',
    {
      recipientAgencyId: '',
      purpose: 'support_coordination',
      mode: 'third_party',
      items: [],
      ground: '',
      groundReason: '',
      jointUseDeclarationId: '',
    },
    null,
  );
  const [decision, setDecision] = useState<Decision | null>(null);
  const v = kit.values;
  const body = () => ({
    recipientAgencyId: v.recipientAgencyId || null,
    purpose: v.purpose,
    mode: v.mode,
    items: v.items,
    ground: v.ground || null,
    groundReason: v.groundReason.trim() || null,
    jointUseDeclarationId: v.mode === 'joint_use' ? v.jointUseDeclarationId || null : null,
  });
  const check = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (!v.recipientAgencyId) out.recipientAgencyId = '「提供先」を選んでください';
    if (v.items.length === 0) out.items = '「提供する項目」を1つ以上選んでください';
    return out;
  };
  // Any change makes the answer stale: it is asked again before sending.
  const set: FormKit<ProvisionState>['set'] = (key, value) => {
    setDecision(null);
    kit.set(key, value);
  };
  const form = { ...kit, set };
  const askGround =
    decision !== null &&
    !decision.allowed &&
    REFUSALS_A_GROUND_CAN_MEET.includes(decision.code as (typeof REFUSALS_A_GROUND_CAN_MEET)[number]);
  const active = (agencies.data?.items ?? []).filter((a) => !a.retiredOn);

  const onCheck = kit.submit(async () => setDecision(await api.post<Decision>(`${base}/provisions/check`, body())), {
    check,
  });
  const onProvide = kit.submit(
    async () => {
      const res = await api.post<{ status: string; message: string | null }>(`${base}/provisions`, body());
      onDone(
        res.status === 'provided'
          ? '提供し、提供の記録を作成しました。「提供した内容（PDF）」から書類を印刷できます。'
          : (res.message ?? '承認を求めました。'),
      );
    },
    { check },
  );

  return (
    <div className="subcard">
      <h4 id="provision-form-title">提供する内容を選ぶ</h4>
      <KitForm
        kit={kit}
        labelledBy="provision-form-title"
        onSubmit={decision?.allowed || askGround ? onProvide : onCheck}
      >
        <SelectInput
          kit={form}
          name="recipientAgencyId"
          label="提供先（関係機関）"
          required
          choices={active.map((a) => ({ code: a.agencyId, label: a.name }))}
        />
        <SelectInput
          kit={form}
          name="purpose"
          label="利用目的"
          required
          choices={PROVISION_PURPOSES.map((code) => ({ code, label: PURPOSE_LABELS[code] }))}
        />
        <SelectInput
          kit={form}
          name="mode"
          label="提供の区分"
          required
          choices={(['third_party', 'outsourcing', 'joint_use'] as const).map((code) => ({
            code,
            label: PROVISION_MODE_LABELS[code],
          }))}
        />
        {v.mode === 'joint_use' ? (
          <SelectInput
            kit={form}
            name="jointUseDeclarationId"
            label="共同利用の公表"
            hint="公表した共同利用の範囲（項目・共同して利用する者・利用目的）に限り、同意なしに提供できます。"
            required
            choices={(jointUses.data?.items ?? [])
              .filter((j) => j.state === 'in_effect')
              .map((j) => ({ code: j.declarationId, label: j.title }))}
          />
        ) : null}
        <ChecksInput
          kit={form}
          name="items"
          legend="提供する項目"
          hint="支援に必要な項目だけを選んでください。健康状態・障害等は要配慮個人情報です。"
          required
          choices={PROVISION_ITEMS.filter((i) => i.class !== 'my_number').map((i) => ({ code: i.key, label: i.label }))}
        />
        {askGround ? (
          <>
            <SelectInput kit={form} name="ground" label="同意によらない提供の根拠" required choices={groundChoices} />
            <TextAreaInput
              kit={form}
              name="groundReason"
              label="根拠の理由"
              hint="なぜ同意を得られないか、なぜ提供が必要かを具体的に書いてください。個人情報保護管理者が承認します。"
              required
              rows={3}
            />
          </>
        ) : null}
        {decision ? (
          decision.allowed ? (
            <Notice kind="success" title="提供できます">
              {BASIS_LABELS[decision.basis ?? ''] ?? ''}
              に基づき提供できます。「提供する」を押すと、選んだ項目だけを記録し提供します。
            </Notice>
          ) : (
            <Notice
              kind={decision.needsApproval ? 'warning' : 'error'}
              title={decision.needsApproval ? '承認が必要です' : '提供できません'}
            >
              {decision.message}
            </Notice>
          )
        ) : null}
        <SubmitRow
          busy={kit.busy}
          label={decision?.allowed ? '提供する' : askGround ? '根拠を記録して承認を求める' : '提供できるか確認する'}
        >
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}

// ---------------------------------------------------------------------------

interface ReceiptRow {
  receiptId: string;
  receivedOn: string;
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  howObtained: string;
  items: string[];
  itemsNote: string | null;
  consentNote: string | null;
  recordedByName: string;
  retainUntil: string;
}

interface ReceiptState {
  receivedOn: string | null;
  providerAgencyId: string;
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  howObtained: string;
  items: string[];
  itemsNote: string;
  consentNote: string;
  confirmed: boolean;
}

function Receipts({ consulteeId, today, writable }: { consulteeId: string; today: string; writable: boolean }) {
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}`;
  const list = useApiGet<{ items: ReceiptRow[] }>(`${base}/receipts`, undefined, { keepWhileReloading: true });
  const [adding, setAdding] = useState(false);
  return (
    <section className="subcard" aria-labelledby="receipts-title">
      <div className="card-head">
        <h3 id="receipts-title">第三者からの受領</h3>
        {writable && !adding ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
            受領を記録する
          </button>
        ) : null}
      </div>
      <p className="muted small">
        他の機関等から個人情報を受け取ったときは、提供元の氏名又は名称・住所・代表者と、提供元がどのように取得したかを確認して記録します（記録は3年間保存）。
      </p>
      {adding ? (
        <ReceiptForm
          base={base}
          today={today}
          onDone={(saved) => {
            setAdding(false);
            if (saved) list.reload();
          }}
        />
      ) : null}
      {list.data?.items.length === 0 ? <p>受領の記録はありません。</p> : null}
      <ul className="record-list">
        {list.data?.items.map((r) => (
          <li key={r.receiptId} className="record">
            <h4 className="record-title">
              <DateText value={r.receivedOn} /> {r.providerName}から受領
            </h4>
            <Facts
              rows={[
                ['提供元の住所', r.providerAddress],
                ['提供元の代表者', r.providerRepresentative],
                ['提供元による取得の経緯', r.howObtained],
                ['受領した項目', `${itemLabels(r.items)}${r.itemsNote ? `（${r.itemsNote}）` : ''}`],
                ['本人の同意に関する事項', r.consentNote ?? '―'],
                ['記録した職員', r.recordedByName],
                ['記録の保存期限', <DateText value={r.retainUntil} />],
              ]}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReceiptForm({ base, today, onDone }: { base: string; today: string; onDone: (saved: boolean) => void }) {
  const agencies = useApiGet<{ items: Agency[] }>('/api/agencies');
  const kit = useFormKit<ReceiptState>(
    'receipt',
    {
      receivedOn: today,
      providerAgencyId: '',
      providerName: '',
      providerAddress: '',
      providerRepresentative: '',
      howObtained: '',
      items: [],
      itemsNote: '',
      consentNote: '',
      confirmed: false,
    },
    null,
  );
  // Choosing an agency of the list fills in what the list knows; the worker still confirms it.
  const set: FormKit<ReceiptState>['set'] = (key, value) => {
    kit.set(key, value);
    if (key === 'providerAgencyId') {
      const a = agencies.data?.items.find((x) => x.agencyId === value);
      if (a) {
        kit.set('providerName', a.name);
        kit.set('providerAddress', a.address ?? '');
        kit.set('providerRepresentative', a.representative ?? '');
      }
    }
  };
  const form = { ...kit, set };
  const v = kit.values;
  const onSubmit = kit.submit(
    () =>
      api.post(`${base}/receipts`, {
        receivedOn: v.receivedOn,
        providerAgencyId: v.providerAgencyId || null,
        providerName: v.providerName,
        providerAddress: v.providerAddress,
        providerRepresentative: v.providerRepresentative,
        howObtained: v.howObtained,
        items: v.items,
        itemsNote: v.itemsNote.trim() || null,
        consentId: null,
        consentNote: v.consentNote.trim() || null,
        confirmed: v.confirmed,
      }),
    {
      check: () => {
        const out: Record<string, string> = {};
        if (!v.receivedOn) out.receivedOn = '「受領日」を入力してください';
        if (!v.providerName.trim()) out.providerName = '「提供元の氏名又は名称」を入力してください';
        if (!v.providerAddress.trim()) out.providerAddress = '「提供元の住所」を入力してください';
        if (!v.providerRepresentative.trim()) out.providerRepresentative = '「提供元の代表者」を入力してください';
        if (!v.howObtained.trim()) out.howObtained = '「提供元による取得の経緯」を入力してください';
        if (v.items.length === 0) out.items = '「受領した項目」を1つ以上選んでください';
        if (!v.confirmed) out.confirmed = '提供元の確認事項を確認したら、チェックを入れてください';
        return out;
      },
      after: () => onDone(true),
    },
  );
  return (
    <div className="subcard">
      <h4 id="receipt-form-title">受領を記録する</h4>
      <KitForm kit={kit} labelledBy="receipt-form-title" onSubmit={onSubmit}>
        <DateInput kit={form} name="receivedOn" label="受領日" required />
        <SelectInput
          kit={form}
          name="providerAgencyId"
          label="提供元（関係機関の一覧から選ぶ場合）"
          emptyLabel="一覧にない提供元"
          choices={(agencies.data?.items ?? []).map((a) => ({ code: a.agencyId, label: a.name }))}
        />
        <TextInput kit={form} name="providerName" label="提供元の氏名又は名称" required />
        <TextInput kit={form} name="providerAddress" label="提供元の住所" required />
        <TextInput
          kit={form}
          name="providerRepresentative"
          label="提供元の代表者"
          hint="法人等の場合は代表者の氏名"
          required
        />
        <TextAreaInput kit={form} name="howObtained" label="提供元による取得の経緯" required rows={2} />
        <ChecksInput
          kit={form}
          name="items"
          legend="受領した項目"
          required
          choices={RECEIVABLE_ITEM_KEYS.map((k) => ({ code: k, label: provisionItem(k)?.label ?? k }))}
        />
        <TextInput kit={form} name="itemsNote" label="受領した項目の補足" />
        <TextAreaInput kit={form} name="consentNote" label="本人の同意に関する事項" rows={2} />
        <CheckInput kit={form} name="confirmed" label="提供元の氏名又は名称・住所・代表者と取得の経緯を確認しました" />
        <SubmitRow busy={kit.busy} label="受領を記録する">
          <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}

// ---------------------------------------------------------------------------

interface StopRow {
  stopId: string;
  kind: 'use' | 'provision';
  fromDate: string;
  reason: string;
  liftedOn: string | null;
  liftReason: string | null;
  recordedByName: string;
  liftedByName: string | null;
  inForce: boolean;
}

const STOP_KINDS = [
  { code: 'provision', label: '第三者提供の停止' },
  { code: 'use', label: '利用停止' },
] as const;

function Stops({ consulteeId, today, writable }: { consulteeId: string; today: string; writable: boolean }) {
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}`;
  const list = useApiGet<{ items: StopRow[] }>(`${base}/stops`, undefined, { keepWhileReloading: true });
  const [action, setAction] = useState<{ kind: 'new' } | { kind: 'lift'; stopId: string } | null>(null);
  const close = (saved: boolean) => {
    setAction(null);
    if (saved) list.reload();
  };
  return (
    <section className="subcard" aria-labelledby="stops-title">
      <div className="card-head">
        <h3 id="stops-title">利用停止・第三者提供の停止</h3>
        {writable && action === null ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setAction({ kind: 'new' })}
          >
            停止を記録する
          </button>
        ) : null}
      </div>
      <p className="muted small">停止している間は、この方の個人情報を提供できません。</p>
      {action?.kind === 'new' ? (
        <StopForm
          formId="stop"
          title="停止を記録する"
          initial={{ kind: 'provision', date: today, reason: '' }}
          send={(v) => api.post(`${base}/stops`, { kind: v.kind, fromDate: v.date, reason: v.reason })}
          onDone={close}
        />
      ) : null}
      {list.data?.items.length === 0 ? <p>停止の記録はありません。</p> : null}
      <ul className="record-list">
        {list.data?.items.map((s) => (
          <li key={s.stopId} className="record">
            <h4 className="record-title">
              <span className={`badge badge--${s.inForce ? 'danger' : 'neutral'}`}>
                {s.inForce ? '停止中' : s.liftedOn ? '解除済み' : '開始前'}
              </span>{' '}
              {labelIn(STOP_KINDS, s.kind)}
            </h4>
            <Facts
              rows={[
                ['停止の開始日', <DateText value={s.fromDate} />],
                ['停止の理由', s.reason],
                ['記録した職員', s.recordedByName],
                ...(s.liftedOn
                  ? ([
                      ['解除の日', <DateText value={s.liftedOn} />],
                      ['解除の理由', `${s.liftReason ?? ''}（${s.liftedByName ?? ''}）`],
                    ] as const)
                  : []),
              ]}
            />
            {writable && !s.liftedOn && action === null ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setAction({ kind: 'lift', stopId: s.stopId })}
              >
                停止を解除する
              </button>
            ) : null}
            {action?.kind === 'lift' && action.stopId === s.stopId ? (
              <StopForm
                formId="lift"
                title="停止を解除する"
                initial={{ kind: s.kind, date: today, reason: '' }}
                send={(v) => api.post(`${base}/stops/${s.stopId}/lift`, { liftedOn: v.date, liftReason: v.reason })}
                onDone={close}
                lifting
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface StopState {
  kind: string;
  date: string | null;
  reason: string;
}

function StopForm({
  formId,
  title,
  initial,
  send,
  onDone,
  lifting = false,
}: {
  formId: string;
  title: string;
  initial: StopState;
  send: (v: StopState) => Promise<unknown>;
  onDone: (saved: boolean) => void;
  lifting?: boolean;
}) {
  const kit = useFormKit<StopState>(formId, initial, null);
  const v = kit.values;
  const dateLabel = lifting ? '解除の日' : '停止の開始日';
  const reasonLabel = lifting ? '解除の理由' : '停止の理由';
  const onSubmit = kit.submit(() => send(v), {
    check: () => {
      const out: Record<string, string> = {};
      if (!v.date) out.date = `「${dateLabel}」を入力してください`;
      if (!v.reason.trim()) out.reason = `「${reasonLabel}」を入力してください`;
      return out;
    },
    mapField: (path) => ({ fromDate: 'date', liftedOn: 'date', liftReason: 'reason' })[path] ?? path,
    after: () => onDone(true),
  });
  return (
    <div className="subcard">
      <h4 id={`${formId}-title`}>{title}</h4>
      <KitForm kit={kit} labelledBy={`${formId}-title`} onSubmit={onSubmit}>
        {lifting ? null : <SelectInput kit={kit} name="kind" label="停止の種類" required choices={STOP_KINDS} />}
        <DateInput kit={kit} name="date" label={dateLabel} required />
        <TextAreaInput kit={kit} name="reason" label={reasonLabel} required rows={2} />
        <SubmitRow busy={kit.busy} label={title}>
          <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}
