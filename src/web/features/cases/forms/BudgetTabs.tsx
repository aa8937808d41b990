import { ARREAR_KINDS, BUDGET_SHEET_KINDS, DEBT_KINDS, labelIn } from '../../../../shared/catalog';
import { formatWareki } from '../../../../shared/wareki';
import { addMonths } from '../../../../server/core/budget';
import {
  AmountInput,
  amountProblem,
  DateInput,
  MonthInput,
  parseAmount,
  RadioInput,
  SelectInput,
  TextAreaInput,
  TextInput,
} from '../../../components/Inputs';
import { formatMonth } from '../../../components/MonthField';
import { PrintLink } from '../../../components/PrintLink';
import { RowsEditor } from '../../../components/RowsEditor';
import { DEBT_STATUSES } from '../../../labels';
import type { ArrearRow, BudgetPlanRow, BudgetSheetRow, CashFlowRow, DebtRow } from '../../../types';
import { RecordFields, yenText } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { orNull, printHref, requireds, type CaseTabProps, saveCaseRecord } from '../caseTab';
import { RecordsSection, type RecordForm } from '../RecordsSection';
import {
  BudgetLinesEditor,
  BudgetTotalsView,
  linesOf,
  linesProblems,
  linesState,
  type BudgetLinesState,
} from './BudgetLinesEditor';

const S = labelsOf('budget_sheets');
const C = labelsOf('cash_flows');
const D = labelsOf('debts');
const A = labelsOf('arrears');
const P = labelsOf('budget_plans');

const thisMonth = (today: string) => today.slice(0, 7);

function sheetName(s: BudgetSheetRow): string {
  return `${labelIn(BUDGET_SHEET_KINDS, s.kind)}（${formatMonth(s.month)}）`;
}

function BudgetPrint({ caseId }: { caseId: string }) {
  return (
    <div className="button-row">
      <PrintLink href={printHref(caseId, 'budget')} label="家計の様式を印刷する" />
    </div>
  );
}

// ── 家計表 ───────────────────────────────────────────────────────────────

interface SheetState extends BudgetLinesState {
  kind: string;
  month: string | null;
  notes: string;
}

/** 相談時家計表 and 家計計画表: the monthly budget now, and as planned. */
export function BudgetSheetTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const form: RecordForm<BudgetSheetRow, SheetState> = {
    draft: 'budget_sheet',
    formId: 'sheet',
    initial: (r) => ({
      kind: r?.kind ?? (detail.budget.sheets.length === 0 ? 'at_consultation' : 'planned'),
      month: r?.month ?? thisMonth(today),
      notes: r?.notes ?? '',
      ...(r
        ? linesState(r.lines)
        : {
            income: [{ category: 'wages', label: '', amount: '' }],
            expense: [{ category: 'housing', label: '', amount: '' }],
          }),
    }),
    check: (v) => ({ ...requireds([['month', S.month, v.month]]), ...linesProblems(v) }),
    send: (v, r) => {
      const body = { kind: v.kind, month: v.month, lines: linesOf(v), notes: orNull(v.notes) };
      return saveCaseRecord(caseId, 'budget/sheets', r?.sheetId, body);
    },
    mapField: (path) => {
      // The server numbers the lines as one list; the form shows income and expense apart.
      const m = /^lines\.(\d+)\.(\w+)$/.exec(path);
      return m ? 'lines' : path;
    },
    submitNew: '家計表を保存する',
    submitChange: '変更を保存する',
    saved: '家計表を保存しました。',
    fields: (kit) => (
      <>
        <RadioInput kit={kit} name="kind" legend={S.kind} choices={BUDGET_SHEET_KINDS} required inline />
        <MonthInput kit={kit} name="month" label={S.month} required />
        <BudgetLinesEditor kit={kit} />
        <TextAreaInput kit={kit} name="notes" label={S.notes} rows={2} />
      </>
    ),
  };
  return (
    <>
      <BudgetPrint caseId={caseId} />
      <RecordsSection
        tab={tab}
        records={detail.budget.sheets}
        idOf={(s) => s.sheetId}
        versionOf={(s) => s.updatedAt}
        titleOf={sheetName}
        view={(s) => (
          <>
            <RecordFields table="budget_sheets" row={s} fields={['lines', 'notes']} skipEmpty />
            <BudgetTotalsView lines={s.lines} />
          </>
        )}
        form={form}
        addTitle="家計表を作成する"
        empty="家計表はまだありません。"
      />
    </>
  );
}

