import { api } from '../../api';
import { formatWareki } from '../../../shared/wareki';
import type { CaseDetail, PlanRow } from '../../types';

/** What every part of the case page is given. */
export interface CaseTabProps {
  detail: CaseDetail;
  caseId: string;
  today: string;
  /** Whether the reader may write the case's forms. */
  writable: boolean;
  /** After a save: reads the case again and says what was saved. */
  onSaved: (message: string) => void;
}

/** The forms the server prints (GET /api/cases/:caseId/print/:form). */
export type PrintForm = 'intake' | 'assessment' | 'plan' | 'meeting' | 'evaluation' | 'closure' | 'notes' | 'budget';

export function printHref(caseId: string, form: PrintForm, recordId?: string | null): string {
  const base = `/api/cases/${encodeURIComponent(caseId)}/print/${form}`;
  return recordId ? `${base}?recordId=${encodeURIComponent(recordId)}` : base;
}

export function casePath(caseId: string, form: string, recordId?: string): string {
  const base = `/api/cases/${encodeURIComponent(caseId)}/${form}`;
  return recordId ? `${base}/${encodeURIComponent(recordId)}` : base;
}

/** Saves a record of a case's form: a new one (POST), or the one given changed (PUT). */
export function saveCaseRecord(caseId: string, form: string, recordId: string | undefined, body: unknown) {
  return recordId ? api.put(casePath(caseId, form, recordId), body) : api.post(casePath(caseId, form), body);
}

export const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function planName(plan: PlanRow): string {
  return `第${plan.revision}版（${formatWareki(plan.draftedOn)}作成）`;
}

/** The plan revisions as choices, newest first. */
export function planChoices(detail: CaseDetail): { code: string; label: string }[] {
  return detail.plans.map((p) => ({ code: p.planId, label: planName(p) }));
}

/** The current plan: the newest revision. */
export function currentPlan(detail: CaseDetail): PlanRow | null {
  return detail.plans[0] ?? null;
}

/** Messages by field for required fields left empty: requireds([['heldOn', '開催日', v.heldOn]]). */
export function requireds(list: readonly (readonly [string, string, unknown])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, label, value] of list) {
    const empty =
      value === null ||
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (empty)
      out[field] = Array.isArray(value) ? `「${label}」を1つ以上選んでください` : `「${label}」を入力してください`;
  }
  return out;
}
