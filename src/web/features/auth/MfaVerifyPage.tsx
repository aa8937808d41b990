import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import type { SessionStage } from '../../types';
import { CodeField } from './CodeField';
import { codeProblem, normalizeCode } from './codeInput';
import { useSession } from './useSession';

export function MfaVerifyPage() {
  const { proceed, endWith, signOut } = useSession();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = codeProblem(code);
    if (wrong) {
      setProblem(localProblem({ code: wrong }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await api.post<{ stage: SessionStage }>('/api/auth/mfa/verify', { code: normalizeCode(code) });
      await proceed();
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 401 && !error.handled) {
        // Too many wrong codes: the server has locked the login and ended this session.
        endWith({ message: error.message, kind: 'warning' });
        return;
      }
      setCode('');
      setProblem(problemFrom(error));
    }
  };

  return (
    <div className="narrow">
      <Page
        title="確認コードの入力"
        lead="このアカウントは二段階認証を利用しています。スマートフォンの認証アプリに表示されている確認コードを入力してください。"
      >
        <ErrorSummary problem={problem} fieldIds={{ code: 'mfa-code' }} />
        <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
          <CodeField id="mfa-code" value={code} onChange={setCode} error={problem?.fields.code} />
          <SubmitRow busy={busy} label="確認する" busyLabel="確認しています…">
            <button type="button" className="button button--secondary" onClick={() => void signOut()}>
              ログインをやめる
            </button>
          </SubmitRow>
        </form>
        <p className="muted small">
          スマートフォンを紛失した場合や機種を変更した場合は、システム管理者に二段階認証の解除を依頼してください。
        </p>
      </Page>
    </div>
  );
}
