// Where the notice of a joint-use change stands (PRV-2): core/joint-use.ts decides
// by when the person must be told; this says, on a given day, whether that has
// been done in time, is still due, or is overdue, for the manager's list of notices.

export const NOTICE_STATUSES = ['not_required', 'given', 'given_late', 'due', 'overdue'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_STATUS_LABELS: Readonly<Record<NoticeStatus, string>> = {
  not_required: '通知不要（当初の公表）',
  given: '通知・公表済み',
  given_late: '通知・公表済み（期限後）',
  due: '通知・公表が必要',
  overdue: '通知・公表の期限を過ぎています',
};

/** The notice of a version on `today`: none is due for the first version (its publication is the declaration). */
export function noticeStatus(
  version: { noticeDueOn: string | null; noticeOn: string | null },
  today: string,
): NoticeStatus {
  const { noticeDueOn, noticeOn } = version;
  if (noticeDueOn === null) return 'not_required';
  if (noticeOn !== null) return noticeOn <= noticeDueOn ? 'given' : 'given_late';
  return today <= noticeDueOn ? 'due' : 'overdue';
}

/** Whether the manager still has to act on it. */
export function noticePending(status: NoticeStatus): boolean {
  return status === 'due' || status === 'overdue';
}
