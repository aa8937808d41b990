import { useState } from 'react';
import { Link } from 'react-router';
import type { Static } from 'typebox';
import { JOINT_USE_CHANGE_KINDS, JOINT_USE_CHANGE_LABELS, noticeTiming } from '../../../server/core/joint-use';
import { NOTICE_STATUS_LABELS, type NoticeStatus } from '../../../server/core/joint-use-notices';
import type { AgencyItem } from '../../../server/modules/agencies/schema';
import type { ChangeCheckResponse, DueNotice, JointUseItem } from '../../../server/modules/joint-use/schema';
import { PROVISION_ITEMS } from '../../../shared/provision-items';
import { formatWareki, tokyoDate } from '../../../shared/wareki';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { ChecksInput, DateInput, SelectInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit, type FormKit } from '../../components/useFormKit';
import { useSignedIn } from '../auth/useSession';

type Declaration = Static<typeof JointUseItem>;
type Version = Declaration['history'][number];
type Due = Static<typeof DueNotice>;
type Checked = Static<typeof ChangeCheckResponse>;
type Agency = Static<typeof AgencyItem>;

const TENANT = 'tenant';

const TIMING_TEXT = {
  without_delay: '遅滞なく本人に通知し、又は公表する',
  beforehand: 'あらかじめ（変更が適用される日より前に）本人に通知し、又は公表する',
  not_allowed: '同じ共同利用のまま変更できない（新たな共同利用として公表し、本人の同意を得る）',
} as const;

const STATE_LABELS: Readonly<Record<Declaration['state'], [string, string]>> = {
  announced: ['開始前（公表済み）', 'info'],
  in_effect: ['実施中', 'ok'],
  ended: ['終了', 'neutral'],
};

const NOTICE_TONES: Readonly<Record<NoticeStatus, string>> = {
  not_required: 'neutral',
  given: 'ok',
  given_late: 'warn',
  due: 'warn',
  overdue: 'danger',
};

const ITEM_CHOICES = PROVISION_ITEMS.filter((i) => i.key !== 'my_number').map((i) => ({ code: i.key, label: i.label }));

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * 共同利用 (PRV-2): what the agency announced it shares, with whom, for which
 * purposes and under whose responsibility; its changes, each with the rule for
 * telling the persons (without delay, or beforehand), and the notices still due.
 */
