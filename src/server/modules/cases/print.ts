// The case's forms as PDFs (BIZ-5): 相談受付・申込票, アセスメントシート, プラン兼事業等
// 利用申込書, 支援調整会議の記録, 評価シート, 終結の記録, 支援経過記録 and the household
// budget sheets. Each print is read through the choke point like the screen (what
// the reader may not see is not printed either) and recorded as a print event.

import type { Content } from 'pdfmake/interfaces.js';
import type { Work } from '../../access/data-access.js';
import { logSinglePersonExport } from '../exports/service.js';
import { type budgetTotals, type BudgetLine, type CashFlowMonth } from '../../core/budget.js';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../core/case-flow.js';
import { notFound } from '../../http/errors.js';
import {
  ARREAR_KINDS,
  BUDGET_SHEET_KINDS,
  CLOSURE_REASONS,
  CONSULTATION_TOPICS,
  CONTACT_METHODS,
  CONTACT_ROUTES,
  COUNTERPARTS,
  DEBT_KINDS,
  DEBT_STATUSES,
  EMPLOYMENT_STATUSES,
  EXPENSE_CATEGORIES,
  GOAL_RESULTS,
  HEALTH_INSURANCE,
  HOUSING_STATUSES,
  IMPROVEMENTS,
  INCOME_CATEGORIES,
  ISSUE_TRAITS,
  labelIn,
  MEETING_DECISIONS,
  NEXT_ACTIONS,
  PENSION_STATUSES,
  PROGRAMS,
  SCREENING_RESULTS,
  SOURCE_KINDS,
  VISITOR_RELATIONS,
} from '../../../shared/catalog.js';
import { formatWarekiMonth } from '../../../shared/wareki.js';
import {
  checklist,
  date,
  fields,
  grid,
  heading,
  person,
  renderPdf,
  shown,
  subjectOf,
  textBox,
  yen,
} from '../../print/pdf.js';
import { today } from '../consultees/service.js';
import { caseDetail } from './service.js';

export const PRINTABLE_FORMS = [
  'intake',
  'assessment',
  'plan',
  'meeting',
  'evaluation',
  'closure',
  'notes',
  'budget',
] as const;
export type PrintableForm = (typeof PRINTABLE_FORMS)[number];

const TITLES: Readonly<Record<PrintableForm, string>> = {
  intake: '相談受付・申込票',
  assessment: 'インテーク・アセスメントシート',
  plan: 'プラン兼事業等利用申込書',
  meeting: '支援調整会議 記録',
  evaluation: '評価シート',
  closure: '終結の記録',
  notes: '支援経過記録シート',
  budget: '家計表・キャッシュフロー表・家計再生プラン',
};

type Row = Record<string, unknown> & { withheld?: string[] };
type Detail = Awaited<ReturnType<typeof caseDetail>>;

/** A field of a row as printed: withheld fields say so. */
const v = (row: Row | null | undefined, field: string): string => shown(row?.[field], row?.withheld?.includes(field));
const d = (row: Row | null | undefined, field: string): string =>
  row?.withheld?.includes(field) ? shown(null, true) : date(row?.[field]);
const list = (row: Row | null | undefined, field: string): string[] =>
  Array.isArray(row?.[field]) ? (row[field] as string[]) : [];
const signature = (who: string): Content => ({
  text: `令和　　年　　月　　日　　${who}　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　印`,
  margin: [0, 14, 0, 6],
  alignment: 'right',
});

/** Picks one record of a list: the one asked for, or the newest. */
function pick(rows: Row[], idField: string, recordId: string | undefined, label: string): Row {
  const row = recordId ? rows.find((r) => r[idField] === recordId) : rows[0];
  if (!row) throw notFound(`印刷する${label}がありません`);
  return row;
}

function single(row: Row | null, label: string): Row {
  if (!row) throw notFound(`印刷する${label}がありません`);
  return row;
}

interface Names {
  staff(id: unknown): string;
}

