import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DateText } from './DateText';
import { DateTimeText } from './DateTimeText';

describe('DateText', () => {
  it('shows the 和暦 date with the Gregorian year', () => {
    render(<DateText value="2026-04-01" />);
    const time = screen.getByText('令和8年4月1日（2026年）');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2026-04-01');
    expect(time.getAttribute('title')).toBe('2026年4月1日');
  });

  it('shows the full Gregorian date when asked', () => {
    render(<DateText value="1975-03-03" variant="full" />);
    expect(screen.getByText('昭和50年3月3日（1975年3月3日）')).toBeTruthy();
  });

  it('writes the first year of an era as 元年', () => {
    render(<DateText value="2019-05-01" />);
    expect(screen.getByText('令和元年5月1日（2019年）')).toBeTruthy();
  });

  it('says 未登録 when there is no date', () => {
    render(<DateText value={null} />);
    expect(screen.getByText('未登録')).toBeTruthy();
  });
});

describe('DateTimeText', () => {
  it('shows an instant in Tokyo time with seconds', () => {
    render(<DateTimeText value="2026-03-31T15:05:09Z" withSeconds />);
    const time = screen.getByText('令和8年4月1日 00:05:09');
    expect(time.getAttribute('title')).toBe('2026年4月1日 00:05:09');
  });
});