export function JointUsePage() {
  const { can } = useSignedIn();
  const manage = can('privacy.manage');
  const list = useApiGet<{ items: Declaration[] }>('/api/joint-use', undefined, { keepWhileReloading: true });
  const notices = useApiGet<{ items: Due[] }>('/api/joint-use/notices', undefined, { keepWhileReloading: true });
  const agencies = useApiGet<{ items: Agency[] }>('/api/agencies');
  const { element: announcement, announce } = useAnnouncer();
  const [action, setAction] = useState<{ kind: 'declare' } | { kind: 'change' | 'end'; id: string } | null>(null);

  const saved = (message: string) => {
    setAction(null);
    list.reload();
    notices.reload();
    announce(message);
  };

  return (
    <Page
      title="共同利用"
      lead="特定の関係機関と個人データを共同して利用するときは、共同利用する項目、共同して利用する者の範囲、利用目的、管理について責任を有する者（名称・住所・代表者）を、あらかじめ本人に通知し、又は公表します。"
    >
      <p>
        <Link to="/privacy">個人情報保護へ戻る</Link>
      </p>
      {announcement}
      <DueNotices notices={notices.data?.items ?? null} manage={manage} onSaved={saved} />
      {manage && action?.kind !== 'declare' ? (
        <div className="button-row">
          <button type="button" className="button button--small" onClick={() => setAction({ kind: 'declare' })}>
            共同利用を公表する
          </button>
        </div>
      ) : null}
      {action?.kind === 'declare' ? (
        <DeclareForm
          agencies={agencies.data?.items ?? []}
          onCancel={() => setAction(null)}
          onSaved={() => saved('共同利用を記録しました。')}
        />
      ) : null}
      {list.loading ? <Loading /> : null}
      {list.problem ? <Notice kind="error">{list.problem.message}</Notice> : null}
      {list.data && list.data.items.length === 0 ? <p>記録された共同利用はありません。</p> : null}
      {list.data?.items.map((d) => {
        const titleId = `joint-use-${d.declarationId}`;
        const [stateLabel, tone] = STATE_LABELS[d.state];
        return (
          <section key={d.declarationId} className="card" aria-labelledby={titleId}>
            <div className="card-head">
              <h2 id={titleId}>{d.title}</h2>
              <span className={`badge badge--${tone}`}>{stateLabel}</span>
            </div>
            {d.endedOn ? (
              <p className="small">
                終了日: <DateText value={d.endedOn} variant="full" />
              </p>
            ) : null}
            {d.scheduled ? (
              <p className="hint hint--warning">
                <DateText value={d.scheduled.effectiveFrom} variant="full" />
                から変更します（{d.scheduled.changeKinds.map((k) => k.label).join('、')}）。
              </p>
            ) : null}
            <Content version={d.current} />
            <VersionTable declaration={d} />
            {manage && d.state !== 'ended' && action === null ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setAction({ kind: 'change', id: d.declarationId })}
                >
                  変更を記録する
                </button>
                <button
                  type="button"
                  className="button button--danger-outline button--small"
                  onClick={() => setAction({ kind: 'end', id: d.declarationId })}
                >
                  終了を記録する
                </button>
              </div>
            ) : null}
            {action?.kind === 'change' && action.id === d.declarationId ? (
              <ChangeForm
                declaration={d}
                agencies={agencies.data?.items ?? []}
                onCancel={() => setAction(null)}
                onSaved={(after) => {
                  const v = after.history.at(-1);
                  saved(
                    v?.noticeDueOn && !v.noticeOn
                      ? `変更を記録しました。本人への通知又は公表を${formatWareki(v.noticeDueOn)}までに行ってください。`
                      : '変更を記録しました。',
                  );
                }}
              />
            ) : null}
            {action?.kind === 'end' && action.id === d.declarationId ? (
              <EndForm
                declaration={d}
                onCancel={() => setAction(null)}
                onSaved={() => saved('共同利用の終了を記録しました。')}
              />
            ) : null}
          </section>
        );
      })}
    </Page>
  );
}

