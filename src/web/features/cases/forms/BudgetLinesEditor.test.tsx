import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFormKit } from '../../../components/useFormKit';
import { BudgetLinesEditor, blankLine, linesOf, linesProblems, type BudgetLinesState } from './BudgetLinesEditor';

function Harness({ initial }: { initial: BudgetLinesState }) {
  const kit = useFormKit('sheet', initial, null);
  return (
    <form>
      <BudgetLinesEditor kit={kit} />
    </form>
  );
}

const total = (label: string) => {
  const term = screen.getByText(label);
  return term.parentElement?.querySelector('dd')?.textContent ?? '';
};

describe('BudgetLinesEditor', () => {
  it('totals income, expense and the balance as the amounts are typed', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        initial={{
          income: [{ category: 'wages', label: '', amount: '' }],
          expense: [{ category: 'housing', label: '家賃', amount: '' }],
        }}
      />,
    );
    expect(total('収入の合計（月額）')).toBe('0円');
    await user.type(screen.getByLabelText('収入1の金額（月額・円）'), '150,000');
    await user.type(screen.getByLabelText('支出1の金額（月額・円）'), '６２０００');
    expect(total('収入の合計（月額）')).toBe('150,000円');
    expect(total('支出の合計（月額）')).toBe('62,000円');
    expect(total('収支（収入−支出）')).toBe('88,000円（黒字）');

    await user.click(screen.getByRole('button', { name: '支出の行を追加する' }));
    await user.selectOptions(screen.getByLabelText('支出2の費目'), '食費');
    await user.type(screen.getByLabelText('支出2の金額（月額・円）'), '100000');
    expect(total('支出の合計（月額）')).toBe('162,000円');
    expect(total('収支（収入−支出）')).toBe('−12,000円（赤字）');
  });

  it('offers the income categories for income and the expense categories for expenses', () => {
    render(<Harness initial={{ income: [blankLine()], expense: [blankLine()] }} />);
    const income = within(screen.getByLabelText('収入1の費目'));
    const expense = within(screen.getByLabelText('支出1の費目'));
    expect(income.getByRole('option', { name: '就労収入（手取り）' })).toBeTruthy();
    expect(income.queryByRole('option', { name: '食費' })).toBeNull();
    expect(expense.getByRole('option', { name: '食費' })).toBeTruthy();
  });

  it('sends the lines the server takes, and names the rows that are not complete', () => {
    const state: BudgetLinesState = {
      income: [
        { category: 'wages', label: '', amount: '150,000' },
        { category: '', label: '', amount: '' },
      ],
      expense: [{ category: '', label: '電気代', amount: '8000円' }],
    };
    expect(linesOf(state)).toEqual([
      { direction: 'income', category: 'wages', label: '', amount: 150000 },
      { direction: 'expense', category: '', label: '電気代', amount: 8000 },
    ]);
    expect(linesProblems(state)).toEqual({ 'expense.0.category': '支出1の「費目」を選んでください' });
    expect(linesProblems({ income: [{ category: 'wages', label: '', amount: '十万' }], expense: [] })).toEqual({
      'income.0.amount': '収入1の「金額」は0以上の数字で入力してください',
    });
  });
});
