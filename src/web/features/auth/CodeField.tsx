import { TextField } from '../../components/TextField';

interface CodeFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

export function CodeField({ id, value, onChange, error }: CodeFieldProps) {
  return (
    <TextField
      id={id}
      label="確認コード（6桁）"
      hint="認証アプリに表示されている6桁の数字です。"
      error={error}
      required
      className="input input--code"
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      value={value}
      onChange={onChange}
    />
  );
}
