import { Type, type Static, type TSchema } from 'typebox';
import { MAX_RETENTION_YEARS, REGISTER_CHANGE_KINDS } from '../../core/register.js';
import { IsoDate, NonBlank, StringEnum, Text, Uuid } from '../../http/schemas.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const EntryIdParams = Type.Object({ entryId: Uuid('登録簿の業務') });

export const RegisterListQuery = Type.Object(
  {
    /** The day the register is read as of (defaults to today, Asia/Tokyo). */
    on: Type.Optional(IsoDate('基準日')),
    /** Also the abolished entries whose retention has ended (the history). */
    includeExpired: Type.Optional(Type.Boolean({ title: '保存期間を過ぎた廃止業務も含める' })),
  },
  { additionalProperties: false },
);

export const RegisterPrintQuery = Type.Object(
  {
    on: Type.Optional(IsoDate('基準日')),
    /** Entries not published are left out unless asked for (the printout is for public inspection). */
    includeUnpublished: Type.Optional(Type.Boolean({ title: '公表しない業務も含める' })),
  },
  { additionalProperties: false },
);

const PurposeCode = Type.String({ title: '利用目的', pattern: '^[a-z][a-z_]{2,40}$' });

/** What every version of an entry holds (PUR-5): the operation as notified. */
const entryFields = {
  name: NonBlank('業務の名称', 200),
  section: NonBlank('担当する課・係', 200),
  items: NonBlank('記録される項目', 4000),
  purposeCodes: Type.Array(PurposeCode, { title: '利用目的', minItems: 1, maxItems: 20, uniqueItems: true }),
  purposesNote: Text('利用目的の補足', 2000),
  methods: NonBlank('利用の方法', 2000),
  sources: NonBlank('収集先', 2000),
  recipients: NonBlank('提供先・提供の方法', 2000),
  media: NonBlank('記録の媒体', 500),
  retention: NonBlank('保存期間', 500),
  retentionYears: Type.Integer({ title: '保存年数', minimum: 0, maximum: MAX_RETENTION_YEARS }),
  recordCount: Text('記録される者の数', 100),
  published: Type.Boolean({ title: '公表する' }),
};

export const RegisterStartBody = Type.Object(
  {
    /** Given by the manager, or the next number (001, 002, …) when left out. */
    code: Type.Optional(NonBlank('登録番号', 30)),
    effectiveOn: IsoDate('開始日'),
    ...entryFields,
  },
  { additionalProperties: false },
);
export type RegisterStartBody = Static<typeof RegisterStartBody>;

export const RegisterChangeBody = Type.Object(
  {
    effectiveOn: IsoDate('変更日'),
    ...entryFields,
    changeReason: NonBlank('変更の理由', 2000),
  },
  { additionalProperties: false },
);
export type RegisterChangeBody = Static<typeof RegisterChangeBody>;

export const RegisterAbolishBody = Type.Object(
  {
    effectiveOn: IsoDate('廃止日'),
    changeReason: NonBlank('廃止の理由', 2000),
  },
  { additionalProperties: false },
);
export type RegisterAbolishBody = Static<typeof RegisterAbolishBody>;

const Staff = Type.Union([Type.Object({ staffId: Type.String(), displayName: Type.String() }), Type.Null()]);

export const RegisterVersionItem = Type.Object({
  version: Type.Integer(),
  changeKind: StringEnum(REGISTER_CHANGE_KINDS),
  effectiveOn: Type.String(),
  /** superseded: replaced by a later version in force; current: in force; scheduled: not yet in force. */
  status: StringEnum(['superseded', 'current', 'scheduled'] as const),
  name: Type.String(),
  section: Type.String(),
  items: Type.String(),
  purposeCodes: Type.Array(Type.String()),
  /** The purposes' wording in force on the day read (the code when unknown). */
  purposes: Type.Array(Type.String()),
  purposesNote: Nullable(Type.String()),
  methods: Type.String(),
  sources: Type.String(),
  recipients: Type.String(),
  media: Type.String(),
  retention: Type.String(),
  retentionYears: Type.Integer(),
  recordCount: Nullable(Type.String()),
  published: Type.Boolean(),
  keepUntil: Nullable(Type.String()),
  changeReason: Nullable(Type.String()),
  recordedBy: Staff,
  recordedAt: Type.String({ format: 'date-time' }),
});
export type RegisterVersionItem = Static<typeof RegisterVersionItem>;

const entryHead = {
  entryId: Type.String(),
  code: Type.String(),
  state: StringEnum(['scheduled', 'in_use', 'abolished', 'expired'] as const),
  /** Whether the register lists the entry on the day read (RET-4). */
  listed: Type.Boolean(),
  startedOn: Type.String(),
  abolishedOn: Nullable(Type.String()),
  keepUntil: Nullable(Type.String()),
  /** The version in force on the day read; before the start, the start itself. */
  current: RegisterVersionItem,
  /** Versions recorded for a later date. */
  scheduled: Type.Array(RegisterVersionItem),
  versionCount: Type.Integer(),
};

export const RegisterEntryItem = Type.Object(entryHead);
export type RegisterEntryItem = Static<typeof RegisterEntryItem>;

export const RegisterEntryDetail = Type.Object({
  ...entryHead,
  /** Every version, oldest first. */
  history: Type.Array(RegisterVersionItem),
});
export type RegisterEntryDetail = Static<typeof RegisterEntryDetail>;

export const RegisterList = Type.Object({ on: Type.String(), items: Type.Array(RegisterEntryItem) });
