import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { DateField, type DateStatus } from '../../components/DateField';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { localProblem, problemFrom, type FormProblem } from '../../components/formProblem';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useApiGet } from '../../components/useApiGet';
import type { EmploymentKind } from '../../labels';
import type { Organization, Role, StaffItem } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { EmploymentKindSelect } from './EmploymentKindSelect';
import { OfficeSelect } from './OfficeSelect';
import { ROLES_FIRST_ID, RolesField } from './RolesField';
import { StaffActions } from './StaffActions';
import { dateProblem } from './staffForm';
import { StaffStatus } from './StaffStatus';

const FIELD_IDS = {
  displayName: 'display-name',
  displayNameKana: 'display-name-kana',
  officeId: 'office',
  employmentKind: 'employment-kind',
  roles: ROLES_FIRST_ID,
  confidentialityPledgedOn: 'pledged-on',
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

interface DateState {
  value: string | null;
  status: DateStatus;
}

const dateState = (value: string | null): DateState => ({ value, status: value ? 'valid' : 'empty' });

function StaffEditForm({
  staff,
  organization,
  onSaved,
}: {
  staff: StaffItem;
  organization: Organization | undefined;
  onSaved: (staff: StaffItem) => void;
}) {
  const [displayName, setDisplayName] = useState(staff.displayName);
  const [displayNameKana, setDisplayNameKana] = useState(staff.displayNameKana);
  const [officeId, setOfficeId] = useState(staff.officeId ?? '');
  const [employmentKind, setEmploymentKind] = useState<EmploymentKind>(staff.employmentKind);
  const [roles, setRoles] = useState<Role[]>(staff.roles);
  const [pledgedOn, setPledgedOn] = useState(() => dateState(staff.confidentialityPledgedOn));
  const [endedOn, setEndedOn] = useState(() => dateState(staff.employmentEndedOn));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changes = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (displayName.trim() !== staff.displayName) out.displayName = displayName.trim();
    if (displayNameKana.trim() !== staff.displayNameKana) out.displayNameKana = displayNameKana.trim();
    if ((officeId || null) !== staff.officeId) out.officeId = officeId || null;
    if (employmentKind !== staff.employmentKind) out.employmentKind = employmentKind;
    if (roles.join(',') !== staff.roles.join(',')) out.roles = roles;
    if (pledgedOn.value !== staff.confidentialityPledgedOn) out.confidentialityPledgedOn = pledgedOn.value;
    if (endedOn.value !== staff.employmentEndedOn) out.employmentEndedOn = endedOn.value;
    return out;
  };

  const check = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (!displayName.trim()) fields.displayName = '「氏名」を入力してください';
    if (roles.length === 0) fields.roles = '「役割」を1つ以上選んでください';
    const pledged = dateProblem('守秘義務誓約日', pledgedOn.status);
    if (pledged) fields.confidentialityPledgedOn = pledged;
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
        <Field id={FIELD_IDS.displayName} label="氏名" error={problem?.fields.displayName} required>
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
        <Field id={FIELD_IDS.displayNameKana} label="氏名（カナ）" error={problem?.fields.displayNameKana}>
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
          defaultValue={staff.confidentialityPledgedOn}
          onChange={(value, status) => setPledgedOn({ value, status })}
          error={problem?.fields.confidentialityPledgedOn}
        />
        <DateField
          id={FIELD_IDS.employmentEndedOn}
          label="退職日"
          hint="退職・契約終了の日。退職後も守秘義務は続きます。空欄なら在職中です。"
          defaultValue={staff.employmentEndedOn}
          onChange={(value, status) => setEndedOn({ value, status })}
          error={problem?.fields.employmentEndedOn}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? '保存しています…' : '変更を保存する'}
          </button>
        </div>
      </form>
    </section>
  );
}
