import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { TextField } from '../../components/TextField';
import type { SessionStage } from '../../types';
import { CancelLink } from './CancelLink';
import { minimumLength, PASSWORD_MAX_LENGTH, passwordLength } from './passwordRules';
import { PasswordRules } from './PasswordRules';
import { StepDone } from './StepDone';
import { useOptionalStep } from './useOptionalStep';

const FIELD_IDS = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmation: 'new-password-confirmation',
} as const;

/**
 * Choosing a new password: as a sign-in step (first sign-in, or after a reset by
 * the administrator) or by choice from an active session, which needs the current one.
 */
export function PasswordChangePage() {
  const { session, voluntary, done, finish } = useOptionalStep();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [visible, setVisible] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const minimum = minimumLength(session.mfaEnabled);

  const check = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (voluntary && !currentPassword) fields.currentPassword = '「現在のパスワード」を入力してください';
    const length = passwordLength(newPassword);
    if (length === 0) fields.newPassword = '「新しいパスワード」を入力してください';
    else if (length < minimum)
      fields.newPassword = `新しいパスワードは${minimum}文字以上にしてください（現在${length}文字）`;
    else if (length > PASSWORD_MAX_LENGTH)
      fields.newPassword = `新しいパスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください（現在${length}文字）`;
    if (!confirmation) fields.confirmation = '確認のため、新しいパスワードをもう一度入力してください';
    else if (newPassword && confirmation !== newPassword)
      fields.confirmation = '「新しいパスワード」と「確認のための再入力」が一致しません';
    return fields;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = localProblem(check());
    if (local) {
      setProblem(local);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const { stage } = await api.post<{ stage: SessionStage }>(
        '/api/auth/password',
        voluntary ? { currentPassword, newPassword } : { newPassword },
      );
      if (await finish(stage)) setBusy(false);
    } catch (error) {
      setProblem(problemFrom(error));
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="narrow">
        <Page title="パスワードの変更">
          <StepDone title="パスワードを変更しました">
            <p>次回から新しいパスワードでログインしてください。ほかの端末でのログインは終了しました。</p>
          </StepDone>
        </Page>
      </div>
    );
  }

  const length = passwordLength(newPassword);
  // The three password inputs look alike, and show what was typed together.
  const passwordInput = { type: visible ? 'text' : 'password', className: 'input input--wide' } as const;
  return (
    <div className="narrow">
      <Page
        title={voluntary ? 'パスワードの変更' : '新しいパスワードの設定'}
        lead={
          voluntary
            ? undefined
            : '初めてのログイン、またはパスワードの再発行後のため、ご自身で新しいパスワードを決めてください。'
        }
      >
        <PasswordRules id="password-rules" />
        <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
        <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
          {voluntary ? (
            <TextField
              id={FIELD_IDS.currentPassword}
              label="現在のパスワード"
              error={problem?.fields.currentPassword}
              required
              {...passwordInput}
              autoComplete="current-password"
              value={currentPassword}
              onChange={setCurrentPassword}
            />
          ) : null}
          <TextField
            id={FIELD_IDS.newPassword}
            label="新しいパスワード"
            hint={`${minimum}文字以上。現在${length}文字です。`}
            error={problem?.fields.newPassword}
            required
            describedByAlso="password-rules"
            {...passwordInput}
            autoComplete="new-password"
            value={newPassword}
            onChange={setNewPassword}
          />
          <TextField
            id={FIELD_IDS.confirmation}
            label="新しいパスワード（確認のための再入力）"
            error={problem?.fields.confirmation}
            required
            {...passwordInput}
            autoComplete="new-password"
            value={confirmation}
            onChange={setConfirmation}
          />
          <div className="checkbox">
            <input
              id="show-password"
              type="checkbox"
              checked={visible}
              onChange={(e) => setVisible(e.target.checked)}
            />
            <label htmlFor="show-password">入力したパスワードを表示する</label>
          </div>
          <SubmitRow busy={busy} label="パスワードを変更する" busyLabel="変更しています…">
            {voluntary ? <CancelLink /> : null}
          </SubmitRow>
        </form>
      </Page>
    </div>
  );
}
