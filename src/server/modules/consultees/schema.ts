import { Type, type Static } from 'typebox';
import {
  ACQUISITION_GROUNDS,
  AGENCY_KINDS,
  CASE_PROGRAMS,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  codesOf,
  RELATIONSHIPS,
  REPRESENTATIVE_AUTHORITIES,
  RESTRICTED_CATEGORIES,
  SEXES,
  SOURCE_KINDS,
} from '../../../shared/catalog.js';
import { PURPOSES } from '../../core/purposes.js';
import { IsoDate, NonBlank, Nullable, OptionalDate, StringEnum, Text, Uuid } from '../../http/schemas.js';

const Date_ = OptionalDate;

export const SourceFields = {
  source: StringEnum(codesOf(SOURCE_KINDS), { title: '取得元' }),
  sourceDetail: Text('取得元（誰から）', 200),
};

export const BasicFields = {
  familyName: NonBlank('氏', 50),
  givenName: Type.Optional(Type.String({ title: '名', maxLength: 50 })),
  familyNameKana: Type.Optional(Type.String({ title: '氏（カナ）', maxLength: 50 })),
  givenNameKana: Type.Optional(Type.String({ title: '名（カナ）', maxLength: 50 })),
  sex: Nullable(StringEnum(codesOf(SEXES), { title: '性別' }), '性別'),
  sexNote: Text('性別（その他の記載）', 50),
  birthDate: Date_('生年月日'),
  postalCode: Nullable(Type.String({ title: '郵便番号', pattern: '^[0-9]{3}-?[0-9]{4}$' }), '郵便番号'),
  address: Text('住所', 200),
  phone: Nullable(
    Type.String({ title: '電話番号（自宅）', maxLength: 30, pattern: '^[0-9０-９()（）+\\- ]*$' }),
    '電話番号（自宅）',
  ),
  phoneMobile: Nullable(
    Type.String({ title: '電話番号（携帯）', maxLength: 30, pattern: '^[0-9０-９()（）+\\- ]*$' }),
    '電話番号（携帯）',
  ),
  email: Nullable(Type.String({ title: 'メールアドレス', maxLength: 254, format: 'email' }), 'メールアドレス'),
  basicSource: Type.Optional(StringEnum(codesOf(SOURCE_KINDS), { title: '基本情報の取得元' })),
  basicSourceDetail: Text('基本情報の取得元（詳細）', 200),
};

