// The fields of a register entry (個人情報ファイル簿, PUR-5), shared by the start of an
// operation and its change: what it records, for which purposes, how it is used,
// from whom it is collected, to whom it goes, on what media and for how long.

import type { Static } from 'typebox';
import type { Choice } from '../../../shared/catalog';
import type { PurposeList } from '../../../server/modules/purposes/schema';
import type { RegisterEntryDetail, RegisterList } from '../../../server/modules/register/schema';
import { CheckInput, ChecksInput, DateInput, TextAreaInput, TextInput } from '../../components/Inputs';
import type { FormKit } from '../../components/useFormKit';

export type RegisterEntry = Static<typeof RegisterEntryDetail>;
export type RegisterListItem = Static<typeof RegisterList>['items'][number];
export type RegisterVersion = RegisterEntry['history'][number];
export type Purpose = Static<typeof PurposeList>['items'][number];

export interface EntryState {
  code: string;
  effectiveOn: string | null;
  name: string;
  section: string;
  items: string;
  purposeCodes: string[];
  purposesNote: string;
  methods: string;
  sources: string;
  recipients: string;
  media: string;
  retention: string;
  retentionYears: string;
  recordCount: string;
  published: boolean;
  changeReason: string;
}

/** The labels, as the server names the fields in its messages. */
export const LABELS = {
  code: '登録番号',
  effectiveOn: '開始日',
  name: '業務の名称',
  section: '担当する課・係',
  items: '記録される項目',
  purposeCodes: '利用目的',
  purposesNote: '利用目的の補足',
  methods: '利用の方法',
  sources: '収集先',
  recipients: '提供先・提供の方法',
  media: '記録の媒体',
  retention: '保存期間',
  retentionYears: '保存年数',
  recordCount: '記録される者の数',
  published: '公表する',
  changeReason: '変更の理由',
} as const;

export function blankEntry(today: string): EntryState {
  return {
    code: '',
    effectiveOn: today,
    name: '',
    section: '',
    items: '',
    purposeCodes: [],
    purposesNote: '',
    methods: '',
    sources: '',
    recipients: '',
    media: '電子（クラウド型システム）及び紙',
    retention: '',
    retentionYears: '5',
    recordCount: '',
    published: true,
    changeReason: '',
  };
}

/** A change starts from what the entry says now. */
export function entryFrom(v: RegisterVersion, today: string): EntryState {
  return {
    code: '',
    effectiveOn: today,
    name: v.name,
    section: v.section,
    items: v.items,
    purposeCodes: v.purposeCodes,
    purposesNote: v.purposesNote ?? '',
    methods: v.methods,
    sources: v.sources,
    recipients: v.recipients,
    media: v.media,
    retention: v.retention,
    retentionYears: String(v.retentionYears),
    recordCount: v.recordCount ?? '',
    published: v.published,
    changeReason: '',
  };
}

/** A whole number of years typed with full- or half-width digits; null when it is not one. */
export function yearsOf(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/年$/, '');
  return /^\d{1,3}$/.test(t) ? Number(t) : null;
}

const REQUIRED_TEXT = ['name', 'section', 'items', 'methods', 'sources', 'recipients', 'media', 'retention'] as const;

/** The form's own checks before anything is sent. */
export function entryProblems(v: EntryState, change: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.effectiveOn) out.effectiveOn = `「${change ? '変更日' : LABELS.effectiveOn}」を入力してください`;
  for (const key of REQUIRED_TEXT) if (!v[key].trim()) out[key] = `「${LABELS[key]}」を入力してください`;
  if (v.purposeCodes.length === 0) out.purposeCodes = `「${LABELS.purposeCodes}」を1つ以上選んでください`;
  const years = yearsOf(v.retentionYears);
  if (years === null || years > 100)
    out.retentionYears = `「${LABELS.retentionYears}」は0から100までの数字で入力してください`;
  if (change && !v.changeReason.trim()) out.changeReason = `「${LABELS.changeReason}」を入力してください`;
  return out;
}