function intake(k: Detail, names: Names, organization: string): Content[] {
  const f = single(k.intake as Row | null, '相談受付・申込票');
  const consultee = k.consultee as Row;
  return [
    fields(
      [
        ['受付日', d(f, 'receivedOn')],
        ['受付者', names.staff(f.receivedBy)],
        ['相談の経路', labelIn(CONTACT_ROUTES, f.contactRoute as string)],
        ['紹介元', v(f, 'referredBy')],
      ],
      4,
    ),
    heading('A票　基本情報'),
    person(consultee, today()),
    heading('来談者（ご本人以外の場合）'),
    fields(
      [
        ['氏名', v(f, 'visitorName')],
        ['電話', v(f, 'visitorPhone')],
        [
          '本人との関係',
          shown(
            [labelIn(VISITOR_RELATIONS, f.visitorRelation as string), f.visitorRelationDetail]
              .filter(Boolean)
              .join('：'),
          ),
        ],
        [
          '記入者（取得元）',
          shown([labelIn(SOURCE_KINDS, f.source as string), f.sourceDetail].filter(Boolean).join('：')),
        ],
      ],
      4,
    ),
    heading('ご相談の内容（お困りのこと）　■該当　◎主なもの'),
    checklist(CONSULTATION_TOPICS, list(f, 'topics'), f.primaryTopic as string | null),
    ...(f.topicOther ? [fields([['その他の内容', v(f, 'topicOther')]])] : []),
    textBox('ご相談されたいこと、ご支援にあたっての希望', v(f, 'wishes')),
    heading('B票　ご本人の状況'),
    { text: '仕事', bold: true },
    checklist(EMPLOYMENT_STATUSES, [f.employmentStatus as string]),
    { text: '住居', bold: true },
    checklist(HOUSING_STATUSES, [f.housingStatus as string], null, 4),
    { text: '健康保険', bold: true },
    checklist(HEALTH_INSURANCE, [f.healthInsurance as string]),
    { text: '年金', bold: true },
    checklist(PENSION_STATUSES, [f.pension as string], null, 4),
    heading('相談申込み'),
    {
      text: `${organization}　殿\n上記の相談内容等について、自立・家計相談支援の利用を申し込みます。また、申し込みにあたっては、別紙の『個人情報に関する管理・取扱規程』について説明を受け、相談支援にあたり必要となる関係機関（者）と情報共有することに同意します。`,
      margin: [0, 0, 0, 4],
    },
    fields(
      [
        ['利用の申込み', f.applied ? `申込みあり（${d(f, 'appliedOn')}）` : '申込みなし'],
        ['規程を説明した日', `${d(f, 'purposesExplainedOn')}${f.rulesVersion ? `（${String(f.rulesVersion)}）` : ''}`],
      ],
      4,
    ),
    signature('本人署名'),
  ];
}

function assessment(k: Detail, names: Names): Content[] {
  const a = single(k.assessment as Row | null, 'アセスメントシート');
  const kase = k.case as Row;
  const areas: [string, string][] = [
    ['lifeHistory', '生活歴'],
    ['healthSituation', '心身の状況'],
    ['workSituation', '就労・就学の状況'],
    ['financeSituation', '家計・収入の状況'],
    ['housingSituation', '住まいの状況'],
    ['familyRelations', '家族関係'],
    ['socialRelations', '社会との関係'],
    ['strengths', '本人の強み'],
    ['personWishes', '本人の希望'],
    ['assessorView', '支援員の見立て'],
    ['emergencySupport', 'プラン策定前の支援（緊急支援等）'],
  ];
  return [
    person(k.consultee as Row, today()),
    fields(
      [
        ['アセスメント日', d(a, 'assessedOn')],
        ['記入者', names.staff(a.assessedBy)],
        ['スクリーニング結果', shown(labelIn(SCREENING_RESULTS, kase.screeningResult as string))],
        ['つなぎ先', v(kase, 'referralDestination')],
      ],
      4,
    ),
    heading('課題の特性（複数可）'),
    checklist(ISSUE_TRAITS, list(a, 'issueTraits'), null, 4),
    ...areas.map(([field, label]) => textBox(label, v(a, field))),
  ];
}

