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
  healthSummary: string | null;
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
}
