import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ROLES_WORKING_CASES } from '../../../server/core/policy';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { DateInput, RadioInput, SelectInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import { labelOf, PROGRAM_LABELS } from '../../labels';
import type { ConsulteeDetail, DirectoryEntry } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { StatusBadge } from '../casework/CaseBadge';
import { PROGRAM_CHOICES } from '../casework/recordLabels';
import { leadChoices } from './ConsulteeRegisterPage';

interface CasesCardProps {
  detail: ConsulteeDetail;
  consulteeId: string;
  today: string;
}

/** The person's cases (one per program and period of support), and a way to open another. */
export function CasesCard({ detail, consulteeId, today }: CasesCardProps) {
  const { can } = useSignedIn();
  const [opening, setOpening] = useState(false);
  return (
    <section className="card" aria-labelledby="cases-title">
      <div className="card-head">
        <h2 id="cases-title">ケース</h2>
        {can('consultee.write') && !opening ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setOpening(true)}>
            新しいケースを開く
          </button>
        ) : null}
      </div>
      {detail.cases.length === 0 ? (
        <p>ケースはありません。</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">ケースの一覧</caption>
            <thead>
              <tr>
                <th scope="col">事業</th>
                <th scope="col">段階</th>
                <th scope="col">受付日</th>
                <th scope="col">終結日</th>
              </tr>
            </thead>
            <tbody>
              {detail.cases.map((k) => (
                <tr key={k.caseId}>
                  <th scope="row" className="cell-name">
                    <Link to={`/cases/${k.caseId}`}>{labelOf(PROGRAM_LABELS, k.program)}のケースを開く</Link>
                  </th>
                  <td>
                    <StatusBadge status={k.status} />
                  </td>
                  <td className="nowrap">
                    <DateText value={k.openedOn} />
                  </td>
                  <td className="nowrap">
                    <DateText value={k.closedOn} empty="—" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {opening ? <OpenCaseForm consulteeId={consulteeId} today={today} onCancel={() => setOpening(false)} /> : null}
    </section>
  );
}

interface OpenCaseState {
  program: string;
  openedOn: string | null;
  leadStaffId: string;
}

function OpenCaseForm({ consulteeId, today, onCancel }: { consulteeId: string; today: string; onCancel: () => void }) {
  const { session } = useSignedIn();
  const navigate = useNavigate();
  const directory = useApiGet<{ items: DirectoryEntry[] }>('/api/staff/directory');
  const works = session.staff.roles.some((r) => ROLES_WORKING_CASES.includes(r));
  const kit = useFormKit<OpenCaseState>(
    'open-case',
    { program: 'household_budget', openedOn: today, leadStaffId: works ? session.staff.staffId : '' },
    null,
  );
  const [caseId, setCaseId] = useState<string | null>(null);
  const v = kit.values;
  const leads = leadChoices(directory.data?.items ?? [], session);

  const send = async () => {
    const { caseId: id } = await api.post<{ caseId: string }>(
      `/api/consultees/${encodeURIComponent(consulteeId)}/cases`,
      {
        program: v.program,
        ...(v.openedOn ? { openedOn: v.openedOn } : {}),
        ...(v.leadStaffId ? { leadStaffId: v.leadStaffId } : {}),
      },
    );
    setCaseId(id);
    void navigate(`/cases/${id}`);
  };

  return (
    <div className="subcard" aria-labelledby="open-case-title" role="group">
      <h3 id="open-case-title">新しいケースを開く</h3>
      <p className="muted small">
        同じ事業のケースが支援中の場合は開けません。家計改善支援を併せて行う場合などに使います。
      </p>
      <KitForm
        kit={kit}
        className="form"
        onSubmit={kit.submit(send, {
          check: (): Record<string, string> => (v.leadStaffId ? {} : { leadStaffId: '「主担当」を選んでください' }),
        })}
      >
        <RadioInput kit={kit} name="program" legend="事業" choices={PROGRAM_CHOICES} required inline />
        <DateInput kit={kit} name="openedOn" label="受付日" required />
        <SelectInput kit={kit} name="leadStaffId" label="主担当" choices={leads} required />
        <SubmitRow busy={kit.busy || caseId !== null} label="ケースを開く" busyLabel="開いています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}
