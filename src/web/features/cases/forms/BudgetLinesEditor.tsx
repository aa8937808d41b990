import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from '../../../../shared/catalog';
import { budgetTotals, type BudgetLine } from '../../../../server/core/budget';
import { parseAmount } from '../../../components/Inputs';
import { RowsEditor } from '../../../components/RowsEditor';
import type { FormKit } from '../../../components/useFormKit';
import { yenText } from '../../casework/RecordFields';

/** A line of a budget as typed: the amount is text until it is sent. */
export interface LineRow {
  category: string;
  label: string;
  amount: string;
  [key: string]: string;
}

export interface BudgetLinesState {
  income: LineRow[];
  expense: LineRow[];
}

export const blankLine = (): LineRow => ({ category: '', label: '', amount: '' });

/** The typed rows as the lines the server takes; rows left entirely blank are dropped, bad amounts count as 0. */
export function linesOf(state: BudgetLinesState): BudgetLine[] {
  const rows = (direction: 'income' | 'expense', list: LineRow[]) =>
    list
      .filter((l) => l.category || l.label.trim() || l.amount.trim())
      .map((l) => ({ direction, category: l.category, label: l.label.trim(), amount: parseAmount(l.amount) ?? 0 }));
  return [...rows('income', state.income), ...rows('expense', state.expense)];
}

/** The form's checks of the lines: a category for each, and an amount that is a number. */
export function linesProblems(state: BudgetLinesState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const direction of ['income', 'expense'] as const) {
    const name = direction === 'income' ? '収入' : '支出';
    state[direction].forEach((l, i) => {
      const used = l.category || l.label.trim() || l.amount.trim();
      if (!used) return;
      if (!l.category) out[`${direction}.${i}.category`] = `${name}${i + 1}の「費目」を選んでください`;
      const amount = parseAmount(l.amount);
      if (amount === null || amount < 0)
        out[`${direction}.${i}.amount`] = `${name}${i + 1}の「金額」は0以上の数字で入力してください`;
    });
  }
  return out;
}

/** Lines of a saved sheet, split back into the two tables. */
export function linesState(lines: readonly BudgetLine[]): BudgetLinesState {
  const row = (l: BudgetLine): LineRow => ({ category: l.category, label: l.label, amount: String(l.amount) });
  return {
    income: lines.filter((l) => l.direction === 'income').map(row),
    expense: lines.filter((l) => l.direction === 'expense').map(row),
  };
}

/** Totals as they are typed, computed the same way the server computes the saved ones. */
export function BudgetTotalsView({ lines }: { lines: readonly BudgetLine[] }) {
  const t = budgetTotals(lines);
  return (
    <dl className="totals">
      <div>
        <dt>収入の合計（月額）</dt>
        <dd>{yenText(t.income)}</dd>
      </div>
      <div>
        <dt>支出の合計（月額）</dt>
        <dd>{yenText(t.expense)}</dd>
      </div>
      <div className={t.balance < 0 ? 'totals-balance totals-balance--short' : 'totals-balance'}>
        <dt>収支（収入−支出）</dt>
        <dd>
          {yenText(t.balance)}
          <span className="totals-note">{t.balance < 0 ? '（赤字）' : t.balance > 0 ? '（黒字）' : ''}</span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The income and expense lines of a budget (家計表), each a table of 費目, 内訳 and
 * 月額; the totals and the balance follow what is typed.
 */
export function BudgetLinesEditor<S extends BudgetLinesState>({ kit }: { kit: FormKit<S> }) {
  const columns = (categories: typeof INCOME_CATEGORIES | typeof EXPENSE_CATEGORIES) =>
    [
      { key: 'category', label: '費目', kind: 'select', choices: categories, required: true },
      { key: 'label', label: '内訳', className: 'input input--cell-medium' },
      { key: 'amount', label: '金額（月額・円）', kind: 'amount' },
    ] as const;
  return (
    <>
      <RowsEditor<S, LineRow>
        kit={kit}
        name={'income' as never}
        legend="収入"
        hint="手取りの月額で入力します。賞与は月割りにします。"
        columns={columns(INCOME_CATEGORIES)}
        blank={blankLine}
        rowName={(i) => `収入${i + 1}`}
        addLabel="収入の行を追加する"
        max={50}
      />
      <RowsEditor<S, LineRow>
        kit={kit}
        name={'expense' as never}
        legend="支出"
        columns={columns(EXPENSE_CATEGORIES)}
        blank={blankLine}
        rowName={(i) => `支出${i + 1}`}
        addLabel="支出の行を追加する"
        max={50}
      />
      <BudgetTotalsView lines={linesOf(kit.values)} />
    </>
  );
}
