import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFormKit } from '../../../components/useFormKit';
import { blankGoal, GoalsEditor, type GoalRow } from './PlanTab';

function Harness({ goals }: { goals: GoalRow[] }) {
  const kit = useFormKit('plan', { goals }, null);
  return (
    <form>
      <GoalsEditor kit={kit} />
      <output data-testid="goals">{JSON.stringify(kit.values.goals)}</output>
    </form>
  );
}

const goalsNow = () => JSON.parse(screen.getByTestId('goals').textContent ?? '[]') as GoalRow[];

describe('GoalsEditor', () => {
  it('labels every input with its row and column', () => {
    render(<Harness goals={[{ ...blankGoal(), goal: '住まいを失わない' }]} />);
    expect((screen.getByLabelText('目標1の目標') as HTMLTextAreaElement).value).toBe('住まいを失わない');
    expect(screen.getByLabelText('目標1の支援内容（本人・支援機関の取組み）')).toBeTruthy();
    expect(screen.getByLabelText('目標1の担当（機関・者）')).toBeTruthy();
    expect(screen.getByLabelText('目標1の期間')).toBeTruthy();
    expect(screen.getByRole('group', { name: /目標・支援内容/ })).toBeTruthy();
  });

  it('adds a row and moves focus to its first input, where typing goes', async () => {
    const user = userEvent.setup();
    render(<Harness goals={[{ ...blankGoal(), goal: '住まいを失わない' }]} />);
    await user.click(screen.getByRole('button', { name: '目標を追加する' }));
    expect(document.activeElement).toBe(screen.getByLabelText('目標2の目標'));
    await user.keyboard('仕事に就く');
    await user.type(screen.getByLabelText('目標2の期間'), '3か月');
    expect(goalsNow()).toEqual([
      { goal: '住まいを失わない', actions: '', who: '', period: '' },
      { goal: '仕事に就く', actions: '', who: '', period: '3か月' },
    ]);
  });

  it('removes a row; focus goes to the row that took its place, or to the add button when none is left', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        goals={[
          { ...blankGoal(), goal: '一つ目' },
          { ...blankGoal(), goal: '二つ目' },
        ]}
      />,
    );
    await user.click(screen.getByRole('button', { name: '削除（目標1）' }));
    expect(goalsNow().map((g) => g.goal)).toEqual(['二つ目']);
    expect(document.activeElement).toBe(screen.getByLabelText('目標1の目標'));
    expect((document.activeElement as HTMLTextAreaElement).value).toBe('二つ目');
    await user.click(screen.getByRole('button', { name: '削除（目標1）' }));
    expect(goalsNow()).toEqual([]);
    expect(screen.getByText('まだ入力されていません。')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '目標を追加する' }));
  });
});
