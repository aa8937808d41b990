import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import type { SessionStage } from '../../types';
import { minimumLength, PASSWORD_MAX_LENGTH, passwordLength } from './passwordRules';
import { PasswordRules } from './PasswordRules';
import { useSignedIn } from './useSession';

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
  const { session, refresh, proceed } = useSignedIn();
  const voluntary = session.stage === 'active';
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [visible, setVisible] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
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
      if (voluntary && stage === 'active') {
        await refresh();
        setDone(true);
        setBusy(false);
        return;
      }
      await proceed();
    } catch (error) {
      setProblem(problemFrom(error));
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="narrow">
        <Page title="パスワードの変更">
          <Notice kind="success" title="パスワードを変更しました">
            <p>次回から新しいパスワードでログインしてください。ほかの端末でのログインは終了しました。</p>
          </Notice>
          <p>
            <Link to="/">ホームへ戻る</Link>
          </p>
        </Page>
      </div>
    );
  }

  const length = passwordLength(newPassword);
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
            <Field
              id={FIELD_IDS.currentPassword}
              label="現在のパスワード"
              error={problem?.fields.currentPassword}
              required
            >
              {(control) => (
                <input
                  {...control}
                  type={visible ? 'text' : 'password'}
                  className="input input--wide"
                  autoComplete="current-password"
                  value={currentPassword}
                  onChange={(e) => setCurrentPassword(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          <Field
            id={FIELD_IDS.newPassword}
            label="新しいパスワード"
            hint={`${minimum}文字以上。現在${length}文字です。`}
            error={problem?.fields.newPassword}
            required
          >
            {(control) => (
              <input
                {...control}
                aria-describedby={[control['aria-describedby'], 'password-rules'].filter(Boolean).join(' ')}
                type={visible ? 'text' : 'password'}
                className="input input--wide"
                autoComplete="new-password"
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
              />
            )}
          </Field>
          <Field
            id={FIELD_IDS.confirmation}
            label="新しいパスワード（確認のための再入力）"
            error={problem?.fields.confirmation}
            required
          >
            {(control) => (
              <input
                {...control}
                type={visible ? 'text' : 'password'}
                className="input input--wide"
                autoComplete="new-password"
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
              />
            )}
          </Field>
          <div className="checkbox">
            <input
              id="show-password"
              type="checkbox"
              checked={visible}
              onChange={(e) => setVisible(e.target.checked)}
            />
            <label htmlFor="show-password">入力したパスワードを表示する</label>
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? '変更しています…' : 'パスワードを変更する'}
            </button>
            {voluntary ? (
              <Link to="/" className="button button--secondary">
                やめる
              </Link>
            ) : null}
          </div>
        </form>
      </Page>
    </div>
  );
}
