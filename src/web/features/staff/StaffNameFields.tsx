import { TextField } from '../../components/TextField';
import type { StaffNames } from './staffForm';

/** Element ids of the name fields by field name, for the error summary. */
export const NAME_FIELD_IDS = { displayName: 'display-name', displayNameKana: 'display-name-kana' } as const;

interface StaffNameFieldsProps {
  value: StaffNames;
  onChange: (next: StaffNames) => void;
  /** Messages by field name, from the server or from the form's own checks. */
  errors: Readonly<Record<string, string>> | undefined;
  /** Whether to show an example under each field, for a form that starts empty. */
  withExamples?: boolean;
}

/** A staff member's name and its reading in katakana. */
export function StaffNameFields({ value, onChange, errors, withExamples }: StaffNameFieldsProps) {
  return (
    <>
      <TextField
        id={NAME_FIELD_IDS.displayName}
        label="氏名"
        hint={withExamples ? '例: 見本 太郎' : undefined}
        error={errors?.displayName}
        required
        className="input input--medium"
        autoComplete="off"
        value={value.displayName}
        onChange={(displayName) => onChange({ ...value, displayName })}
      />
      <TextField
        id={NAME_FIELD_IDS.displayNameKana}
        label="氏名（カナ）"
        hint={withExamples ? '例: ミホン タロウ' : undefined}
        error={errors?.displayNameKana}
        className="input input--medium"
        autoComplete="off"
        value={value.displayNameKana}
        onChange={(displayNameKana) => onChange({ ...value, displayNameKana })}
      />
    </>
  );
}