function plan(k: Detail, recordId: string | undefined): Content[] {
  const p = pick(k.plans as Row[], 'planId', recordId, 'プラン');
  const goals = (p.goals as { goal: string; actions: string; who: string; period: string }[] | undefined) ?? [];
  return [
    person(k.consultee as Row, today()),
    fields(
      [
        ['プランの版', `第${String(p.revision)}版`],
        ['作成日', d(p, 'draftedOn')],
        ['支援期間', `${d(p, 'periodFrom')} ～ ${d(p, 'periodTo')}`],
        ['次回見直し予定', d(p, 'nextReviewOn')],
      ],
      4,
    ),
    textBox('目指す姿（長期目標）', v(p, 'longTermGoal')),
    heading('目標と支援内容'),
    grid(
      ['目標', '支援内容（本人・支援機関の取組み）', '担当', '期間'],
      goals.map((g) => [g.goal, g.actions || '―', g.who || '―', g.period || '―']),
      ['*', '*', 90, 60],
    ),
    heading('利用する事業'),
    checklist(PROGRAMS, list(p, 'programs'), null, 2),
    fields([['就労支援の対象', p.employmentSupportTarget ? '対象' : '対象外']]),
    ...(p.notes ? [textBox('備考', v(p, 'notes'))] : []),
    heading('本人の同意・事業等の利用申込み'),
    { text: 'このプランの内容に同意し、プランに記載した事業等の利用を申し込みます。', margin: [0, 0, 0, 2] },
    fields([['本人の同意・申込日', d(p, 'personAgreedOn')]]),
    signature('本人署名'),
  ];
}

function meeting(k: Detail, recordId: string | undefined): Content[] {
  const m = pick(k.meetings as Row[], 'meetingId', recordId, '支援調整会議の記録');
  const planned = (k.plans as Row[]).find((p) => p.planId === m.planId);
  const attendees = (m.attendees as { name: string; organization: string; role: string }[] | undefined) ?? [];
  return [
    fields(
      [
        ['開催日', d(m, 'heldOn')],
        ['諮ったプラン', planned ? `第${String(planned.revision)}版（${date(planned.draftedOn)}作成）` : '―'],
        ['会議の結論', labelIn(MEETING_DECISIONS, m.decision as string)],
        ['支援の段階', CASE_STATUS_LABELS[(k.case as Row).status as CaseStatus] ?? '―'],
      ],
      4,
    ),
    heading('出席者'),
    grid(
      ['氏名', '所属', '役割'],
      attendees.map((a) => [a.name, a.organization || '―', a.role || '―']),
    ),
    textBox('協議の内容', v(m, 'notes')),
  ];
}

function evaluation(k: Detail, recordId: string | undefined): Content[] {
  const e = pick(k.evaluations as Row[], 'evaluationId', recordId, '評価シート');
  const results = (e.goalResults as { goal: string; result: string; comment: string }[] | undefined) ?? [];
  return [
    person(k.consultee as Row, today()),
    fields([['評価日', d(e, 'evaluatedOn')]]),
    heading('目標の達成状況'),
    grid(
      ['目標', '達成状況', '所見'],
      results.map((r) => [r.goal, labelIn(GOAL_RESULTS, r.result), r.comment || '―']),
      ['*', 60, '*'],
    ),
    heading('国への報告事項'),
    fields(
      [
        ['就労', e.employed ? `あり（${d(e, 'employedOn')}）` : 'なし'],
        ['増収', e.incomeIncreased ? `あり（${d(e, 'incomeIncreasedOn')}）` : 'なし'],
        ['自立に向けた改善', e.improvementObserved ? '見られた' : '見られない'],
        ['今後の方針', labelIn(NEXT_ACTIONS, e.nextAction as string)],
      ],
      4,
    ),
    heading('見られた変化'),
    checklist(IMPROVEMENTS, list(e, 'improvements'), null, 2),
    textBox('本人の評価', v(e, 'personView')),
    textBox('支援員の評価', v(e, 'evaluatorView')),
  ];
}

