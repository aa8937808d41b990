import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { tokyoDate } from '../../../shared/wareki';
import { ROLES_WORKING_CASES } from '../../../server/core/policy';
import { ApiError, api } from '../../api';
import { DraftLoader, DraftRestored, DraftStatus, type DraftHandle } from '../../components/drafts';
import { CheckInput, DateInput, RadioInput, SelectInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import type { DirectoryEntry, Session } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { PROGRAM_CHOICES } from '../casework/recordLabels';
import { BasicFields, basicBody, basicProblems, basicState, type BasicState } from './BasicFields';
import {
  ConsentFields,
  consentBody,
  consentProblems,
  consentState,
  type ConsentState,
  type ScannedDocument,
} from './ConsentFields';

const FORM_ID = 'register';
export const REGISTER_DRAFT_KEY = 'new:register';

interface RegisterState extends BasicState, ConsentState {
  program: string;
  openedOn: string | null;
  leadStaffId: string;
  /** Whether a consent was given at the counter and is recorded with the registration. */
  withConsent: boolean;
}

/** Staff who may lead a case at the registering worker's office. */
export function leadChoices(directory: readonly DirectoryEntry[], session: Session) {
  return directory
    .filter(
      (s) =>
        !s.disabled &&
        s.roles.some((r) => ROLES_WORKING_CASES.includes(r)) &&
        s.organizationName === session.organization.name &&
        (session.office === null || s.officeName === session.office.name),
    )
    .map((s) => ({
      code: s.staffId,
      label: s.staffId === session.staff.staffId ? `${s.displayName}（自分）` : s.displayName,
    }));
}

export function ConsulteeRegisterPage() {
  const { session } = useSignedIn();
  const directory = useApiGet<{ items: DirectoryEntry[] }>('/api/staff/directory');
  const [today] = useState(() => tokyoDate(new Date()));
  const works = session.staff.roles.some((r) => ROLES_WORKING_CASES.includes(r));

  return (
    <Page
      title="新規相談者の登録"
      lead="相談者の基本情報と、最初のケース（相談受付）、窓口で得た同意を登録します。書ける範囲で入力し、あとから追加・変更できます。"
    >
      <p>
        <Link to="/consultees">相談者の検索へ戻る</Link>
      </p>
      {directory.loading ? <Loading /> : null}
      {directory.problem ? <Notice kind="error">{directory.problem.message}</Notice> : null}
      {directory.data ? (
        <DraftLoader<RegisterState>
          draftKey={REGISTER_DRAFT_KEY}
          fallback={{
            ...basicState(),
            program: 'self_reliance',
            openedOn: today,
            leadStaffId: works ? session.staff.staffId : '',
            withConsent: true,
            ...consentState(today),
          }}
        >
          {(initial, draft) => (
            <RegisterForm initial={initial} draft={draft} leads={leadChoices(directory.data?.items ?? [], session)} />
          )}
        </DraftLoader>
      ) : null}
    </Page>
  );
}

function RegisterForm({
  initial,
  draft,
  leads,
}: {
  initial: RegisterState;
  draft: DraftHandle;
  leads: { code: string; label: string }[];
}) {
  const kit = useFormKit(FORM_ID, initial, draft);
  const navigate = useNavigate();
  const [document, setDocument] = useState<ScannedDocument | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const v = kit.values;

  const check = () => {
    const out: Record<string, string> = { ...basicProblems(v) };
    if (!v.openedOn) out.openedOn = '「受付日」を入力してください';
    if (!v.leadStaffId) out.leadStaffId = '「主担当」を選んでください';
    if (v.withConsent) Object.assign(out, consentProblems(v, document !== null));
    if (duplicate && !confirmed) out.confirmDuplicate = '別の方であることを確認してから登録してください';
    return out;
  };

  const send = async () => {
    const consent = v.withConsent ? consentBody(v) : undefined;
    const body = {
      ...basicBody(v),
      program: v.program,
      openedOn: v.openedOn,
      leadStaffId: v.leadStaffId,
      ...(confirmed ? { confirmDuplicate: true } : {}),
      ...(consent ? { consent } : {}),
      ...(consent && v.method === 'written' && document
        ? {
            document: {
              fileName: document.fileName,
              mediaType: document.mediaType,
              contentBase64: document.contentBase64,
            },
          }
        : {}),
    };
    try {
      return await api.post<{ consulteeId: string; caseId: string }>('/api/consultees', body);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'possible_duplicate') setDuplicate(error.message);
      throw error;
    }
  };

  const after = (result: unknown) => {
    const ids = result as { consulteeId: string } | undefined;
    if (!ids) return;
    void navigate(`/consultees/${ids.consulteeId}`, {
      state: { notice: `${v.familyName} ${v.givenName}さんを登録し、ケース（相談受付）を開きました。` },
    });
  };

  const mapField = (path: string) => {
    if (path.startsWith('consent.')) return path.slice('consent.'.length).split('.')[0] ?? path;
    if (path === 'documentId' || path === 'contentBase64' || path.startsWith('document')) return 'document';
    return path.split('.')[0] ?? path;
  };

  return (
    <>
      <DraftRestored draft={draft} onDiscard={kit.discardDraft} />
      <KitForm kit={kit} className="form" onSubmit={kit.submit(send, { check, after, mapField })}>
        <section className="card" aria-labelledby="register-reception">
          <h2 id="register-reception">受付</h2>
          <DateInput kit={kit} name="openedOn" label="受付日" required />
          <RadioInput kit={kit} name="program" legend="事業" choices={PROGRAM_CHOICES} required inline />
          <SelectInput
            kit={kit}
            name="leadStaffId"
            label="主担当"
            hint="この窓口の相談支援員等から選びます。"
            choices={leads}
            required
          />
        </section>
        <section className="card" aria-labelledby="register-basic">
          <h2 id="register-basic">基本情報</h2>
          <BasicFields kit={kit} />
        </section>
        <section className="card" aria-labelledby="register-consent">
          <h2 id="register-consent">同意（相談申込み欄）</h2>
          <p className="muted">
            利用目的と「個人情報に関する管理・取扱規程」を説明し、関係機関との情報共有について得た同意を記録します。署名用の同意書は、登録後に相談者のページから印刷できます。
          </p>
          <CheckInput kit={kit} name="withConsent" label="窓口で同意を得た（登録と同時に同意を記録する）" />
          {v.withConsent ? <ConsentFields kit={kit} document={document} onDocument={setDocument} /> : null}
        </section>
        {duplicate ? (
          <Notice kind="warning" title="同じ方が既に登録されている可能性があります">
            <p>{duplicate}</p>
            <div className={kit.error('confirmDuplicate') && !confirmed ? 'field field--error' : 'field'}>
              <div className="checkbox">
                <input
                  id={kit.id('confirmDuplicate')}
                  type="checkbox"
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.target.checked)}
                />
                <label htmlFor={kit.id('confirmDuplicate')}>別の方であることを確認した</label>
              </div>
            </div>
          </Notice>
        ) : null}
        <DraftStatus state={kit.autosave.state} />
        <SubmitRow busy={kit.busy} label="登録する" busyLabel="登録しています…">
          <Link to="/consultees" className="button button--secondary">
            やめる
          </Link>
        </SubmitRow>
      </KitForm>
    </>
  );
}
