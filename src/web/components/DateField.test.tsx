import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DateField } from './DateField';

function setup(props: Partial<Parameters<typeof DateField>[0]> = {}) {
  const onChange = vi.fn();
  render(<DateField id="pledged" label="守秘義務誓約日" onChange={onChange} {...props} />);
  const input = screen.getByLabelText(/守秘義務誓約日/);
  return { onChange, input, user: userEvent.setup() };
}

describe('DateField', () => {
  it('reads a 和暦 date and shows it in both calendars', async () => {
    const { onChange, input, user } = setup();
    await user.type(input, '令和8年4月1日');
    expect(onChange).toHaveBeenLastCalledWith('2026-04-01', 'valid');
    expect(screen.getByText('令和8年4月1日（2026年4月1日）')).toBeTruthy();
  });

  it('reads the short forms staff type at a counter', async () => {
    const { onChange, input, user } = setup();
    await user.type(input, 'S50/3/3');
    expect(onChange).toHaveBeenLastCalledWith('1975-03-03', 'valid');
    expect(screen.getByText('昭和50年3月3日（1975年3月3日）')).toBeTruthy();

    await user.clear(input);
    await user.type(input, 'R8.4.1');
    expect(onChange).toHaveBeenLastCalledWith('2026-04-01', 'valid');

    await user.clear(input);
    await user.type(input, '20260401');
    expect(onChange).toHaveBeenLastCalledWith('2026-04-01', 'valid');
  });

  it('shows the reading error once the user leaves the field, and marks the input invalid', async () => {
    const { onChange, input, user } = setup();
    await user.type(input, '令和8年2月30日');
    expect(onChange).toHaveBeenLastCalledWith(null, 'invalid');
    expect(input.getAttribute('aria-invalid')).toBeNull();

    await user.tab();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText('存在しない日付です');
    expect(input.getAttribute('aria-describedby')).toContain(error.closest('p')?.id);
  });

  it('rejects a date outside its era', async () => {
    const { input, user } = setup();
    await user.type(input, '平成32年1月1日');
    await user.tab();
    expect(screen.getByText('平成32年1月1日は存在しません')).toBeTruthy();
  });

  it('reports an emptied field as null', async () => {
    const { onChange, input, user } = setup({ defaultValue: '2026-04-01' });
    expect((input as HTMLInputElement).value).toBe('令和8年4月1日');
    await user.clear(input);
    expect(onChange).toHaveBeenLastCalledWith(null, 'empty');
  });

  it('keeps what the user typed when the form reports an error for the field', async () => {
    const { input, user } = setup({ error: '「守秘義務誓約日」は正しい日付で入力してください' });
    await user.type(input, 'R8.4.1');
    expect((input as HTMLInputElement).value).toBe('R8.4.1');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('「守秘義務誓約日」は正しい日付で入力してください')).toBeTruthy();
  });

  it('describes the input with its hint and its reading', () => {
    const { input } = setup();
    expect(input.getAttribute('aria-describedby')).toBe('pledged-hint pledged-result');
    expect(screen.getByText(/例: 令和8年4月1日/)).toBeTruthy();
  });
});

describe('DateField with a form error', () => {
  it('shows its own reading error in place of the form message for the same date', async () => {
    const onChange = vi.fn();
    render(
      <DateField id="ended" label="退職日" onChange={onChange} error="「退職日」を正しい日付で入力してください" />,
    );
    const user = userEvent.setup();
    const input = screen.getByLabelText(/退職日/);
    await user.type(input, 'R8.13.1');
    await user.tab();
    expect(screen.getByText('存在しない日付です')).toBeTruthy();
    expect(screen.queryByText('「退職日」を正しい日付で入力してください')).toBeNull();
  });
});
