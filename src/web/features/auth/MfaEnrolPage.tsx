import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Page } from '../../components/Page';
import { SecretText } from '../../components/SecretText';
import { SubmitRow } from '../../components/SubmitRow';
import type { SessionStage } from '../../types';
import { CancelLink } from './CancelLink';
import { CodeField } from './CodeField';
import { codeProblem, normalizeCode } from './codeInput';
import { StepDone } from './StepDone';
import { useOptionalStep } from './useOptionalStep';

interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/**
 * Setting up the second factor (an authenticator app, TOTP): as a sign-in step
 * for roles that require it, or by choice from the home page. The enrolment is
 * started by a button rather than on arrival, so that each start is deliberate and
 * the QR code on screen is always the one the server holds.
 */
export function MfaEnrolPage() {
  const { session, voluntary, done, finish } = useOptionalStep();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setEnrolment(await api.post<Enrolment>('/api/auth/mfa/enrolment', {}));
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = codeProblem(code);
    if (wrong) {
      setProblem(localProblem({ code: wrong }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const { stage } = await api.post<{ stage: SessionStage }>('/api/auth/mfa/enrolment/confirm', {
        code: normalizeCode(code),
      });
      if (await finish(stage)) setBusy(false);
    } catch (error) {
      setCode('');
      setProblem(problemFrom(error));
      setBusy(false);
    }
  };

  if (done || (voluntary && session.mfaEnabled)) {
    return (
      <div className="narrow">
        <Page title="二段階認証の設定">
          <StepDone title="二段階認証は設定済みです">
            <p>次回のログインから、パスワードの後に認証アプリの確認コードを入力します。</p>
          </StepDone>
        </Page>
      </div>
    );
  }

  return (
    <div className="narrow">
      <Page
        title="二段階認証の設定"
        lead={
          voluntary
            ? 'パスワードに加えて、スマートフォンの認証アプリに表示される確認コードでログインするように設定します。'
            : 'あなたの役割では二段階認証が必須です。パスワードに加えて、スマートフォンの認証アプリに表示される確認コードでログインします。'
        }
      >
        <ErrorSummary problem={problem} fieldIds={{ code: 'enrol-code' }} />
        <ol className="steps">
          <li>
            <p className="step-title">認証アプリを用意する</p>
            <p>
              業務用のスマートフォンに、Google Authenticator や Microsoft Authenticator
              などの認証アプリを入れてください。
            </p>
          </li>
          <li>
            <p className="step-title">QRコードを読み取る</p>
            {enrolment ? (
              <div className="enrolment">
                <img
                  className="qr"
                  src={'data:image/svg+xml;utf8,' + encodeURIComponent(enrolment.qrSvg)}
                  alt="二段階認証の設定用QRコード"
                  width={220}
                  height={220}
                />
                <div>
                  <p>
                    認証アプリでこのQRコードを読み取ってください。読み取れない場合は、次の設定キーを手で入力します。
                  </p>
                  <p className="secret-label">設定キー</p>
                  <SecretText value={enrolment.secret} />
                  <p className="muted small">設定キーは他の人に見せないでください。</p>
                </div>
              </div>
            ) : (
              <>
                <p>準備ができたら、次のボタンでQRコードを表示してください。</p>
                <button type="button" className="button" disabled={busy} onClick={() => void start()}>
                  {busy ? '準備しています…' : 'QRコードを表示する'}
                </button>
              </>
            )}
          </li>
          <li>
            <p className="step-title">確認コードを入力する</p>
            {enrolment ? (
              <form className="form" onSubmit={(e) => void confirm(e)} noValidate>
                <CodeField id="enrol-code" value={code} onChange={setCode} error={problem?.fields.code} />
                <SubmitRow busy={busy} label="設定を完了する" busyLabel="確認しています…">
                  {voluntary ? <CancelLink /> : null}
                </SubmitRow>
              </form>
            ) : (
              <p className="muted">QRコードを読み取ると、認証アプリに6桁の数字が表示されます。</p>
            )}
          </li>
        </ol>
      </Page>
    </div>
  );
}
