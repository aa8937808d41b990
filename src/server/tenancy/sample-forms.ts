// Filled-in forms of a fictional case, from intake to closure, as a worker would
// write them: the demo tenant walks its cases through these, and the tests and the
// benchmark use them as realistic input. Every person and place here is invented.

import type { Transition } from '../core/case-flow.js';
import type { RegisterBody } from '../modules/consultees/schema.js';

/** Dates relative to the day the case was opened (YYYY-MM-DD). */
export function dayAfter(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const sampleConsent = (on: string): NonNullable<RegisterBody['consent']> => ({
  givenBy: 'self' as const,
  method: 'oral' as const,
  explanation:
    '利用目的（相談支援、自治体への事業等利用申込、関係機関との連絡・調整）と、関係機関へ情報を提供する場合があることを説明し、要配慮個人情報を含めて同意を得た',
  givenOn: on,
  purposes: ['consultation_support', 'municipal_application', 'support_coordination'] as (
    'consultation_support' | 'municipal_application' | 'support_coordination'
  )[],
  agencyKinds: ['administrative', 'employment'],
  agencyNames: '架空市 生活支援課、架空公共職業安定所',
  coversSpecialCare: true,
  validFrom: on,
  validUntil: null,
});

export const sampleIntake = (on: string) => ({
  receivedOn: on,
  contactRoute: 'walk_in',
  topics: ['income', 'job_search', 'debt', 'rent_loan'],
  primaryTopic: 'income',
  wishes: '仕事が見つからず、家賃の支払いが苦しい。早く働きたい。',
  employmentStatus: 'unemployed',
  housingStatus: 'rented',
  healthInsurance: 'national',
  pension: 'enrolled',
  applied: true,
  appliedOn: on,
  purposesExplainedOn: on,
  rulesVersion: '2026年4月版',
  source: 'self',
});

export const sampleAssessment = (on: string) => ({
  assessedOn: on,
  issueTraits: ['economic_hardship', 'job_search_difficulty', 'debt'],
  lifeHistory: '高校卒業後、製造業で20年勤務。昨年、勤務先の閉鎖により離職。',
  workSituation: '離職後、求職活動をしているが、面接に進めていない。',
  financeSituation: '失業給付は終了。貯金は残りわずか。カードローンの返済がある。',
  housingSituation: '民間賃貸住宅に単身で居住。家賃2か月分を滞納。',
  familyRelations: '両親は他界。兄とは年に数回連絡を取る。',
  socialRelations: '近所付き合いはほとんどない。',
  strengths: '勤労意欲が高い。フォークリフトの資格を持つ。',
  personWishes: '早く仕事を見つけて、家賃の滞納を解消したい。',
  assessorView: '住まいの確保を優先し、住居確保給付金の申請と就労支援を並行して進める。',
});

export const samplePlan = (on: string) => ({
  draftedOn: on,
  periodFrom: on,
  periodTo: dayAfter(on, 180),
  longTermGoal: '安定した仕事に就き、家賃を払いながら暮らし続ける',
  goals: [
    { goal: '住まいを失わない', actions: '住居確保給付金を申請する', who: '本人・相談支援員', period: '1か月' },
    { goal: '仕事に就く', actions: 'ハローワークに同行し、求人に応募する', who: '本人・就労支援員', period: '3か月' },
  ],
  programs: ['housing_benefit', 'household_budget'],
  employmentSupportTarget: true,
  personAgreedOn: on,
  nextReviewOn: dayAfter(on, 90),
});

export const sampleMeeting = (on: string, decision: string, planId: string | null = null) => ({
  heldOn: on,
  planId,
  attendees: [
    { name: '見本 監', organization: '架空市 生活支援課', role: '担当係長' },
    { name: '架空 主税', organization: '架空市社会福祉協議会', role: '主任相談支援員' },
  ],
  decision,
  notes: 'プランの内容について協議した。',
});

export const sampleDecision = (on: string, planId: string | null = null) => ({
  planId,
  decidedOn: on,
  decidedBy: '架空市長',
  decisionNumber: '架生支第123号',
  periodFrom: on,
  periodTo: dayAfter(on, 180),
});

export const sampleApplication = (on: string, forwardedOn: string | null = null) => ({
  appliedOn: on,
  programs: ['housing_benefit'],
  forwardedOn,
});

export const sampleNote = (
  on: string,
  content = 'ハローワークに同行し、求人3件を検討した。1件に応募することになった。',
) => ({
  contactOn: on,
  method: 'accompany',
  counterpart: 'self',
  content,
  sensitivity: 'ordinary' as const,
  nextStep: '応募書類の作成を手伝う',
  nextContactOn: dayAfter(on, 7),
});

export const sampleEvaluation = (
  on: string,
  nextAction: 'close' | 'replan' | 'continue',
  planId: string | null = null,
) => ({
  planId,
  evaluatedOn: on,
  goalResults: [
    { goal: '住まいを失わない', result: 'achieved', comment: '住居確保給付金の支給を受け、滞納は解消した。' },
    {
      goal: '仕事に就く',
      result: nextAction === 'close' ? 'achieved' : 'partial',
      comment: '倉庫作業のパートに就いた。',
    },
  ],
  employed: true,
  employedOn: dayAfter(on, -20),
  incomeIncreased: true,
  incomeIncreasedOn: dayAfter(on, -20),
  improvementObserved: true,
  improvements: ['housing', 'work_income'],
  personView: '生活が落ち着いてきた。',
  evaluatorView: '目標はおおむね達成された。',
  nextAction,
});

export const sampleClosure = (on: string) => ({
  closedOn: on,
  reasons: ['goal_achieved'],
  reasonNote: '就労により生活が安定した。',
  wishesConfirmed: true,
  reportedToMeetingOn: on,
  followUpUntil: dayAfter(on, 90),
});

export const sampleBudgetSheet = (month: string) => ({
  kind: 'at_consultation',
  month,
  lines: [
    { direction: 'income', category: 'wages', label: 'パート', amount: 118000 },
    { direction: 'income', category: 'child_allowance', label: '児童扶養手当', amount: 45000 },
    { direction: 'expense', category: 'housing', label: '家賃', amount: 58000 },
    { direction: 'expense', category: 'food', label: '', amount: 45000 },
    { direction: 'expense', category: 'utilities', label: '', amount: 14000 },
    { direction: 'expense', category: 'communication', label: 'スマートフォン2台', amount: 16000 },
    { direction: 'expense', category: 'education', label: '給食費・教材費', amount: 8000 },
    { direction: 'expense', category: 'debt_payment', label: 'カードローン', amount: 30000 },
  ],
  notes: '毎月1万円ほど不足し、カードローンで補っている。',
});

export const sampleDebts = [
  {
    creditor: '架空カード株式会社',
    kind: 'credit_card',
    balance: 820000,
    monthlyPayment: 30000,
    arrearsAmount: 60000,
    arrearsMonths: 2,
    status: 'in_arrears',
  },
  {
    creditor: '見本ファイナンス',
    kind: 'consumer_loan',
    balance: 300000,
    monthlyPayment: 0,
    arrearsAmount: 0,
    arrearsMonths: 0,
    status: 'repaying',
  },
];

export const sampleArrear = { kind: 'rent', creditor: '架空不動産', amount: 116000, months: 2 };

export const sampleBudgetPlan = (on: string) => ({
  draftedOn: on,
  goals: '家賃の滞納を解消し、毎月の収支を黒字にする',
  actions: [
    { action: '通信費の契約を見直す', due: '1か月', who: '本人' },
    { action: '法テラスに同行し、債務整理を相談する', due: '2か月', who: '本人・家計改善支援員' },
  ],
  loanReferral: '生活福祉資金（緊急小口資金）の相談',
  debtRestructuring: '任意整理を検討',
  benefitApplications: '就学援助の申請',
  reviewOn: dayAfter(on, 60),
});

/** The household-budget sheets of a case opened on the day. */
export function budgetSteps(opened: string): SampleStep[] {
  return [
    { form: 'budget/sheets', method: 'POST', body: sampleBudgetSheet(opened.slice(0, 7)) },
    ...sampleDebts.map((body) => ({ form: 'budget/debts', method: 'POST' as const, body })),
    { form: 'budget/arrears', method: 'POST', body: sampleArrear },
    { form: 'budget/plans', method: 'POST', body: sampleBudgetPlan(dayAfter(opened, 10)) },
  ];
}

/** Where the forms live under /api/cases/:caseId, and how they are written. */
export type SampleStep =
  | { form: string; method: 'PUT' | 'POST'; body: Record<string, unknown> }
  | { move: Transition }
  | { screening: 'info_only' | 'referred' | 'continued'; referralDestination?: string };

/**
 * The steps that take a new case from 相談受付 to `until` (a status), one form or
 * move at a time. `planId` placeholders are left null: the forms allow that.
 */
export function stepsTo(until: string, opened: string): SampleStep[] {
  const d = (n: number) => dayAfter(opened, n);
  const path: [string, SampleStep[]][] = [
    ['screening', [{ form: 'intake', method: 'PUT', body: sampleIntake(d(0)) }, { move: 'start_screening' }]],
    ['assessment', [{ screening: 'continued' }, { move: 'start_assessment' }]],
    ['plan_draft', [{ form: 'assessment', method: 'PUT', body: sampleAssessment(d(7)) }, { move: 'draft_plan' }]],
    ['coordination', [{ form: 'plans', method: 'POST', body: samplePlan(d(14)) }, { move: 'submit_to_meeting' }]],
    [
      'decided',
      [{ form: 'meetings', method: 'POST', body: sampleMeeting(d(21), 'approve_plan') }, { move: 'record_decision' }],
    ],
    [
      'in_support',
      [
        { form: 'decisions', method: 'POST', body: sampleDecision(d(25)) },
        { form: 'applications', method: 'POST', body: sampleApplication(d(14), d(16)) },
        { move: 'start_support' },
        { form: 'notes', method: 'POST', body: sampleNote(d(30)) },
      ],
    ],
    [
      'evaluation',
      [{ move: 'start_evaluation' }, { form: 'evaluations', method: 'POST', body: sampleEvaluation(d(180), 'close') }],
    ],
    [
      'closed',
      [
        { form: 'closure', method: 'PUT', body: sampleClosure(d(190)) },
        { form: 'meetings', method: 'POST', body: sampleMeeting(d(190), 'confirm_closure') },
        { move: 'close' },
      ],
    ],
  ];
  const steps: SampleStep[] = [];
  if (until === 'intake') return steps;
  if (until === 'closed_info_only' || until === 'referred') {
    return [
      ...path[0]![1],
      until === 'closed_info_only'
        ? { screening: 'info_only' }
        : { screening: 'referred', referralDestination: '架空市 福祉事務所（生活保護）' },
      { move: until === 'closed_info_only' ? 'end_with_information' : 'refer_elsewhere' },
    ];
  }
  if (until === 'suspended') return [...stepsTo('in_support', opened), { move: 'suspend' }];
  for (const [status, stage] of path) {
    steps.push(...stage);
    if (status === until) return steps;
  }
  throw new Error(`unknown status ${until}`);
}
