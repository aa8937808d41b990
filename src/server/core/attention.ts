// What needs a worker's attention on a case (the dashboard), as a pure function of
// the case's facts and today's date: a plan review coming due, an evaluation
// coming due at the end of the support period, a planned contact (monitoring) that
// has come, an application not yet forwarded to the municipality (BIZ-4), and a
// case nobody has been in contact with.

import { ACTIVE_SUPPORT, type CaseStatus } from './case-flow.js';

/** Days ahead of a plan's review date from which it is shown as due. */
export const REVIEW_DUE_DAYS = 7;
/** Days ahead of the end of the support period from which an evaluation is shown as due. */
export const EVALUATION_DUE_DAYS = 14;
/** Days without a recorded contact after which a case in support is shown. */
export const NO_CONTACT_DAYS = 30;

export interface CaseFacts {
  status: CaseStatus;
  openedOn: string;
  /** The current plan's review date and the end of its support period. */
  nextReviewOn: string | null;
  periodTo: string | null;
  /** Whether the current plan has been evaluated. */
  evaluated: boolean;
  lastContactOn: string | null;
  /** The next contact the latest progress note planned (monitoring). */
  nextContactOn: string | null;
  /** The earliest application date of those not yet forwarded. */
  unforwardedSince: string | null;
}

export type AttentionCode =
  'plan_review_due' | 'evaluation_due' | 'contact_due' | 'application_unforwarded' | 'no_contact';

export const ATTENTION_LABELS: Readonly<Record<AttentionCode, string>> = {
  plan_review_due: 'プランの見直し時期',
  evaluation_due: '評価の時期',
  contact_due: '予定した連絡・訪問の日',
  application_unforwarded: '利用申込が自治体に未送付',
  no_contact: `${NO_CONTACT_DAYS}日以上連絡の記録なし`,
};

export interface Attention {
  code: AttentionCode;
  /** The date the item is due, or the date since which it has been waiting. */
  on: string;
}

/** Statuses in which a plan is being carried out (reviews and evaluations fall due). */
const PLAN_RUNNING: readonly CaseStatus[] = ['decided', 'in_support', 'evaluation'];
/** Statuses in which the person is expected to be in contact with the agency. */
const IN_CONTACT: readonly CaseStatus[] = ['screening', ...ACTIVE_SUPPORT];

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function attentionOf(facts: CaseFacts, today: string): Attention[] {
  const items: Attention[] = [];
  const running = PLAN_RUNNING.includes(facts.status);
  if (running && facts.nextReviewOn && facts.nextReviewOn <= addDays(today, REVIEW_DUE_DAYS)) {
    items.push({ code: 'plan_review_due', on: facts.nextReviewOn });
  }
  if (running && !facts.evaluated && facts.periodTo && facts.periodTo <= addDays(today, EVALUATION_DUE_DAYS)) {
    items.push({ code: 'evaluation_due', on: facts.periodTo });
  }
  if (IN_CONTACT.includes(facts.status) && facts.nextContactOn && facts.nextContactOn <= today) {
    items.push({ code: 'contact_due', on: facts.nextContactOn });
  }
  if (facts.unforwardedSince) items.push({ code: 'application_unforwarded', on: facts.unforwardedSince });
  const lastContact = facts.lastContactOn ?? facts.openedOn;
  if (IN_CONTACT.includes(facts.status) && lastContact <= addDays(today, -NO_CONTACT_DAYS)) {
    items.push({ code: 'no_contact', on: lastContact });
  }
  return items;
}
