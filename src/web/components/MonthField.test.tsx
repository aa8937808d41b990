import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MonthField, parseMonth } from './MonthField';

describe('parseMonth', () => {
  it('reads a month as written at a counter', () => {
    for (const text of ['令和8年4月', 'R8.4', 'r8/4', '2026-04', '2026/4', '2026年4月', '202604', '２０２６－０４']) {
      expect(parseMonth(text), text).toEqual({ ok: true, value: '2026-04' });
    }
    expect(parseMonth('令和元年5月')).toEqual({ ok: true, value: '2019-05' });
  });

  it('refuses what is not a month', () => {
    expect(parseMonth('2026-13').ok).toBe(false);
    expect(parseMonth('四月').ok).toBe(false);
    expect(parseMonth('平成32年1月').ok).toBe(false);
  });
});

describe('MonthField', () => {
  it('shows what it read in both calendars and reports the month', async () => {
    const onChange = vi.fn();
    render(<MonthField id="month" label="対象月" onChange={onChange} />);
    await userEvent.setup().type(screen.getByLabelText('対象月'), 'R8.4');
    expect(onChange).toHaveBeenLastCalledWith('2026-04', 'valid');
    expect(screen.getByText('令和8年4月（2026年4月）')).toBeTruthy();
  });
});
