// Accounts, roles and offices, for the system administrator (SEC-3, SEC-4, CLS-3).
// The administrator manages accounts and never reaches case content: nothing here
// touches a consultee table, and the administrator's role has no consultee permission.

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import type { AppContext } from '../../context.js';
import { isLocked } from '../../core/sign-in.js';
import { hasPermission, isRole, type Role } from '../../core/roles.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { endSessionsOf } from '../auth/sessions.js';
import { loginKey } from '../auth/service.js';
import { hashPassword, oneTimePassword } from '../auth/passwords.js';
import type { StaffCreateBody, StaffItem, StaffUpdateBody } from './schema.js';

/**
 * The organizations an administrator manages: every organization of the tenant for
 * an administrator of the municipality, only their own for a contractor's.
 */
async function managedOrganizations(work: Work): Promise<string[]> {
  const own = await work.operational
    .selectFrom('organizations')
    .select(['organizationId', 'kind'])
    .where('organizationId', '=', work.actor.organizationId)
    .executeTakeFirstOrThrow();
  if (own.kind === 'contractor') return [own.organizationId];
  const all = await work.operational.selectFrom('organizations').select('organizationId').execute();
  return all.map((o) => o.organizationId);
}

function staffQuery(work: Work) {
  return work.operational
    .selectFrom('staff as s')
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.tenantId', '=', 's.tenantId').onRef('o.organizationId', '=', 's.organizationId'),
    )
    .leftJoin('offices as f', (j) => j.onRef('f.tenantId', '=', 's.tenantId').onRef('f.officeId', '=', 's.officeId'))
    .select([
      's.staffId',
      's.login',
      's.displayName',
      's.displayNameKana',
      's.organizationId',
      'o.name as organizationName',
      's.officeId',
      'f.name as officeName',
      's.employmentKind',
      's.roles',
      's.confidentialityPledgedOn',
      's.employmentEndedOn',
      's.totpEnabledAt',
      's.myNumberHandler',
      's.mustChangePassword',
      's.disabledAt',
      's.lastSignInAt',
    ]);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>;

async function toItems(ctx: AppContext, work: Work, rows: StaffRow[]): Promise<StaffItem[]> {
  const keys = rows.map((r) => loginKey(ctx, r.login));
  const locks =
    keys.length === 0
      ? []
      : await work.operational
          .selectFrom('signInThrottle')
          .select(['loginKey', 'lockedUntil'])
          .where('loginKey', 'in', keys)
          .execute();
  const now = new Date();
  const locked = new Set(locks.filter((l) => isLocked(l.lockedUntil, now)).map((l) => l.loginKey.toString('hex')));
  return rows.map((r, i) => ({
    staffId: r.staffId,
    login: r.login,
    displayName: r.displayName,
    displayNameKana: r.displayNameKana,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    officeId: r.officeId,
    officeName: r.officeName,
    employmentKind: r.employmentKind as StaffItem['employmentKind'],
    roles: r.roles.filter(isRole),
    confidentialityPledgedOn: r.confidentialityPledgedOn,
    employmentEndedOn: r.employmentEndedOn,
    mfaEnabled: r.totpEnabledAt !== null,
    myNumberHandler: r.myNumberHandler,
    mustChangePassword: r.mustChangePassword,
    disabled: r.disabledAt !== null,
    locked: locked.has((keys[i] as Buffer).toString('hex')),
    lastSignInAt: r.lastSignInAt ? r.lastSignInAt.toISOString() : null,
  }));
}

export async function listStaff(ctx: AppContext, work: Work): Promise<StaffItem[]> {
  const orgs = await managedOrganizations(work);
  const rows = await staffQuery(work)
    .where('s.organizationId', 'in', orgs)
    .orderBy('s.displayNameKana')
    .orderBy('s.login')
    .execute();
  return toItems(ctx, work, rows);
}

export async function loadManaged(ctx: AppContext, work: Work, staffId: string): Promise<StaffItem> {
  const orgs = await managedOrganizations(work);
  const row = await staffQuery(work)
    .where('s.staffId', '=', staffId)
    .where('s.organizationId', 'in', orgs)
    .executeTakeFirst();
  if (!row) throw notFound('指定された職員は見つかりません');
  const [item] = await toItems(ctx, work, [row]);
  return item as StaffItem;
}

/**
 * Only a role that may handle My Number can be designated to (ACQ-4): a designation
 * the roles cannot use would read as a permission that is not there.
 */
