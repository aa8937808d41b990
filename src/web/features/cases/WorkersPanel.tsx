import { useState } from 'react';
import { ROLES_WORKING_CASES } from '../../../server/core/policy';
import { api } from '../../api';
import { ChecksInput, SelectInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { SubmitRow } from '../../components/SubmitRow';
import { useFormKit } from '../../components/useFormKit';
import type { CaseWorker, DirectoryEntry, Session } from '../../types';
import { casePath } from './caseTab';

interface WorkersPanelProps {
  caseId: string;
  workers: readonly CaseWorker[];
  directory: readonly DirectoryEntry[];
  session: Session;
  /** Whether the reader may reassign the case (the server's decision, shown; the command is decided again). */
  mayAssign: boolean;
  onSaved: (message: string) => void;
}

/** Who works on the case. The chief of the office reassigns it. */
export function WorkersPanel({ caseId, workers, directory, session, mayAssign, onSaved }: WorkersPanelProps) {
  const [changing, setChanging] = useState(false);
  const chief = mayAssign;
  const lead = workers.filter((w) => w.role === 'lead');
  const co = workers.filter((w) => w.role !== 'lead');
  return (
    <section className="card workers" aria-labelledby="workers-title">
      <h2 id="workers-title">担当者</h2>
      <dl className="summary-list summary-list--compact">
        <div>
          <dt>主担当</dt>
          <dd>{lead.map((w) => w.displayName).join('、') || <span className="muted">未設定</span>}</dd>
        </div>
        <div>
          <dt>副担当</dt>
          <dd>{co.map((w) => w.displayName).join('、') || <span className="muted">なし</span>}</dd>
        </div>
      </dl>
      {chief && !changing ? (
        <button type="button" className="button button--secondary button--small" onClick={() => setChanging(true)}>
          担当者を変更する
        </button>
      ) : null}
      {chief && changing ? (
        <WorkersForm
          caseId={caseId}
          workers={workers}
          directory={directory}
          session={session}
          onCancel={() => setChanging(false)}
          onSaved={() => {
            setChanging(false);
            onSaved('担当者を変更しました。');
          }}
        />
      ) : null}
    </section>
  );
}

function WorkersForm({
  caseId,
  workers,
  directory,
  session,
  onCancel,
  onSaved,
}: Omit<WorkersPanelProps, 'onSaved' | 'mayAssign'> & { onCancel: () => void; onSaved: () => void }) {
  const staff = directory
    .filter(
      (s) =>
        !s.disabled &&
        s.organizationId === session.organization.organizationId &&
        s.roles.some((r) => ROLES_WORKING_CASES.includes(r)),
    )
    .map((s) => ({ code: s.staffId, label: s.officeName ? `${s.displayName}（${s.officeName}）` : s.displayName }));
  const kit = useFormKit(
    'workers',
    {
      leadStaffId: workers.find((w) => w.role === 'lead')?.staffId ?? '',
      coStaffIds: workers.filter((w) => w.role !== 'lead').map((w) => w.staffId),
    },
    null,
  );
  const v = kit.values;
  return (
    <div className="subcard">
      <KitForm
        kit={kit}
        className="form"
        labelledBy="workers-title"
        onSubmit={kit.submit(
          () =>
            api.put(casePath(caseId, 'workers'), {
              leadStaffId: v.leadStaffId,
              coStaffIds: v.coStaffIds.filter((id) => id !== v.leadStaffId),
            }),
          {
            check: (): Record<string, string> => (v.leadStaffId ? {} : { leadStaffId: '「主担当」を選んでください' }),
            after: onSaved,
          },
        )}
      >
        <SelectInput kit={kit} name="leadStaffId" label="主担当" choices={staff} required />
        <ChecksInput
          kit={kit}
          name="coStaffIds"
          legend="副担当"
          hint="5人まで。主担当に選んだ人は副担当になりません。"
          choices={staff.filter((s) => s.code !== v.leadStaffId)}
        />
        <SubmitRow busy={kit.busy} label="担当者を保存する" busyLabel="保存しています…">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            やめる
          </button>
        </SubmitRow>
      </KitForm>
    </div>
  );
}
