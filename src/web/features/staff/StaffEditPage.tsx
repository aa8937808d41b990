import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import type { Organization, StaffItem } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { StaffActions } from './StaffActions';
import { dateProblem, dateState, nameProblems, profileProblems, staffNames, staffProfile } from './staffForm';
import { NAME_FIELD_IDS, StaffNameFields } from './StaffNameFields';
import { PROFILE_FIELD_IDS, StaffProfileFields } from './StaffProfileFields';
import { StaffStatus } from './StaffStatus';

const FIELD_IDS = {
  ...NAME_FIELD_IDS,
  ...PROFILE_FIELD_IDS,
  employmentEndedOn: 'ended-on',
} as const;

export function StaffEditPage() {
  const { staffId = '' } = useParams();
  const { session } = useSignedIn();
  const one = useApiGet<StaffItem>(`/api/admin/staff/${encodeURIComponent(staffId)}`);
  const orgs = useApiGet<{ items: Organization[] }>('/api/admin/organizations');
  const staff = one.data;

  const update = (next: StaffItem) => one.replace(next);

  const loading = one.loading || orgs.loading;
  const problem = one.problem ?? orgs.problem;
  return (
    <Page title={staff ? `職員の変更: ${staff.displayName}` : '職員の変更'}>
      <p>
        <Link to="/staff">職員の一覧へ戻る</Link>
      </p>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {!loading && !problem && !staff ? <Notice kind="error">指定された職員は見つかりません。</Notice> : null}
      {staff && orgs.data ? (
        <>
          <section className="card" aria-labelledby="account-title">
            <h2 id="account-title">アカウント</h2>
            <dl className="summary-list">
              <div>
                <dt>ログインID</dt>
                <dd className="mono">{staff.login}</dd>
              </div>
              <div>
                <dt>組織</dt>
                <dd>{staff.organizationName}</dd>
              </div>
              <div>
                <dt>状態</dt>
                <dd>
                  <StaffStatus staff={staff} />
                </dd>
              </div>
              <div>
                <dt>最終ログイン</dt>
                <dd>
                  <DateTimeText value={staff.lastSignInAt} empty="まだログインしていません" />
                </dd>
              </div>
            </dl>
          </section>
          <StaffEditForm
            key={staff.staffId}
            staff={staff}
            organization={orgs.data.items.find((o) => o.organizationId === staff.organizationId)}
            onSaved={update}
          />
          <StaffActions staff={staff} isSelf={staff.staffId === session.staff.staffId} onChanged={update} />
        </>
      ) : null}
    </Page>
  );
}

function StaffEditForm({
  staff,
  organization,
  onSaved,
}: {
  staff: StaffItem;
  organization: Organization | undefined;
  onSaved: (staff: StaffItem) => void;
}) {
  const [names, setNames] = useState(() => staffNames(staff));
  const [profile, setProfile] = useState(() => staffProfile(staff));
  const [endedOn, setEndedOn] = useState(() => dateState(staff.employmentEndedOn));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changes = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const displayName = names.displayName.trim();
    const displayNameKana = names.displayNameKana.trim();
    if (displayName !== staff.displayName) out.displayName = displayName;
    if (displayNameKana !== staff.displayNameKana) out.displayNameKana = displayNameKana;
    const { officeId, employmentKind, roles, pledgedOn, myNumberHandler } = profile;
    if ((officeId || null) !== staff.officeId) out.officeId = officeId || null;
    if (employmentKind !== staff.employmentKind) out.employmentKind = employmentKind;
    if (roles.join(',') !== staff.roles.join(',')) out.roles = roles;
    if (pledgedOn.value !== staff.confidentialityPledgedOn) out.confidentialityPledgedOn = pledgedOn.value;
    if (endedOn.value !== staff.employmentEndedOn) out.employmentEndedOn = endedOn.value;
    if (myNumberHandler !== staff.myNumberHandler) out.myNumberHandler = myNumberHandler;
    return out;
  };

  const check = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    Object.assign(fields, nameProblems(names));
    Object.assign(fields, profileProblems(profile));
    const ended = dateProblem('退職日', endedOn.status);
    if (ended) fields.employmentEndedOn = ended;
    return fields;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const local = localProblem(check());
    if (local) {
      setProblem(local);
      return;
    }
    const body = changes();
    if (Object.keys(body).length === 0) {
      setProblem(null);
      setSaved('変更された項目はありません。');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.patch<StaffItem>(`/api/admin/staff/${encodeURIComponent(staff.staffId)}`, body);
      onSaved(next);
      setSaved('変更を保存しました。');
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="edit-title">
      <h2 id="edit-title">登録内容の変更</h2>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <StaffNameFields value={names} onChange={setNames} errors={problem?.fields} />
        <StaffProfileFields
          organization={organization}
          value={profile}
          onChange={setProfile}
          errors={problem?.fields}
        />
        <DateField
          id={FIELD_IDS.employmentEndedOn}
          label="退職日"
          hint="退職・契約終了の日。退職後も守秘義務は続きます。空欄なら在職中です。"
          defaultValue={staff.employmentEndedOn}
          onChange={(value, status) => setEndedOn({ value, status })}
          error={problem?.fields.employmentEndedOn}
        />
        <SubmitRow busy={busy} label="変更を保存する" busyLabel="保存しています…" />
      </form>
    </section>
  );
}
