import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { DateField, type DateStatus } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import type { EmploymentKind } from '../../labels';
import type { Organization, Role, StaffItem } from '../../types';
import { EmploymentKindSelect } from './EmploymentKindSelect';
import { OfficeSelect } from './OfficeSelect';
import { OneTimePasswordPanel } from './OneTimePasswordPanel';
import { ROLES_FIRST_ID, RolesField } from './RolesField';
import { dateProblem, LOGIN_HINT, LOGIN_PATTERN } from './staffForm';

const FIELD_IDS = {
  login: 'login',
  displayName: 'display-name',
  displayNameKana: 'display-name-kana',
  organizationId: 'organization',
  officeId: 'office',
  employmentKind: 'employment-kind',
  roles: ROLES_FIRST_ID,
  confidentialityPledgedOn: 'pledged-on',
} as const;

interface Created {
  staff: StaffItem;
  oneTimePassword: string;
}

export function StaffCreatePage() {
  const orgs = useApiGet<{ items: Organization[] }>('/api/admin/organizations');
  const [created, setCreated] = useState<Created | null>(null);
  const [round, setRound] = useState(0);

  return (
    <Page
      title="職員の登録"
      lead="新しい職員のアカウントを作成します。仮パスワードが発行され、本人は初回ログイン時に変更します。"
    >
      <p>
        <Link to="/staff">職員の一覧へ戻る</Link>
      </p>
      {created ? (
        <>
          <Notice kind="success">{created.staff.displayName}さんを登録しました。</Notice>
          <OneTimePasswordPanel
            title="仮パスワード"
            staffName={created.staff.displayName}
            login={created.staff.login}
            password={created.oneTimePassword}
          />
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                setCreated(null);
                setRound((r) => r + 1);
              }}
            >
              続けて別の職員を登録する
            </button>
            <Link to="/staff" className="button button--secondary">
              職員の一覧へ
            </Link>
          </div>
        </>
      ) : orgs.loading ? (
        <Loading />
      ) : orgs.problem ? (
        <Notice kind="error">{orgs.problem.message}</Notice>
      ) : (
        <StaffCreateForm key={round} organizations={orgs.data?.items ?? []} onCreated={setCreated} />
      )}
    </Page>
  );
}

function StaffCreateForm({
  organizations,
  onCreated,
}: {
  organizations: Organization[];
  onCreated: (created: Created) => void;
}) {
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [displayNameKana, setDisplayNameKana] = useState('');
  const [organizationId, setOrganizationId] = useState(() =>
    organizations.length === 1 ? (organizations[0]?.organizationId ?? '') : '',
  );
  const [officeId, setOfficeId] = useState('');
  const [employmentKind, setEmploymentKind] = useState<EmploymentKind>('employee');
  const [roles, setRoles] = useState<Role[]>([]);
  const [pledgedOn, setPledgedOn] = useState<{ value: string | null; status: DateStatus }>({
    value: null,
    status: 'empty',
  });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const organization = organizations.find((o) => o.organizationId === organizationId);

  const check = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (!login.trim()) fields.login = '「ログインID」を入力してください';
    else if (!LOGIN_PATTERN.test(login.trim())) fields.login = `「ログインID」の形式が正しくありません。${LOGIN_HINT}`;
    if (!displayName.trim()) fields.displayName = '「氏名」を入力してください';
    if (!organizationId) fields.organizationId = '「組織」を選んでください';
    if (roles.length === 0) fields.roles = '「役割」を1つ以上選んでください';
    const date = dateProblem('守秘義務誓約日', pledgedOn.status);
    if (date) fields.confidentialityPledgedOn = date;
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
      const result = await api.post<Created>('/api/admin/staff', {
        login: login.trim(),
        displayName: displayName.trim(),
        displayNameKana: displayNameKana.trim(),
        organizationId,
        officeId: officeId || null,
        employmentKind,
        roles,
        confidentialityPledgedOn: pledgedOn.value,
      });
      onCreated(result);
    } catch (error) {
      setProblem(problemFrom(error));
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <Field id={FIELD_IDS.login} label="ログインID" hint={LOGIN_HINT} error={problem?.fields.login} required>
          {(control) => (
            <input
              {...control}
              className="input input--medium"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={login}
              onChange={(e) => setLogin(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={FIELD_IDS.displayName}
          label="氏名"
          hint="例: 見本 太郎"
          error={problem?.fields.displayName}
          required
        >
          {(control) => (
            <input
              {...control}
              className="input input--medium"
              autoComplete="off"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={FIELD_IDS.displayNameKana}
          label="氏名（カナ）"
          hint="例: ミホン タロウ"
          error={problem?.fields.displayNameKana}
        >
          {(control) => (
            <input
              {...control}
              className="input input--medium"
              autoComplete="off"
              value={displayNameKana}
              onChange={(e) => setDisplayNameKana(e.target.value)}
            />
          )}
        </Field>
        <Field id={FIELD_IDS.organizationId} label="組織" error={problem?.fields.organizationId} required>
          {(control) => (
            <select
              {...control}
              className="select"
              value={organizationId}
              onChange={(e) => {
                setOrganizationId(e.target.value);
                setOfficeId('');
              }}
            >
              <option value="">選んでください</option>
              {organizations.map((o) => (
                <option key={o.organizationId} value={o.organizationId}>
                  {o.name}
                  {o.kind === 'contractor' ? '（委託先）' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <OfficeSelect
          id={FIELD_IDS.officeId}
          organization={organization}
          value={officeId}
          onChange={setOfficeId}
          error={problem?.fields.officeId}
        />
        <EmploymentKindSelect
          value={employmentKind}
          onChange={setEmploymentKind}
          error={problem?.fields.employmentKind}
        />
        <RolesField value={roles} onChange={setRoles} error={problem?.fields.roles} />
        <DateField
          id={FIELD_IDS.confidentialityPledgedOn}
          label="守秘義務誓約日"
          hint="守秘義務の誓約書を受け取った日。例: 令和8年4月1日、R8.4.1、2026-04-01"
          onChange={(value, status) => setPledgedOn({ value, status })}
          error={problem?.fields.confidentialityPledgedOn}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? '登録しています…' : '登録して仮パスワードを発行する'}
          </button>
        </div>
      </form>
    </>
  );
}