// ── キャッシュフロー表 ───────────────────────────────────────────────────

interface EventRow {
  month: string;
  label: string;
  amount: string;
  [key: string]: string;
}

interface CashFlowState {
  startMonth: string | null;
  openingBalance: string;
  baseSheetId: string;
  events: EventRow[];
  notes: string;
}

/** キャッシュフロー表: twelve months from the chosen budget, with the expected events; computed by the server. */
export function CashFlowTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const sheets = detail.budget.sheets.map((s) => ({ code: s.sheetId, label: sheetName(s) }));
  const form: RecordForm<CashFlowRow, CashFlowState> = {
    draft: 'cash_flow',
    formId: 'cashflow',
    initial: (r) => ({
      startMonth: r?.startMonth ?? thisMonth(today),
      openingBalance: r ? String(r.openingBalance) : '',
      baseSheetId: r ? (r.baseSheetId ?? '') : (detail.budget.sheets[0]?.sheetId ?? ''),
      events: r ? r.events.map((e) => ({ month: e.month, label: e.label, amount: String(e.amount) })) : [],
      notes: r?.notes ?? '',
    }),
    check: (v) => {
      const out = requireds([['startMonth', C.startMonth, v.startMonth]]);
      const opening = amountProblem(C.openingBalance, v.openingBalance, true);
      if (opening) out.openingBalance = opening;
      v.events.forEach((e, i) => {
        if (!e.month) out[`events.${i}.month`] = `出来事${i + 1}の「月」を選んでください`;
        if (!e.label.trim()) out[`events.${i}.label`] = `出来事${i + 1}の「出来事」を入力してください`;
        if (parseAmount(e.amount) === null)
          out[`events.${i}.amount`] = `出来事${i + 1}の「金額」は数字で入力してください`;
      });
      return out;
    },
    send: (v, r) => {
      const body = {
        startMonth: v.startMonth,
        openingBalance: parseAmount(v.openingBalance) ?? 0,
        baseSheetId: v.baseSheetId || null,
        events: v.events.map((e) => ({ month: e.month, label: e.label.trim(), amount: parseAmount(e.amount) ?? 0 })),
        notes: orNull(v.notes),
      };
      return saveCaseRecord(caseId, 'budget/cash-flows', r?.cashFlowId, body);
    },
    submitNew: 'キャッシュフロー表を保存する',
    submitChange: '変更を保存する',
    saved: 'キャッシュフロー表を保存しました。',
    fields: (kit) => {
      const start = kit.values.startMonth ?? thisMonth(today);
      const months = Array.from({ length: 12 }, (_, i) => addMonths(start, i)).map((m) => ({
        code: m,
        label: formatMonth(m),
      }));
      return (
        <>
          <MonthInput kit={kit} name="startMonth" label={C.startMonth} required />
          <AmountInput
            kit={kit}
            name="openingBalance"
            label="開始時の残高（円）"
            hint="手元の現金と預貯金。不足しているときは「-」を付けます。"
            signed
          />
          <SelectInput
            kit={kit}
            name="baseSheetId"
            label="基にする家計表"
            choices={sheets}
            emptyLabel="家計表を使わない"
          />
          <RowsEditor<CashFlowState, EventRow>
            kit={kit}
            name="events"
            legend={C.events}
            hint="入学・車検・一時金など、月々とは別の収支。支出は「-」を付けて入力します。"
            columns={[
              { key: 'month', label: '月', kind: 'select', choices: months, required: true },
              { key: 'label', label: '出来事', required: true, className: 'input input--cell-medium' },
              { key: 'amount', label: '金額（円）', kind: 'amount', required: true },
            ]}
            blank={() => ({ month: '', label: '', amount: '' })}
            rowName={(i) => `出来事${i + 1}`}
            addLabel="出来事を追加する"
            max={60}
          />
          <TextAreaInput kit={kit} name="notes" label={C.notes} rows={2} />
        </>
      );
    },
  };
  return (
    <>
      <BudgetPrint caseId={caseId} />
      <RecordsSection
        tab={tab}
        records={detail.budget.cashFlows}
        idOf={(c) => c.cashFlowId}
        versionOf={(c) => c.updatedAt}
        titleOf={(c) => `${formatMonth(c.startMonth)}からの12か月`}
        view={(c) => <CashFlowTable flow={c} />}
        form={form}
        addTitle="キャッシュフロー表を作成する"
        empty="キャッシュフロー表はまだありません。"
      />
    </>
  );
}

