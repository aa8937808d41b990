import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { SCREENING_RESULTS, labelIn } from '../../../shared/catalog';
import { formatWareki, tokyoDate } from '../../../shared/wareki';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { PrintLink } from '../../components/PrintLink';
import { TabNav, TabPanel, type TabItem } from '../../components/TabNav';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { BASIS_LABELS, labelOf, PROGRAM_LABELS } from '../../labels';
import type { CaseDetail, CaseStatus, DirectoryEntry, HistoryEntry } from '../../types';
import { useSignedIn } from '../auth/useSession';
import { BasisNotice } from '../casework/BasisNotice';
import { StatusBadge } from '../casework/CaseBadge';
import { HistoryList } from '../casework/HistoryList';
import { Withheld } from '../casework/RecordFields';
import { printHref, type CaseTabProps, type PrintForm } from './caseTab';
import { ApplicationTab } from './forms/ApplicationTab';
import { AssessmentTab } from './forms/AssessmentTab';
import { BudgetPlanTab, BudgetSheetTab, CashFlowTab, DebtsTab } from './forms/BudgetTabs';
import { ClosureTab } from './forms/ClosureTab';
import { DecisionTab } from './forms/DecisionTab';
import { EvaluationTab } from './forms/EvaluationTab';
import { IntakeTab } from './forms/IntakeTab';
import { MeetingTab } from './forms/MeetingTab';
import { NotesTab } from './forms/NotesTab';
import { PlanTab } from './forms/PlanTab';
import { ScreeningTab } from './forms/ScreeningTab';
import { SummaryTab } from './forms/SummaryTab';
import { MovesPanel } from './MovesPanel';
import { StageBar } from './StageBar';
import { WorkersPanel } from './WorkersPanel';

interface CaseTabDef {
  id: string;
  label: string;
  /** The panel's heading, when it says more than the tab. */
  title?: string;
  budget?: boolean;
  print?: PrintForm;
  done?: (d: CaseDetail) => boolean;
  count?: (d: CaseDetail) => number;
}

const TABS: readonly CaseTabDef[] = [
  { id: 'summary', label: '概要', title: 'ケースの概要' },
  { id: 'intake', label: '相談受付・申込票', print: 'intake', done: (d) => d.intake !== null },
  { id: 'screening', label: 'スクリーニング', done: (d) => d.case.screeningResult !== null },
  {
    id: 'assessment',
    label: 'アセスメント',
    title: 'インテーク・アセスメントシート',
    print: 'assessment',
    done: (d) => d.assessment !== null,
  },
  { id: 'plan', label: 'プラン', title: 'プラン兼事業等利用申込書', print: 'plan', count: (d) => d.plans.length },
  { id: 'meeting', label: '支援調整会議', print: 'meeting', count: (d) => d.meetings.length },
  { id: 'decision', label: '支援決定', count: (d) => d.decisions.length },
  { id: 'application', label: '事業等利用申込', count: (d) => d.applications.length },
  { id: 'notes', label: '支援経過記録', print: 'notes', count: (d) => d.notes.length },
  { id: 'evaluation', label: '評価', title: '評価シート', print: 'evaluation', count: (d) => d.evaluations.length },
  { id: 'closure', label: '終結', print: 'closure', done: (d) => d.closure !== null },
  { id: 'budget-sheet', label: '家計表', budget: true, print: 'budget', count: (d) => d.budget.sheets.length },
  { id: 'cash-flow', label: 'キャッシュフロー表', budget: true, count: (d) => d.budget.cashFlows.length },
  {
    id: 'debts',
    label: '債務・滞納',
    budget: true,
    count: (d) => d.budget.debts.length + d.budget.arrears.length,
  },
  { id: 'budget-plan', label: '家計再生プラン', budget: true, count: (d) => d.budget.plans.length },
  { id: 'history', label: '変更履歴' },
];

