import { Field } from '../../components/Field';
import { EMPLOYMENT_KIND_LABELS, EMPLOYMENT_KINDS, type EmploymentKind } from '../../labels';

interface EmploymentKindSelectProps {
  id: string;
  value: EmploymentKind;
  onChange: (kind: EmploymentKind) => void;
  error?: string | undefined;
}

export function EmploymentKindSelect({ id, value, onChange, error }: EmploymentKindSelectProps) {
  return (
    <Field
      id={id}
      label="雇用形態"
      hint="臨時職員・派遣職員・実習生も、職員と同じく守秘義務を負います。"
      error={error}
      required
    >
      {(control) => (
        <select
          {...control}
          className="select"
          value={value}
          onChange={(e) => onChange(e.target.value as EmploymentKind)}
        >
          {EMPLOYMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {EMPLOYMENT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