function assertDesignation(roles: readonly Role[], designated: boolean): void {
  if (designated && !hasPermission(roles, 'my_number.handle')) {
    throw invalid(
      'myNumberHandler',
      '個人番号事務取扱担当者に指定できるのは、相談支援員・主任相談支援員・就労支援員・家計改善支援員・事務職員の役割をもつ職員だけです',
    );
  }
}

async function assertOffice(work: Work, organizationId: string, officeId: string | null | undefined): Promise<void> {
  if (!officeId) return;
  const office = await work.operational
    .selectFrom('offices')
    .select('officeId')
    .where('officeId', '=', officeId)
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
  if (!office) throw invalid('officeId', '「窓口」はこの組織の窓口から選んでください');
}

export async function createStaff(
  ctx: AppContext,
  work: Work,
  body: StaffCreateBody,
): Promise<{ staff: StaffItem; oneTimePassword: string }> {
  const orgs = await managedOrganizations(work);
  if (!orgs.includes(body.organizationId))
    throw invalid('organizationId', '「組織」は管理できる組織から選んでください');
  await assertOffice(work, body.organizationId, body.officeId);
  assertDesignation(body.roles, body.myNumberHandler === true);
  const taken = await work.operational
    .selectFrom('staff')
    .select('staffId')
    .where('login', '=', body.login)
    .executeTakeFirst();
  if (taken) throw conflict('このログインIDは既に使われています', 'login');
  const password = oneTimePassword();
  const staffId = randomUUID();
  await work.operational
    .insertInto('staff')
    .values({
      tenantId: work.actor.tenantId,
      staffId,
      organizationId: body.organizationId,
      officeId: body.officeId ?? null,
      login: body.login,
      displayName: body.displayName.trim(),
      displayNameKana: body.displayNameKana?.trim() ?? '',
      employmentKind: body.employmentKind,
      roles: [...new Set(body.roles)],
      confidentialityPledgedOn: body.confidentialityPledgedOn ?? null,
      employmentEndedOn: null,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      passwordChangedAt: null,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      myNumberHandler: body.myNumberHandler === true,
      disabledAt: null,
      lastSignInAt: null,
    })
    .execute();
  await work.audit({
    category: 'admin',
    action: 'staff.create',
    outcome: 'success',
    recordKind: 'staff',
    recordIds: [staffId],
    details: { roles: body.roles, employmentKind: body.employmentKind, myNumberHandler: body.myNumberHandler === true },
  });
  return { staff: await loadManaged(ctx, work, staffId), oneTimePassword: password };
}

export async function updateStaff(
  ctx: AppContext,
  work: Work,
  staffId: string,
  body: StaffUpdateBody,
): Promise<StaffItem> {
  const before = await loadManaged(ctx, work, staffId);
  if (body.roles && staffId === work.actor.staffId && !body.roles.includes('system_administrator')) {
    throw invalid('roles', '自分自身のシステム管理者の役割は外せません');
  }
  if (body.officeId !== undefined) await assertOffice(work, before.organizationId, body.officeId);
  assertDesignation(body.roles ?? before.roles, body.myNumberHandler ?? before.myNumberHandler);
  const changes = {
    ...(body.displayName !== undefined ? { displayName: body.displayName.trim() } : {}),
    ...(body.displayNameKana !== undefined ? { displayNameKana: body.displayNameKana.trim() } : {}),
    ...(body.officeId !== undefined ? { officeId: body.officeId } : {}),
    ...(body.employmentKind !== undefined ? { employmentKind: body.employmentKind } : {}),
    ...(body.roles !== undefined ? { roles: [...new Set(body.roles)] as Role[] } : {}),
    ...(body.confidentialityPledgedOn !== undefined ? { confidentialityPledgedOn: body.confidentialityPledgedOn } : {}),
    ...(body.employmentEndedOn !== undefined ? { employmentEndedOn: body.employmentEndedOn } : {}),
    ...(body.myNumberHandler !== undefined ? { myNumberHandler: body.myNumberHandler } : {}),
  };
  await work.operational
    .updateTable('staff')
    .set({ ...changes, updatedAt: sql<Date>`now()` })
    .where('staffId', '=', staffId)
    .execute();
  await work.audit({
    category: 'admin',
    action: 'staff.update',
    outcome: 'success',
    recordKind: 'staff',
    recordIds: [staffId],
    details: {
      changed: Object.keys(changes),
      ...(body.roles ? { roles: body.roles } : {}),
      ...(body.myNumberHandler !== undefined ? { myNumberHandler: body.myNumberHandler } : {}),
    },
  });
  return loadManaged(ctx, work, staffId);
}

