import { describe, expect, it } from 'vitest';
import { NOTICE_STATUS_LABELS, NOTICE_STATUSES, noticePending, noticeStatus } from './joint-use-notices.js';

describe('[PRV-2] where the notice of a joint-use change stands', () => {
  it.each([
    ['the first declaration', null, null, '2026-11-22', 'not_required', false],
    ['due later, not yet given', '2026-11-30', null, '2026-11-22', 'due', true],
    ['due today, not yet given', '2026-11-22', null, '2026-11-22', 'due', true],
    ['due yesterday, not given', '2026-11-21', null, '2026-11-22', 'overdue', true],
    ['given before the due day', '2026-11-30', '2026-11-25', '2026-12-10', 'given', false],
    ['given on the due day', '2026-11-30', '2026-11-30', '2026-12-10', 'given', false],
    ['given after the due day', '2026-11-30', '2026-12-01', '2026-12-10', 'given_late', false],
  ] as const)('%s → %s', (_label, noticeDueOn, noticeOn, today, status, pending) => {
    expect(noticeStatus({ noticeDueOn, noticeOn }, today)).toBe(status);
    expect(noticePending(noticeStatus({ noticeDueOn, noticeOn }, today))).toBe(pending);
  });

  it('every status has a Japanese label', () => {
    for (const s of NOTICE_STATUSES) expect(NOTICE_STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fff]/);
  });
});
