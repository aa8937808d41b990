import { Field, type FieldFrameProps } from '../../components/Field';

interface NumberWithUnitFieldProps extends FieldFrameProps {
  value: string;
  onChange: (value: string) => void;
  /** Shown after the input; the label already says the unit to assistive technology. */
  unit: string;
}

/** A whole number typed as text (full-width digits too), with its unit beside the input. */
export function NumberWithUnitField({ value, onChange, unit, ...field }: NumberWithUnitFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <div className="input-with-unit">
          <input
            {...control}
            inputMode="numeric"
            autoComplete="off"
            className="input input--number"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <span aria-hidden="true">{unit}</span>
        </div>
      )}
    </Field>
  );
}