export const BasicUpdateBody = Type.Object(
  { ...BasicFields, familyName: Type.Optional(NonBlank('氏', 50)) },
  { additionalProperties: false, minProperties: 1 },
);
export type BasicUpdateBody = Static<typeof BasicUpdateBody>;

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ title: '氏名・カナ', maxLength: 100 })),
    birthDate: Type.Optional(Type.String({ title: '生年月日', maxLength: 30 })),
    phone: Type.Optional(Type.String({ title: '電話番号', maxLength: 30 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const CaseSummary = Type.Object({
  caseId: Type.String(),
  program: Type.String(),
  status: Type.String(),
  openedOn: Type.String(),
  closedOn: Type.Union([Type.String(), Type.Null()]),
});

export const SearchItem = Type.Object({
  consulteeId: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.String(),
  givenNameKana: Type.String(),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  cases: Type.Array(CaseSummary),
});
export const SearchResult = Type.Object({ items: Type.Array(SearchItem) });

const Row = Type.Record(Type.String(), Type.Unknown());

export const ConsulteeDetail = Type.Object({
  consultee: Row,
  withheld: Type.Array(Type.String()),
  basis: Type.String(),
  household: Type.Array(Row),
  profile: Type.Array(Row),
  consents: Type.Array(Row),
  approvals: Type.Array(Row),
  cases: Type.Array(CaseSummary),
});

export const HouseholdMemberBody = Type.Object(
  {
    relationship: StringEnum(codesOf(RELATIONSHIPS), { title: '続柄' }),
    relationshipNote: Text('続柄（その他）', 50),
    familyName: NonBlank('氏', 50),
    givenName: Text('名', 50),
    kana: Text('氏名（カナ）', 100),
    sex: Nullable(StringEnum(codesOf(SEXES), { title: '性別' }), '性別'),
    birthDate: Date_('生年月日'),
    cohabiting: Type.Boolean({ title: '同居・別居' }),
    occupation: Text('職業・学校', 100),
    notes: Text('備考', 1000),
    ...SourceFields,
  },
  { additionalProperties: false },
);
export type HouseholdMemberBody = Static<typeof HouseholdMemberBody>;

export const ProfileItemBody = Type.Object(
  {
    value: NonBlank('内容', 4000),
    ...SourceFields,
    sourceReason: Text('本人以外から取得した理由', 1000),
    acquisitionGround: Nullable(
      StringEnum(codesOf(ACQUISITION_GROUNDS), { title: '同意によらない取得の根拠' }),
      '同意によらない取得の根拠',
    ),
    groundReason: Text('同意によらない取得の理由', 1000),
  },
  { additionalProperties: false },
);
export type ProfileItemBody = Static<typeof ProfileItemBody>;

export const ConsentBody = Type.Object(
  {
    givenBy: StringEnum(codesOf(CONSENT_GIVERS), { title: '同意した者' }),
    representativeName: Text('代理人の氏名', 100),
    representativeRelation: Text('代理人と本人との関係', 50),
    representativeAuthority: Nullable(
      StringEnum(codesOf(REPRESENTATIVE_AUTHORITIES), { title: '代理権の根拠' }),
      '代理権の根拠',
    ),
    method: StringEnum(codesOf(CONSENT_METHODS), { title: '同意の方法' }),
    explanation: Text('説明した内容', 4000),
    documentId: Nullable(Uuid('同意書の写し'), '同意書の写し'),
    givenOn: IsoDate('同意日'),
    purposes: Type.Array(StringEnum(PURPOSES, { title: '同意の範囲（利用目的）' }), {
      title: '同意の範囲（利用目的）',
      minItems: 1,
      uniqueItems: true,
    }),
    agencyKinds: Type.Array(StringEnum(codesOf(AGENCY_KINDS), { title: '関係機関の種類' }), {
      title: '関係機関の種類',
      uniqueItems: true,
    }),
    agencyNames: Text('関係機関名', 1000),
    /** Related agencies of the tenant's list that the consent names (CON-4), besides the kinds. */
    agencyIds: Type.Optional(
      Type.Array(Uuid('関係機関'), { title: '同意の範囲の関係機関', uniqueItems: true, maxItems: 100 }),
    ),
    coversSpecialCare: Type.Boolean({ title: '要配慮個人情報への同意' }),
    validFrom: IsoDate('有効期間の開始日'),
    validUntil: Date_('有効期限'),
    /** A consent this one replaces: consents are superseded, never edited (CON-5). */
    supersedes: Nullable(Uuid('置き換える同意'), '置き換える同意'),
  },
  { additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;

export const WithdrawBody = Type.Object(
  {
    withdrawnOn: IsoDate('撤回日'),
    reason: Text('撤回の理由', 1000),
  },
  { additionalProperties: false },
);

export const DocumentBody = Type.Object(
  {
    fileName: NonBlank('ファイル名', 200),
    mediaType: StringEnum(['application/pdf', 'image/jpeg', 'image/png'], { title: 'ファイルの形式' }),
    contentBase64: Type.String({
      title: 'ファイル',
      minLength: 4,
      maxLength: 14_000_000,
      pattern: '^[A-Za-z0-9+/=\\s]+$',
    }),
  },
  { additionalProperties: false },
);
export type DocumentBody = Static<typeof DocumentBody>;

/** Registration: the person, the first case, and the consent given at the counter. */
export const RegisterBody = Type.Object(
  {
    ...BasicFields,
    program: StringEnum(codesOf(CASE_PROGRAMS), { title: '事業' }),
    openedOn: Type.Optional(IsoDate('受付日')),
    officeId: Type.Optional(Uuid('窓口')),
    leadStaffId: Type.Optional(Uuid('主担当')),
    confirmDuplicate: Type.Optional(Type.Boolean({ title: '重複の確認' })),
    /** The consent given at the counter, recorded in the same command. */
    consent: Type.Optional(Type.Omit(ConsentBody, ['supersedes', 'documentId'])),
    /** The signed consent form, scanned, for a written consent. */
    document: Type.Optional(DocumentBody),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const ApprovalBody = Type.Object(
  {
    categories: Type.Array(StringEnum(codesOf(RESTRICTED_CATEGORIES), { title: '承認された項目の区分' }), {
      title: '承認された項目の区分',
      minItems: 1,
      uniqueItems: true,
    }),
    approverName: NonBlank('承認者', 100),
    approverTitle: Text('承認者の職', 100),
    approvedOn: IsoDate('承認日'),
    documentNumber: Text('承認文書の番号', 100),
    reason: NonBlank('取得が必要な理由', 2000),
  },
  { additionalProperties: false },
);
export type ApprovalBody = Static<typeof ApprovalBody>;

export const HistoryEntry = Type.Object({
  historyId: Type.String(),
  recordTable: Type.String(),
  recordId: Type.String(),
  changeKind: Type.String(),
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
  withheld: Type.Array(Type.String()),
  changedBy: Type.Union([Type.Object({ staffId: Type.String(), displayName: Type.String() }), Type.Null()]),
  changedAt: Type.String({ format: 'date-time' }),
});
export const HistoryResponse = Type.Object({ items: Type.Array(HistoryEntry) });

export const Created = Type.Object({ id: Type.String() });
export const RegisterResponse = Type.Object({ consulteeId: Type.String(), caseId: Type.String() });

export const ConsulteeParams = Type.Object({ consulteeId: Uuid('相談者') });

/** Issue 2's list of consultees in reach. */
export const ListItem = Type.Object({
  consulteeId: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.String(),
  givenNameKana: Type.String(),
});
export type ConsulteeListItem = Static<typeof ListItem>;
