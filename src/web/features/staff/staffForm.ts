import type { DateStatus } from '../../components/DateField';

/** Mirrors the server's pattern for a login id (src/server/modules/staff/schema.ts). */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const LOGIN_HINT = '半角の英小文字・数字と「.」「_」「-」で3〜64文字。先頭は英小文字か数字です。';

export function dateProblem(label: string, status: DateStatus): string | null {
  return status === 'invalid' ? `「${label}」を正しい日付で入力してください` : null;
}