/** The form a worker needs next at each stage: the tab shown when none is chosen. */
const NEXT_TAB: Readonly<Record<CaseStatus, string>> = {
  intake: 'intake',
  screening: 'screening',
  assessment: 'assessment',
  plan_draft: 'plan',
  coordination: 'meeting',
  decided: 'decision',
  in_support: 'notes',
  evaluation: 'evaluation',
  closed: 'summary',
  closed_info_only: 'summary',
  referred: 'summary',
  suspended: 'notes',
};

function hasBudget(d: CaseDetail): boolean {
  const b = d.budget;
  return (
    d.case.program === 'household_budget' ||
    b.sheets.length + b.cashFlows.length + b.debts.length + b.arrears.length + b.plans.length > 0
  );
}

/**
 * ケース: one consultee's support under one program, from intake to closure.
 * The head shows the person, the stage bar, the workers and the moves open now
 * (with the reason a move cannot be made yet); each national form has its tab.
 */
export function CasePage() {
  const { caseId = '' } = useParams();
  const [params] = useSearchParams();
  const { session, can } = useSignedIn();
  const [today] = useState(() => tokyoDate(new Date()));
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const { data, problem, loading, reload } = useApiGet<CaseDetail>(path, undefined, { keepWhileReloading: true });
  const directory = useApiGet<{ items: DirectoryEntry[] }>('/api/staff/directory');

  const name = data ? `${data.consultee.familyName ?? ''} ${data.consultee.givenName ?? ''}`.trim() : '';
  const program = data ? labelOf(PROGRAM_LABELS, data.case.program) : '';
  const tabs = data ? TABS.filter((t) => !t.budget || hasBudget(data)) : [];
  const requested = params.get('tab');
  const tab = data ? (tabs.some((t) => t.id === requested) ? (requested as string) : NEXT_TAB[data.case.status]) : '';
  const current = tabs.find((t) => t.id === tab);
  const { element: announcement, announce } = useAnnouncer(tab);

  const navigate = useNavigate();
  const onSaved = (message: string) => {
    reload();
    announce(message);
  };
  // After a move the form the new stage needs is shown (a worker goes on to fill it in).
  const onMoved = (message: string, status: string) => {
    const next = NEXT_TAB[status as CaseStatus] ?? tab;
    void navigate({ search: `?tab=${next}` });
    reload();
    announce(message, next);
  };

  const tabProps: CaseTabProps | null = data
    ? { detail: data, caseId, today, writable: can('consultee.write'), onSaved }
    : null;

  return (
    <Page title={data ? `ケース: ${name || '（氏名なし）'}（${program}）` : 'ケース'} documentTitle="ケースの記録">
      {data ? (
        <p>
          <Link to={`/consultees/${data.case.consulteeId}`}>相談者のページへ戻る</Link>
        </p>
      ) : null}
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {data && tabProps ? (
        <>
          <BasisNotice basis={data.basis} label={labelOf(BASIS_LABELS, data.basis)} />
          <CaseHead detail={data} />
          <div className="case-panels">
            <MovesPanel
              caseId={caseId}
              moves={data.moves}
              today={today}
              writable={can('consultee.write')}
              onMoved={onMoved}
            />
            <WorkersPanel
              caseId={caseId}
              workers={data.workers}
              directory={directory.data?.items ?? []}
              session={session}
              mayAssign={data.may.assign}
              onSaved={onSaved}
            />
          </div>
          <TabNav
            label="ケースの様式"
            items={tabs.map((t): TabItem => {
              const count = t.count?.(data) ?? 0;
              if (count > 0) return { id: t.id, label: t.label, note: String(count), noteLabel: `（${count}件）` };
              if (t.done && !t.done(data)) return { id: t.id, label: t.label, note: '未', noteLabel: '（未記録）' };
              return { id: t.id, label: t.label };
            })}
            current={tab}
            hrefFor={(id) => `?tab=${id}`}
          />
          <TabPanel
            tab={tab}
            title={current?.title ?? current?.label ?? ''}
            actions={
              current?.print && current.id !== 'notes' && !current.budget ? (
                <PrintLink
                  href={printHref(caseId, current.print)}
                  label={`${current.title ?? current.label}を印刷する`}
                />
              ) : null
            }
          >
            {announcement}
            <CaseTabContent tab={tab} props={tabProps} directory={directory.data?.items ?? []} />
          </TabPanel>
        </>
      ) : null}
    </Page>
  );
}

