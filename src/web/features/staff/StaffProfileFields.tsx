import { DateField } from '../../components/DateField';
import { describedBy, FieldError } from '../../components/Field';
import type { Organization } from '../../types';
import { EmploymentKindSelect } from './EmploymentKindSelect';
import { OfficeSelect } from './OfficeSelect';
import { ROLES_FIRST_ID, RolesField } from './RolesField';
import type { StaffProfile } from './staffForm';

/** Element ids of the profile's fields by field name, for the error summary. */
export const PROFILE_FIELD_IDS = {
  officeId: 'office',
  employmentKind: 'employment-kind',
  roles: ROLES_FIRST_ID,
  confidentialityPledgedOn: 'pledged-on',
  myNumberHandler: 'my-number-handler',
} as const;

interface StaffProfileFieldsProps {
  /** The organization whose offices can be chosen. */
  organization: Organization | undefined;
  value: StaffProfile;
  onChange: (next: StaffProfile) => void;
  /** Messages by field name, from the server or from the form's own checks. */
  errors: Readonly<Record<string, string>> | undefined;
}

/** The office, employment kind, roles and pledge date of a staff member, as registered and as changed. */
export function StaffProfileFields({ organization, value, onChange, errors }: StaffProfileFieldsProps) {
  const set = <K extends keyof StaffProfile>(key: K, next: StaffProfile[K]) => onChange({ ...value, [key]: next });
  return (
    <>
      <OfficeSelect
        id={PROFILE_FIELD_IDS.officeId}
        organization={organization}
        value={value.officeId}
        onChange={(officeId) => set('officeId', officeId)}
        error={errors?.officeId}
      />
      <EmploymentKindSelect
        id={PROFILE_FIELD_IDS.employmentKind}
        value={value.employmentKind}
        onChange={(kind) => set('employmentKind', kind)}
        error={errors?.employmentKind}
      />
      <RolesField value={value.roles} onChange={(roles) => set('roles', roles)} error={errors?.roles} />
      <DateField
        id={PROFILE_FIELD_IDS.confidentialityPledgedOn}
        label="守秘義務誓約日"
        hint="守秘義務の誓約書を受け取った日。例: 令和8年4月1日、R8.4.1、2026-04-01"
        // Read once, when the field first appears: the field keeps what is typed.
        defaultValue={value.pledgedOn.value}
        onChange={(date, status) => set('pledgedOn', { value: date, status })}
        error={errors?.confidentialityPledgedOn}
      />
      <MyNumberHandlerField
        checked={value.myNumberHandler}
        onChange={(checked) => set('myNumberHandler', checked)}
        error={errors?.myNumberHandler}
      />
    </>
  );
}

/** The designation to handle My Number (ACQ-4): by name, by the system administrator. */
function MyNumberHandlerField({
  checked,
  onChange,
  error,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}) {
  const id = PROFILE_FIELD_IDS.myNumberHandler;
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error && errorId ? <FieldError id={errorId} message={error} /> : null}
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
        />
        <label htmlFor={id}>個人番号事務取扱担当者に指定する</label>
      </div>
      <p id={hintId} className="hint hint--checkbox">
        指定された職員だけが、相談者の個人番号を記録・表示・削除できます（その都度、二段階認証の確認コードが必要です）。相談支援員・事務職員などの役割の職員を指定できます。
      </p>
    </div>
  );
}