const optional = (text: string) => (text.trim() === '' ? null : text.trim());

export function entryBody(v: EntryState) {
  return {
    effectiveOn: v.effectiveOn,
    name: v.name.trim(),
    section: v.section.trim(),
    items: v.items.trim(),
    purposeCodes: v.purposeCodes,
    purposesNote: optional(v.purposesNote),
    methods: v.methods.trim(),
    sources: v.sources.trim(),
    recipients: v.recipients.trim(),
    media: v.media.trim(),
    retention: v.retention.trim(),
    retentionYears: yearsOf(v.retentionYears),
    recordCount: optional(v.recordCount),
    published: v.published,
  };
}

/** The server names an item of a list (purposeCodes.0); the form shows it at the list. */
export const mapEntryField = (path: string) => path.split('.')[0] ?? path;

export function purposeChoices(purposes: readonly Purpose[]): Choice[] {
  return purposes.map((p) => ({ code: p.purposeCode, label: p.wording ?? p.history.at(-1)?.wording ?? p.purposeCode }));
}

export function EntryFields({
  kit,
  purposes,
  change,
}: {
  kit: FormKit<EntryState>;
  purposes: readonly Choice[];
  change: boolean;
}) {
  return (
    <>
      {change ? null : (
        <TextInput
          kit={kit}
          name="code"
          label={LABELS.code}
          hint="空欄のときは、001から順に番号を付けます。"
          className="input input--medium"
        />
      )}
      <DateInput
        kit={kit}
        name="effectiveOn"
        label={change ? '変更日' : LABELS.effectiveOn}
        hint={change ? '変更後の内容で業務を行う日です。前回の届出の日以降にしてください。' : undefined}
        required
      />
      <TextInput kit={kit} name="name" label={LABELS.name} hint="例: 自立相談支援事業" required />
      <TextInput kit={kit} name="section" label={LABELS.section} required />
      <TextAreaInput
        kit={kit}
        name="items"
        label={LABELS.items}
        hint="記録される個人情報の項目を、1行に1つずつ書きます。要配慮個人情報を含むときはその旨も書きます。"
        required
        rows={5}
      />
      <ChecksInput kit={kit} name="purposeCodes" legend={LABELS.purposeCodes} choices={purposes} required />
      <TextAreaInput kit={kit} name="purposesNote" label={LABELS.purposesNote} rows={2} />
      <TextAreaInput kit={kit} name="methods" label={LABELS.methods} required rows={3} />
      <TextAreaInput
        kit={kit}
        name="sources"
        label={LABELS.sources}
        hint="本人から直接取得するか、本人の同意を得て家族や関係機関から取得するかなど。"
        required
        rows={2}
      />
      <TextAreaInput
        kit={kit}
        name="recipients"
        label={LABELS.recipients}
        hint="経常的な提供先と提供の方法。提供しないときは「なし」と書きます。"
        required
        rows={3}
      />
      <TextInput kit={kit} name="media" label={LABELS.media} hint="例: 電子（クラウド型システム）及び紙" required />
      <TextInput kit={kit} name="retention" label={LABELS.retention} hint="例: 支援の終結から5年" required />
      <TextInput
        kit={kit}
        name="retentionYears"
        label={LABELS.retentionYears}
        hint="廃止した後、この年数が過ぎるまで登録簿に掲載します。"
        className="input input--short"
        inputMode="numeric"
        required
      />
      <TextInput kit={kit} name="recordCount" label={LABELS.recordCount} hint="例: 年間の新規相談者 約300人" />
      <CheckInput
        kit={kit}
        name="published"
        label="公表する（公表ページと印刷する登録簿に載せます）"
        hint="公表すると業務の遂行に支障がある場合に限り、公表しないことができます。"
      />
      {change ? <TextAreaInput kit={kit} name="changeReason" label={LABELS.changeReason} required rows={2} /> : null}
    </>
  );
}
