// Shapes of the API answers the screens use. Where the server has a schema type
// it is imported (type-only, erased from the bundle); the rest mirror the routes.
// The server answers records as plain rows (camelCase columns); the row types here
// name the columns the screens read, each row with the fields withheld from it.

import type { Static } from 'typebox';
import type { SessionResponse } from '../server/modules/auth/schema';
import type { OrganizationList, StaffDirectory, StaffItem as StaffItemType } from '../server/modules/staff/schema';
import type { EventItem, EventPage } from '../server/modules/audit/schema';
import type {
  ApprovalBody,
  ConsentBody,
  HistoryEntry as HistoryEntrySchema,
  HouseholdMemberBody,
  SearchResult,
} from '../server/modules/consultees/schema';
import type {
  ApplicationBody,
  ArrearBody,
  AssessmentBody,
  BudgetPlanBody,
  BudgetSheetBody,
  CaseDetail as CaseDetailSchema,
  CashFlowBody,
  ClosureBody,
  DashboardResponse,
  DebtBody,
  DecisionBody,
  EvaluationBody,
  IntakeBody,
  MeetingBody,
  NoteBody,
  PlanBody,
} from '../server/modules/cases/schema';
import type { BudgetTotals, CashFlowMonth } from '../server/core/budget';
import type { CaseStatus, Transition } from '../server/core/case-flow';

export type { CaseStatus, Transition };

export type Session = SessionResponse;
export type Permission = Session['permissions'][number];
export type Role = Session['staff']['roles'][number];
export type SessionStage = Session['stage'];

export type StaffItem = StaffItemType;
export type Organization = Static<typeof OrganizationList>['items'][number];
export type DirectoryEntry = Static<typeof StaffDirectory>['items'][number];
export type AuditEvent = Static<typeof EventItem>;
export type AuditPage = Static<typeof EventPage>;

export type { Settings as TenantSettings } from '../server/modules/settings/schema';

// ── Consultees ──────────────────────────────────────────────────────────

export type ConsulteeSearchItem = Static<typeof SearchResult>['items'][number];
export type CaseSummary = ConsulteeSearchItem['cases'][number];
export type HistoryEntry = Static<typeof HistoryEntrySchema>;
export type Program = 'self_reliance' | 'household_budget';

/** What every row carries: the fields the reader may not see (shown as 閲覧権限がありません). */
export interface Withheld {
  withheld: string[];
}

export interface ConsulteeRow {
  consulteeId: string;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  sex: string | null;
  sexNote: string | null;
  birthDate: string | null;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  phoneMobile: string | null;
  email: string | null;
  basicSource: string | null;
  basicSourceDetail: string | null;
  createdAt: string;
  updatedAt: string;
}

export type HouseholdRow = Static<typeof HouseholdMemberBody> &
  Withheld & { memberId: string; createdAt: string; updatedAt: string };

export interface ProfileRow extends Withheld {
  itemId: string;
  itemKey: string;
  category: string;
  dataClass: string;
  value: string | null;
  source: string;
  sourceDetail: string | null;
  sourceReason: string | null;
  consentId: string | null;
  acquisitionGround: string | null;
  groundReason: string | null;
  approvalId: string | null;
  recordedAt: string;
  updatedAt: string;
}

export type ConsentRow = Static<typeof ConsentBody> &
  Withheld & {
    consentId: string;
    supersededBy: string | null;
    withdrawnOn: string | null;
    withdrawalReason: string | null;
    recordedAt: string;
  };

export type ApprovalRow = Static<typeof ApprovalBody> & Withheld & { approvalId: string; recordedAt: string };

export interface ConsulteeDetail {
  consultee: ConsulteeRow;
  withheld: string[];
  basis: string;
  household: HouseholdRow[];
  profile: ProfileRow[];
  consents: ConsentRow[];
  approvals: ApprovalRow[];
  cases: CaseSummary[];
}

// ── Cases ───────────────────────────────────────────────────────────────

type CaseDetailRaw = Static<typeof CaseDetailSchema>;
export type CaseWorker = CaseDetailRaw['workers'][number];
export type CaseMove = Omit<CaseDetailRaw['moves'][number], 'transition'> & { transition: Transition };

/** Who wrote a form and when: shared by every form of a case. */
interface RecordMeta extends Withheld {
  caseId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseRow extends Withheld {
  caseId: string;
  consulteeId: string;
  program: Program;
  status: CaseStatus;
  openedOn: string;
  closedOn: string | null;
  suspendedFrom: CaseStatus | null;
  screeningResult: string | null;
  referralDestination: string | null;
  referredToPublicAssistance: boolean | null;
  statusChangedAt: string;
}

export interface TransitionRow extends Withheld {
  transitionId: string;
  transition: Transition;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  effectiveOn: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export type IntakeRow = Static<typeof IntakeBody> & RecordMeta & { formId: string; receivedBy: string };
export type AssessmentRow = Static<typeof AssessmentBody> & RecordMeta & { assessmentId: string };
export type PlanRow = Static<typeof PlanBody> & RecordMeta & { planId: string; revision: number };
export type MeetingRow = Static<typeof MeetingBody> & RecordMeta & { meetingId: string };
export type DecisionRow = Static<typeof DecisionBody> & RecordMeta & { decisionId: string };
export type ApplicationRow = Static<typeof ApplicationBody> &
  RecordMeta & { applicationId: string; forwardedBy: string | null };
export type NoteRow = Omit<Static<typeof NoteBody>, 'content'> &
  RecordMeta & { noteId: string; content: string | null; consentId: string | null };
export type EvaluationRow = Static<typeof EvaluationBody> & RecordMeta & { evaluationId: string };
export type ClosureRow = Static<typeof ClosureBody> & RecordMeta & { closureId: string };
export type BudgetSheetRow = Static<typeof BudgetSheetBody> & RecordMeta & { sheetId: string; totals: BudgetTotals };
export type CashFlowRow = Static<typeof CashFlowBody> & RecordMeta & { cashFlowId: string; months: CashFlowMonth[] };
export type DebtRow = Static<typeof DebtBody> & RecordMeta & { debtId: string };
export type ArrearRow = Static<typeof ArrearBody> & RecordMeta & { arrearId: string };
export type BudgetPlanRow = Static<typeof BudgetPlanBody> & RecordMeta & { budgetPlanId: string };

export interface CaseDetail {
  case: CaseRow;
  consultee: Partial<ConsulteeRow> & Withheld;
  basis: string;
  /** A consent covering special-care information is in force (else such content needs a ground: ACQ-2). */
  specialCareConsent: boolean;
  /** What the reader may do on the case, as the server decides it. */
  may: CaseDetailRaw['may'];
  workers: CaseWorker[];
  moves: CaseMove[];
  transitions: TransitionRow[];
  intake: IntakeRow | null;
  assessment: AssessmentRow | null;
  /** Newest revision first. */
  plans: PlanRow[];
  meetings: MeetingRow[];
  decisions: DecisionRow[];
  applications: ApplicationRow[];
  notes: NoteRow[];
  evaluations: EvaluationRow[];
  closure: ClosureRow | null;
  budget: {
    sheets: BudgetSheetRow[];
    cashFlows: CashFlowRow[];
    debts: DebtRow[];
    arrears: ArrearRow[];
    plans: BudgetPlanRow[];
    debtTotals: CaseDetailRaw['budget']['debtTotals'];
  };
}

export type Dashboard = Static<typeof DashboardResponse>;
export type AttentionCase = Dashboard['attention'][number];

export interface DraftAnswer {
  draft: { payload: unknown; updatedAt: string } | null;
}
