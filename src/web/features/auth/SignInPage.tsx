import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, setCsrfToken } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { TextField } from '../../components/TextField';
import type { SessionStage } from '../../types';
import type { SignInNotice } from './sessionContext';
import { lastTenantCode, rememberReturnTo, rememberTenantCode } from './stages';
import { useSession } from './useSession';

const FIELD_IDS = { tenantCode: 'tenant-code', login: 'login', password: 'password' } as const;

export function SignInPage() {
  const { session, proceed } = useSession();
  const notice = (useLocation().state ?? null) as Partial<SignInNotice> | null;
  const [tenantCode, setTenantCode] = useState(lastTenantCode);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  if (session?.stage === 'active' && !busy) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!tenantCode.trim()) missing.tenantCode = '「自治体コード」を入力してください';
    if (!login.trim()) missing.login = '「ログインID」を入力してください';
    if (!password) missing.password = '「パスワード」を入力してください';
    const local = localProblem(missing);
    if (local) {
      setProblem(local);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.post<{ stage: SessionStage; csrfToken: string }>(
        '/api/auth/login',
        { tenantCode: tenantCode.trim(), login: login.trim(), password },
        { noRedirect: true },
      );
      setCsrfToken(result.csrfToken);
      rememberTenantCode(tenantCode.trim());
      rememberReturnTo(notice?.from ?? null);
      await proceed();
    } catch (error) {
      // A refused sign-in clears the password, as the next attempt needs it typed afresh.
      if (error instanceof ApiError && error.status === 401) setPassword('');
      setProblem(problemFrom(error));
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <Page title="ログイン">
        {notice?.message && !problem ? (
          <Notice kind={notice.kind === 'success' ? 'success' : notice.kind === 'warning' ? 'warning' : 'info'}>
            {notice.message}
          </Notice>
        ) : null}
        <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
        <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            id={FIELD_IDS.tenantCode}
            label="自治体コード"
            hint="所属する自治体の利用コードです。前回入力したものが表示されます。"
            error={problem?.fields.tenantCode}
            required
            className="input input--medium"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={tenantCode}
            onChange={setTenantCode}
          />
          <TextField
            id={FIELD_IDS.login}
            label="ログインID"
            error={problem?.fields.login}
            required
            className="input input--medium"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={login}
            onChange={setLogin}
          />
          <TextField
            id={FIELD_IDS.password}
            label="パスワード"
            error={problem?.fields.password}
            required
            type="password"
            className="input input--medium"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          <SubmitRow busy={busy} label="ログイン" busyLabel="ログインしています…" />
        </form>
        <p className="muted small">
          パスワードを忘れた場合や、ロックされた場合は、システム管理者に連絡してください。5回続けて誤るとログインが15分間ロックされます。
        </p>
      </Page>
    </div>
  );
}
