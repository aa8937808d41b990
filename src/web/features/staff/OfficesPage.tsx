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
import type { Organization } from '../../types';
import { OrganizationSelect, soleOrganizationId } from './OrganizationSelect';

const FIELD_IDS = { organizationId: 'office-organization', name: 'office-name' } as const;

export function OfficesPage() {
  const orgs = useApiGet<{ items: Organization[] }>('/api/admin/organizations');

  return (
    <Page title="組織と窓口" lead="職員と相談者は組織の窓口に所属します。新しい窓口を開くときはここで追加します。">
      <p>
        <Link to="/staff">職員管理へ戻る</Link>
      </p>
      {orgs.loading ? <Loading /> : null}
      {orgs.problem ? <Notice kind="error">{orgs.problem.message}</Notice> : null}
      {orgs.data ? (
        <>
          {orgs.data.items.map((o) => (
            <section key={o.organizationId} className="card" aria-labelledby={`org-${o.organizationId}`}>
              <h2 id={`org-${o.organizationId}`}>
                {o.name}
                <span className="tag">{o.kind === 'contractor' ? '委託先' : '自治体'}</span>
              </h2>
              {o.offices.length > 0 ? (
                <ul className="plain-list">
                  {o.offices.map((f) => (
                    <li key={f.officeId}>{f.name}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">窓口はまだありません。</p>
              )}
            </section>
          ))}
          <OfficeCreateForm organizations={orgs.data.items} onCreated={orgs.reload} />
        </>
      ) : null}
    </Page>
  );
}

function OfficeCreateForm({ organizations, onCreated }: { organizations: Organization[]; onCreated: () => void }) {
  const [organizationId, setOrganizationId] = useState(() => soleOrganizationId(organizations));
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const fields: Record<string, string> = {};
    if (!organizationId) fields.organizationId = '「組織」を選んでください';
    if (!name.trim()) fields.name = '「窓口名」を入力してください';
    const local = localProblem(fields);
    if (local) {
      setProblem(local);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const office = await api.post<{ officeId: string; name: string }>('/api/admin/offices', {
        organizationId,
        name: name.trim(),
      });
      setDone(`窓口「${office.name}」を追加しました。`);
      setName('');
      onCreated();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="office-create-title">
      <h2 id="office-create-title">窓口の追加</h2>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      {done ? <Notice kind="success">{done}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <OrganizationSelect
          id={FIELD_IDS.organizationId}
          organizations={organizations}
          value={organizationId}
          onChange={setOrganizationId}
          error={problem?.fields.organizationId}
        />
        <TextField
          id={FIELD_IDS.name}
          label="窓口名"
          hint="例: 架空市くらしサポートセンター 北分室"
          error={problem?.fields.name}
          required
          className="input input--wide"
          autoComplete="off"
          value={name}
          onChange={setName}
        />
        <SubmitRow busy={busy} label="窓口を追加する" busyLabel="追加しています…" />
      </form>
    </section>
  );
}
