import { Field } from '../../components/Field';
import type { Organization } from '../../types';

interface OrganizationSelectProps {
  id: string;
  organizations: readonly Organization[];
  value: string;
  onChange: (organizationId: string) => void;
  error?: string | undefined;
  /** Whether to mark the organizations that work under contract (委託先). */
  markContractors?: boolean;
}

/** The starting choice: the only organization when there is just one, otherwise none. */
export function soleOrganizationId(organizations: readonly Organization[]): string {
  return organizations.length === 1 ? (organizations[0]?.organizationId ?? '') : '';
}

/** The organization (自治体 or 委託先) a staff member or an office belongs to. */
export function OrganizationSelect({
  id,
  organizations,
  value,
  onChange,
  error,
  markContractors,
}: OrganizationSelectProps) {
  return (
    <Field id={id} label="組織" error={error} required>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">選んでください</option>
          {organizations.map((o) => (
            <option key={o.organizationId} value={o.organizationId}>
              {o.name}
              {markContractors && o.kind === 'contractor' ? '（委託先）' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
