import { useState, type ReactNode } from 'react';
import { RELATIONSHIPS, SEXES, SOURCE_KINDS, labelIn } from '../../../shared/catalog';
import { ageOn, isIsoDate } from '../../../shared/wareki';
import { api } from '../../api';
import { ConfirmAction } from '../../components/ConfirmAction';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { DraftForm } from '../../components/DraftForm';
import { consulteeDraftKey } from '../../components/drafts';
import { DateInput, RadioInput, SelectInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { Notice } from '../../components/Notice';
import type { ConsulteeRow, HouseholdRow } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { Withheld } from '../casework/RecordFields';
import { labelsOf } from '../casework/recordLabels';
import { BasicFields, basicBody, basicProblems, basicState, type BasicState } from './BasicFields';
import type { ConsulteeTabProps } from './ConsulteePage';

const L = labelsOf('consultees');
const H = labelsOf('household_members');

function postal(value: string): string {
  return /^\d{7}$/.test(value) ? `〒${value.slice(0, 3)}-${value.slice(3)}` : `〒${value}`;
}

interface Row {
  label: string;
  fields: (keyof ConsulteeRow)[];
  render: (c: ConsulteeRow, today: string) => ReactNode;
}

const none = <span className="muted">未登録</span>;
const or = (value: string | null | undefined): ReactNode => value || none;

const ROWS: readonly Row[] = [
  { label: '氏名', fields: ['familyName', 'givenName'], render: (c) => `${c.familyName ?? ''} ${c.givenName ?? ''}` },
  {
    label: 'フリガナ',
    fields: ['familyNameKana', 'givenNameKana'],
    render: (c) => or(`${c.familyNameKana ?? ''} ${c.givenNameKana ?? ''}`.trim()),
  },
  {
    label: L.sex,
    fields: ['sex'],
    render: (c) => (c.sex ? `${labelIn(SEXES, c.sex)}${c.sexNote ? `（${c.sexNote}）` : ''}` : none),
  },
  {
    label: L.birthDate,
    fields: ['birthDate'],
    render: (c, today) =>
      c.birthDate && isIsoDate(c.birthDate) ? (
        <>
          <DateText value={c.birthDate} variant="full" />
          <span className="age">{ageOn(c.birthDate, today)}歳</span>
        </>
      ) : (
        none
      ),
  },
  { label: L.postalCode, fields: ['postalCode'], render: (c) => (c.postalCode ? postal(c.postalCode) : none) },
  { label: L.address, fields: ['address'], render: (c) => or(c.address) },
  { label: L.phone, fields: ['phone'], render: (c) => or(c.phone) },
  { label: L.phoneMobile, fields: ['phoneMobile'], render: (c) => or(c.phoneMobile) },
  { label: L.email, fields: ['email'], render: (c) => or(c.email) },
  {
    label: L.basicSource,
    fields: ['basicSource'],
    render: (c) =>
      c.basicSource
        ? `${labelIn(SOURCE_KINDS, c.basicSource)}${c.basicSourceDetail ? `（${c.basicSourceDetail}）` : ''}`
        : none,
  },
  { label: '登録日時', fields: ['createdAt'], render: (c) => <DateTimeText value={c.createdAt} /> },
  { label: '更新日時', fields: ['updatedAt'], render: (c) => <DateTimeText value={c.updatedAt} /> },
];

export function BasicTab({ detail, consulteeId, today, onSaved }: ConsulteeTabProps) {
  const { can } = useSignedIn();
  const [editing, setEditing] = useState(false);
  const c = detail.consultee;
  const writable = can('consultee.write');
  return (
    <>
      <section className="subcard" aria-labelledby="basic-title">
        <div className="card-head">
          <h3 id="basic-title">基本情報</h3>
          {writable && !editing ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
              基本情報を変更する
            </button>
          ) : null}
        </div>
        {editing ? (
          <DraftForm<BasicState>
            key={c.updatedAt}
            formId="basic"
            draftKey={consulteeDraftKey(consulteeId, 'basic')}
            initial={basicState(c)}
            submitLabel="変更を保存する"
            labelledBy="basic-title"
            check={basicProblems}
            send={(v) => {
              const before = basicBody(basicState(c));
              const after = basicBody(v);
              const changed = Object.fromEntries(
                Object.entries(after).filter(
                  ([k, value]) => !detail.withheld.includes(k) && JSON.stringify(value) !== JSON.stringify(before[k]),
                ),
              );
              if (Object.keys(changed).length === 0) return Promise.resolve();
              return api.patch(`/api/consultees/${encodeURIComponent(consulteeId)}`, changed);
            }}
            onSaved={() => {
              setEditing(false);
              onSaved('基本情報を保存しました。');
            }}
            onCancel={() => setEditing(false)}
          >
            {(kit) => <BasicFields kit={kit} />}
          </DraftForm>
        ) : (
          <dl className="detail-list">
            {ROWS.map((row) => {
              const withheld = row.fields.some((f) => detail.withheld.includes(f));
              return (
                <div key={row.label}>
                  <dt>{row.label}</dt>
                  <dd>{withheld ? <Withheld /> : row.render(c, today)}</dd>
                </div>
              );
            })}
          </dl>
        )}
      </section>
      <Household detail={detail} consulteeId={consulteeId} today={today} onSaved={onSaved} writable={writable} />
    </>
  );
}

