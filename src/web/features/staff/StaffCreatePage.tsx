import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { TextField } from '../../components/TextField';
import { useApiGet } from '../../components/useApiGet';
import type { Organization, StaffItem } from '../../types';
import { OneTimePasswordPanel } from './OneTimePasswordPanel';
import { OrganizationSelect, soleOrganizationId } from './OrganizationSelect';
import { LOGIN_HINT, LOGIN_PATTERN, nameProblems, profileProblems, staffNames, staffProfile } from './staffForm';
import { NAME_FIELD_IDS, StaffNameFields } from './StaffNameFields';
import { PROFILE_FIELD_IDS, StaffProfileFields } from './StaffProfileFields';

const FIELD_IDS = {
  login: 'login',
  ...NAME_FIELD_IDS,
  organizationId: 'organization',
  ...PROFILE_FIELD_IDS,
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
  const [names, setNames] = useState(() => staffNames());
  const [organizationId, setOrganizationId] = useState(() => soleOrganizationId(organizations));
  const [profile, setProfile] = useState(() => staffProfile());
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const organization = organizations.find((o) => o.organizationId === organizationId);

  const check = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (!login.trim()) fields.login = '「ログインID」を入力してください';
    else if (!LOGIN_PATTERN.test(login.trim())) fields.login = `「ログインID」の形式が正しくありません。${LOGIN_HINT}`;
    Object.assign(fields, nameProblems(names));
    if (!organizationId) fields.organizationId = '「組織」を選んでください';
    Object.assign(fields, profileProblems(profile));
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
        displayName: names.displayName.trim(),
        displayNameKana: names.displayNameKana.trim(),
        organizationId,
        officeId: profile.officeId || null,
        employmentKind: profile.employmentKind,
        roles: profile.roles,
        confidentialityPledgedOn: profile.pledgedOn.value,
        myNumberHandler: profile.myNumberHandler,
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
        <TextField
          id={FIELD_IDS.login}
          label="ログインID"
          hint={LOGIN_HINT}
          error={problem?.fields.login}
          required
          className="input input--medium"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={setLogin}
        />
        <StaffNameFields value={names} onChange={setNames} errors={problem?.fields} withExamples />
        <OrganizationSelect
          id={FIELD_IDS.organizationId}
          organizations={organizations}
          value={organizationId}
          onChange={(next) => {
            setOrganizationId(next);
            setProfile((p) => ({ ...p, officeId: '' }));
          }}
          error={problem?.fields.organizationId}
          markContractors
        />
        <StaffProfileFields
          organization={organization}
          value={profile}
          onChange={setProfile}
          errors={problem?.fields}
        />
        <SubmitRow busy={busy} label="登録して仮パスワードを発行する" busyLabel="登録しています…" />
      </form>
    </>
  );
}