export type StaffAction = 'disable' | 'enable' | 'reset_password' | 'reset_mfa' | 'unlock';

export async function actOnStaff(
  ctx: AppContext,
  work: Work,
  staffId: string,
  action: StaffAction,
): Promise<{ staff: StaffItem; oneTimePassword?: string }> {
  const target = await loadManaged(ctx, work, staffId);
  if (staffId === work.actor.staffId && (action === 'disable' || action === 'reset_mfa')) {
    throw new AppError(409, 'self', '自分自身のアカウントにはこの操作はできません');
  }
  const tenantId = work.actor.tenantId;
  const tx = work.operational as unknown as Parameters<typeof endSessionsOf>[0];
  let password: string | undefined;
  switch (action) {
    case 'disable':
      await work.operational
        .updateTable('staff')
        .set({ disabledAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
        .where('staffId', '=', staffId)
        .execute();
      await endSessionsOf(tx, tenantId, staffId, 'disabled');
      break;
    case 'enable':
      await work.operational
        .updateTable('staff')
        .set({ disabledAt: null, updatedAt: sql<Date>`now()` })
        .where('staffId', '=', staffId)
        .execute();
      break;
    case 'reset_password':
      password = oneTimePassword();
      await work.operational
        .updateTable('staff')
        .set({ passwordHash: await hashPassword(password), mustChangePassword: true, updatedAt: sql<Date>`now()` })
        .where('staffId', '=', staffId)
        .execute();
      await endSessionsOf(tx, tenantId, staffId, 'password_changed');
      break;
    case 'reset_mfa':
      await work.operational
        .updateTable('staff')
        .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: sql<Date>`now()` })
        .where('staffId', '=', staffId)
        .execute();
      await endSessionsOf(tx, tenantId, staffId, 'superseded');
      break;
    case 'unlock':
      await work.operational.deleteFrom('signInThrottle').where('loginKey', '=', loginKey(ctx, target.login)).execute();
      break;
  }
  await work.audit({
    category: 'admin',
    action: `staff.${action}`,
    outcome: 'success',
    recordKind: 'staff',
    recordIds: [staffId],
  });
  return { staff: await loadManaged(ctx, work, staffId), ...(password ? { oneTimePassword: password } : {}) };
}

export async function listOrganizations(work: Work) {
  const orgs = await managedOrganizations(work);
  const organizations = await work.operational
    .selectFrom('organizations')
    .select(['organizationId', 'name', 'kind'])
    .where('organizationId', 'in', orgs)
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
  const offices = await work.operational
    .selectFrom('offices')
    .select(['officeId', 'name', 'organizationId'])
    .where('organizationId', 'in', orgs)
    .orderBy('name')
    .execute();
  return organizations.map((o) => ({
    ...o,
    offices: offices
      .filter((f) => f.organizationId === o.organizationId)
      .map(({ officeId, name }) => ({ officeId, name })),
  }));
}

export async function createOffice(work: Work, organizationId: string, name: string) {
  const orgs = await managedOrganizations(work);
  if (!orgs.includes(organizationId)) throw invalid('organizationId', '「組織」は管理できる組織から選んでください');
  const officeId = randomUUID();
  await work.operational
    .insertInto('offices')
    .values({ tenantId: work.actor.tenantId, officeId, organizationId, name: name.trim() })
    .execute();
  await work.audit({
    category: 'admin',
    action: 'office.create',
    outcome: 'success',
    recordKind: 'office',
    recordIds: [officeId],
  });
  return { officeId, name: name.trim() };
}

/** Colleagues' names and roles (no account details), for pickers and the audit viewer's filter. */
export async function staffDirectory(work: Work) {
  const visible = [...new Set([work.actor.organizationId, ...work.actor.supervisedOrganizationIds])];
  const rows = await staffQuery(work)
    .where('s.organizationId', 'in', visible)
    .orderBy('s.displayNameKana')
    .orderBy('s.login')
    .execute();
  return rows.map((r) => ({
    staffId: r.staffId,
    displayName: r.displayName,
    displayNameKana: r.displayNameKana,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    officeId: r.officeId,
    officeName: r.officeName,
    roles: r.roles.filter(isRole),
    disabled: r.disabledAt !== null,
  }));
}