interface MemberState {
  relationship: string;
  relationshipNote: string;
  familyName: string;
  givenName: string;
  kana: string;
  sex: string;
  birthDate: string | null;
  cohabiting: string;
  occupation: string;
  notes: string;
  source: string;
  sourceDetail: string;
}

function memberState(m?: HouseholdRow): MemberState {
  return {
    relationship: m?.relationship ?? '',
    relationshipNote: m?.relationshipNote ?? '',
    familyName: m?.familyName ?? '',
    givenName: m?.givenName ?? '',
    kana: m?.kana ?? '',
    sex: m?.sex ?? '',
    birthDate: m?.birthDate ?? null,
    cohabiting: m ? (m.cohabiting ? 'yes' : 'no') : 'yes',
    occupation: m?.occupation ?? '',
    notes: m?.notes ?? '',
    source: m?.source ?? 'self',
    sourceDetail: m?.sourceDetail ?? '',
  };
}

const orNull = (t: string) => (t.trim() ? t.trim() : null);

function memberBody(s: MemberState) {
  return {
    relationship: s.relationship,
    relationshipNote: s.relationship === 'other' || s.relationship === 'relative' ? orNull(s.relationshipNote) : null,
    familyName: s.familyName.trim(),
    givenName: orNull(s.givenName),
    kana: orNull(s.kana),
    sex: orNull(s.sex),
    birthDate: s.birthDate,
    cohabiting: s.cohabiting === 'yes',
    occupation: orNull(s.occupation),
    notes: orNull(s.notes),
    source: s.source,
    sourceDetail: s.source === 'self' ? null : orNull(s.sourceDetail),
  };
}

function memberProblems(s: MemberState): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.relationship) out.relationship = `「${H.relationship}」を選んでください`;
  if (!s.familyName.trim()) out.familyName = `「${H.familyName}」を入力してください`;
  if (s.source !== 'self' && !s.sourceDetail.trim()) {
    out.sourceDetail = `本人以外から取得した場合は「${H.sourceDetail}」を入力してください`;
  }
  return out;
}

const COHABITING = [
  { code: 'yes', label: '同居' },
  { code: 'no', label: '別居' },
];

interface HouseholdProps extends ConsulteeTabProps {
  writable: boolean;
}

