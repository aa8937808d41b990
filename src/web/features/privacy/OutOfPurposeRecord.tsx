import type { ReactNode } from 'react';
import { formatWareki } from '../../../shared/wareki';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import {
  groundLabel,
  itemLabel,
  OUT_OF_PURPOSE_KIND_LABELS,
  OUT_OF_PURPOSE_STATUS_LABELS,
  statusTone,
  type OutOfPurposeRequest,
} from './outOfPurpose';

/** The request's status as a badge. */
export function StatusBadge({ request }: { request: Pick<OutOfPurposeRequest, 'status'> }) {
  return (
    <span className={`badge badge--${statusTone(request.status)}`}>{OUT_OF_PURPOSE_STATUS_LABELS[request.status]}</span>
  );
}

/** What was asked: by whom, for what, which items and why, on what basis. */
export function RequestFacts({ request }: { request: OutOfPurposeRequest }) {
  const rows: [string, ReactNode][] = [
    ['区分', OUT_OF_PURPOSE_KIND_LABELS[request.kind]],
    ['申請する課・係', request.requestingSection],
    ['利用又は提供の内容', <span className="pre-line">{request.useDescription}</span>],
  ];
  if (request.kind !== 'use') rows.push(['提供先', request.recipientName ?? '']);
  rows.push(
    ['対象とする項目', request.items.map(itemLabel).join('、')],
    ['項目が必要な理由', <span className="pre-line">{request.itemsReason}</span>],
    [
      '根拠',
      request.basis === 'consent'
        ? `本人の同意${request.consentGivenOn ? `（${formatWareki(request.consentGivenOn)}の同意）` : ''}`
        : `同意によらない根拠: ${groundLabel(request.ground)}`,
    ],
    ['理由', <span className="pre-line">{request.reason}</span>],
  );
  return (
    <dl className="detail-list detail-list--record">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type StepState = 'done' | 'current' | 'pending' | 'skipped';

const STATE_TEXT: Readonly<Record<StepState, string>> = {
  done: '記録済み',
  current: '次の手続',
  pending: '未了',
  skipped: '不要',
};

interface TimelineStep {
  key: string;
  title: string;
  state: StepState;
  /** What the badge says instead of the state's own word. */
  stateText?: string;
  /** Who recorded it and when. */
  who?: { name: string | null; at: string | null } | undefined;
  body?: ReactNode;
}

function recordedBy(request: OutOfPurposeRequest, step: string) {
  const r = request.recorded.filter((x) => x.step === step).at(-1);
  return r ? { name: r.by?.displayName ?? null, at: r.at } : undefined;
}

/**
 * The request's way through the flow (PRV-6): the request, the counter's opinion,
 * the council's referral, attached opinions and its answer, and the head's
 * decision, each with who recorded it and when; a step not needed is marked so.
 */
export function RequestTimeline({
  request,
  headingLevel = 'h4',
}: {
  request: OutOfPurposeRequest;
  /** The level of the opinions' heading, below the heading the timeline sits under. */
  headingLevel?: 'h3' | 'h4';
}) {
  const OpinionsHeading = headingLevel;
  const withdrawn = request.status === 'withdrawn';
  const open = ['counter', 'council', 'decision'].includes(request.status);
  const council = request.councilRequired;
  const stateOf = (done: boolean, skipped = false): StepState => (skipped ? 'skipped' : done ? 'done' : 'pending');

  const steps: TimelineStep[] = [
    {
      key: 'request',
      title: '申請',
      state: 'done',
      who: { name: request.requestedBy?.displayName ?? null, at: request.requestedAt },
      body: <p className="small">{request.requestingSection}</p>,
    },
    {
      key: 'counter',
      title: '窓口の意見（個人情報保護管理者との協議）',
      state: stateOf(request.counterOpinion !== null),
      who: request.counterOpinion ? { name: request.counterBy?.displayName ?? null, at: request.counterAt } : undefined,
      body: request.counterOpinion ? (
        <>
          <p className="pre-line">{request.counterOpinion}</p>
          <p className="small">審議会への諮問: {council ? '必要' : '不要'}</p>
        </>
      ) : null,
    },
    {
      key: 'referral',
      title: '審議会への諮問',
      state: stateOf(request.councilReferredOn !== null, council === false),
      who: recordedBy(request, 'council_referral'),
      body: request.councilReferredOn ? (
        <p>
          {request.councilName}（諮問日: <DateText value={request.councilReferredOn} />）
        </p>
      ) : null,
    },
    {
      key: 'answer',
      title: '審議会の答申',
      state: stateOf(request.councilAnsweredOn !== null, council === false),
      who: recordedBy(request, 'council_answer'),
      body: request.councilAnsweredOn ? (
        <>
          <p className="small">
            答申日: <DateText value={request.councilAnsweredOn} />
          </p>
          <p className="pre-line">{request.councilAnswer}</p>
        </>
      ) : null,
    },
    {
      key: 'decision',
      title: '実施機関の長の決定',
      state: stateOf(request.decision !== null),
      who: request.decision ? { name: request.decidedBy?.displayName ?? null, at: request.decidedAt } : undefined,
      body: request.decision ? (
        <>
          <p>
            <strong>{request.decision === 'approved' ? '承認' : '不承認'}</strong>（{request.decidedInNameOf}、決定日:{' '}
            <DateText value={request.decidedOn} />）
          </p>
          {request.decisionNote ? <p className="pre-line">{request.decisionNote}</p> : null}
        </>
      ) : null,
    },
  ];
  // The first step not yet done, while the request is open, is the one it waits for.
  const next = steps.find((s) => s.state === 'pending');
  if (open && next) next.state = 'current';
  if (withdrawn) {
    for (const s of steps) {
      if (s.state === 'done' || s.state === 'skipped') continue;
      s.state = 'skipped';
      s.stateText = '取下げにより終了';
    }
    steps.push({ key: 'withdraw', title: '申請の取下げ', state: 'done', who: recordedBy(request, 'withdraw') });
  }

  return (
    <>
      <ol className="timeline" aria-label="手続の経過">
        {steps.map((s) => (
          <li key={s.key} className={`timeline-step timeline-step--${s.state}`}>
            <p className="timeline-title">
              <span className="timeline-mark" aria-hidden="true" />
              {s.title}
              <span className={`badge badge--${s.state === 'done' ? 'ok' : s.state === 'current' ? 'warn' : 'plain'}`}>
                {s.stateText ?? STATE_TEXT[s.state]}
              </span>
            </p>
            {s.who ? (
              <p className="timeline-who small">
                記録: {s.who.name ?? '—'}（<DateTimeText value={s.who.at} />）
              </p>
            ) : null}
            {s.body}
          </li>
        ))}
      </ol>
      <section aria-labelledby={`opinions-${request.requestId}`}>
        <OpinionsHeading id={`opinions-${request.requestId}`}>添付された意見書（附帯意見等）</OpinionsHeading>
        {request.opinions.length === 0 ? (
          <p className="muted">添付された意見書はありません。</p>
        ) : (
          <ul className="record-list">
            {request.opinions.map((o) => (
              <li key={o.opinionId} className="record">
                <p className="record-title">
                  <span>{o.author}</span>
                  <span className="small">
                    （<DateText value={o.givenOn} />）
                  </span>
                </p>
                <p className="pre-line">{o.body}</p>
                <p className="small muted">
                  記録: {o.recordedBy?.displayName ?? '—'}（<DateTimeText value={o.recordedAt} />）
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
