import { hasPermission } from '../../../server/core/roles';
import type { DateStatus } from '../../components/DateField';
import type { EmploymentKind } from '../../labels';
import type { Role, StaffItem } from '../../types';

/** Mirrors the server's check of a designation (src/server/modules/staff/service.ts). */
export const MY_NUMBER_HANDLER_ROLES_MESSAGE =
  '個人番号事務取扱担当者に指定できるのは、相談支援員・主任相談支援員・就労支援員・家計改善支援員・事務職員の役割をもつ職員だけです';

/** Mirrors the server's pattern for a login id (src/server/modules/staff/schema.ts). */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const LOGIN_HINT = '半角の英小文字・数字と「.」「_」「-」で3〜64文字。先頭は英小文字か数字です。';

export function dateProblem(label: string, status: DateStatus): string | null {
  return status === 'invalid' ? `「${label}」を正しい日付で入力してください` : null;
}

/** A date field's reading: the date (YYYY-MM-DD) once it is one, and whether it is. */
export interface DateState {
  value: string | null;
  status: DateStatus;
}

export const dateState = (value: string | null): DateState => ({ value, status: value ? 'valid' : 'empty' });

/** A staff member's name as typed, before trimming. */
export interface StaffNames {
  displayName: string;
  displayNameKana: string;
}

export function staffNames(staff?: StaffItem): StaffNames {
  return { displayName: staff?.displayName ?? '', displayNameKana: staff?.displayNameKana ?? '' };
}

export function nameProblems(names: StaffNames): Record<string, string> {
  return names.displayName.trim() ? {} : { displayName: '「氏名」を入力してください' };
}

/** What registering and changing a staff member have in common: their place, employment, roles and pledge. */
export interface StaffProfile {
  officeId: string;
  employmentKind: EmploymentKind;
  roles: Role[];
  pledgedOn: DateState;
  /** Designated to handle My Number (個人番号事務取扱担当者). */
  myNumberHandler: boolean;
}

/** The profile of an existing staff member, or the starting one for a new member. */
export function staffProfile(staff?: StaffItem): StaffProfile {
  return {
    officeId: staff?.officeId ?? '',
    employmentKind: staff?.employmentKind ?? 'employee',
    roles: staff?.roles ?? [],
    pledgedOn: dateState(staff?.confidentialityPledgedOn ?? null),
    myNumberHandler: staff?.myNumberHandler ?? false,
  };
}

/** The form's own checks on the profile, by field name. */
export function profileProblems(profile: StaffProfile): Record<string, string> {
  const fields: Record<string, string> = {};
  if (profile.roles.length === 0) fields.roles = '「役割」を1つ以上選んでください';
  const pledged = dateProblem('守秘義務誓約日', profile.pledgedOn.status);
  if (pledged) fields.confidentialityPledgedOn = pledged;
  if (profile.myNumberHandler && profile.roles.length > 0 && !hasPermission(profile.roles, 'my_number.handle')) {
    fields.myNumberHandler = MY_NUMBER_HANDLER_ROLES_MESSAGE;
  }
  return fields;
}
