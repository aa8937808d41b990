// The Japanese names of every record and field a consultee's file holds, by
// table, with how each value is read (a date, a code of a choice list, yen…).
// The forms take their labels from here and the change history reads the same
// table, so a field is called the same thing where it is typed and where its
// changes are listed. The labels follow the server schemas' `title`s.

import {
  ACQUISITION_GROUNDS,
  AGENCY_KINDS,
  ARREAR_KINDS,
  BUDGET_SHEET_KINDS,
  CLOSURE_REASONS,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CONSULTATION_TOPICS,
  CONTACT_METHODS,
  CONTACT_ROUTES,
  COUNTERPARTS,
  DEBT_KINDS,
  EMPLOYMENT_STATUSES,
  HEALTH_INSURANCE,
  HOUSING_STATUSES,
  IMPROVEMENTS,
  INCOME_CATEGORIES,
  ISSUE_TRAITS,
  EXPENSE_CATEGORIES,
  GOAL_RESULTS,
  MEETING_DECISIONS,
  NEXT_ACTIONS,
  PENSION_STATUSES,
  PROFILE_CATEGORY_LABELS,
  PROFILE_ITEMS,
  PROGRAMS,
  RELATIONSHIPS,
  REPRESENTATIVE_AUTHORITIES,
  RESTRICTED_CATEGORIES,
  SCREENING_RESULTS,
  SEXES,
  SOURCE_KINDS,
  VISITOR_RELATIONS,
  type Choice,
} from '../../../shared/catalog';
import {
  CASE_STATUS_LABELS,
  DATA_CLASS_LABELS,
  DEBT_STATUSES,
  MOVES,
  PROGRAM_LABELS,
  PURPOSE_LABELS,
} from '../../labels';

/** How a field's value is read when it is shown. */
export type ValueKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'month' }
  | { kind: 'bool'; yes?: string; no?: string }
  | { kind: 'yen' }
  | { kind: 'number'; unit?: string }
  | { kind: 'code'; choices: readonly Choice[] }
  | { kind: 'codes'; choices: readonly Choice[] }
  /** Rows of a table inside the record (goals, attendees…): columns by key. */
  | { kind: 'rows'; columns: Readonly<Record<string, string>>; choices?: Readonly<Record<string, readonly Choice[]>> };

export interface FieldLabel {
  label: string;
  value: ValueKind;
}

const toChoices = (table: Readonly<Record<string, string>>): Choice[] =>
  Object.entries(table).map(([code, label]) => ({ code, label }));

const text = (label: string): FieldLabel => ({ label, value: { kind: 'text' } });
const date = (label: string): FieldLabel => ({ label, value: { kind: 'date' } });
const datetime = (label: string): FieldLabel => ({ label, value: { kind: 'datetime' } });
const bool = (label: string, yes = 'はい', no = 'いいえ'): FieldLabel => ({ label, value: { kind: 'bool', yes, no } });
const yen = (label: string): FieldLabel => ({ label, value: { kind: 'yen' } });
const count = (label: string, unit: string): FieldLabel => ({ label, value: { kind: 'number', unit } });
const code = (label: string, choices: readonly Choice[]): FieldLabel => ({ label, value: { kind: 'code', choices } });
const codes = (label: string, choices: readonly Choice[]): FieldLabel => ({ label, value: { kind: 'codes', choices } });

export const STATUS_CHOICES = toChoices(CASE_STATUS_LABELS);
export const PROGRAM_CHOICES = toChoices(PROGRAM_LABELS);
export const PURPOSE_CHOICES = toChoices(PURPOSE_LABELS);
export const SENSITIVITY_CHOICES: readonly Choice[] = [
  { code: 'ordinary', label: '含まない' },
  { code: 'special_care', label: '要配慮個人情報を含む' },
];
const TRANSITION_CHOICES: Choice[] = Object.entries(MOVES).map(([c, m]) => ({ code: c, label: m.label }));
const PROFILE_ITEM_CHOICES: Choice[] = PROFILE_ITEMS.map((i) => ({ code: i.key, label: i.label }));
export const DIRECTION_CHOICES: readonly Choice[] = [
  { code: 'income', label: '収入' },
  { code: 'expense', label: '支出' },
];
const WORKER_ROLE_CHOICES: Choice[] = [
  { code: 'lead', label: '主担当' },
  { code: 'co', label: '副担当' },
];

/** The acquisition basis of special-care content (ACQ-2), on notes, assessments and profile items. */
const BASIS = {
  acquisitionGround: code('同意によらない取得の根拠', ACQUISITION_GROUNDS),
  groundReason: text('同意によらない取得の理由'),
};

const RECORDED = { createdAt: datetime('記録日時'), updatedAt: datetime('更新日時') };

