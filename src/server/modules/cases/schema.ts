// Request and response shapes of a case and its national forms (FORMS §1–§7).
// Body fields carry the column names (camelCase), so a form maps to its table directly.

import { Type, type Static } from 'typebox';
import {
  ACQUISITION_GROUNDS,
  ARREAR_KINDS,
  CASE_PROGRAMS,
  DEBT_STATUSES,
  CLOSURE_REASONS,
  codesOf,
  CONSULTATION_TOPICS,
  CONTACT_METHODS,
  CONTACT_ROUTES,
  COUNTERPARTS,
  DEBT_KINDS,
  EMPLOYMENT_STATUSES,
  EXPENSE_CATEGORIES,
  GOAL_RESULTS,
  HEALTH_INSURANCE,
  HOUSING_STATUSES,
  IMPROVEMENTS,
  INCOME_CATEGORIES,
  ISSUE_TRAITS,
  MEETING_DECISIONS,
  NEXT_ACTIONS,
  PENSION_STATUSES,
  PROGRAMS,
  SCREENING_RESULTS,
  SOURCE_KINDS,
  VISITOR_RELATIONS,
} from '../../../shared/catalog.js';
import { TRANSITIONS } from '../../core/case-flow.js';
import { IsoDate, NonBlank, Nullable, OptionalDate, StringEnum, Text, Uuid } from '../../http/schemas.js';

const Date_ = OptionalDate;
const Codes = (title: string, list: readonly { code: string }[]) =>
  Type.Array(
    StringEnum(
      list.map((c) => c.code),
      { title },
    ),
    { title, uniqueItems: true },
  );
const Code = (title: string, list: readonly { code: string }[]) =>
  Nullable(
    StringEnum(
      list.map((c) => c.code),
      { title },
    ),
    title,
  );
