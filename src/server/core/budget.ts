// Household budgets (BIZ-3): totals, the monthly balance and the twelve-month
// cash-flow forecast are computed from the lines, never typed.

export interface BudgetLine {
  direction: 'income' | 'expense';
  category: string;
  label: string;
  /** Yen per month. */
  amount: number;
}

export interface BudgetTotals {
  income: number;
  expense: number;
  balance: number;
  byCategory: Record<string, number>;
}

export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const byCategory: Record<string, number> = {};
  let income = 0;
  let expense = 0;
  for (const l of lines) {
    if (l.direction === 'income') income += l.amount;
    else expense += l.amount;
    const key = `${l.direction}:${l.category}`;
    byCategory[key] = (byCategory[key] ?? 0) + l.amount;
  }
  return { income, expense, balance: income - expense, byCategory };
}

export interface CashFlowEvent {
  /** YYYY-MM */
  month: string;
  label: string;
  /** Positive for money in, negative for money out. */
  amount: number;
}

export interface CashFlowMonth {
  month: string;
  income: number;
  expense: number;
  events: number;
  balance: number;
  /** Money at the end of the month. */
  closing: number;
}

/** Adds months to a YYYY-MM month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Twelve months (or `months`) from `start`, with the monthly budget repeated and the events applied. */
export function cashFlow(
  start: string,
  openingBalance: number,
  monthly: { income: number; expense: number },
  events: readonly CashFlowEvent[],
  months = 12,
): CashFlowMonth[] {
  const out: CashFlowMonth[] = [];
  let closing = openingBalance;
  for (let i = 0; i < months; i++) {
    const month = addMonths(start, i);
    const eventTotal = events.filter((e) => e.month === month).reduce((s, e) => s + e.amount, 0);
    const balance = monthly.income - monthly.expense + eventTotal;
    closing += balance;
    out.push({ month, income: monthly.income, expense: monthly.expense, events: eventTotal, balance, closing });
  }
  return out;
}

export interface DebtLine {
  balance: number;
  monthlyPayment: number;
  arrearsAmount: number;
}

export function debtTotals(debts: readonly DebtLine[]) {
  return {
    balance: debts.reduce((s, d) => s + d.balance, 0),
    monthlyPayment: debts.reduce((s, d) => s + d.monthlyPayment, 0),
    arrears: debts.reduce((s, d) => s + d.arrearsAmount, 0),
  };
}