function table<const F extends Record<string, FieldLabel>>(label: string, fields: F) {
  return { label, fields };
}

export const RECORDS = {
  consultees: table('基本情報', {
    familyName: text('氏'),
    givenName: text('名'),
    familyNameKana: text('氏（カナ）'),
    givenNameKana: text('名（カナ）'),
    sex: code('性別', SEXES),
    sexNote: text('性別（その他の記載）'),
    birthDate: date('生年月日'),
    postalCode: text('郵便番号'),
    address: text('住所'),
    phone: text('電話番号（自宅）'),
    phoneMobile: text('電話番号（携帯）'),
    email: text('メールアドレス'),
    basicSource: code('基本情報の取得元', SOURCE_KINDS),
    basicSourceDetail: text('基本情報の取得元（詳細）'),
    createdAt: datetime('登録日時'),
    updatedAt: datetime('更新日時'),
  }),
  cases: table('ケース', {
    program: code('事業', PROGRAM_CHOICES),
    openedOn: date('受付日'),
    closedOn: date('終結日'),
    status: code('支援の段階', STATUS_CHOICES),
    statusChangedAt: datetime('段階の変更日時'),
    suspendedFrom: code('中断前の段階', STATUS_CHOICES),
    screeningResult: code('スクリーニング結果', SCREENING_RESULTS),
    referralDestination: text('つなぎ先'),
    referredToPublicAssistance: bool('生活保護窓口へのつなぎ'),
    createdAt: datetime('作成日時'),
    updatedAt: datetime('更新日時'),
  }),
  case_workers: table('担当者', {
    staffId: text('担当職員'),
    role: code('担当区分', WORKER_ROLE_CHOICES),
    assignedAt: datetime('担当開始日時'),
  }),
  case_transitions: table('段階の変更', {
    transition: code('段階の変更', TRANSITION_CHOICES),
    fromStatus: code('変更前の段階', STATUS_CHOICES),
    toStatus: code('変更後の段階', STATUS_CHOICES),
    effectiveOn: date('変更日'),
    note: text('変更の理由・備考'),
    recordedAt: datetime('記録日時'),
  }),
  household_members: table('世帯員', {
    relationship: code('続柄', RELATIONSHIPS),
    relationshipNote: text('続柄（その他）'),
    familyName: text('氏'),
    givenName: text('名'),
    kana: text('氏名（カナ）'),
    sex: code('性別', SEXES),
    birthDate: date('生年月日'),
    cohabiting: bool('同居・別居', '同居', '別居'),
    occupation: text('職業・学校'),
    notes: text('備考'),
    source: code('取得元', SOURCE_KINDS),
    sourceDetail: text('取得元（誰から）'),
    removedAt: datetime('世帯から外れた日時'),
    ...RECORDED,
  }),
  profile_items: table('本人の状況', {
    itemKey: code('項目', PROFILE_ITEM_CHOICES),
    category: code('項目の区分', toChoices(PROFILE_CATEGORY_LABELS)),
    dataClass: code('データ区分', toChoices(DATA_CLASS_LABELS)),
    value: text('内容'),
    source: code('取得元', SOURCE_KINDS),
    sourceDetail: text('取得元（誰から）'),
    sourceReason: text('本人以外から取得した理由'),
    ...BASIS,
    recordedAt: datetime('記録日時'),
    updatedAt: datetime('更新日時'),
  }),
  consents: table('同意', {
    givenBy: code('同意した者', CONSENT_GIVERS),
    representativeName: text('代理人の氏名'),
    representativeRelation: text('代理人と本人との関係'),
    representativeAuthority: code('代理権の根拠', REPRESENTATIVE_AUTHORITIES),
    method: code('同意の方法', CONSENT_METHODS),
    explanation: text('説明した内容'),
    givenOn: date('同意日'),
    purposes: codes('同意の範囲（利用目的）', PURPOSE_CHOICES),
    agencyKinds: codes('関係機関の種類', AGENCY_KINDS),
    agencyNames: text('関係機関名'),
    coversSpecialCare: bool('要配慮個人情報への同意', '含む', '含まない'),
    validFrom: date('有効期間の開始日'),
    validUntil: date('有効期限'),
    withdrawnOn: date('撤回日'),
    withdrawalReason: text('撤回の理由'),
    recordedAt: datetime('記録日時'),
  }),
  commissioning_approvals: table('委託元（自治体）の承認', {
    categories: codes('承認された項目の区分', RESTRICTED_CATEGORIES),
    approverName: text('承認者'),
    approverTitle: text('承認者の職'),
    approvedOn: date('承認日'),
    documentNumber: text('承認文書の番号'),
    reason: text('取得が必要な理由'),
    recordedAt: datetime('記録日時'),
  }),
  intake_forms: table('相談受付・申込票', {
    receivedOn: date('受付日'),
    contactRoute: code('相談の経路', CONTACT_ROUTES),
    referredBy: text('紹介元'),
    visitorName: text('来談者の氏名'),
    visitorPhone: text('来談者の電話番号'),
    visitorRelation: code('来談者と本人との関係', VISITOR_RELATIONS),
    visitorRelationDetail: text('来談者と本人との関係（続柄など）'),
    topics: codes('相談の内容（お困りのこと）', CONSULTATION_TOPICS),
    primaryTopic: code('主な相談の内容', CONSULTATION_TOPICS),
    topicOther: text('相談の内容（その他）'),
    wishes: text('相談したいこと・支援にあたっての希望'),
    employmentStatus: code('仕事', EMPLOYMENT_STATUSES),
    housingStatus: code('住居', HOUSING_STATUSES),
    healthInsurance: code('健康保険', HEALTH_INSURANCE),
    pension: code('年金', PENSION_STATUSES),
    applied: bool('利用の申込み', '申込みあり', '申込みなし'),
    appliedOn: date('申込日'),
    purposesExplainedOn: date('利用目的・取扱規程を説明した日'),
    rulesVersion: text('説明した取扱規程の版'),
    source: code('記入者（取得元）', SOURCE_KINDS),
    sourceDetail: text('取得元（詳細）'),
    ...RECORDED,
  }),
  assessments: table('インテーク・アセスメントシート', {
    assessedOn: date('アセスメント日'),
    issueTraits: codes('課題の特性', ISSUE_TRAITS),
    lifeHistory: text('生活歴'),
    healthSituation: text('心身の状況'),
    workSituation: text('就労・就学の状況'),
    financeSituation: text('家計・収入の状況'),
    housingSituation: text('住まいの状況'),
    familyRelations: text('家族関係'),
    socialRelations: text('社会との関係'),
    strengths: text('本人の強み'),
    personWishes: text('本人の希望'),
    assessorView: text('支援員の見立て'),
    emergencySupport: text('プラン策定前の支援（緊急支援等）'),
    ...BASIS,
    ...RECORDED,
  }),
  plans: table('プラン兼事業等利用申込書', {
    revision: count('プランの版', '版'),
    draftedOn: date('作成日'),
    periodFrom: date('支援期間（開始）'),
    periodTo: date('支援期間（終了）'),
    longTermGoal: text('目指す姿（長期目標）'),
    goals: {
      label: '目標・支援内容',
      value: {
        kind: 'rows',
        columns: {
          goal: '目標',
          actions: '支援内容（本人・支援機関の取組み）',
          who: '担当（機関・者）',
          period: '期間',
        },
      },
    },
    programs: codes('利用する事業', PROGRAMS),
    employmentSupportTarget: bool('就労支援の対象', '対象', '対象外'),
    personAgreedOn: date('本人の同意・申込日'),
    nextReviewOn: date('次回の見直し予定日'),
    notes: text('備考'),
    ...RECORDED,
  }),
  coordination_meetings: table('支援調整会議', {
    heldOn: date('開催日'),
    attendees: {
      label: '出席者',
      value: { kind: 'rows', columns: { name: '氏名', organization: '所属', role: '役割' } },
    },
    decision: code('会議の結論', MEETING_DECISIONS),
    notes: text('協議の内容'),
    ...RECORDED,
  }),
  support_decisions: table('支援決定', {
    decidedOn: date('支援決定日'),
    decidedBy: text('決定した機関'),
    decisionNumber: text('決定番号'),
    periodFrom: date('支援期間（開始）'),
    periodTo: date('支援期間（終了）'),
    notes: text('備考'),
    ...RECORDED,
  }),
  municipal_applications: table('事業等利用申込', {
    appliedOn: date('申込日'),
    programs: codes('申し込んだ事業', PROGRAMS),
    forwardedOn: date('自治体への送付日'),
    municipalityReceivedOn: date('自治体の受理日'),
    notes: text('備考'),
    ...RECORDED,
  }),
  progress_notes: table('支援経過記録', {
    contactOn: date('対応日'),
    method: code('対応の方法', CONTACT_METHODS),
    counterpart: code('対応の相手', COUNTERPARTS),
    counterpartDetail: text('対応の相手（詳細）'),
    content: text('対応の内容'),
    sensitivity: code('要配慮個人情報を含むか', SENSITIVITY_CHOICES),
    nextStep: text('今後の対応'),
    nextContactOn: date('次回の予定日'),
    ...BASIS,
    ...RECORDED,
  }),
  evaluations: table('評価シート', {
    evaluatedOn: date('評価日'),
    goalResults: {
      label: '目標の達成状況',
      value: {
        kind: 'rows',
        columns: { goal: '目標', result: '達成状況', comment: '所見' },
        choices: { result: GOAL_RESULTS },
      },
    },
    employed: bool('就労', '就労した', '就労していない'),
    employedOn: date('就労日'),
    incomeIncreased: bool('増収', '増収した', '増収していない'),
    incomeIncreasedOn: date('増収日'),
    improvementObserved: bool('自立に向けた改善', '見られた', '見られない'),
    improvements: codes('見られた変化', IMPROVEMENTS),
    personView: text('本人の評価'),
    evaluatorView: text('支援員の評価'),
    nextAction: code('今後の方針', NEXT_ACTIONS),
    ...RECORDED,
  }),
  closures: table('終結', {
    closedOn: date('終結日'),
    reasons: codes('終結の理由', CLOSURE_REASONS),
    reasonNote: text('終結の理由（詳細）'),
    wishesConfirmed: bool('本人の意思の確認', '確認した', '確認していない'),
    reportedToMeetingOn: date('支援調整会議への報告日'),
    followUpUntil: date('フォローアップの期限'),
    ...RECORDED,
  }),
  budget_sheets: table('家計表', {
    kind: code('家計表の種類', BUDGET_SHEET_KINDS),
    month: { label: '対象月', value: { kind: 'month' } },
    lines: {
      label: '収入・支出の内訳',
      value: {
        kind: 'rows',
        columns: { direction: '収入・支出', category: '費目', label: '内訳', amount: '金額（円）' },
        choices: { direction: DIRECTION_CHOICES, category: [...INCOME_CATEGORIES, ...EXPENSE_CATEGORIES] },
      },
    },
    notes: text('備考'),
    ...RECORDED,
  }),
  cash_flows: table('キャッシュフロー表', {
    startMonth: { label: '開始月', value: { kind: 'month' } },
    openingBalance: yen('開始時の残高'),
    events: {
      label: '予定される収支（ライフイベント）',
      value: { kind: 'rows', columns: { month: '月', label: '出来事', amount: '金額' } },
    },
    notes: text('備考'),
    ...RECORDED,
  }),
  debts: table('債務', {
    creditor: text('債権者'),
    kind: code('債務の種類', DEBT_KINDS),
    balance: yen('残高'),
    monthlyPayment: yen('月々の返済額'),
    arrearsAmount: yen('延滞額'),
    arrearsMonths: count('延滞月数', 'か月'),
    status: code('返済の状況', DEBT_STATUSES),
    notes: text('備考'),
    ...RECORDED,
  }),
  arrears: table('滞納', {
    kind: code('滞納の種類', ARREAR_KINDS),
    creditor: text('請求元'),
    amount: yen('滞納額'),
    months: count('滞納月数', 'か月'),
    resolvedOn: date('解消日'),
    notes: text('備考'),
    ...RECORDED,
  }),
  budget_plans: table('家計再生プラン', {
    draftedOn: date('作成日'),
    goals: text('目標'),
    actions: {
      label: '取組み',
      value: { kind: 'rows', columns: { action: '取組み', due: '期限', who: '担当' } },
    },
    loanReferral: text('貸付のあっせん'),
    debtRestructuring: text('債務整理'),
    benefitApplications: text('給付等の申請'),
    reviewOn: date('次回の見直し予定日'),
    ...RECORDED,
  }),
} as const;