function CashFlowTable({ flow }: { flow: CashFlowRow }) {
  const short = flow.months.find((m) => m.closing < 0);
  return (
    <>
      <p>
        開始時の残高: {yenText(flow.openingBalance)}
        {short ? <strong className="text-danger">（{formatMonth(short.month)}に残高が不足します）</strong> : null}
      </p>
      <div
        className="table-wrap"
        role="region"
        tabIndex={0}
        aria-label={`${formatMonth(flow.startMonth)}からのキャッシュフロー`}
      >
        <table className="table table--numbers">
          <thead>
            <tr>
              <th scope="col">月</th>
              <th scope="col">収入</th>
              <th scope="col">支出</th>
              <th scope="col">臨時の収支</th>
              <th scope="col">月の収支</th>
              <th scope="col">月末の残高</th>
            </tr>
          </thead>
          <tbody>
            {flow.months.map((m) => (
              <tr key={m.month} className={m.closing < 0 ? 'row-short' : undefined}>
                <th scope="row">{formatMonth(m.month)}</th>
                <td>{yenText(m.income)}</td>
                <td>{yenText(m.expense)}</td>
                <td>{m.events ? yenText(m.events) : '—'}</td>
                <td>{yenText(m.balance)}</td>
                <td>
                  {yenText(m.closing)}
                  {m.closing < 0 ? <span className="totals-note">（不足）</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {flow.events.length > 0 ? (
        <RecordFields table="cash_flows" row={flow} fields={['events', 'notes']} skipEmpty />
      ) : null}
    </>
  );
}

// ── 債務・滞納 ───────────────────────────────────────────────────────────

interface DebtState {
  creditor: string;
  kind: string;
  balance: string;
  monthlyPayment: string;
  arrearsAmount: string;
  arrearsMonths: string;
  status: string;
  notes: string;
}

interface ArrearState {
  kind: string;
  creditor: string;
  amount: string;
  months: string;
  resolvedOn: string | null;
  notes: string;
}

const amounts = (pairs: readonly (readonly [string, string, string])[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [field, label, text] of pairs) {
    const p = amountProblem(label, text);
    if (p) out[field] = p;
  }
  return out;
};

/** 債務 and 滞納: what is owed, to whom, and what is paid each month; the totals are the server's. */
export function DebtsTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId } = tab;
  const totals = detail.budget.debtTotals;
  const debtForm: RecordForm<DebtRow, DebtState> = {
    draft: 'debt',
    formId: 'debt',
    initial: (r) => ({
      creditor: r?.creditor ?? '',
      kind: r?.kind ?? '',
      balance: r ? String(r.balance) : '',
      monthlyPayment: r ? String(r.monthlyPayment) : '',
      arrearsAmount: r ? String(r.arrearsAmount) : '',
      arrearsMonths: r ? String(r.arrearsMonths) : '',
      status: r?.status ?? 'repaying',
      notes: r?.notes ?? '',
    }),
    check: (v) => ({
      ...requireds([
        ['creditor', D.creditor, v.creditor],
        ['kind', D.kind, v.kind],
      ]),
      ...amounts([
        ['balance', D.balance, v.balance],
        ['monthlyPayment', D.monthlyPayment, v.monthlyPayment],
        ['arrearsAmount', D.arrearsAmount, v.arrearsAmount],
        ['arrearsMonths', D.arrearsMonths, v.arrearsMonths],
      ]),
    }),
    send: (v, r) => {
      const body = {
        creditor: v.creditor.trim(),
        kind: v.kind,
        balance: parseAmount(v.balance) ?? 0,
        monthlyPayment: parseAmount(v.monthlyPayment) ?? 0,
        arrearsAmount: parseAmount(v.arrearsAmount) ?? 0,
        arrearsMonths: parseAmount(v.arrearsMonths) ?? 0,
        status: v.status,
        notes: orNull(v.notes),
      };
      return saveCaseRecord(caseId, 'budget/debts', r?.debtId, body);
    },
    submitNew: '債務を追加する',
    submitChange: '変更を保存する',
    saved: '債務を保存しました。',
    fields: (kit) => (
      <>
        <TextInput kit={kit} name="creditor" label={D.creditor} required className="input input--medium" />
        <SelectInput kit={kit} name="kind" label={D.kind} choices={DEBT_KINDS} required />
        <div className="field-pair">
          <AmountInput kit={kit} name="balance" label="残高（円）" />
          <AmountInput kit={kit} name="monthlyPayment" label="月々の返済額（円）" />
        </div>
        <div className="field-pair">
          <AmountInput kit={kit} name="arrearsAmount" label="延滞額（円）" />
          <AmountInput kit={kit} name="arrearsMonths" label="延滞月数（か月）" unit="か月" />
        </div>
        <SelectInput kit={kit} name="status" label={D.status} choices={DEBT_STATUSES} required />
        <TextAreaInput kit={kit} name="notes" label={D.notes} rows={2} />
      </>
    ),
  };
  const arrearForm: RecordForm<ArrearRow, ArrearState> = {
    draft: 'arrear',
    formId: 'arrear',
    initial: (r) => ({
      kind: r?.kind ?? '',
      creditor: r?.creditor ?? '',
      amount: r ? String(r.amount) : '',
      months: r ? String(r.months) : '',
      resolvedOn: r?.resolvedOn ?? null,
      notes: r?.notes ?? '',
    }),
    check: (v) => ({
      ...requireds([['kind', A.kind, v.kind]]),
      ...amounts([
        ['amount', A.amount, v.amount],
        ['months', A.months, v.months],
      ]),
    }),
    send: (v, r) => {
      const body = {
        kind: v.kind,
        creditor: orNull(v.creditor),
        amount: parseAmount(v.amount) ?? 0,
        months: parseAmount(v.months) ?? 0,
        resolvedOn: v.resolvedOn,
        notes: orNull(v.notes),
      };
      return saveCaseRecord(caseId, 'budget/arrears', r?.arrearId, body);
    },
    submitNew: '滞納を追加する',
    submitChange: '変更を保存する',
    saved: '滞納を保存しました。',
    fields: (kit) => (
      <>
        <SelectInput kit={kit} name="kind" label={A.kind} choices={ARREAR_KINDS} required />
        <TextInput kit={kit} name="creditor" label={A.creditor} className="input input--medium" />
        <div className="field-pair">
          <AmountInput kit={kit} name="amount" label="滞納額（円）" />
          <AmountInput kit={kit} name="months" label="滞納月数（か月）" unit="か月" />
        </div>
        <DateInput kit={kit} name="resolvedOn" label={A.resolvedOn} />
        <TextAreaInput kit={kit} name="notes" label={A.notes} rows={2} />
      </>
    ),
  };
  return (
    <>
      <BudgetPrint caseId={caseId} />
      <section className="subcard" aria-labelledby="debts-title">
        <h3 id="debts-title">債務</h3>
        <dl className="totals">
          <div>
            <dt>残高の合計</dt>
            <dd>{yenText(totals.balance)}</dd>
          </div>
          <div>
            <dt>月々の返済額の合計</dt>
            <dd>{yenText(totals.monthlyPayment)}</dd>
          </div>
          <div>
            <dt>延滞額の合計</dt>
            <dd>{yenText(totals.arrears)}</dd>
          </div>
        </dl>
        <RecordsSection
          tab={tab}
          records={detail.budget.debts}
          idOf={(d) => d.debtId}
          versionOf={(d) => d.updatedAt}
          titleOf={(d) => `${d.creditor}（${labelIn(DEBT_KINDS, d.kind)}）`}
          view={(d) => (
            <RecordFields
              table="debts"
              row={d}
              fields={['balance', 'monthlyPayment', 'arrearsAmount', 'arrearsMonths', 'status', 'notes']}
              skipEmpty
            />
          )}
          form={debtForm}
          addTitle="債務を追加する"
          empty="債務の記録はありません。"
        />
      </section>
      <section className="subcard" aria-labelledby="arrears-title">
        <h3 id="arrears-title">滞納（家賃・税・公共料金など）</h3>
        <RecordsSection
          tab={tab}
          records={detail.budget.arrears}
          idOf={(a) => a.arrearId}
          versionOf={(a) => a.updatedAt}
          titleOf={(a) =>
            `${labelIn(ARREAR_KINDS, a.kind)}${a.creditor ? `（${a.creditor}）` : ''}${a.resolvedOn ? ' 解消済み' : ''}`
          }
          view={(a) => (
            <RecordFields table="arrears" row={a} fields={['amount', 'months', 'resolvedOn', 'notes']} skipEmpty />
          )}
          form={arrearForm}
          addTitle="滞納を追加する"
          empty="滞納の記録はありません。"
        />
      </section>
    </>
  );
}

// ── 家計再生プラン ───────────────────────────────────────────────────────

interface ActionRow {
  action: string;
  due: string;
  who: string;
  [key: string]: string;
}

interface BudgetPlanState {
  draftedOn: string | null;
  goals: string;
  actions: ActionRow[];
  loanReferral: string;
  debtRestructuring: string;
  benefitApplications: string;
  plannedSheetId: string;
  reviewOn: string | null;
}

/** 家計再生プラン（家計支援計画）. */
export function BudgetPlanTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const planned = detail.budget.sheets
    .filter((s) => s.kind === 'planned')
    .map((s) => ({ code: s.sheetId, label: sheetName(s) }));
  const form: RecordForm<BudgetPlanRow, BudgetPlanState> = {
    draft: 'budget_plan',
    formId: 'budget-plan',
    initial: (r) => ({
      draftedOn: r?.draftedOn ?? today,
      goals: r?.goals ?? '',
      actions: r ? r.actions.map((a) => ({ ...a })) : [{ action: '', due: '', who: '' }],
      loanReferral: r?.loanReferral ?? '',
      debtRestructuring: r?.debtRestructuring ?? '',
      benefitApplications: r?.benefitApplications ?? '',
      plannedSheetId: r?.plannedSheetId ?? '',
      reviewOn: r?.reviewOn ?? null,
    }),
    check: (v) => {
      const out = requireds([
        ['draftedOn', P.draftedOn, v.draftedOn],
        ['goals', P.goals, v.goals],
      ]);
      v.actions.forEach((a, i) => {
        if (!a.action.trim() && (a.due.trim() || a.who.trim()))
          out[`actions.${i}.action`] = `取組み${i + 1}の「取組み」を入力してください`;
      });
      return out;
    },
    send: (v, r) => {
      const body = {
        draftedOn: v.draftedOn,
        goals: v.goals.trim(),
        actions: v.actions
          .filter((a) => a.action.trim())
          .map((a) => ({ action: a.action.trim(), due: a.due.trim(), who: a.who.trim() })),
        loanReferral: orNull(v.loanReferral),
        debtRestructuring: orNull(v.debtRestructuring),
        benefitApplications: orNull(v.benefitApplications),
        plannedSheetId: v.plannedSheetId || null,
        reviewOn: v.reviewOn,
      };
      return saveCaseRecord(caseId, 'budget/plans', r?.budgetPlanId, body);
    },
    submitNew: '家計再生プランを保存する',
    submitChange: '変更を保存する',
    saved: '家計再生プランを保存しました。',
    fields: (kit) => (
      <>
        <DateInput kit={kit} name="draftedOn" label={P.draftedOn} required />
        <TextAreaInput kit={kit} name="goals" label={P.goals} required rows={3} />
        <RowsEditor<BudgetPlanState, ActionRow>
          kit={kit}
          name="actions"
          legend={P.actions}
          columns={[
            { key: 'action', label: '取組み', kind: 'textarea', required: true },
            { key: 'due', label: '期限', className: 'input input--cell-short' },
            { key: 'who', label: '担当', className: 'input input--cell-medium' },
          ]}
          blank={() => ({ action: '', due: '', who: '' })}
          rowName={(i) => `取組み${i + 1}`}
          addLabel="取組みを追加する"
        />
        <TextAreaInput kit={kit} name="loanReferral" label={P.loanReferral} rows={2} />
        <TextAreaInput kit={kit} name="debtRestructuring" label={P.debtRestructuring} rows={2} />
        <TextAreaInput kit={kit} name="benefitApplications" label={P.benefitApplications} rows={2} />
        <SelectInput kit={kit} name="plannedSheetId" label="家計計画表" choices={planned} emptyLabel="選ばない" />
        <DateInput kit={kit} name="reviewOn" label={P.reviewOn} />
      </>
    ),
  };
  return (
    <>
      <BudgetPrint caseId={caseId} />
      <RecordsSection
        tab={tab}
        records={detail.budget.plans}
        idOf={(p) => p.budgetPlanId}
        versionOf={(p) => p.updatedAt}
        titleOf={(p) => `${formatWareki(p.draftedOn)}作成の家計再生プラン`}
        view={(p) => (
          <RecordFields
            table="budget_plans"
            row={p}
            fields={['goals', 'actions', 'loanReferral', 'debtRestructuring', 'benefitApplications', 'reviewOn']}
            skipEmpty
          />
        )}
        form={form}
        addTitle="家計再生プランを作成する"
        empty="家計再生プランはまだありません。"
      />
    </>
  );
}
