import type { Query } from '../../api';

export interface AuditFilters {
  staffId: string;
  subjectId: string;
  from: string;
  to: string;
  category: string;
  action: string;
  outcome: string;
  notAssignedOnly: boolean;
}

export const EMPTY_FILTERS: AuditFilters = {
  staffId: '',
  subjectId: '',
  from: '',
  to: '',
  category: '',
  action: '',
  outcome: '',
  notAssignedOnly: false,
};

const TEXT_KEYS = ['staffId', 'subjectId', 'from', 'to', 'category', 'action', 'outcome'] as const;

/** The filters live in the address, so that back and forward and a bookmark give the same search. */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const out: AuditFilters = { ...EMPTY_FILTERS };
  for (const key of TEXT_KEYS) out[key] = params.get(key) ?? '';
  out.notAssignedOnly = params.get('notAssignedOnly') === 'true';
  return out;
}

export function paramsFromFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (filters[key]) params.set(key, filters[key]);
  if (filters.notAssignedOnly) params.set('notAssignedOnly', 'true');
  return params;
}

export function queryFromFilters(filters: AuditFilters, before?: string): Query {
  return {
    staffId: filters.staffId,
    subjectId: filters.subjectId,
    from: filters.from,
    to: filters.to,
    category: filters.category,
    action: filters.action,
    outcome: filters.outcome,
    notAssignedOnly: filters.notAssignedOnly ? true : undefined,
    before,
    limit: PAGE_SIZE,
  };
}

export const PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z_.]{1,64}$/;

/** Checks made before asking the server, in the words the server would use. */
export function filterProblems(filters: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.subjectId && !UUID.test(filters.subjectId)) {
    out.subjectId = '「相談者ID」の形式が正しくありません（記録の「対象」を選ぶと入力されます）';
  }
  if (filters.action && !ACTION.test(filters.action)) {
    out.action = '「操作」は半角の英小文字と「.」「_」で入力してください（例: sign_in、consultee.read）';
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    out.to = '「期間（終了）」は「期間（開始）」以降の日付にしてください';
  }
  return out;
}