function CaseTabContent({
  tab,
  props,
  directory,
}: {
  tab: string;
  props: CaseTabProps;
  directory: readonly DirectoryEntry[];
}) {
  const d = props.detail;
  switch (tab) {
    case 'intake':
      return <IntakeTab tab={props} />;
    case 'screening':
      return <ScreeningTab tab={props} />;
    case 'assessment':
      return <AssessmentTab tab={props} />;
    case 'plan':
      return <PlanTab tab={props} />;
    case 'meeting':
      return <MeetingTab tab={props} />;
    case 'decision':
      return <DecisionTab tab={props} />;
    case 'application':
      return <ApplicationTab tab={props} />;
    case 'notes':
      return <NotesTab tab={props} />;
    case 'evaluation':
      return <EvaluationTab tab={props} />;
    case 'closure':
      return <ClosureTab tab={props} />;
    case 'budget-sheet':
      return <BudgetSheetTab tab={props} />;
    case 'cash-flow':
      return <CashFlowTab tab={props} />;
    case 'debts':
      return <DebtsTab tab={props} />;
    case 'budget-plan':
      return <BudgetPlanTab tab={props} />;
    case 'history':
      return (
        <HistoryList
          path={`/api/cases/${encodeURIComponent(props.caseId)}/history`}
          describe={(e) => describeEntry(d, e)}
        />
      );
    default:
      return (
        <SummaryTab
          tab={props}
          directory={directory}
          formLines={TABS.filter((t) => t.done || t.count)
            .filter((t) => !t.budget || hasBudget(d))
            .map((t) => ({
              tab: t.id,
              label: t.title ?? t.label,
              done: t.done ? t.done(d) : (t.count?.(d) ?? 0) > 0,
              count: t.count?.(d),
              print: t.print,
            }))}
        />
      );
  }
}

/** Which record of the case a change is to: the plan's revision, the note's date. */
function describeEntry(d: CaseDetail, entry: HistoryEntry): string | null {
  if (entry.recordTable === 'plans') {
    const plan = d.plans.find((p) => p.planId === entry.recordId);
    return plan ? `第${plan.revision}版` : null;
  }
  if (entry.recordTable === 'progress_notes') {
    const note = d.notes.find((n) => n.noteId === entry.recordId);
    return note ? `${formatWareki(note.contactOn)}の記録` : null;
  }
  return null;
}

function CaseHead({ detail }: { detail: CaseDetail }) {
  const k = detail.case;
  const c = detail.consultee;
  return (
    <section className="card case-head" aria-labelledby="case-head-title">
      <h2 id="case-head-title" className="visually-hidden">
        ケースの状況
      </h2>
      <dl className="case-facts">
        <div>
          <dt>相談者</dt>
          <dd>
            <Link to={`/consultees/${k.consulteeId}`}>
              {c.familyName} {c.givenName}
            </Link>
            {c.withheld.includes('familyNameKana') ? (
              <Withheld />
            ) : (
              <span className="kana">
                {c.familyNameKana} {c.givenNameKana}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>事業</dt>
          <dd>{labelOf(PROGRAM_LABELS, k.program)}</dd>
        </div>
        <div>
          <dt>段階</dt>
          <dd>
            <StatusBadge status={k.status} />
          </dd>
        </div>
        <div>
          <dt>受付日</dt>
          <dd>
            <DateText value={k.openedOn} />
          </dd>
        </div>
        {k.closedOn ? (
          <div>
            <dt>終結日</dt>
            <dd>
              <DateText value={k.closedOn} />
            </dd>
          </div>
        ) : null}
        {k.screeningResult ? (
          <div>
            <dt>スクリーニング</dt>
            <dd>{labelIn(SCREENING_RESULTS, k.screeningResult)}</dd>
          </div>
        ) : null}
      </dl>
      <StageBar status={k.status} suspendedFrom={k.suspendedFrom} />
    </section>
  );
}
