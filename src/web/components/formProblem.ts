import { ApiError, fieldErrorsOf, messageOf } from '../api';

/** What went wrong with a form submission: a message, and messages by field. */
export interface FormProblem {
  message: string;
  fields: Record<string, string>;
}

/**
 * The problem to show for a failed request, or null when the session layer has
 * already taken the user elsewhere (signed out, or a sign-in step to finish).
 */
export function problemFrom(error: unknown): FormProblem | null {
  if (error instanceof ApiError && error.handled) return null;
  return { message: messageOf(error), fields: fieldErrorsOf(error) };
}

export function localProblem(fields: Record<string, string>): FormProblem | null {
  return Object.keys(fields).length > 0 ? { message: '入力内容を確認してください', fields } : null;
}

/**
 * Like problemFrom, but keeps each field's whole path (goals.1.goal,
 * consent.purposes), for forms with rows or nested parts that show a message at
 * the exact input.
 */
export function pathProblemFrom(error: unknown): FormProblem | null {
  if (error instanceof ApiError && error.handled) return null;
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const p of error.errors) if (p.field && !(p.field in fields)) fields[p.field] = p.message;
    if (error.field && Object.keys(fields).length === 0) fields[error.field] = error.message;
  }
  return { message: messageOf(error), fields };
}

/** The element id of a form's field: the form's id and the field's path, dots made dashes. */
export function fieldIdOf(formId: string, path: string): string {
  return `${formId}-${path.replace(/\./g, '-')}`;
}

/** Element ids for every field a problem names, for the links of the error summary. */
export function fieldIdsFor(formId: string, problem: FormProblem | null): Record<string, string> {
  if (!problem) return {};
  return Object.fromEntries(Object.keys(problem.fields).map((path) => [path, fieldIdOf(formId, path)]));
}