function Content({ version: v }: { version: Version }) {
  return (
    <dl className="detail-list">
      <div>
        <dt>共同利用する項目</dt>
        <dd>{v.itemLabels.join('、')}</dd>
      </div>
      <div>
        <dt>共同して利用する者の範囲</dt>
        <dd>
          {v.userAgencies.map((a) => a.name).join('、')}
          {v.usersNote ? <p className="small pre-line">{v.usersNote}</p> : null}
        </dd>
      </div>
      <div>
        <dt>利用する者の利用目的</dt>
        <dd>
          <ul className="value-list">
            {v.purposes.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>管理について責任を有する者</dt>
        <dd>
          {v.responsibleName}
          <span className="block small">住所: {v.responsibleAddress}</span>
          <span className="block small">代表者: {v.responsibleRepresentative}</span>
        </dd>
      </div>
      <div>
        <dt>適用日</dt>
        <dd>
          <DateText value={v.effectiveFrom} variant="full" />
        </dd>
      </div>
    </dl>
  );
}

function VersionTable({ declaration }: { declaration: Declaration }) {
  const captionId = `joint-use-${declaration.declarationId}-history`;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table table--compact">
        <caption id={captionId} className="table-caption">
          変更の履歴と通知・公表
        </caption>
        <thead>
          <tr>
            <th scope="col">版</th>
            <th scope="col">変更の内容</th>
            <th scope="col">変更の日</th>
            <th scope="col">適用日</th>
            <th scope="col">通知・公表の期限</th>
            <th scope="col">通知・公表日</th>
            <th scope="col">状況</th>
          </tr>
        </thead>
        <tbody>
          {declaration.history.map((v) => (
            <tr key={v.version} className={v.status === 'superseded' ? 'row-muted' : undefined}>
              <th scope="row" className="nowrap">
                第{v.version}版
              </th>
              <td>
                {v.changeKinds.length === 0 ? '当初の公表' : v.changeKinds.map((k) => k.label).join('、')}
                {v.changeNote ? <span className="block small pre-line">{v.changeNote}</span> : null}
              </td>
              <td className="nowrap">
                <DateText value={v.changedOn} />
              </td>
              <td className="nowrap">
                <DateText value={v.effectiveFrom} />
              </td>
              <td className="nowrap">
                <DateText value={v.noticeDueOn} empty="—" />
              </td>
              <td className="nowrap">
                <DateText value={v.noticeOn} empty="未" />
              </td>
              <td>
                <span className={`badge badge--${NOTICE_TONES[v.noticeStatus]}`}>
                  {NOTICE_STATUS_LABELS[v.noticeStatus]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DueNotices({
  notices,
  manage,
  onSaved,
}: {
  notices: Due[] | null;
  manage: boolean;
  onSaved: (message: string) => void;
}) {
  if (notices === null) return null;
  return (
    <section className="card" aria-labelledby="due-notices">
      <h2 id="due-notices">通知・公表が必要な変更</h2>
      {notices.length === 0 ? (
        <p>通知・公表が必要な変更はありません。</p>
      ) : (
        <ul className="record-list">
          {notices.map((n) => (
            <li key={`${n.declarationId}-${n.version}`} className="record">
              <h3 className="record-title">
                {n.title}（第{n.version}版）
                <span className={`badge badge--${n.overdue ? 'danger' : 'warn'}`}>
                  {n.overdue ? '期限を過ぎています' : '通知・公表が必要'}
                </span>
              </h3>
              <p>
                {n.changeKinds.map((k) => k.label).join('、')}の変更。期限:{' '}
                <strong>
                  <DateText value={n.noticeDueOn} variant="full" />
                </strong>
                （適用日 <DateText value={n.effectiveFrom} />）
              </p>
              {manage ? <NoticeForm notice={n} onSaved={onSaved} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NoticeForm({ notice, onSaved }: { notice: Due; onSaved: (message: string) => void }) {
  const [today] = useState(() => tokyoDate(new Date()));
  const formId = `notice-${notice.declarationId}-${notice.version}`;
  const kit = useFormKit<{ noticeOn: string | null }>(formId, { noticeOn: today }, null);
  return (
    <KitForm
      kit={kit}
      className="form"
      label={`${notice.title}（第${notice.version}版）の通知・公表日の記録`}
      onSubmit={kit.submit(
        () =>
          api.patch(`/api/joint-use/${notice.declarationId}/versions/${notice.version}`, {
            noticeOn: kit.values.noticeOn,
          }),
        {
          check: (): Record<string, string> =>
            kit.values.noticeOn ? {} : { noticeOn: '「通知・公表日」を入力してください' },
          after: () => onSaved('通知・公表日を記録しました。'),
        },
      )}
    >
      <DateInput kit={kit} name="noticeOn" label="通知・公表日" required />
      <SubmitRow busy={kit.busy} label="通知・公表日を記録する" busyLabel="記録しています…" />
    </KitForm>
  );
}

interface PartyState {
  responsibleParty: string;
  responsibleName: string;
  responsibleAddress: string;
  responsibleRepresentative: string;
  purposes: string;
}

/** The agency's own published purposes, added to the declared ones in their exact wording. */
function OwnPurposes({ kit }: { kit: FormKit<PartyState> }) {
  const purposes = useApiGet<{ items: { purposeCode: string; kind: string; wording: string | null }[] }>(
    '/api/purposes',
  );
  const own = (purposes.data?.items ?? []).filter((p) => p.kind === 'published' && p.wording);
  const declared = lines(kit.values.purposes);
  const missing = own.filter((p) => !declared.includes(p.wording as string));
  if (missing.length === 0) return null;
  return (
    <div className="button-row" role="group" aria-label="当機関の利用目的から加える">
      {missing.map((p) => (
        <button
          key={p.purposeCode}
          type="button"
          className="button button--secondary button--small"
          onClick={() => kit.set('purposes', [...declared, p.wording as string].join('\n'))}
        >
          「{p.wording}」を加える
        </button>
      ))}
    </div>
  );
}

function PartyFields<S extends PartyState>({ kit, agencies }: { kit: FormKit<S>; agencies: readonly Agency[] }) {
  const k = kit as unknown as FormKit<PartyState>;
  return (
    <>
      <TextAreaInput
        kit={k}
        name="purposes"
        label="利用する者の利用目的"
        hint="1行に1つずつ書きます。当機関の利用目的と同じ目的は、下から同じ文言で加えてください（共同利用による提供のとき、提供の利用目的と照合します）。"
        required
        rows={3}
      />
      <OwnPurposes kit={k} />
      <SelectInput
        kit={k}
        name="responsibleParty"
        label="管理について責任を有する者"
        choices={[
          { code: TENANT, label: '当機関（委託元の自治体を含む自らの組織）' },
          ...agencies.filter((a) => !a.retired).map((a) => ({ code: a.agencyId, label: a.name })),
        ]}
        required
      />
      <TextInput kit={k} name="responsibleName" label="責任を有する者の名称" required />
      <TextInput kit={k} name="responsibleAddress" label="責任を有する者の住所" required />
      <TextInput
        kit={k}
        name="responsibleRepresentative"
        label="責任を有する者の代表者"
        hint="法人のときは代表者の役職と氏名。"
        required
      />
    </>
  );
}

function partyProblems(v: PartyState): Record<string, string> {
  const out: Record<string, string> = {};
  if (lines(v.purposes).length === 0) out.purposes = '「利用する者の利用目的」を入力してください';
  if (!v.responsibleName.trim()) out.responsibleName = '「責任を有する者の名称」を入力してください';
  if (!v.responsibleAddress.trim()) out.responsibleAddress = '「責任を有する者の住所」を入力してください';
  if (!v.responsibleRepresentative.trim())
    out.responsibleRepresentative = '「責任を有する者の代表者」を入力してください';
  return out;
}

function partyBody(v: PartyState) {
  return {
    purposes: lines(v.purposes),
    responsibleAgencyId: v.responsibleParty === TENANT ? null : v.responsibleParty,
    responsibleName: v.responsibleName.trim(),
    responsibleAddress: v.responsibleAddress.trim(),
    responsibleRepresentative: v.responsibleRepresentative.trim(),
  };
}

/** The server names an item of a list (purposes.0); the form shows it at the list. */
const mapField = (path: string) => {
  const head = path.split('.')[0] ?? path;
  return head === 'responsibleAgencyId' ? 'responsibleParty' : head;
};

interface DeclareState extends PartyState {
  title: string;
  items: string[];
  userAgencyIds: string[];
  usersNote: string;
  declaredOn: string | null;
  effectiveFrom: string | null;
}

function DeclareForm({
  agencies,
  onCancel,
  onSaved,
}: {
  agencies: readonly Agency[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const [today] = useState(() => tokyoDate(new Date()));
  const formId = 'joint-use-declare';
  const kit = useFormKit<DeclareState>(
    formId,
    {
      title: '',
      items: [],
      userAgencyIds: [],
      usersNote: '',
      purposes: '',
      responsibleParty: TENANT,
      responsibleName: '',
      responsibleAddress: '',
      responsibleRepresentative: '',
      declaredOn: today,
      effectiveFrom: today,
    },
    null,
  );
  const v = kit.values;
  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>共同利用を公表する</h2>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={`${formId}-title`}
        onSubmit={kit.submit(
          () =>
            api.post('/api/joint-use', {
              title: v.title.trim(),
              items: v.items,
              userAgencyIds: v.userAgencyIds,
              usersNote: v.usersNote.trim() || null,
              ...partyBody(v),
              declaredOn: v.declaredOn,
              effectiveFrom: v.effectiveFrom,
            }),
          {
            check: () => {
              const out = partyProblems(v);
              if (!v.title.trim()) out.title = '「共同利用の名称」を入力してください';
              if (v.items.length === 0) out.items = '「共同利用する項目」を1つ以上選んでください';
              if (v.userAgencyIds.length === 0) out.userAgencyIds = '「共同して利用する者」を1つ以上選んでください';
              if (!v.declaredOn) out.declaredOn = '「公表日」を入力してください';
              if (!v.effectiveFrom) out.effectiveFrom = '「共同利用の開始日」を入力してください';
              return out;
            },
            mapField,
            after: onSaved,
          },
        )}
      >
        <TextInput kit={kit} name="title" label="共同利用の名称" hint="例: 支援会議の構成員による共同利用" required />
        <ChecksInput
          kit={kit}
          name="items"
          legend="共同利用する項目"
          hint="個人番号（マイナンバー）は共同利用できません。"
          choices={ITEM_CHOICES}
          required
        />
        <ChecksInput
          kit={kit}
          name="userAgencyIds"
          legend="共同して利用する者"
          hint="関係機関・関係者の一覧から選びます。"
          choices={agencies.filter((a) => !a.retired).map((a) => ({ code: a.agencyId, label: a.name }))}
          required
        />
        <TextAreaInput kit={kit} name="usersNote" label="共同して利用する者の範囲の補足" rows={2} />
        <PartyFields kit={kit} agencies={agencies} />
        <DateInput kit={kit} name="declaredOn" label="公表日" hint="本人に通知し、又は公表した日です。" required />
        <DateInput kit={kit} name="effectiveFrom" label="共同利用の開始日" hint="公表日以降の日です。" required />
        <SubmitRow busy={kit.busy} label="共同利用を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </section>
  );
}

interface ChangeState extends PartyState {
  changedOn: string | null;
  effectiveFrom: string | null;
  noticeOn: string | null;
  changeNote: string;
}

/**
 * A change of the purposes or of the responsible party (PRV-2). The rule for
 * telling the persons is shown first; the manager can ask the server what the
 * change is and by when the notice is due before recording it.
 */
function ChangeForm({
  declaration,
  agencies,
  onCancel,
  onSaved,
}: {
  declaration: Declaration;
  agencies: readonly Agency[];
  onCancel: () => void;
  onSaved: (after: Declaration) => void;
}) {
  const [today] = useState(() => tokyoDate(new Date()));
  const latest = declaration.history.at(-1) ?? declaration.current;
  const formId = `joint-use-change-${declaration.declarationId}`;
  const kit = useFormKit<ChangeState>(
    formId,
    {
      purposes: latest.purposes.join('\n'),
      responsibleParty: latest.responsibleAgencyId ?? TENANT,
      responsibleName: latest.responsibleName,
      responsibleAddress: latest.responsibleAddress,
      responsibleRepresentative: latest.responsibleRepresentative,
      changedOn: today,
      effectiveFrom: today,
      noticeOn: null,
      changeNote: '',
    },
    null,
  );
  // What the server said about the change as it was when asked; typing again makes it stale.
  const [checked, setChecked] = useState<{ key: string; result: Checked } | null>(null);
  const [checking, setChecking] = useState(false);
  const v = kit.values;
  const body = () => ({
    items: latest.items,
    userAgencyIds: latest.userAgencies.map((a) => a.agencyId),
    usersNote: latest.usersNote,
    ...partyBody(v),
    changedOn: v.changedOn,
    effectiveFrom: v.effectiveFrom,
    noticeOn: v.noticeOn,
    changeNote: v.changeNote.trim() || null,
  });
  const check = () => {
    const out = partyProblems(v);
    if (!v.changedOn) out.changedOn = '「変更の日」を入力してください';
    if (!v.effectiveFrom) out.effectiveFrom = '「変更の適用日」を入力してください';
    return out;
  };
  const preview = async () => {
    const local = check();
    if (Object.keys(local).length > 0) {
      kit.setProblem({ message: '入力内容を確認してください', fields: local });
      return;
    }
    setChecking(true);
    try {
      const sent = body();
      const result = await api.post<Checked>(`/api/joint-use/${declaration.declarationId}/versions/check`, sent);
      setChecked({ key: JSON.stringify(sent), result });
      kit.setProblem(null);
    } catch (error) {
      kit.setProblem({ message: error instanceof Error ? error.message : '確認できませんでした', fields: {} });
    } finally {
      setChecking(false);
    }
  };
  const titleId = `${formId}-title`;
  return (
    <div className="subcard" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>共同利用の変更を記録する</h3>
      <section aria-labelledby={`${formId}-rule`}>
        <h4 id={`${formId}-rule`}>変更と本人への通知・公表のきまり</h4>
        <ul className="small">
          {JOINT_USE_CHANGE_KINDS.map((k) => (
            <li key={k}>
              {JOINT_USE_CHANGE_LABELS[k]}の変更: {TIMING_TEXT[noticeTiming(k)]}
            </li>
          ))}
        </ul>
        <p className="small">
          共同利用する項目（{latest.itemLabels.join('、')}）と共同して利用する者（
          {latest.userAgencies.map((a) => a.name).join('、')}）は、この画面では変更できません。
        </p>
      </section>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={titleId}
        onSubmit={kit.submit(
          () => api.post<Declaration>(`/api/joint-use/${declaration.declarationId}/versions`, body()),
          { check, mapField, after: (after) => onSaved(after as Declaration) },
        )}
      >
        <PartyFields kit={kit} agencies={agencies} />
        <DateInput
          kit={kit}
          name="changedOn"
          label="変更の日"
          hint="変更を決めた日、又は住所等が変わった日です。"
          required
        />
        <DateInput
          kit={kit}
          name="effectiveFrom"
          label="変更の適用日"
          hint="利用目的や責任者そのものを変えるときは、通知・公表をする日より後の日にします。"
          required
        />
        <DateInput
          kit={kit}
          name="noticeOn"
          label="通知・公表日"
          hint="既に本人に通知し、又は公表したときだけ入力します。後から記録することもできます。"
        />
        <TextAreaInput kit={kit} name="changeNote" label="変更の補足" rows={2} />
        <div className="button-row">
          <button type="button" className="button button--secondary" disabled={checking} onClick={() => void preview()}>
            {checking ? '確認しています…' : '変更の内容と通知の期限を確認する'}
          </button>
        </div>
        <div aria-live="polite">
          {checked && checked.key === JSON.stringify(body()) ? <CheckResult checked={checked.result} /> : null}
        </div>
        <SubmitRow busy={kit.busy} label="変更を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}

function CheckResult({ checked }: { checked: Checked }) {
  return (
    <div className={`notice notice--${checked.ok ? 'info' : 'error'}`}>
      <p className="notice-title">
        {checked.kinds.length === 0
          ? '変更はありません'
          : `変更の内容: ${checked.kinds.map((k) => k.label).join('、')}`}
      </p>
      <div className="notice-body">
        <ul>
          {checked.kinds.map((k) => (
            <li key={k.kind}>
              {k.label}: {TIMING_TEXT[k.timing]}
            </li>
          ))}
        </ul>
        {checked.ok && checked.noticeDueOn ? (
          <p>
            本人への通知又は公表の期限: <strong>{formatWareki(checked.noticeDueOn)}</strong>
          </p>
        ) : null}
        {checked.message ? <p>{checked.message}</p> : null}
      </div>
    </div>
  );
}

function EndForm({
  declaration,
  onCancel,
  onSaved,
}: {
  declaration: Declaration;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const [today] = useState(() => tokyoDate(new Date()));
  const formId = `joint-use-end-${declaration.declarationId}`;
  const kit = useFormKit<{ endedOn: string | null }>(formId, { endedOn: today }, null);
  const titleId = `${formId}-title`;
  return (
    <div className="subcard" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>共同利用の終了を記録する</h3>
      <p className="small">終了した共同利用は公表ページに掲載しなくなります。これまでの記録は残ります。</p>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={titleId}
        onSubmit={kit.submit(
          () => api.post(`/api/joint-use/${declaration.declarationId}/end`, { endedOn: kit.values.endedOn }),
          {
            check: (): Record<string, string> =>
              kit.values.endedOn ? {} : { endedOn: '「終了日」を入力してください' },
            after: onSaved,
          },
        )}
      >
        <DateInput kit={kit} name="endedOn" label="終了日" required />
        <SubmitRow busy={kit.busy} label="終了を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}
