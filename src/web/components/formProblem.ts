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