function Household({ detail, consulteeId, today, onSaved, writable }: HouseholdProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}/household`;

  const form = (member: HouseholdRow | null) => (
    <DraftForm<MemberState>
      key={member ? `${member.memberId}-${member.updatedAt}` : 'new'}
      formId={member ? 'member-edit' : 'member-new'}
      // A consultee's draft key cannot name a record: the member is kept in the draft.
      draftKey={consulteeDraftKey(consulteeId, member ? 'household_edit' : 'household')}
      recordId={member?.memberId}
      initial={memberState(member ?? undefined)}
      submitLabel={member ? '世帯員の変更を保存する' : '世帯員を追加する'}
      labelledBy={member ? `member-${member.memberId}` : 'member-new-title'}
      check={memberProblems}
      send={(v) => (member ? api.put(`${base}/${member.memberId}`, memberBody(v)) : api.post(base, memberBody(v)))}
      onSaved={() => {
        setEditing(null);
        setAdding(false);
        onSaved(member ? '世帯員の情報を保存しました。' : '世帯員を追加しました。');
      }}
      onCancel={() => (member ? setEditing(null) : setAdding(false))}
    >
      {(kit) => (
        <>
          <SelectInput kit={kit} name="relationship" label={H.relationship} choices={RELATIONSHIPS} required />
          {kit.values.relationship === 'other' || kit.values.relationship === 'relative' ? (
            <TextInput kit={kit} name="relationshipNote" label={H.relationshipNote} className="input input--medium" />
          ) : null}
          <div className="field-pair">
            <TextInput kit={kit} name="familyName" label={H.familyName} required className="input" />
            <TextInput kit={kit} name="givenName" label={H.givenName} className="input" />
          </div>
          <TextInput kit={kit} name="kana" label={H.kana} hint="例: ミホン ハナコ" className="input input--medium" />
          <RadioInput kit={kit} name="sex" legend={H.sex} choices={SEXES} emptyLabel="記入なし" inline />
          <DateInput kit={kit} name="birthDate" label={H.birthDate} />
          <RadioInput kit={kit} name="cohabiting" legend={H.cohabiting} choices={COHABITING} required inline />
          <TextInput kit={kit} name="occupation" label={H.occupation} className="input input--medium" />
          <TextAreaInput kit={kit} name="notes" label={H.notes} rows={2} />
          <SelectInput kit={kit} name="source" label={H.source} choices={SOURCE_KINDS} required />
          {kit.values.source !== 'self' ? (
            <TextInput kit={kit} name="sourceDetail" label={H.sourceDetail} required />
          ) : null}
        </>
      )}
    </DraftForm>
  );

  return (
    <section className="subcard" aria-labelledby="household-title">
      <div className="card-head">
        <h3 id="household-title">世帯の状況</h3>
        {writable && !adding ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
            世帯員を追加する
          </button>
        ) : null}
      </div>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {detail.household.length === 0 ? <p>登録された世帯員はいません。</p> : null}
      {detail.household.length > 0 ? (
        <ul className="record-list">
          {detail.household.map((m) => (
            <li key={m.memberId} className="record">
              <h4 id={`member-${m.memberId}`} className="record-title">
                {labelIn(RELATIONSHIPS, m.relationship)}
                {m.relationshipNote ? `（${m.relationshipNote}）` : ''}: {m.familyName} {m.givenName ?? ''}
              </h4>
              {editing === m.memberId ? (
                form(m)
              ) : (
                <>
                  <dl className="facts">
                    <Fact label={H.kana} hidden={m.withheld.includes('kana')}>
                      {m.kana || none}
                    </Fact>
                    <Fact label={H.sex} hidden={m.withheld.includes('sex')}>
                      {m.sex ? labelIn(SEXES, m.sex) : none}
                    </Fact>
                    <Fact label={H.birthDate} hidden={m.withheld.includes('birthDate')}>
                      {m.birthDate ? (
                        <>
                          <DateText value={m.birthDate} />
                          <span className="age">{ageOn(m.birthDate, today)}歳</span>
                        </>
                      ) : (
                        none
                      )}
                    </Fact>
                    <Fact label={H.cohabiting} hidden={m.withheld.includes('cohabiting')}>
                      {m.cohabiting ? '同居' : '別居'}
                    </Fact>
                    <Fact label={H.occupation} hidden={m.withheld.includes('occupation')}>
                      {m.occupation || none}
                    </Fact>
                    <Fact label={H.source} hidden={m.withheld.includes('source')}>
                      {labelIn(SOURCE_KINDS, m.source)}
                      {m.sourceDetail ? `（${m.sourceDetail}）` : ''}
                    </Fact>
                    {m.notes ? (
                      <Fact label={H.notes} hidden={m.withheld.includes('notes')}>
                        {m.notes}
                      </Fact>
                    ) : null}
                  </dl>
                  {writable ? (
                    <div className="button-row button-row--tight">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setEditing(m.memberId)}
                      >
                        変更する<span className="visually-hidden">（{m.familyName}）</span>
                      </button>
                      <ConfirmAction
                        label={`世帯から外す（${m.familyName} ${m.givenName ?? ''}）`.trim()}
                        question={`${m.familyName} ${m.givenName ?? ''}さんを世帯から外します。記録は変更履歴に残ります。よろしいですか。`}
                        confirmLabel="世帯から外す"
                        danger
                        onConfirm={async () => {
                          setProblem(null);
                          try {
                            await api.post(`${base}/${m.memberId}/remove`, {});
                            onSaved('世帯員を世帯から外しました。');
                          } catch (error) {
                            setProblem(error instanceof Error ? error.message : '世帯から外せませんでした');
                          }
                        }}
                      />
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <div className="record record--new">
          <h4 id="member-new-title" className="record-title">
            世帯員を追加する
          </h4>
          {form(null)}
        </div>
      ) : null}
    </section>
  );
}

function Fact({ label, hidden, children }: { label: string; hidden: boolean; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{hidden ? <Withheld /> : children}</dd>
    </div>
  );
}