function closure(k: Detail): Content[] {
  const c = single(k.closure as Row | null, '終結の記録');
  return [
    person(k.consultee as Row, today()),
    fields(
      [
        ['終結日', d(c, 'closedOn')],
        ['本人の意思の確認', c.wishesConfirmed ? '確認した' : '未確認'],
        ['支援調整会議への報告日', d(c, 'reportedToMeetingOn')],
        ['フォローアップの期限', d(c, 'followUpUntil')],
      ],
      4,
    ),
    heading('終結の理由'),
    checklist(CLOSURE_REASONS, list(c, 'reasons'), null, 2),
    textBox('終結の理由（詳細）', v(c, 'reasonNote')),
  ];
}

function notes(k: Detail, names: Names): Content[] {
  const rows = [...(k.notes as Row[])].reverse();
  return [
    person(k.consultee as Row, today()),
    grid(
      ['対応日', '方法・相手', '対応の内容', '今後の対応', '記録者'],
      rows.map((n) => [
        d(n, 'contactOn'),
        `${labelIn(CONTACT_METHODS, n.method as string)}\n${labelIn(COUNTERPARTS, n.counterpart as string)}${n.counterpartDetail ? `（${String(n.counterpartDetail)}）` : ''}`,
        v(n, 'content'),
        `${v(n, 'nextStep')}${n.nextContactOn ? `\n次回：${date(n.nextContactOn)}` : ''}`,
        names.staff(n.createdBy),
      ]),
      [72, 60, '*', 100, 56],
    ),
  ];
}

function budget(k: Detail): Content[] {
  const b = k.budget;
  const out: Content[] = [person(k.consultee as Row, today())];
  for (const sheet of b.sheets as (Row & { totals: ReturnType<typeof budgetTotals> })[]) {
    const lines = (sheet.lines as BudgetLine[] | undefined) ?? [];
    const label = (l: BudgetLine) =>
      labelIn(l.direction === 'income' ? INCOME_CATEGORIES : EXPENSE_CATEGORIES, l.category) +
      (l.label ? `（${l.label}）` : '');
    out.push(
      heading(`${labelIn(BUDGET_SHEET_KINDS, sheet.kind as string)}（${formatWarekiMonth(String(sheet.month))}）`),
      {
        columns: [
          grid(
            ['収入', '月額'],
            lines.filter((l) => l.direction === 'income').map((l) => [label(l), yen(l.amount)]),
            ['*', 70],
          ),
          grid(
            ['支出', '月額'],
            lines.filter((l) => l.direction === 'expense').map((l) => [label(l), yen(l.amount)]),
            ['*', 70],
          ),
        ],
        columnGap: 10,
      },
      fields(
        [
          ['収入の合計', yen(sheet.totals.income)],
          ['支出の合計', yen(sheet.totals.expense)],
          ['収支', yen(sheet.totals.balance)],
          ['備考', v(sheet, 'notes')],
        ],
        4,
      ),
    );
  }
  for (const flow of b.cashFlows as (Row & { months: CashFlowMonth[] })[]) {
    out.push(
      heading(
        `キャッシュフロー表（${formatWarekiMonth(String(flow.startMonth))}から、開始時残高 ${yen(flow.openingBalance)}）`,
      ),
      grid(
        ['月', '収入', '支出', '臨時の収支', '月の収支', '月末残高'],
        flow.months.map((m) => [
          formatWarekiMonth(m.month),
          yen(m.income),
          yen(m.expense),
          yen(m.events),
          yen(m.balance),
          yen(m.closing),
        ]),
      ),
    );
  }
  out.push(
    heading('債務の一覧'),
    grid(
      ['債権者', '種類', '残高', '月々の返済', '延滞額（月数）', '状況'],
      (b.debts as Row[]).map((x) => [
        v(x, 'creditor'),
        labelIn(DEBT_KINDS, x.kind as string),
        yen(x.balance),
        yen(x.monthlyPayment),
        `${yen(x.arrearsAmount)}（${String(x.arrearsMonths ?? 0)}か月）`,
        labelIn(DEBT_STATUSES, x.status as string) || '―',
      ]),
    ),
    fields(
      [
        ['債務残高の合計', yen(b.debtTotals.balance)],
        ['月々の返済の合計', yen(b.debtTotals.monthlyPayment)],
      ],
      4,
    ),
    heading('滞納の一覧'),
    grid(
      ['種類', '請求元', '滞納額', '月数', '解消日'],
      (b.arrears as Row[]).map((x) => [
        labelIn(ARREAR_KINDS, x.kind as string),
        v(x, 'creditor'),
        yen(x.amount),
        `${String(x.months ?? 0)}か月`,
        d(x, 'resolvedOn'),
      ]),
    ),
  );
  for (const p of b.plans as Row[]) {
    const actions = (p.actions as { action: string; due: string; who: string }[] | undefined) ?? [];
    out.push(
      heading(`家計再生プラン（${date(p.draftedOn)}作成）`),
      textBox('目標', v(p, 'goals')),
      grid(
        ['取組み', '期限', '担当'],
        actions.map((a) => [a.action, a.due || '―', a.who || '―']),
        ['*', 80, 80],
      ),
      fields([
        ['貸付のあっせん', v(p, 'loanReferral')],
        ['債務整理', v(p, 'debtRestructuring')],
        ['給付等の申請', v(p, 'benefitApplications')],
        ['次回の見直し予定日', d(p, 'reviewOn')],
      ]),
    );
  }
  return out;
}

