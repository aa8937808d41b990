import { Field } from '../../components/Field';
import type { Organization } from '../../types';

interface OfficeSelectProps {
  id: string;
  organization: Organization | undefined;
  value: string;
  onChange: (officeId: string) => void;
  error?: string | undefined;
}

/** The office (窓口) within the chosen organization; '' for none. */
export function OfficeSelect({ id, organization, value, onChange, error }: OfficeSelectProps) {
  const offices = organization?.offices ?? [];
  return (
    <Field
      id={id}
      label="窓口"
      hint="相談者の記録は窓口ごとに管理されます。主任相談支援員は所属窓口の記録を閲覧できます。"
      error={error}
    >
      {(control) => (
        <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">窓口に所属しない</option>
          {offices.map((office) => (
            <option key={office.officeId} value={office.officeId}>
              {office.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
