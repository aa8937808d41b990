import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Static } from 'typebox';
import { AGENCY_KINDS, labelIn } from '../../../shared/catalog';
import { formatWareki, tokyoDate } from '../../../shared/wareki';
import type { AgencyItem } from '../../../server/modules/agencies/schema';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { CheckInput, DateInput, SelectInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { TabNav } from '../../components/TabNav';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import { useSignedIn } from '../auth/useSession';

type Agency = Static<typeof AgencyItem>;

const VIEWS = [
  { id: 'current', label: '使用中' },
  { id: 'all', label: '廃止したものを含む' },
] as const;

type Action = { kind: 'new' } | { kind: 'edit' | 'retire'; agency: Agency } | null;

/**
 * 関係機関・関係者 (CON-4): the list of the agencies and persons a consultee's data
 * may go to, which consents and provision records name. Kept by the privacy
 * protection manager: an entry is changed or retired, never deleted.
 */
export function AgenciesPage() {
  const { can } = useSignedIn();
  const manage = can('privacy.manage');
  const [params] = useSearchParams();
  const view = params.get('view') === 'all' ? 'all' : 'current';
  const { data, problem, loading, reload } = useApiGet<{ items: Agency[] }>(
    '/api/agencies',
    { includeRetired: view === 'all' },
    { keepWhileReloading: true },
  );
  const { element: announcement, announce } = useAnnouncer();
  const [action, setAction] = useState<Action>(null);
  const done = (message: string) => {
    setAction(null);
    reload();
    announce(message);
  };

  return (
    <Page
      title="関係機関・関係者"
      lead="本人の同意書や提供の記録が指定する関係機関・関係者の一覧です。同意や記録が名前を参照するため、削除はせず、廃止日を記録します。"
    >
      <TabNav label="表示する関係機関" items={VIEWS} current={view} hrefFor={(id) => `?view=${id}`} />
      {announcement}
      {manage && action?.kind !== 'new' ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setAction({ kind: 'new' })}>
            関係機関を登録する
          </button>
        </div>
      ) : null}
      {manage && action?.kind === 'new' ? (
        <AgencyForm onCancel={() => setAction(null)} onSaved={(a) => done(`「${a.name}」を登録しました。`)} />
      ) : null}
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data && data.items.length === 0 ? <p>登録された関係機関はありません。</p> : null}
      <ul className="record-list">
        {data?.items.map((a) => {
          const titleId = `agency-${a.agencyId}`;
          const editing = action?.kind === 'edit' && action.agency.agencyId === a.agencyId;
          const retiring = action?.kind === 'retire' && action.agency.agencyId === a.agencyId;
          return (
            <li key={a.agencyId} className="record">
              <h2 id={titleId} className="record-title">
                {a.retired ? (
                  <span className="badge badge--neutral">廃止</span>
                ) : a.retiredOn ? (
                  <span className="badge badge--warn">廃止予定</span>
                ) : (
                  <span className="badge badge--ok">使用中</span>
                )}{' '}
                {a.name}
              </h2>
              <AgencyFacts agency={a} />
              {manage && !action && a.retiredOn === null ? (
                <div className="button-row button-row--tight">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setAction({ kind: 'edit', agency: a })}
                  >
                    <span className="visually-hidden">{a.name}を</span>変更する
                  </button>
                  <button
                    type="button"
                    className="button button--danger-outline button--small"
                    onClick={() => setAction({ kind: 'retire', agency: a })}
                  >
                    <span className="visually-hidden">{a.name}を</span>廃止する
                  </button>
                </div>
              ) : null}
              {editing ? (
                <AgencyForm
                  agency={a}
                  onCancel={() => setAction(null)}
                  onSaved={(saved) => done(`「${saved.name}」を変更しました。`)}
                />
              ) : null}
              {retiring ? (
                <RetireForm
                  agency={a}
                  onCancel={() => setAction(null)}
                  onSaved={(saved) =>
                    done(`「${saved.name}」の廃止（${formatWareki(saved.retiredOn ?? '')}）を記録しました。`)
                  }
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}

function AgencyFacts({ agency: a }: { agency: Agency }) {
  const rows: [string, ReactNode][] = [
    ['種類', labelIn(AGENCY_KINDS, a.kind)],
    [
      '区分',
      [a.administrative ? '行政機関等' : null, a.contractor ? '委託先' : null].filter(Boolean).join('、') || '—',
    ],
  ];
  if (a.address) rows.push(['所在地', a.address]);
  if (a.representative) rows.push(['代表者', a.representative]);
  if (a.phone) rows.push(['電話番号', a.phone]);
  if (a.note) rows.push(['備考', <span className="pre-line">{a.note}</span>]);
  if (a.retiredOn) rows.push(['廃止日', <DateText value={a.retiredOn} variant="full" />]);
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

interface AgencyState {
  name: string;
  kind: string;
  administrative: boolean;
  contractor: boolean;
  address: string;
  representative: string;
  phone: string;
  note: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function AgencyForm({
  agency,
  onCancel,
  onSaved,
}: {
  agency?: Agency;
  onCancel: () => void;
  onSaved: (saved: Agency) => void;
}) {
  const formId = agency ? `agency-edit-${agency.agencyId}` : 'agency-new';
  const titleId = `${formId}-title`;
  const kit = useFormKit<AgencyState>(
    formId,
    {
      name: agency?.name ?? '',
      kind: agency?.kind ?? '',
      administrative: agency?.administrative ?? false,
      contractor: agency?.contractor ?? false,
      address: agency?.address ?? '',
      representative: agency?.representative ?? '',
      phone: agency?.phone ?? '',
      note: agency?.note ?? '',
    },
    null,
  );
  const v = kit.values;
  const check = () => {
    const out: Record<string, string> = {};
    if (!v.name.trim()) out.name = '「名称」を入力してください';
    if (!v.kind) out.kind = '「種類」を選んでください';
    if (v.phone && !/^[0-9０-９()（）+\- ]*$/.test(v.phone)) {
      out.phone = '「電話番号」は数字とハイフンで入力してください';
    }
    return out;
  };
  const send = () => {
    const payload = {
      name: v.name.trim(),
      kind: v.kind,
      administrative: v.administrative,
      contractor: v.contractor,
      address: orNull(v.address),
      representative: orNull(v.representative),
      phone: orNull(v.phone),
      note: orNull(v.note),
      ...(agency ? { sortOrder: agency.sortOrder } : {}),
    };
    return agency
      ? api.put<Agency>(`/api/agencies/${encodeURIComponent(agency.agencyId)}`, payload)
      : api.post<Agency>('/api/agencies', payload);
  };
  return (
    <div className="subcard" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{agency ? `「${agency.name}」を変更する` : '関係機関を登録する'}</h3>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={titleId}
        onSubmit={kit.submit(send, { check, after: (result) => onSaved(result as Agency) })}
      >
        <TextInput kit={kit} name="name" label="名称" hint="例: 〇〇市 生活支援課、〇〇公共職業安定所" required />
        <SelectInput kit={kit} name="kind" label="種類" choices={AGENCY_KINDS} required />
        <CheckInput
          kit={kit}
          name="administrative"
          label="行政機関等である"
          hint="国の機関・地方公共団体など。同意によらない提供の根拠の一部は、提供先が行政機関等の場合に限られます。"
        />
        <CheckInput
          kit={kit}
          name="contractor"
          label="当機関の委託先である"
          hint="委託に伴う提供は第三者提供に当たりません（委託先の監督が必要です）。"
        />
        <TextInput kit={kit} name="address" label="所在地" />
        <TextInput kit={kit} name="representative" label="代表者" className="input input--medium" />
        <TextInput kit={kit} name="phone" label="電話番号" type="tel" inputMode="tel" className="input input--medium" />
        <TextAreaInput kit={kit} name="note" label="備考" rows={2} />
        <SubmitRow busy={kit.busy} label={agency ? '変更を保存する' : '登録する'} busyLabel="保存しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}

function RetireForm({
  agency,
  onCancel,
  onSaved,
}: {
  agency: Agency;
  onCancel: () => void;
  onSaved: (saved: Agency) => void;
}) {
  const formId = `agency-retire-${agency.agencyId}`;
  const titleId = `${formId}-title`;
  const kit = useFormKit<{ retiredOn: string | null }>(formId, { retiredOn: tokyoDate(new Date()) }, null);
  return (
    <div className="subcard" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>「{agency.name}」を廃止する</h3>
      <p className="muted small">
        廃止日以降、新しい同意や提供の相手として選べなくなります。これまでの同意や提供の記録は、この名称のまま残ります。
      </p>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={titleId}
        onSubmit={kit.submit(
          () =>
            api.post<Agency>(`/api/agencies/${encodeURIComponent(agency.agencyId)}/retire`, {
              retiredOn: kit.values.retiredOn,
            }),
          {
            check: (): Record<string, string> =>
              kit.values.retiredOn ? {} : { retiredOn: '「廃止日」を入力してください' },
            after: (result) => onSaved(result as Agency),
          },
        )}
      >
        <DateInput kit={kit} name="retiredOn" label="廃止日" required />
        <SubmitRow busy={kit.busy} label="廃止を記録する" busyLabel="記録しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}
