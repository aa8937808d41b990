import { describe, expect, it } from 'vitest';
import { addMonths, budgetTotals, cashFlow, debtTotals } from './budget.js';

describe('[BIZ-3] household budget arithmetic', () => {
  const lines = [
    { direction: 'income' as const, category: 'wages', label: '', amount: 150000 },
    { direction: 'income' as const, category: 'pension', label: '', amount: 20000 },
    { direction: 'expense' as const, category: 'housing', label: '', amount: 60000 },
    { direction: 'expense' as const, category: 'food', label: '', amount: 50000 },
    { direction: 'expense' as const, category: 'food', label: '外食', amount: 10000 },
  ];

  it('totals income, expense and the balance, and sums by category', () => {
    expect(budgetTotals(lines)).toEqual({
      income: 170000,
      expense: 120000,
      balance: 50000,
      byCategory: { 'income:wages': 150000, 'income:pension': 20000, 'expense:housing': 60000, 'expense:food': 60000 },
    });
    expect(budgetTotals([])).toMatchObject({ income: 0, expense: 0, balance: 0 });
  });

  it('counts months across years', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-04', 11)).toBe('2027-03');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('the cash flow repeats the monthly budget, applies the events and carries the balance', () => {
    const months = cashFlow('2026-11', -10000, { income: 170000, expense: 160000 }, [
      { month: '2026-12', label: '賞与', amount: 100000 },
      { month: '2027-01', label: '車検', amount: -80000 },
    ]);
    expect(months).toHaveLength(12);
    expect(months.slice(0, 3)).toEqual([
      { month: '2026-11', income: 170000, expense: 160000, events: 0, balance: 10000, closing: 0 },
      { month: '2026-12', income: 170000, expense: 160000, events: 100000, balance: 110000, closing: 110000 },
      { month: '2027-01', income: 170000, expense: 160000, events: -80000, balance: -70000, closing: 40000 },
    ]);
    expect(months.at(-1)?.month).toBe('2027-10');
  });

  it('sums debts', () => {
    expect(
      debtTotals([
        { balance: 500000, monthlyPayment: 20000, arrearsAmount: 40000 },
        { balance: 100000, monthlyPayment: 5000, arrearsAmount: 0 },
      ]),
    ).toEqual({ balance: 600000, monthlyPayment: 25000, arrears: 40000 });
  });
});
