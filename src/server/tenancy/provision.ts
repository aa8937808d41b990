// Creating tenants, organizations, offices and accounts from the command line
// (as the owner, still inside the tenant's row-level-security context). The
// demo command and the tests' factories use the same functions.

import { randomUUID } from 'node:crypto';
import { CamelCasePlugin, type Kysely } from 'kysely';
import { setTenantContext, type Tx } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { EmploymentKind, Role } from '../core/roles.js';
import { passwordLength, PASSWORD_MIN_LENGTH } from '../core/password-policy.js';
import { appendAuditEvents } from '../audit/append.js';
import { hashPassword, oneTimePassword } from '../modules/auth/passwords.js';
import { digitsKey, kanaKey, nameKey } from '../core/search-key.js';

export function typed(ownerDb: Kysely<unknown>): Kysely<DB> {
  return ownerDb.withPlugin(new CamelCasePlugin()) as unknown as Kysely<DB>;
}

export class ProvisionError extends Error {}

/** Runs fn for one tenant, with every organization of the tenant visible. */
export async function asOwnerInTenant<T>(db: Kysely<DB>, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await setTenantContext(tx, { tenantId, organizationIds: [] });
    const orgs = await tx.selectFrom('organizations').select('organizationId').execute();
    await setTenantContext(tx, { tenantId, organizationIds: orgs.map((o) => o.organizationId) });
    return fn(tx);
  });
}

export function codeFrom(name: string): string | null {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return /^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/.test(slug) ? slug : null;
}

export async function tenantIdByCode(db: Kysely<DB>, code: string): Promise<string | null> {
  const row = await db.selectFrom('tenants').select('tenantId').where('code', '=', code).executeTakeFirst();
  return row?.tenantId ?? null;
}

export async function createTenant(db: Kysely<DB>, args: { code: string; name: string }): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/.test(args.code)) {
    throw new ProvisionError('The tenant code must be 3–32 lowercase letters, digits or hyphens');
  }
  if (await tenantIdByCode(db, args.code))
    throw new ProvisionError(`A tenant with the code "${args.code}" already exists`);
  const tenantId = randomUUID();
  await db.transaction().execute(async (tx) => {
    await setTenantContext(tx, { tenantId, organizationIds: [] });
    await tx.insertInto('tenants').values({ tenantId, code: args.code, name: args.name }).execute();
    await appendAuditEvents(tx, [
      {
        tenantId,
        category: 'admin',
        action: 'tenant.create',
        outcome: 'success',
        recordKind: 'tenant',
        recordIds: [tenantId],
      },
    ]);
  });
  return tenantId;
}

export async function createOrganization(
  tx: Tx,
  tenantId: string,
  args: { kind: 'municipality' | 'contractor'; name: string },
): Promise<string> {
  const organizationId = randomUUID();
  await tx.insertInto('organizations').values({ tenantId, organizationId, kind: args.kind, name: args.name }).execute();
  // Later statements of this transaction see the new organization's rows too.
  const orgs = await tx.selectFrom('organizations').select('organizationId').execute();
  await setTenantContext(tx, { tenantId, organizationIds: orgs.map((o) => o.organizationId) });
  return organizationId;
}

export async function createOfficeRow(tx: Tx, tenantId: string, organizationId: string, name: string): Promise<string> {
  const officeId = randomUUID();
  await tx.insertInto('offices').values({ tenantId, officeId, organizationId, name }).execute();
  return officeId;
}

export interface StaffSpec {
  login: string;
  displayName: string;
  displayNameKana?: string;
  organizationId: string;
  officeId?: string | null;
  employmentKind?: EmploymentKind;
  roles: Role[];
  /** A chosen password (demo, tests); otherwise a one-time password that must be changed. */
  password?: string;
  mustChangePassword?: boolean;
}

export async function createStaffRow(
  tx: Tx,
  tenantId: string,
  spec: StaffSpec,
): Promise<{ staffId: string; password: string }> {
  const password = spec.password ?? oneTimePassword();
  const staffId = randomUUID();
  await tx
    .insertInto('staff')
    .values({
      tenantId,
      staffId,
      organizationId: spec.organizationId,
      officeId: spec.officeId ?? null,
      login: spec.login,
      displayName: spec.displayName,
      displayNameKana: spec.displayNameKana ?? '',
      employmentKind: spec.employmentKind ?? 'employee',
      roles: spec.roles,
      confidentialityPledgedOn: null,
      employmentEndedOn: null,
      passwordHash: await hashPassword(password),
      passwordNeedsMfa: passwordLength(password) < PASSWORD_MIN_LENGTH,
      mustChangePassword: spec.mustChangePassword ?? spec.password === undefined,
      passwordChangedAt: null,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      disabledAt: null,
      lastSignInAt: null,
    })
    .execute();
  await appendAuditEvents(tx, [
    {
      tenantId,
      category: 'admin',
      action: 'staff.create',
      outcome: 'success',
      recordKind: 'staff',
      recordIds: [staffId],
      details: { roles: spec.roles, by: 'command_line' },
    },
  ]);
  return { staffId, password };
}