/** The PDF of one form of the case, and its file name; the print itself is recorded. */
export async function printCaseForm(
  work: Work,
  caseId: string,
  form: PrintableForm,
  recordId: string | undefined,
): Promise<{ pdf: Buffer; fileName: string }> {
  const k = await caseDetail(work, caseId);
  const kase = k.case as Row;
  const staffIds = new Set<string>([work.actor.staffId]);
  const collect = (row: Row | null | undefined) => {
    for (const f of ['createdBy', 'receivedBy', 'assessedBy'])
      if (typeof row?.[f] === 'string') staffIds.add(row[f] as string);
  };
  [k.intake, k.assessment, ...k.notes].forEach((r) => collect(r as Row | null));
  const [staff, organization] = await Promise.all([
    work.operational
      .selectFrom('staff')
      .select(['staffId', 'displayName'])
      .where('staffId', 'in', [...staffIds])
      .execute(),
    work.operational
      .selectFrom('organizations')
      .select('name')
      .where('organizationId', '=', kase.organizationId as string)
      .executeTakeFirstOrThrow(),
  ]);
  const byId = new Map(staff.map((s) => [s.staffId, s.displayName]));
  const names: Names = { staff: (id) => (typeof id === 'string' ? (byId.get(id) ?? '―') : '―') };
  const content: Record<PrintableForm, () => Content[]> = {
    intake: () => intake(k, names, organization.name),
    assessment: () => assessment(k, names),
    plan: () => plan(k, recordId),
    meeting: () => meeting(k, recordId),
    evaluation: () => evaluation(k, recordId),
    closure: () => closure(k),
    notes: () => notes(k, names),
    budget: () => budget(k),
  };
  const body = content[form]();
  const pdf = await renderPdf(
    {
      title: TITLES[form],
      organization: organization.name,
      printedBy: names.staff(work.actor.staffId),
      printedAt: new Date(),
    },
    subjectOf(k.consultee as Row, caseId),
    body,
  );
  const fileName = `${TITLES[form]}_${caseId.slice(0, 8)}.pdf`;
  await logSinglePersonExport(
    work,
    {
      kind: `case_${form}`,
      format: 'pdf',
      consulteeIds: [kase.consulteeId as string],
      description: TITLES[form],
      parameters: { caseId, form, ...(recordId ? { recordId } : {}) },
    },
    { fileName, content: pdf, mediaType: 'application/pdf' },
  );
  return { pdf, fileName };
}