const Month = (title: string) => Type.String({ title, pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
const Yen = (title: string) => Type.Integer({ title, minimum: 0, maximum: 1_000_000_000 });

/** ACQ-2: the basis for special-care content without consent. */
const Basis = {
  acquisitionGround: Code('同意によらない取得の根拠', ACQUISITION_GROUNDS),
  groundReason: Text('同意によらない取得の理由', 1000),
};

export const CaseParams = Type.Object({ caseId: Uuid('ケース') });
export const RecordParams = Type.Object({ caseId: Uuid('ケース'), recordId: Uuid('記録') });

export const OpenCaseBody = Type.Object(
  {
    program: StringEnum(codesOf(CASE_PROGRAMS), { title: '事業' }),
    openedOn: Type.Optional(IsoDate('受付日')),
    leadStaffId: Type.Optional(Uuid('主担当')),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    transition: StringEnum(TRANSITIONS, { title: '段階の変更' }),
    effectiveOn: Type.Optional(IsoDate('変更日')),
    note: Text('変更の理由・備考', 1000),
  },
  { additionalProperties: false },
);

export const WorkersBody = Type.Object(
  {
    leadStaffId: Uuid('主担当'),
    coStaffIds: Type.Array(Uuid('副担当'), { title: '副担当', maxItems: 5, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const ScreeningBody = Type.Object(
  {
    screeningResult: StringEnum(codesOf(SCREENING_RESULTS), { title: 'スクリーニング結果' }),
    referralDestination: Text('つなぎ先', 200),
    referredToPublicAssistance: Type.Optional(Type.Boolean({ title: '生活保護窓口へのつなぎ' })),
  },
  { additionalProperties: false },
);

/** 相談受付・申込票 (A票・B票). */
export const IntakeBody = Type.Object(
  {
    receivedOn: IsoDate('受付日'),
    contactRoute: StringEnum(codesOf(CONTACT_ROUTES), { title: '相談の経路' }),
    referredBy: Text('紹介元', 200),
    visitorName: Text('来談者の氏名', 100),
    visitorPhone: Text('来談者の電話番号', 30),
    visitorRelation: Code('来談者と本人との関係', VISITOR_RELATIONS),
    visitorRelationDetail: Text('来談者と本人との関係（続柄など）', 50),
    topics: Codes('相談の内容', CONSULTATION_TOPICS),
    primaryTopic: Code('主な相談の内容', CONSULTATION_TOPICS),
    topicOther: Text('相談の内容（その他）', 200),
    wishes: Text('相談したいこと・支援にあたっての希望', 4000),
    employmentStatus: Code('仕事', EMPLOYMENT_STATUSES),
    housingStatus: Code('住居', HOUSING_STATUSES),
    healthInsurance: Code('健康保険', HEALTH_INSURANCE),
    pension: Code('年金', PENSION_STATUSES),
    applied: Type.Boolean({ title: '利用の申込み' }),
    appliedOn: Date_('申込日'),
    purposesExplainedOn: Date_('利用目的・取扱規程を説明した日'),
    rulesVersion: Text('説明した取扱規程の版', 50),
    source: StringEnum(codesOf(SOURCE_KINDS), { title: '記入者（取得元）' }),
    sourceDetail: Text('取得元（詳細）', 200),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

/** インテーク・アセスメントシート. */
export const AssessmentBody = Type.Object(
  {
    assessedOn: IsoDate('アセスメント日'),
    issueTraits: Codes('課題の特性', ISSUE_TRAITS),
    lifeHistory: Text('生活歴', 4000),
    healthSituation: Text('心身の状況', 4000),
    workSituation: Text('就労・就学の状況', 4000),
    financeSituation: Text('家計・収入の状況', 4000),
    housingSituation: Text('住まいの状況', 4000),
    familyRelations: Text('家族関係', 4000),
    socialRelations: Text('社会との関係', 4000),
    strengths: Text('本人の強み', 4000),
    personWishes: Text('本人の希望', 4000),
    assessorView: Text('支援員の見立て', 4000),
    emergencySupport: Text('プラン策定前の支援（緊急支援等）', 2000),
    ...Basis,
  },
  { additionalProperties: false },
);
export type AssessmentBody = Static<typeof AssessmentBody>;

export const Goal = Type.Object(
  {
    goal: NonBlank('目標', 500),
    actions: Type.String({ title: '支援内容（本人・支援機関の取組み）', maxLength: 1000 }),
    who: Type.String({ title: '担当（機関・者）', maxLength: 200 }),
    period: Type.String({ title: '期間', maxLength: 100 }),
  },
  { additionalProperties: false },
);

/** プラン兼事業等利用申込書. */
export const PlanBody = Type.Object(
  {
    draftedOn: IsoDate('作成日'),
    periodFrom: Date_('支援期間（開始）'),
    periodTo: Date_('支援期間（終了）'),
    longTermGoal: Text('目指す姿（長期目標）', 2000),
    goals: Type.Array(Goal, { title: '目標・支援内容', maxItems: 20 }),
    programs: Codes('利用する事業', PROGRAMS),
    employmentSupportTarget: Type.Boolean({ title: '就労支援の対象' }),
    personAgreedOn: Date_('本人の同意・申込日'),
    nextReviewOn: Date_('次回の見直し予定日'),
    notes: Text('備考', 2000),
  },
  { additionalProperties: false },
);
export type PlanBody = Static<typeof PlanBody>;

export const Attendee = Type.Object(
  {
    name: NonBlank('出席者の氏名', 100),
    organization: Type.String({ title: '出席者の所属', maxLength: 100 }),
    role: Type.String({ title: '出席者の役割', maxLength: 100 }),
  },
  { additionalProperties: false },
);

/** 支援調整会議. */
export const MeetingBody = Type.Object(
  {
    heldOn: IsoDate('開催日'),
    planId: Nullable(Uuid('諮ったプラン'), '諮ったプラン'),
    attendees: Type.Array(Attendee, { title: '出席者', maxItems: 30 }),
    decision: StringEnum(codesOf(MEETING_DECISIONS), { title: '会議の結論' }),
    notes: Text('協議の内容', 4000),
  },
  { additionalProperties: false },
);

/** 支援決定 (by the municipality). */
export const DecisionBody = Type.Object(
  {
    planId: Nullable(Uuid('決定したプラン'), '決定したプラン'),
    decidedOn: IsoDate('支援決定日'),
    decidedBy: NonBlank('決定した機関', 100),
    decisionNumber: Text('決定番号', 100),
    periodFrom: Date_('支援期間（開始）'),
    periodTo: Date_('支援期間（終了）'),
    notes: Text('備考', 2000),
  },
  { additionalProperties: false },
);

/** 事業等利用申込 and its forwarding to the municipality (BIZ-4). */
export const ApplicationBody = Type.Object(
  {
    planId: Nullable(Uuid('申込みのプラン'), '申込みのプラン'),
    appliedOn: IsoDate('申込日'),
    programs: Type.Array(StringEnum(codesOf(PROGRAMS), { title: '申し込んだ事業' }), {
      title: '申し込んだ事業',
      minItems: 1,
      uniqueItems: true,
    }),
    forwardedOn: Date_('自治体への送付日'),
    municipalityReceivedOn: Date_('自治体の受理日'),
    notes: Text('備考', 2000),
  },
  { additionalProperties: false },
);
export type ApplicationBody = Static<typeof ApplicationBody>;

/** 支援経過記録. */
export const NoteBody = Type.Object(
  {
    contactOn: IsoDate('対応日'),
    method: StringEnum(codesOf(CONTACT_METHODS), { title: '対応の方法' }),
    counterpart: StringEnum(codesOf(COUNTERPARTS), { title: '対応の相手' }),
    counterpartDetail: Text('対応の相手（詳細）', 200),
    content: NonBlank('対応の内容', 8000),
    sensitivity: StringEnum(['ordinary', 'special_care'], { title: '要配慮個人情報を含むか' }),
    nextStep: Text('今後の対応', 2000),
    nextContactOn: Date_('次回の予定日'),
    ...Basis,
  },
  { additionalProperties: false },
);
export type NoteBody = Static<typeof NoteBody>;

export const GoalResultSchema = Type.Object(
  {
    goal: NonBlank('目標', 500),
    result: StringEnum(codesOf(GOAL_RESULTS), { title: '達成状況' }),
    comment: Type.String({ title: '達成状況の所見', maxLength: 1000 }),
  },
  { additionalProperties: false },
);

/** 評価シート. */
export const EvaluationBody = Type.Object(
  {
    planId: Nullable(Uuid('評価したプラン'), '評価したプラン'),
    evaluatedOn: IsoDate('評価日'),
    goalResults: Type.Array(GoalResultSchema, { title: '目標の達成状況', maxItems: 20 }),
    employed: Type.Boolean({ title: '就労' }),
    employedOn: Date_('就労日'),
    incomeIncreased: Type.Boolean({ title: '増収' }),
    incomeIncreasedOn: Date_('増収日'),
    improvementObserved: Type.Boolean({ title: '自立に向けた改善が見られたか' }),
    improvements: Codes('見られた変化', IMPROVEMENTS),
    personView: Text('本人の評価', 4000),
    evaluatorView: Text('支援員の評価', 4000),
    nextAction: StringEnum(codesOf(NEXT_ACTIONS), { title: '今後の方針' }),
  },
  { additionalProperties: false },
);

/** 終結. */
export const ClosureBody = Type.Object(
  {
    closedOn: IsoDate('終結日'),
    reasons: Type.Array(StringEnum(codesOf(CLOSURE_REASONS), { title: '終結の理由' }), {
      title: '終結の理由',
      minItems: 1,
      uniqueItems: true,
    }),
    reasonNote: Text('終結の理由（詳細）', 2000),
    wishesConfirmed: Type.Boolean({ title: '本人の意思の確認' }),
    reportedToMeetingOn: Date_('支援調整会議への報告日'),
    followUpUntil: Date_('フォローアップの期限'),
  },
  { additionalProperties: false },
);

// ── 家計改善支援 ──────────────────────────────────────────────────────

export const BudgetLineSchema = Type.Object(
  {
    direction: StringEnum(['income', 'expense'], { title: '収入・支出' }),
    category: StringEnum([...codesOf(INCOME_CATEGORIES), ...codesOf(EXPENSE_CATEGORIES)], { title: '費目' }),
    label: Type.String({ title: '内訳', maxLength: 100 }),
    amount: Yen('金額（月額・円）'),
  },
  { additionalProperties: false },
);

export const BudgetSheetBody = Type.Object(
  {
    kind: StringEnum(['at_consultation', 'planned'], { title: '家計表の種類' }),
    month: Month('対象月'),
    lines: Type.Array(BudgetLineSchema, { title: '収入・支出の内訳', maxItems: 100 }),
    notes: Text('備考', 2000),
  },
  { additionalProperties: false },
);

export const CashFlowBody = Type.Object(
  {
    startMonth: Month('開始月'),
    openingBalance: Type.Integer({ title: '開始時の残高（円）', minimum: -1_000_000_000, maximum: 1_000_000_000 }),
    baseSheetId: Nullable(Uuid('基にする家計表'), '基にする家計表'),
    events: Type.Array(
      Type.Object(
        {
          month: Month('月'),
          label: NonBlank('出来事', 100),
          amount: Type.Integer({ title: '金額（円、支出は負）', minimum: -1_000_000_000, maximum: 1_000_000_000 }),
        },
        { additionalProperties: false },
      ),
      { title: '予定される収支（ライフイベント）', maxItems: 60 },
    ),
    notes: Text('備考', 2000),
  },
  { additionalProperties: false },
);

export const DebtBody = Type.Object(
  {
    creditor: NonBlank('債権者', 100),
    kind: StringEnum(codesOf(DEBT_KINDS), { title: '債務の種類' }),
    balance: Yen('残高（円）'),
    monthlyPayment: Yen('月々の返済額（円）'),
    arrearsAmount: Yen('延滞額（円）'),
    arrearsMonths: Type.Integer({ title: '延滞月数', minimum: 0, maximum: 600 }),
    status: StringEnum(codesOf(DEBT_STATUSES), { title: '返済の状況' }),
    notes: Text('備考', 1000),
  },
  { additionalProperties: false },
);

export const ArrearBody = Type.Object(
  {
    kind: StringEnum(codesOf(ARREAR_KINDS), { title: '滞納の種類' }),
    creditor: Text('請求元', 100),
    amount: Yen('滞納額（円）'),
    months: Type.Integer({ title: '滞納月数', minimum: 0, maximum: 600 }),
    resolvedOn: Date_('解消日'),
    notes: Text('備考', 1000),
  },
  { additionalProperties: false },
);

export const BudgetPlanBody = Type.Object(
  {
    draftedOn: IsoDate('作成日'),
    goals: NonBlank('目標', 2000),
    actions: Type.Array(
      Type.Object(
        {
          action: NonBlank('取組み', 500),
          due: Type.String({ title: '期限', maxLength: 50 }),
          who: Type.String({ title: '担当', maxLength: 100 }),
        },
        { additionalProperties: false },
      ),
      { title: '取組み', maxItems: 30 },
    ),
    loanReferral: Text('貸付のあっせん', 1000),
    debtRestructuring: Text('債務整理', 1000),
    benefitApplications: Text('給付等の申請', 1000),
    plannedSheetId: Nullable(Uuid('家計計画表'), '家計計画表'),
    reviewOn: Date_('次回の見直し予定日'),
  },
  { additionalProperties: false },
);

const Row = Type.Record(Type.String(), Type.Unknown());
const Rows = Type.Array(Row);

export const CaseDetail = Type.Object({
  case: Row,
  consultee: Row,
  basis: Type.String(),
  specialCareConsent: Type.Boolean(),
  may: Type.Object({ transition: Type.Boolean(), assign: Type.Boolean() }),
  workers: Type.Array(Type.Object({ staffId: Type.String(), displayName: Type.String(), role: Type.String() })),
  moves: Type.Array(
    Type.Object({
      transition: Type.String(),
      label: Type.String(),
      allowed: Type.Boolean(),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  transitions: Rows,
  intake: Type.Union([Row, Type.Null()]),
  assessment: Type.Union([Row, Type.Null()]),
  plans: Rows,
  meetings: Rows,
  decisions: Rows,
  applications: Rows,
  notes: Rows,
  evaluations: Rows,
  closure: Type.Union([Row, Type.Null()]),
  budget: Type.Object({
    sheets: Rows,
    cashFlows: Rows,
    debts: Rows,
    arrears: Rows,
    plans: Rows,
    debtTotals: Type.Object({ balance: Type.Number(), monthlyPayment: Type.Number(), arrears: Type.Number() }),
  }),
});

export const CaseCreated = Type.Object({ caseId: Type.String() });
export const TransitionResult = Type.Object({ status: Type.String() });

export const DashboardResponse = Type.Object({
  today: Type.String(),
  myCases: Type.Array(Type.Object({ status: Type.String(), count: Type.Integer() })),
  attention: Type.Array(
    Type.Object({
      caseId: Type.String(),
      consulteeId: Type.String(),
      familyName: Type.String(),
      givenName: Type.String(),
      familyNameKana: Type.String(),
      givenNameKana: Type.String(),
      program: Type.String(),
      status: Type.String(),
      assigned: Type.Boolean(),
      items: Type.Array(Type.Object({ code: Type.String(), on: Type.String() })),
    }),
  ),
  attentionTotal: Type.Integer(),
});
