import { DateField } from '../../components/DateField';
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
    </>
  );
}
