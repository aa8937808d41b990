import { useState } from 'react';
import {
  ACQUISITION_GROUNDS,
  labelIn,
  PROFILE_CATEGORY_LABELS,
  PROFILE_ITEMS,
  RESTRICTED_CATEGORIES,
  SOURCE_KINDS,
  type ProfileCategory,
  type ProfileItemDefinition,
} from '../../../shared/catalog';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { DraftForm } from '../../components/DraftForm';
import { consulteeDraftKey } from '../../components/drafts';
import { SelectInput, TextAreaInput, TextInput } from '../../components/Inputs';
import type { ConsulteeDetail, ProfileRow } from '../../types';
import { useSignedIn } from '../auth/useSession';
import {
  GroundFields,
  mayRecordSpecialCare,
  groundBody,
  groundProblems,
  groundState,
  refusedForGround,
  type GroundState,
} from '../casework/GroundFields';
import { Withheld } from '../casework/RecordFields';
import { labelsOf } from '../casework/recordLabels';
import type { ConsulteeTabProps } from './ConsulteePage';

const P = labelsOf('profile_items');

interface ItemState extends GroundState {
  value: string;
  source: string;
  sourceDetail: string;
  sourceReason: string;
}

function itemState(row: ProfileRow | undefined): ItemState {
  return {
    value: row?.value ?? '',
    source: row?.source ?? 'self',
    sourceDetail: row?.sourceDetail ?? '',
    sourceReason: row?.sourceReason ?? '',
    ...groundState(row),
  };
}

const orNull = (t: string) => (t.trim() ? t.trim() : null);

/**
 * 本人の状況 (BIZ-6): health, work, economic situation, services used and life
 * history, one item at a time, each with where it came from (ACQ-1). Special-care
 * items need the person's consent or a recorded ground (ACQ-2); at a contractor,
 * restricted items need the municipality's approval first (ACQ-3).
 */
