import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import type { TenantSettings } from '../../types';
import { useSession } from '../auth/useSession';
import { NumberWithUnitField } from './NumberWithUnitField';
import { SESSION_TIMEOUT_BOUNDS } from '../../../server/core/sign-in';

const IDLE = SESSION_TIMEOUT_BOUNDS.idleMinutes;
const ABSOLUTE = SESSION_TIMEOUT_BOUNDS.absoluteHours;

const FIELD_IDS = {
  mfaRequiredForAll: 'mfa-required-for-all',
  sessionIdleMinutes: 'idle-minutes',
  sessionAbsoluteHours: 'absolute-hours',
} as const;

export function SettingsPage() {
  const settings = useApiGet<TenantSettings>('/api/admin/settings');
  return (
    <Page title="設定" lead="この自治体の職員全員に適用される、ログインとセッションの設定です。">
      {settings.loading ? <Loading /> : null}
      {settings.problem ? <Notice kind="error">{settings.problem.message}</Notice> : null}
      {settings.data ? <SettingsForm initial={settings.data} onSaved={settings.replace} /> : null}
    </Page>
  );
}

function rangeProblem(label: string, text: string, bounds: { min: number; max: number }, unit: string) {
  const value = Number(text.normalize('NFKC').trim());
  if (text.trim() === '') return `「${label}」を入力してください`;
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    return `「${label}」は${bounds.min}〜${bounds.max}${unit}の整数で入力してください`;
  }
  return null;
}

function SettingsForm({ initial, onSaved }: { initial: TenantSettings; onSaved: (s: TenantSettings) => void }) {
  const { refresh } = useSession();
  const [mfaRequiredForAll, setMfaRequiredForAll] = useState(initial.mfaRequiredForAll);
  const [idle, setIdle] = useState(String(initial.sessionIdleMinutes));
  const [absolute, setAbsolute] = useState(String(initial.sessionAbsoluteHours));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const fields: Record<string, string> = {};
    const idleProblem = rangeProblem('無操作で自動ログアウトするまでの時間', idle, IDLE, '分');
    if (idleProblem) fields.sessionIdleMinutes = idleProblem;
    const absoluteProblem = rangeProblem('ログインの有効時間', absolute, ABSOLUTE, '時間');
    if (absoluteProblem) fields.sessionAbsoluteHours = absoluteProblem;
    const local = localProblem(fields);
    if (local) {
      setProblem(local);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.put<TenantSettings>('/api/admin/settings', {
        mfaRequiredForAll,
        sessionIdleMinutes: Number(idle.normalize('NFKC').trim()),
        sessionAbsoluteHours: Number(absolute.normalize('NFKC').trim()),
      });
      onSaved(next);
      setSaved(true);
      // The header's idle warning follows the new setting.
      await refresh().catch(() => null);
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      {saved ? <Notice kind="success">設定を保存しました。新しい設定は次の操作から適用されます。</Notice> : null}
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="fieldset">
          <legend className="field-label">二段階認証</legend>
          <p className="hint" id="mfa-hint">
            個人情報保護管理者とシステム管理者は、この設定にかかわらず常に二段階認証が必要です。
          </p>
          <div className="checkbox">
            <input
              id={FIELD_IDS.mfaRequiredForAll}
              type="checkbox"
              checked={mfaRequiredForAll}
              aria-describedby="mfa-hint"
              onChange={(e) => setMfaRequiredForAll(e.target.checked)}
            />
            <label htmlFor={FIELD_IDS.mfaRequiredForAll}>全職員に二段階認証を求める</label>
          </div>
        </fieldset>
        <NumberWithUnitField
          id={FIELD_IDS.sessionIdleMinutes}
          label="無操作で自動ログアウトするまでの時間（分）"
          hint={`${IDLE.min}〜${IDLE.max}分。席を離れたときに他の人に画面を見られないよう、短めをおすすめします。`}
          error={problem?.fields.sessionIdleMinutes}
          required
          value={idle}
          onChange={setIdle}
          unit="分"
        />
        <NumberWithUnitField
          id={FIELD_IDS.sessionAbsoluteHours}
          label="ログインの有効時間（時間）"
          hint={`${ABSOLUTE.min}〜${ABSOLUTE.max}時間。操作を続けていても、この時間が過ぎるともう一度ログインが必要です。`}
          error={problem?.fields.sessionAbsoluteHours}
          required
          value={absolute}
          onChange={setAbsolute}
          unit="時間"
        />
        <SubmitRow busy={busy} label="設定を保存する" busyLabel="保存しています…" />
      </form>
    </>
  );
}