export interface ConsulteeSpec {
  organizationId: string;
  officeId: string;
  familyName: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  sex?: 'male' | 'female' | 'other' | null;
  birthDate?: string | null;
  address?: string | null;
  phone?: string | null;
  healthSummary?: string | null;
  createdBy: string;
  /** A case with these workers, if any. */
  case?: { program?: 'self_reliance' | 'household_budget'; openedOn: string; lead: string; co?: string[] };
}

/** Inserts a consultee (and a case) directly: for the demo tenant and the tests' factories. */
export async function createConsulteeRow(
  tx: Tx,
  tenantId: string,
  spec: ConsulteeSpec,
): Promise<{ consulteeId: string; caseId: string | null }> {
  const consulteeId = randomUUID();
  await tx
    .insertInto('consultees')
    .values({
      tenantId,
      consulteeId,
      organizationId: spec.organizationId,
      officeId: spec.officeId,
      familyName: spec.familyName,
      givenName: spec.givenName ?? '',
      familyNameKana: spec.familyNameKana ?? '',
      givenNameKana: spec.givenNameKana ?? '',
      sex: spec.sex ?? null,
      birthDate: spec.birthDate ?? null,
      postalCode: null,
      address: spec.address ?? null,
      phone: spec.phone ?? null,
      phoneMobile: null,
      email: null,
      sexNote: null,
      basicSourceDetail: null,
      nameKey: nameKey(`${spec.familyName}${spec.givenName ?? ''}`),
      kanaKey: kanaKey(`${spec.familyNameKana ?? ''}${spec.givenNameKana ?? ''}`),
      phoneKey: spec.phone ? digitsKey(spec.phone) : '',
      createdBy: spec.createdBy,
    })
    .execute();
  if (spec.healthSummary) {
    // Special-care data rests on a consent that covers it (ACQ-2): the person agreed orally at intake.
    const consentId = randomUUID();
    await tx
      .insertInto('consents')
      .values({
        tenantId,
        consentId,
        consulteeId,
        organizationId: spec.organizationId,
        givenBy: 'self',
        representativeName: null,
        representativeRelation: null,
        representativeAuthority: null,
        method: 'oral',
        explanation: '利用目的と関係機関との情報共有、健康状態等の要配慮個人情報の取扱いについて説明し、同意を得た',
        documentId: null,
        givenOn: spec.case?.openedOn ?? '2026-04-01',
        purposes: ['consultation_support', 'municipal_application', 'support_coordination'],
        agencyKinds: ['administrative', 'employment', 'medical'],
        agencyNames: null,
        coversSpecialCare: true,
        validFrom: spec.case?.openedOn ?? '2026-04-01',
        validUntil: null,
        supersedes: null,
        supersededBy: null,
        withdrawnOn: null,
        withdrawalReason: null,
        withdrawalRecordedBy: null,
        recordedBy: spec.createdBy,
      })
      .execute();
    await tx
      .insertInto('profileItems')
      .values({
        tenantId,
        itemId: randomUUID(),
        consulteeId,
        organizationId: spec.organizationId,
        itemKey: 'health_condition',
        category: 'health',
        dataClass: 'special_care',
        value: spec.healthSummary,
        source: 'self',
        sourceDetail: null,
        sourceReason: null,
        consentId,
        acquisitionGround: null,
        groundReason: null,
        approvalId: null,
        recordedBy: spec.createdBy,
      })
      .execute();
  }
  if (!spec.case) return { consulteeId, caseId: null };
  const caseId = randomUUID();
  await tx
    .insertInto('cases')
    .values({
      tenantId,
      caseId,
      consulteeId,
      organizationId: spec.organizationId,
      officeId: spec.officeId,
      program: spec.case.program ?? 'self_reliance',
      openedOn: spec.case.openedOn,
      closedOn: null,
    })
    .execute();
  const workers = [
    { staffId: spec.case.lead, role: 'lead' as const },
    ...(spec.case.co ?? []).map((staffId) => ({ staffId, role: 'co' as const })),
  ];
  await tx
    .insertInto('caseWorkers')
    .values(
      workers.map((w) => ({
        tenantId,
        caseId,
        staffId: w.staffId,
        organizationId: spec.organizationId,
        role: w.role,
        assignedBy: spec.createdBy,
      })),
    )
    .execute();
  return { consulteeId, caseId };
}