export function ProfileTab({ detail, consulteeId, onSaved }: ConsulteeTabProps) {
  const { session, can } = useSignedIn();
  const [editing, setEditing] = useState<string | null>(null);
  const categories = Object.keys(PROFILE_CATEGORY_LABELS) as ProfileCategory[];
  const contractor = session.organization.kind === 'contractor';
  return (
    <>
      <p className="muted">
        項目ごとに、誰から聞き取ったか（取得元）を記録します。「要配慮個人情報」の項目は、要配慮個人情報を含む本人の同意か、法令等に定める取得の根拠が必要です。
      </p>
      {categories.map((category) => (
        <section key={category} className="subcard" aria-labelledby={`profile-${category}`}>
          <h3 id={`profile-${category}`}>{PROFILE_CATEGORY_LABELS[category]}</h3>
          <dl className="profile-list">
            {PROFILE_ITEMS.filter((i) => i.category === category).map((item) => {
              const row = detail.profile.find((p) => p.itemKey === item.key);
              return (
                <div key={item.key} className="profile-item">
                  <dt id={`item-${item.key}`}>
                    {item.label}
                    {item.dataClass === 'special_care' ? (
                      <span className="tag tag--sensitive">要配慮個人情報</span>
                    ) : null}
                    {item.restricted && contractor ? <span className="tag">委託元の承認が必要</span> : null}
                  </dt>
                  <dd>
                    {editing === item.key ? (
                      <ItemForm
                        item={item}
                        row={row}
                        detail={detail}
                        consulteeId={consulteeId}
                        contractor={contractor}
                        onDone={(saved) => {
                          setEditing(null);
                          if (saved) onSaved(`「${item.label}」を記録しました。`);
                        }}
                      />
                    ) : (
                      <>
                        <ItemView item={item} row={row} detail={detail} />
                        {can('consultee.write') &&
                        !row?.withheld.includes('value') &&
                        (item.dataClass !== 'special_care' || mayRecordSpecialCare(session.staff.roles)) ? (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => setEditing(item.key)}
                          >
                            {row ? '変更する' : '記録する'}
                            <span className="visually-hidden">（{item.label}）</span>
                          </button>
                        ) : null}
                      </>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}

function ItemView({ item, row, detail }: { item: ProfileItemDefinition; row?: ProfileRow; detail: ConsulteeDetail }) {
  if (!row) return <p className="muted">未記録</p>;
  const consent = row.consentId ? detail.consents.find((c) => c.consentId === row.consentId) : undefined;
  return (
    <div className="profile-value">
      <p className="pre-line">
        {row.withheld.includes('value') ? <Withheld /> : item.choices ? labelIn(item.choices, row.value) : row.value}
      </p>
      <p className="muted small">
        取得元: {labelIn(SOURCE_KINDS, row.source)}
        {row.sourceDetail ? `（${row.sourceDetail}）` : ''}
        {row.sourceReason ? ` ・ 理由: ${row.sourceReason}` : ''}
        {consent ? (
          <>
            {' '}
            ・ 根拠: 本人の同意（
            <DateText value={consent.givenOn} />）
          </>
        ) : null}
        {row.acquisitionGround ? ` ・ 根拠: ${labelIn(ACQUISITION_GROUNDS, row.acquisitionGround)}` : ''}
        {row.groundReason ? `（${row.groundReason}）` : ''} ・ 記録 <DateTimeText value={row.updatedAt} />
      </p>
    </div>
  );
}

interface ItemFormProps {
  item: ProfileItemDefinition;
  row?: ProfileRow;
  detail: ConsulteeDetail;
  consulteeId: string;
  contractor: boolean;
  onDone: (saved: boolean) => void;
}

function ItemForm({ item, row, detail, consulteeId, contractor, onDone }: ItemFormProps) {
  const specialCare = item.dataClass === 'special_care';
  const approval =
    item.restricted && contractor
      ? detail.approvals.find((a) => a.categories.includes(item.restricted as never))
      : null;
  const formId = `profile-${item.key.replace(/_/g, '-')}`;
  return (
    <DraftForm<ItemState>
      formId={formId}
      draftKey={consulteeDraftKey(consulteeId, `profile_${item.key}`)}
      initial={itemState(row)}
      submitLabel="記録する"
      labelledBy={`item-${item.key}`}
      check={(v) => {
        const out: Record<string, string> = {};
        if (!v.value.trim()) out.value = `「${item.label}」を入力してください`;
        if (v.source !== 'self') {
          if (!v.sourceDetail.trim())
            out.sourceDetail = `本人以外から取得した場合は「${P.sourceDetail}」を入力してください`;
          if (!v.sourceReason.trim())
            out.sourceReason = `本人以外から取得した場合は「${P.sourceReason}」を入力してください`;
        }
        return { ...out, ...groundProblems(v, specialCare) };
      }}
      mapField={(path) => (path === 'itemKey' ? 'value' : path)}
      send={async (v, kit) => {
        try {
          await api.put(`/api/consultees/${encodeURIComponent(consulteeId)}/profile/${item.key}`, {
            value: v.value.trim(),
            source: v.source,
            sourceDetail: v.source === 'self' ? null : orNull(v.sourceDetail),
            sourceReason: v.source === 'self' ? null : orNull(v.sourceReason),
            ...groundBody(v, specialCare),
          });
        } catch (error) {
          // Offered at once: the ground is what is missing.
          if (refusedForGround(error)) kit.set('useGround', true);
          throw error;
        }
      }}
      onSaved={() => onDone(true)}
      onCancel={() => onDone(false)}
    >
      {(kit) => (
        <>
          {item.restricted && contractor ? (
            <p className={approval ? 'hint' : 'notice-inline'}>
              {approval
                ? `委託元（自治体）の承認を記録済みです（${labelIn(RESTRICTED_CATEGORIES, item.restricted)}）。`
                : `この項目は、委託元（自治体）の承認を記録してから取得できます（「同意」の「委託元の承認」で記録します）。`}
            </p>
          ) : null}
          {item.choices ? (
            <SelectInput kit={kit} name="value" label={item.label} choices={item.choices} required />
          ) : (
            <TextAreaInput kit={kit} name="value" label={item.label} required rows={3} />
          )}
          <SelectInput kit={kit} name="source" label={P.source} choices={SOURCE_KINDS} required />
          {kit.values.source !== 'self' ? (
            <>
              <TextInput kit={kit} name="sourceDetail" label={P.sourceDetail} required />
              <TextAreaInput kit={kit} name="sourceReason" label={P.sourceReason} required rows={2} />
            </>
          ) : null}
          {specialCare ? <GroundFields kit={kit} /> : null}
        </>
      )}
    </DraftForm>
  );
}
