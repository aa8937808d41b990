// Kysely's view of the tables (camelCase; CamelCasePlugin maps to snake_case).
// The data classes of these columns live in privacy/data-map.ts.

import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns are read and written as YYYY-MM-DD strings (see the type parser in database.ts). */
type PlainDate = string;

export interface TenantsTable {
  tenantId: string;
  code: string;
  name: string;
  mfaRequiredForAll: Generated<boolean>;
  sessionIdleMinutes: Generated<number>;
  sessionAbsoluteHours: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OrganizationsTable {
  tenantId: string;
  organizationId: string;
  kind: 'municipality' | 'contractor';
  name: string;
  createdAt: Timestamp;
}

export interface OfficesTable {
  tenantId: string;
  officeId: string;
  organizationId: string;
  name: string;
  createdAt: Timestamp;
}

export interface StaffTable {
  tenantId: string;
  staffId: string;
  organizationId: string;
  officeId: string | null;
  login: string;
  displayName: string;
  displayNameKana: Generated<string>;
  employmentKind: string;
  roles: string[];
  confidentialityPledgedOn: PlainDate | null;
  employmentEndedOn: PlainDate | null;
  passwordHash: string;
  passwordNeedsMfa: Generated<boolean>;
  mustChangePassword: Generated<boolean>;
  passwordChangedAt: Date | null;
  totpSecret: Buffer | null;
  totpEnabledAt: Date | null;
  totpLastStep: string | null;
  myNumberHandler: Generated<boolean>;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SignInThrottleTable {
  tenantId: string;
  loginKey: Buffer;
  failedAttempts: Generated<number>;
  lockedUntil: Date | null;
  updatedAt: Timestamp;
}

export interface SessionsTable {
  tenantId: string;
  sessionId: string;
  tokenHash: Buffer;
  staffId: string;
  stage: 'mfa_verify' | 'password_change' | 'mfa_enrol' | 'active';
  mfaVerified: Generated<boolean>;
  pendingTotpSecret: Buffer | null;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  endedAt: Date | null;
  endReason: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

export interface ConsulteesTable {
  tenantId: string;
  consulteeId: string;
  organizationId: string;
  officeId: string;
  familyName: string;
  givenName: Generated<string>;
  familyNameKana: Generated<string>;
  givenNameKana: Generated<string>;
  sex: 'male' | 'female' | 'other' | null;
  birthDate: PlainDate | null;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  phoneMobile: string | null;
  email: string | null;
  sexNote: string | null;
  nameKey: Generated<string>;
  kanaKey: Generated<string>;
  phoneKey: Generated<string>;
  basicSource: Generated<string>;
  basicSourceDetail: string | null;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CasesTable {
  tenantId: string;
  caseId: string;
  consulteeId: string;
  organizationId: string;
  officeId: string;
  program: 'self_reliance' | 'household_budget';
  openedOn: PlainDate;
  closedOn: PlainDate | null;
  createdAt: Timestamp;
  status: Generated<string>;
  statusChangedAt: Timestamp;
  suspendedFrom: string | null;
  screeningResult: string | null;
  referralDestination: string | null;
  referredToPublicAssistance: Generated<boolean>;
  updatedAt: Timestamp;
}

export interface CaseWorkersTable {
  tenantId: string;
  caseId: string;
  staffId: string;
  organizationId: string;
  role: 'lead' | 'co';
  assignedAt: Timestamp;
  assignedBy: string;
}

export interface AuditChainHeadsTable {
  tenantId: string;
  chainNo: number;
  lastSeq: string;
  lastHash: string;
}

export interface AuditEventsTable {
  tenantId: string;
  /** Assigned by the chaining trigger; anything supplied is overwritten. */
  eventId: ColumnType<string, never, never>;
  chainNo: ColumnType<number, never, never>;
  chainSeq: ColumnType<string, never, never>;
  occurredAt: ColumnType<Date, never, never>;
  category: 'access' | 'auth' | 'admin';
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  actorStaffId: string | null;
  actorOrganizationId: string | null;
  recordOrganizationId: string | null;
  recordKind: string | null;
  recordIds: ColumnType<string[], string[] | undefined, never>;
  subjectIds: ColumnType<string[], string[] | undefined, never>;
  dataClasses: ColumnType<string[], string[] | undefined, never>;
  purpose: string | null;
  scopeBasis: string | null;
  requestId: string | null;
  clientIp: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  prevHash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

/** Columns every form of a case shares. */
interface CaseRecordColumns {
  tenantId: string;
  caseId: string;
  consulteeId: string;
  organizationId: string;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** The basis of special-care content (ACQ-2). */
interface AcquisitionColumns {
  consentId: string | null;
  acquisitionGround: string | null;
  groundReason: string | null;
}

type Json<T> = ColumnType<T, string, string>;

export interface HouseholdMembersTable {
  tenantId: string;
  memberId: string;
  consulteeId: string;
  organizationId: string;
  relationship: string;
  relationshipNote: string | null;
  familyName: string;
  givenName: string | null;
  kana: string | null;
  sex: string | null;
  birthDate: PlainDate | null;
  cohabiting: boolean;
  occupation: string | null;
  notes: string | null;
  source: string;
  sourceDetail: string | null;
  removedAt: Date | null;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ProfileItemsTable extends AcquisitionColumns {
  tenantId: string;
  itemId: string;
  consulteeId: string;
  organizationId: string;
  itemKey: string;
  category: string;
  dataClass: 'ordinary' | 'special_care';
  value: string;
  source: string;
  sourceDetail: string | null;
  sourceReason: string | null;
  approvalId: string | null;
  recordedBy: string;
  recordedAt: Timestamp;
  updatedAt: Timestamp;
}

export interface DocumentsTable {
  tenantId: string;
  documentId: string;
  consulteeId: string;
  organizationId: string;
  kind: 'consent_scan';
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  content: Buffer;
  uploadedBy: string;
  uploadedAt: Timestamp;
}

export interface ConsentsTable {
  tenantId: string;
  consentId: string;
  consulteeId: string;
  organizationId: string;
  givenBy: 'self' | 'representative';
  representativeName: string | null;
  representativeRelation: string | null;
  representativeAuthority: string | null;
  method: 'written' | 'oral' | 'electronic';
  explanation: string | null;
  documentId: string | null;
  givenOn: PlainDate;
  purposes: string[];
  agencyKinds: string[];
  agencyNames: string | null;
  coversSpecialCare: boolean;
  validFrom: PlainDate;
  validUntil: PlainDate | null;
  supersedes: string | null;
  supersededBy: string | null;
  withdrawnOn: PlainDate | null;
  withdrawalReason: string | null;
  withdrawalRecordedBy: string | null;
  recordedBy: string;
  recordedAt: Timestamp;
}

export interface CommissioningApprovalsTable {
  tenantId: string;
  approvalId: string;
  consulteeId: string;
  organizationId: string;
  categories: string[];
  approverName: string;
  approverTitle: string | null;
  approvedOn: PlainDate;
  documentNumber: string | null;
  reason: string;
  recordedBy: string;
  recordedAt: Timestamp;
}

export interface CaseTransitionsTable {
  tenantId: string;
  transitionId: string;
  caseId: string;
  organizationId: string;
  transition: string;
  fromStatus: string;
  toStatus: string;
  effectiveOn: PlainDate;
  note: string | null;
  recordedBy: string;
  recordedAt: Timestamp;
}

export interface IntakeFormsTable extends CaseRecordColumns {
  formId: string;
  receivedOn: PlainDate;
  receivedBy: string;
  contactRoute: string;
  referredBy: string | null;
  visitorName: string | null;
  visitorPhone: string | null;
  visitorRelation: string | null;
  visitorRelationDetail: string | null;
  topics: string[];
  primaryTopic: string | null;
  topicOther: string | null;
  wishes: string | null;
  employmentStatus: string | null;
  housingStatus: string | null;
  healthInsurance: string | null;
  pension: string | null;
  applied: boolean;
  appliedOn: PlainDate | null;
  purposesExplainedOn: PlainDate | null;
  rulesVersion: string | null;
  source: string;
  sourceDetail: string | null;
}

export interface AssessmentsTable extends CaseRecordColumns, AcquisitionColumns {
  assessmentId: string;
  assessedOn: PlainDate;
  assessedBy: string;
  issueTraits: string[];
  lifeHistory: string | null;
  healthSituation: string | null;
  workSituation: string | null;
  financeSituation: string | null;
  housingSituation: string | null;
  familyRelations: string | null;
  socialRelations: string | null;
  strengths: string | null;
  personWishes: string | null;
  assessorView: string | null;
  emergencySupport: string | null;
}

export interface PlanGoal {
  goal: string;
  actions: string;
  who: string;
  period: string;
}

export interface PlansTable extends CaseRecordColumns {
  planId: string;
  revision: number;
  draftedOn: PlainDate;
  periodFrom: PlainDate | null;
  periodTo: PlainDate | null;
  longTermGoal: string | null;
  goals: Json<PlanGoal[]>;
  programs: string[];
  employmentSupportTarget: boolean;
  personAgreedOn: PlainDate | null;
  nextReviewOn: PlainDate | null;
  notes: string | null;
}

export interface Attendee {
  name: string;
  organization: string;
  role: string;
}

export interface CoordinationMeetingsTable extends CaseRecordColumns {
  meetingId: string;
  heldOn: PlainDate;
  planId: string | null;
  attendees: Json<Attendee[]>;
  decision: 'approve_plan' | 'revise_plan' | 'confirm_closure' | 'confirm_suspension';
  notes: string | null;
}

export interface SupportDecisionsTable extends CaseRecordColumns {
  decisionId: string;
  planId: string | null;
  decidedOn: PlainDate;
  decidedBy: string;
  decisionNumber: string | null;
  periodFrom: PlainDate | null;
  periodTo: PlainDate | null;
  notes: string | null;
}

export interface MunicipalApplicationsTable extends CaseRecordColumns {
  applicationId: string;
  planId: string | null;
  appliedOn: PlainDate;
  programs: string[];
  forwardedOn: PlainDate | null;
  forwardedBy: string | null;
  municipalityReceivedOn: PlainDate | null;
  notes: string | null;
}

export interface ProgressNotesTable extends CaseRecordColumns, AcquisitionColumns {
  noteId: string;
  contactOn: PlainDate;
  method: string;
  counterpart: string;
  counterpartDetail: string | null;
  content: string;
  sensitivity: 'ordinary' | 'special_care';
  nextStep: string | null;
  nextContactOn: PlainDate | null;
}

export interface GoalResult {
  goal: string;
  result: 'achieved' | 'partial' | 'not_achieved';
  comment: string;
}

export interface EvaluationsTable extends CaseRecordColumns {
  evaluationId: string;
  planId: string | null;
  evaluatedOn: PlainDate;
  goalResults: Json<GoalResult[]>;
  employed: boolean;
  employedOn: PlainDate | null;
  incomeIncreased: boolean;
  incomeIncreasedOn: PlainDate | null;
  improvementObserved: boolean;
  improvements: string[];
  personView: string | null;
  evaluatorView: string | null;
  nextAction: 'close' | 'replan' | 'continue';
}

export interface ClosuresTable extends CaseRecordColumns {
  closureId: string;
  closedOn: PlainDate;
  reasons: string[];
  reasonNote: string | null;
  wishesConfirmed: boolean;
  reportedToMeetingOn: PlainDate | null;
  followUpUntil: PlainDate | null;
}

export interface BudgetLineJson {
  direction: 'income' | 'expense';
  category: string;
  label: string;
  amount: number;
}

export interface BudgetSheetsTable extends CaseRecordColumns {
  sheetId: string;
  kind: 'at_consultation' | 'planned';
  month: string;
  lines: Json<BudgetLineJson[]>;
  notes: string | null;
}

export interface CashFlowEventJson {
  month: string;
  label: string;
  amount: number;
}

export interface CashFlowsTable extends CaseRecordColumns {
  cashFlowId: string;
  startMonth: string;
  openingBalance: number;
  baseSheetId: string | null;
  events: Json<CashFlowEventJson[]>;
  notes: string | null;
}

export interface DebtsTable extends CaseRecordColumns {
  debtId: string;
  creditor: string;
  kind: string;
  balance: number;
  monthlyPayment: number;
  arrearsAmount: number;
  arrearsMonths: number;
  status: 'repaying' | 'in_arrears' | 'restructuring' | 'settled';
  notes: string | null;
}

export interface ArrearsTable extends CaseRecordColumns {
  arrearId: string;
  kind: string;
  creditor: string | null;
  amount: number;
  months: number;
  resolvedOn: PlainDate | null;
  notes: string | null;
}

export interface BudgetActionJson {
  action: string;
  due: string;
  who: string;
}

export interface BudgetPlansTable extends CaseRecordColumns {
  budgetPlanId: string;
  draftedOn: PlainDate;
  goals: string;
  actions: Json<BudgetActionJson[]>;
  loanReferral: string | null;
  debtRestructuring: string | null;
  benefitApplications: string | null;
  plannedSheetId: string | null;
  reviewOn: PlainDate | null;
}

export interface RecordHistoryTable {
  tenantId: string;
  historyId: ColumnType<string, never, never>;
  organizationId: string | null;
  recordTable: string;
  recordId: string;
  subjectId: string | null;
  caseId: string | null;
  changeKind: 'insert' | 'update' | 'delete';
  changedFields: string[];
  changes: ColumnType<Record<string, { from: unknown; to: unknown }>, never, never>;
  changedBy: string | null;
  changedAt: Timestamp;
}

export interface ConsulteeSearchKeysTable {
  tenantId: string;
  key: string;
  consulteeId: string;
  organizationId: string;
}

export interface DraftsTable {
  tenantId: string;
  staffId: string;
  draftKey: string;
  organizationId: string;
  consulteeId: string | null;
  caseId: string | null;
  payload: Json<unknown>;
  updatedAt: Timestamp;
}

export interface PurposeCodesTable {
  tenantId: string;
  purposeCode: string;
  kind: 'published' | 'management';
  createdAt: Generated<Date>;
}

export interface PurposeVersionsTable {
  tenantId: string;
  purposeCode: string;
  version: number;
  wording: string;
  effectiveFrom: PlainDate;
  withinRelatedScope: boolean | null;
  changeReason: string | null;
  noticeText: string | null;
  recordedBy: string | null;
  recordedAt: Generated<Date>;
}

export interface RelatedAgenciesTable {
  tenantId: string;
  agencyId: string;
  name: string;
  kind: string;
  administrative: boolean;
  contractor: Generated<boolean>;
  address: string | null;
  representative: string | null;
  phone: string | null;
  note: string | null;
  sortOrder: Generated<number>;
  retiredOn: PlainDate | null;
  createdAt: Generated<Date>;
  updatedAt: Timestamp;
}

export interface ConsentAgenciesTable {
  tenantId: string;
  consentId: string;
  agencyId: string;
  organizationId: string;
}

export interface ProvisionStopsTable {
  tenantId: string;
  stopId: string;
  consulteeId: string;
  organizationId: string;
  kind: 'use' | 'provision';
  fromDate: PlainDate;
  reason: string;
  liftedOn: PlainDate | null;
  liftReason: string | null;
  recordedBy: string;
  recordedAt: Generated<Date>;
  liftedBy: string | null;
}

export interface ProvisionsTable {
  tenantId: string;
  provisionId: string;
  consulteeId: string;
  organizationId: string;
  mode: 'third_party' | 'outsourcing' | 'joint_use';
  status: 'awaiting_approval' | 'approved' | 'rejected' | 'provided';
  purposeCode: string;
  recipientAgencyId: string | null;
  recipientName: string;
  recipientAddress: string | null;
  manyUnspecified: boolean;
  items: string[];
  basis: 'consent' | 'ground' | 'outsourcing' | 'joint_use' | null;
  consentId: string | null;
  ground: string | null;
  groundReason: string | null;
  requestedBy: string;
  requestedAt: Generated<Date>;
  approvedBy: string | null;
  approvedAt: Date | null;
  decisionNote: string | null;
  providedOn: PlainDate | null;
  providedBy: string | null;
  sentValues: Json<unknown> | null;
  createdAt: Generated<Date>;
  retainUntil: PlainDate;
  jointUseDeclarationId: string | null;
}

export interface ReceiptsTable {
  tenantId: string;
  receiptId: string;
  consulteeId: string;
  organizationId: string;
  receivedOn: PlainDate;
  providerAgencyId: string | null;
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  howObtained: string;
  items: string[];
  itemsNote: string | null;
  consentId: string | null;
  consentNote: string | null;
  recordedBy: string;
  recordedAt: Generated<Date>;
  retainUntil: PlainDate;
}

export interface OutOfPurposeRequestsTable {
  tenantId: string;
  requestId: string;
  consulteeId: string;
  organizationId: string;
  kind: 'use' | 'provision' | 'online_linkage';
  requestingSection: string;
  useDescription: string;
  recipientAgencyId: string | null;
  recipientName: string | null;
  items: string[];
  itemsReason: string;
  basis: 'consent' | 'ground';
  consentId: string | null;
  ground: string | null;
  reason: string;
  status: 'counter' | 'council' | 'decision' | 'approved' | 'rejected' | 'withdrawn';
  requestedBy: string;
  requestedAt: Generated<Date>;
  counterOpinion: string | null;
  counterBy: string | null;
  counterAt: Date | null;
  councilRequired: boolean | null;
  councilName: string | null;
  councilReferredOn: PlainDate | null;
  councilAnswer: string | null;
  councilAnsweredOn: PlainDate | null;
  decision: 'approved' | 'rejected' | null;
  decidedInNameOf: string | null;
  decidedOn: PlainDate | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface OutOfPurposeOpinionsTable {
  tenantId: string;
  opinionId: string;
  requestId: string;
  organizationId: string;
  author: string;
  body: string;
  givenOn: PlainDate;
  recordedBy: string;
  recordedAt: Generated<Date>;
}

export interface RegisterEntriesTable {
  tenantId: string;
  entryId: string;
  code: string;
  createdAt: Generated<Date>;
}

export interface RegisterVersionsTable {
  tenantId: string;
  entryId: string;
  version: number;
  changeKind: 'start' | 'change' | 'abolition';
  effectiveOn: PlainDate;
  name: string;
  section: string;
  items: string;
  purposeCodes: string[];
  purposesNote: string | null;
  methods: string;
  sources: string;
  recipients: string;
  media: string;
  retention: string;
  retentionYears: number;
  recordCount: string | null;
  published: boolean;
  keepUntil: PlainDate | null;
  changeReason: string | null;
  recordedBy: string;
  recordedAt: Generated<Date>;
}

export interface JointUseDeclarationsTable {
  tenantId: string;
  declarationId: string;
  title: string;
  createdAt: Generated<Date>;
  endedOn: PlainDate | null;
}

export interface JointUseVersionsTable {
  tenantId: string;
  declarationId: string;
  version: number;
  items: string[];
  userAgencyIds: string[];
  usersNote: string | null;
  purposes: string[];
  responsibleAgencyId: string | null;
  responsibleName: string;
  responsibleAddress: string;
  responsibleRepresentative: string;
  changedOn: PlainDate;
  effectiveFrom: PlainDate;
  changeKinds: Generated<string[]>;
  noticeDueOn: PlainDate | null;
  noticeOn: PlainDate | null;
  changeNote: string | null;
  recordedBy: string;
  recordedAt: Generated<Date>;
}

export interface ExportsTable {
  tenantId: string;
  exportId: string;
  organizationId: string;
  kind: string;
  format: 'pdf' | 'csv' | 'image';
  purposeCode: string;
  consulteeIds: string[];
  items: Generated<string[]>;
  description: string;
  reason: string | null;
  parameters: Json<unknown>;
  status: 'awaiting_approval' | 'approved' | 'rejected' | 'done';
  requestedBy: string;
  requestedAt: Generated<Date>;
  approvedBy: string | null;
  approvedAt: Date | null;
  decisionNote: string | null;
  fileName: string | null;
  fileSha256: Buffer | null;
  byteCount: number | null;
  exportedAt: Date | null;
}

export interface MyNumbersTable {
  tenantId: string;
  consulteeId: string;
  organizationId: string;
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
  basis: string;
  basisNote: string | null;
  acquiredOn: PlainDate;
  recordedBy: string;
  recordedAt: Generated<Date>;
  resealedAt: Date | null;
}

export interface MyNumberErasuresTable {
  tenantId: string;
  erasureId: string;
  consulteeId: string;
  organizationId: string;
  reason: string;
  erasedBy: string;
  erasedAt: Generated<Date>;
}

export interface TenantPublicProfilesTable {
  tenantId: string;
  published: Generated<boolean>;
  organizationName: string;
  address: string;
  representative: string;
  requestProcedure: string;
  fees: string;
  securityMeasures: string;
  complaintContact: string;
  privacyPolicy: string | null;
  updatedBy: string | null;
  updatedAt: Generated<Date>;
}

export interface DB {
  tenants: TenantsTable;
  organizations: OrganizationsTable;
  offices: OfficesTable;
  staff: StaffTable;
  signInThrottle: SignInThrottleTable;
  sessions: SessionsTable;
  consultees: ConsulteesTable;
  cases: CasesTable;
  caseWorkers: CaseWorkersTable;
  auditChainHeads: AuditChainHeadsTable;
  auditEvents: AuditEventsTable;
  householdMembers: HouseholdMembersTable;
  profileItems: ProfileItemsTable;
  documents: DocumentsTable;
  consents: ConsentsTable;
  commissioningApprovals: CommissioningApprovalsTable;
  caseTransitions: CaseTransitionsTable;
  intakeForms: IntakeFormsTable;
  assessments: AssessmentsTable;
  plans: PlansTable;
  coordinationMeetings: CoordinationMeetingsTable;
  supportDecisions: SupportDecisionsTable;
  municipalApplications: MunicipalApplicationsTable;
  progressNotes: ProgressNotesTable;
  evaluations: EvaluationsTable;
  closures: ClosuresTable;
  budgetSheets: BudgetSheetsTable;
  cashFlows: CashFlowsTable;
  debts: DebtsTable;
  arrears: ArrearsTable;
  budgetPlans: BudgetPlansTable;
  recordHistory: RecordHistoryTable;
  drafts: DraftsTable;
  consulteeSearchKeys: ConsulteeSearchKeysTable;
  purposeCodes: PurposeCodesTable;
  purposeVersions: PurposeVersionsTable;
  relatedAgencies: RelatedAgenciesTable;
  consentAgencies: ConsentAgenciesTable;
  provisionStops: ProvisionStopsTable;
  provisions: ProvisionsTable;
  receipts: ReceiptsTable;
  outOfPurposeRequests: OutOfPurposeRequestsTable;
  outOfPurposeOpinions: OutOfPurposeOpinionsTable;
  registerEntries: RegisterEntriesTable;
  registerVersions: RegisterVersionsTable;
  jointUseDeclarations: JointUseDeclarationsTable;
  jointUseVersions: JointUseVersionsTable;
  exports: ExportsTable;
  myNumbers: MyNumbersTable;
  myNumberErasures: MyNumberErasuresTable;
  tenantPublicProfiles: TenantPublicProfilesTable;
}
