import { describe, expect, it } from 'vitest';
import { addDays, attentionOf, type CaseFacts } from './attention.js';

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  status: 'in_support',
  openedOn: '2026-10-01',
  nextReviewOn: null,
  periodTo: null,
  evaluated: false,
  lastContactOn: '2026-11-20',
  nextContactOn: null,
  unforwardedSince: null,
  ...overrides,
});

const TODAY = '2026-11-22';

describe('[BIZ-2][BIZ-4] what needs a worker’s attention', () => {
  it('nothing for a case in contact with nothing due', () => {
    expect(attentionOf(facts(), TODAY)).toEqual([]);
  });

  it('a plan review within a week, an evaluation within two weeks of the end of the period', () => {
    expect(attentionOf(facts({ nextReviewOn: '2026-11-29' }), TODAY)).toEqual([
      { code: 'plan_review_due', on: '2026-11-29' },
    ]);
    expect(attentionOf(facts({ nextReviewOn: '2026-11-30' }), TODAY)).toEqual([]);
    expect(attentionOf(facts({ periodTo: '2026-12-06' }), TODAY)).toEqual([
      { code: 'evaluation_due', on: '2026-12-06' },
    ]);
    expect(attentionOf(facts({ periodTo: '2026-12-06', evaluated: true }), TODAY)).toEqual([]);
    expect(attentionOf(facts({ status: 'plan_draft', nextReviewOn: '2026-11-01' }), TODAY)).toEqual([]);
  });

  it('a planned contact (monitoring) whose day has come', () => {
    expect(attentionOf(facts({ nextContactOn: '2026-11-22' }), TODAY)).toEqual([
      { code: 'contact_due', on: '2026-11-22' },
    ]);
    expect(attentionOf(facts({ nextContactOn: '2026-11-23' }), TODAY)).toEqual([]);
    expect(attentionOf(facts({ status: 'suspended', nextContactOn: '2026-11-01' }), TODAY)).toEqual([]);
  });

  it('[BIZ-4] an application not forwarded to the municipality, whatever the stage', () => {
    expect(attentionOf(facts({ status: 'suspended', unforwardedSince: '2026-11-01' }), TODAY)).toEqual([
      { code: 'application_unforwarded', on: '2026-11-01' },
    ]);
  });

  it('no contact for 30 days or more while the person is being supported; not while suspended', () => {
    expect(attentionOf(facts({ lastContactOn: '2026-10-24' }), TODAY)).toEqual([]);
    expect(attentionOf(facts({ lastContactOn: '2026-10-23' }), TODAY)).toEqual([
      { code: 'no_contact', on: '2026-10-23' },
    ]);
    expect(attentionOf(facts({ lastContactOn: null, openedOn: '2026-09-01' }), TODAY)).toEqual([
      { code: 'no_contact', on: '2026-09-01' },
    ]);
    expect(attentionOf(facts({ status: 'suspended', lastContactOn: '2026-01-01' }), TODAY)).toEqual([]);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