export type RecordTable = keyof typeof RECORDS;

/**
 * Fields a history never lists: search keys, and a profile item's category and
 * class, which follow from the item itself.
 */
export const UNLISTED_FIELDS: readonly string[] = ['nameKey', 'kanaKey', 'phoneKey', 'category', 'dataClass'];

/** The labels of one record's fields, for a form: labelsOf('intake_forms').receivedOn. */
export function labelsOf<T extends RecordTable>(name: T): { [K in keyof (typeof RECORDS)[T]['fields']]: string } {
  const out: Record<string, string> = {};
  for (const [field, def] of Object.entries(RECORDS[name].fields)) out[field] = (def as FieldLabel).label;
  return out as { [K in keyof (typeof RECORDS)[T]['fields']]: string };
}

export function fieldLabelOf(tableName: string, field: string): FieldLabel | undefined {
  const t = (RECORDS as Readonly<Record<string, { fields: Readonly<Record<string, FieldLabel>> }>>)[tableName];
  return t?.fields[field];
}

/** Where a field comes in its form, for listing changes in the form's order. */
export function fieldOrder(tableName: string, field: string): number {
  const t = (RECORDS as Readonly<Record<string, { fields: Readonly<Record<string, FieldLabel>> }>>)[tableName];
  const index = t ? Object.keys(t.fields).indexOf(field) : -1;
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

export function recordLabelOf(tableName: string): string {
  return (RECORDS as Readonly<Record<string, { label: string }>>)[tableName]?.label ?? '記録';
}
