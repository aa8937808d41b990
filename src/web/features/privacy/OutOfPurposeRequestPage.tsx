import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Choice } from '../../../shared/catalog';
import { tokyoDate } from '../../../shared/wareki';
import { api } from '../../api';
import { CheckInput, DateInput, RadioInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit, type FormKit } from '../../components/useFormKit';
import {
  OUT_OF_PURPOSE_KIND_LABELS,
  OUT_OF_PURPOSE_STEP_LABELS,
  requestPath,
  type OutOfPurposeDetail,
} from './outOfPurpose';
import { RequestFacts, RequestTimeline, StatusBadge } from './OutOfPurposeRecord';

/**
 * One request to use or provide data outside the purposes, as the privacy
 * protection manager handles it (PRV-6): what was asked, its way so far as a
 * timeline, and a form for each step that may be taken now.
 */
export function OutOfPurposeRequestPage() {
  const { consulteeId = '', requestId = '' } = useParams();
  const path = requestPath(consulteeId, requestId);
  const { data, problem, loading, replace } = useApiGet<OutOfPurposeDetail>(path, undefined, {
    keepWhileReloading: true,
  });
  const { element: announcement, announce } = useAnnouncer();
  const [today] = useState(() => tokyoDate(new Date()));
  const request = data?.request;

  const saved = (next: OutOfPurposeDetail, message: string) => {
    replace(next);
    announce(message);
  };

  return (
    <Page
      title={data ? `目的外利用・提供の申請: ${data.consulteeName}` : '目的外利用・提供の申請'}
      documentTitle="目的外利用・提供の申請"
    >
      <p>
        <Link to="/privacy/out-of-purpose">申請の一覧へ戻る</Link>
      </p>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {announcement}
      {request ? (
        <>
          <section className="card" aria-labelledby="oop-facts-title">
            <h2 id="oop-facts-title" className="record-title">
              <StatusBadge request={request} /> {OUT_OF_PURPOSE_KIND_LABELS[request.kind]}の申請
            </h2>
            <RequestFacts request={request} />
          </section>
          <section className="card" aria-labelledby="oop-timeline-title">
            <h2 id="oop-timeline-title">手続の経過</h2>
            <RequestTimeline request={request} headingLevel="h3" />
          </section>
          {request.steps.length > 0 ? (
            <section className="card" aria-labelledby="oop-steps-title">
              <h2 id="oop-steps-title">手続を記録する</h2>
              {request.steps.includes('counter_opinion') ? <CounterOpinionForm path={path} onSaved={saved} /> : null}
              {request.steps.includes('council_referral') ? (
                <CouncilReferralForm path={path} today={today} onSaved={saved} />
              ) : null}
              {request.steps.includes('council_answer') ? (
                <CouncilAnswerForm path={path} today={today} onSaved={saved} />
              ) : null}
              {request.steps.includes('decide') ? <DecisionForm path={path} today={today} onSaved={saved} /> : null}
              {request.steps.includes('opinion') ? (
                <OpinionForm key={request.opinions.length} path={path} today={today} onSaved={saved} />
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

type Saved = (next: OutOfPurposeDetail, message: string) => void;

interface StepFormProps<S extends object> {
  formId: string;
  title: string;
  lead?: ReactNode;
  initial: S;
  submitLabel: string;
  check: (values: S) => Record<string, string>;
  send: (values: S) => Promise<OutOfPurposeDetail>;
  onSaved: (next: OutOfPurposeDetail) => void;
  children: (kit: FormKit<S>) => ReactNode;
}

/** One step's form: its own checks first, the server's refusal at the top and at each field. */
function StepForm<S extends object>({
  formId,
  title,
  lead,
  initial,
  submitLabel,
  check,
  send,
  onSaved,
  children,
}: StepFormProps<S>) {
  const kit = useFormKit(formId, initial, null);
  const titleId = `${formId}-title`;
  return (
    <div className="subcard" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {lead ? <p className="muted small">{lead}</p> : null}
      <KitForm
        kit={kit}
        className="form"
        labelledBy={titleId}
        onSubmit={kit.submit(() => send(kit.values), {
          check: () => check(kit.values),
          after: (result) => onSaved(result as OutOfPurposeDetail),
        })}
      >
        {children(kit)}
        <SubmitRow busy={kit.busy} label={submitLabel} busyLabel="記録しています…" />
      </KitForm>
    </div>
  );
}

/** The messages for the fields left empty: 「label」を入力してください. */
function missing(fields: Record<string, [string, string | null]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, [label, value]] of Object.entries(fields)) {
    if (!value?.trim()) out[name] = `「${label}」を入力してください`;
  }
  return out;
}

const COUNCIL_CHOICES: readonly Choice[] = [
  { code: 'yes', label: '必要（審議会に諮問する）' },
  { code: 'no', label: '不要' },
];

function CounterOpinionForm({ path, onSaved }: { path: string; onSaved: Saved }) {
  return (
    <StepForm
      formId="oop-counter"
      title={OUT_OF_PURPOSE_STEP_LABELS.counter_opinion}
      lead="申請した課・係との協議の結果と、審議会への諮問が必要かどうかを記録します。結合による外部提供（オンライン結合）は必ず諮問します。"
      initial={{ opinion: '', councilRequired: '' }}
      submitLabel="窓口の意見を記録する"
      check={(v) => ({
        ...missing({ opinion: ['窓口の意見', v.opinion] }),
        ...(v.councilRequired ? {} : { councilRequired: '「審議会への諮問」を選んでください' }),
      })}
      send={(v) =>
        api.post<OutOfPurposeDetail>(`${path}/counter-opinion`, {
          opinion: v.opinion.trim(),
          councilRequired: v.councilRequired === 'yes',
        })
      }
      onSaved={(next) =>
        onSaved(
          next,
          next.request.councilRequired
            ? '窓口の意見を記録しました。次は審議会への諮問を記録します。'
            : '窓口の意見を記録しました。実施機関の長の決定を待っています。',
        )
      }
    >
      {(kit) => (
        <>
          <TextAreaInput kit={kit} name="opinion" label="窓口の意見" required rows={4} />
          <RadioInput
            kit={kit}
            name="councilRequired"
            legend="審議会への諮問"
            choices={COUNCIL_CHOICES}
            required
            inline
          />
        </>
      )}
    </StepForm>
  );
}

function CouncilReferralForm({ path, today, onSaved }: { path: string; today: string; onSaved: Saved }) {
  return (
    <StepForm
      formId="oop-referral"
      title={OUT_OF_PURPOSE_STEP_LABELS.council_referral}
      initial={{ councilName: '', referredOn: today as string | null }}
      submitLabel="諮問を記録する"
      check={(v) => missing({ councilName: ['諮問先の審議会', v.councilName], referredOn: ['諮問日', v.referredOn] })}
      send={(v) =>
        api.post<OutOfPurposeDetail>(`${path}/council-referral`, {
          councilName: v.councilName.trim(),
          referredOn: v.referredOn,
        })
      }
      onSaved={(next) => onSaved(next, '審議会への諮問を記録しました。答申を受けたら記録してください。')}
    >
      {(kit) => (
        <>
          <TextInput
            kit={kit}
            name="councilName"
            label="諮問先の審議会"
            hint="例: 個人情報保護審議会、情報公開・個人情報保護審議会"
            required
          />
          <DateInput kit={kit} name="referredOn" label="諮問日" required />
        </>
      )}
    </StepForm>
  );
}

function CouncilAnswerForm({ path, today, onSaved }: { path: string; today: string; onSaved: Saved }) {
  return (
    <StepForm
      formId="oop-answer"
      title={OUT_OF_PURPOSE_STEP_LABELS.council_answer}
      lead="附帯意見等が付された場合は、その内容を「意見書の添付」で記録します。"
      initial={{ answer: '', answeredOn: today as string | null }}
      submitLabel="答申を記録する"
      check={(v) => missing({ answer: ['答申の内容', v.answer], answeredOn: ['答申日', v.answeredOn] })}
      send={(v) =>
        api.post<OutOfPurposeDetail>(`${path}/council-answer`, { answer: v.answer.trim(), answeredOn: v.answeredOn })
      }
      onSaved={(next) => onSaved(next, '審議会の答申を記録しました。実施機関の長の決定を待っています。')}
    >
      {(kit) => (
        <>
          <TextAreaInput kit={kit} name="answer" label="答申の内容" required rows={4} />
          <DateInput kit={kit} name="answeredOn" label="答申日" required />
        </>
      )}
    </StepForm>
  );
}

function OpinionForm({ path, today, onSaved }: { path: string; today: string; onSaved: Saved }) {
  return (
    <StepForm
      formId="oop-opinion"
      title={OUT_OF_PURPOSE_STEP_LABELS.opinion}
      lead="審議会の附帯意見や、関係者から出された意見書を、申請に添えて記録します。"
      initial={{ author: '', body: '', givenOn: today as string | null }}
      submitLabel="意見書を添付する"
      check={(v) =>
        missing({
          author: ['意見を述べた者', v.author],
          body: ['意見の内容', v.body],
          givenOn: ['意見の日付', v.givenOn],
        })
      }
      send={(v) =>
        api.post<OutOfPurposeDetail>(`${path}/opinions`, {
          author: v.author.trim(),
          body: v.body.trim(),
          givenOn: v.givenOn,
        })
      }
      onSaved={(next) => onSaved(next, '意見書を添付しました。')}
    >
      {(kit) => (
        <>
          <TextInput
            kit={kit}
            name="author"
            label="意見を述べた者"
            hint="例: 個人情報保護審議会（附帯意見）、申請した課"
            required
          />
          <TextAreaInput kit={kit} name="body" label="意見の内容" required rows={3} />
          <DateInput kit={kit} name="givenOn" label="意見の日付" required />
        </>
      )}
    </StepForm>
  );
}

const DECISION_CHOICES: readonly Choice[] = [
  { code: 'approved', label: '承認する' },
  { code: 'rejected', label: '承認しない' },
];

interface DecisionState {
  decision: string;
  decidedInNameOf: string;
  decidedOn: string | null;
  note: string;
  noImproperUse: boolean;
}

function DecisionForm({ path, today, onSaved }: { path: string; today: string; onSaved: Saved }) {
  return (
    <StepForm<DecisionState>
      formId="oop-decision"
      title={OUT_OF_PURPOSE_STEP_LABELS.decide}
      lead="答申がある場合はその内容を尊重して決定します。申請した職員は決定を記録できません。"
      initial={{ decision: '', decidedInNameOf: '', decidedOn: today, note: '', noImproperUse: false }}
      submitLabel="決定を記録する"
      check={(v) => {
        const out = missing({
          decidedInNameOf: ['決定者（実施機関の長）', v.decidedInNameOf],
          decidedOn: ['決定日', v.decidedOn],
        });
        if (!v.decision) out.decision = '「決定」を選んでください';
        if (v.decision === 'rejected' && !v.note.trim()) out.note = '承認しない場合は「決定の理由」を入力してください';
        if (v.decision === 'approved' && !v.noImproperUse) {
          out.noImproperUse =
            '承認するには、違法又は不当な行為を助長し、又は誘発するおそれのある利用・提供でないことを確認してください';
        }
        return out;
      }}
      send={(v) =>
        api.post<OutOfPurposeDetail>(`${path}/decision`, {
          decision: v.decision,
          decidedInNameOf: v.decidedInNameOf.trim(),
          decidedOn: v.decidedOn,
          note: v.note.trim() || null,
          noImproperUse: v.decision === 'approved' ? v.noImproperUse : false,
        })
      }
      onSaved={(next) =>
        onSaved(
          next,
          next.request.decision === 'approved'
            ? '決定（承認）を記録しました。申請した課・係に伝えてください。'
            : '決定（不承認）を記録しました。申請した課・係に伝えてください。',
        )
      }
    >
      {(kit) => (
        <>
          <RadioInput kit={kit} name="decision" legend="決定" choices={DECISION_CHOICES} required inline />
          <TextInput
            kit={kit}
            name="decidedInNameOf"
            label="決定者（実施機関の長）"
            hint="例: 〇〇市長、社会福祉法人〇〇市社会福祉協議会 会長"
            className="input input--medium"
            required
          />
          <DateInput kit={kit} name="decidedOn" label="決定日" required />
          <TextAreaInput
            kit={kit}
            name="note"
            label="決定の理由"
            hint="承認しない場合は必ず入力します。"
            required={kit.values.decision === 'rejected'}
            rows={3}
          />
          {kit.values.decision === 'approved' ? (
            <CheckInput
              kit={kit}
              name="noImproperUse"
              label="違法又は不当な行為を助長し、又は誘発するおそれのある利用・提供ではないことを確認した"
            />
          ) : null}
        </>
      )}
    </StepForm>
  );
}
