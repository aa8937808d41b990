// What the choke point knows about each kind of record holding consultees'
// personal data: its table, how to gather the facts the policy needs (organization,
// office, assigned staff, whose data it is), and the SQL form of each scope for
// lists. The SQL forms mirror inScope() in core/policy.ts; a test checks that
// both agree on generated data.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor, RecordKind, Scope, Target } from '../core/policy.js';
import type { Tx } from '../db/database.js';

export interface ResolvedTarget extends Target {
  id: string;
  /** The consultee whose data the record is. */
  subjectId: string;
}

/** The tenant and organizations a statement runs for (row-level security). */
export interface StatementContext {
  tenantId: string;
  organizationIds: readonly string[];
}

export interface RecordKindSpec {
  table: string;
  idColumn: string;
  /**
   * The facts for the policy, by a function that sets the context for its own
   * statement, so it works alone (one round trip) or inside a transaction.
   */
  resolve(db: Tx, ctx: StatementContext, ids: readonly string[]): Promise<Map<string, ResolvedTarget>>;
  /** A WHERE condition on the kind's table (aliased as `r`) that holds exactly for records in the scope. */
  scopeCondition(scope: Scope, actor: Actor): Expression<SqlBool>;
}

/** The facts functions' rows (migrations 0002, 0003) as the policy's targets, by id. */
function targetsOf(
  rows: readonly { id: string; subjectId: string; organizationId: string; officeId: string; assigned: string[] }[],
) {
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        subjectId: r.subjectId,
        organizationId: r.organizationId,
        officeId: r.officeId,
        assignedStaffIds: r.assigned,
      },
    ]),
  );
}

const consultee: RecordKindSpec = {
  table: 'consultees',
  idColumn: 'consultee_id',
  async resolve(db, ctx, ids) {
    const { rows } = await sql<{ id: string; organizationId: string; officeId: string; assigned: string[] }>`
      SELECT * FROM consultee_facts(${ctx.tenantId}::uuid, ${ctx.organizationIds.join(',')}, ${[...ids]}::uuid[])`.execute(
      db,
    );
    return targetsOf(rows.map((r) => ({ ...r, subjectId: r.id })));
  },
  scopeCondition(scope, actor) {
    switch (scope) {
      case 'assigned':
        return sql<SqlBool>`(r.organization_id = ${actor.organizationId} AND EXISTS (
          SELECT 1 FROM cases k JOIN case_workers w ON w.tenant_id = k.tenant_id AND w.case_id = k.case_id
          WHERE k.tenant_id = r.tenant_id AND k.consultee_id = r.consultee_id AND w.staff_id = ${actor.staffId}))`;
      case 'office':
        return actor.officeId === null
          ? sql<SqlBool>`false`
          : sql<SqlBool>`(r.organization_id = ${actor.organizationId} AND r.office_id = ${actor.officeId})`;
      case 'organization':
        return sql<SqlBool>`r.organization_id = ${actor.organizationId}`;
      case 'tenant':
        return sql<SqlBool>`r.organization_id = ANY (${[...actor.supervisedOrganizationIds]}::uuid[])`;
    }
  },
};

const caseKind: RecordKindSpec = {
  table: 'cases',
  idColumn: 'case_id',
  async resolve(db, ctx, ids) {
    const { rows } = await sql<{
      id: string;
      organizationId: string;
      officeId: string;
      assigned: string[];
      subjectId: string;
    }>`SELECT * FROM case_facts(${ctx.tenantId}::uuid, ${ctx.organizationIds.join(',')}, ${[...ids]}::uuid[])`.execute(
      db,
    );
    return targetsOf(rows);
  },
  scopeCondition(scope, actor) {
    switch (scope) {
      case 'assigned':
        return sql<SqlBool>`(r.organization_id = ${actor.organizationId} AND EXISTS (
          SELECT 1 FROM case_workers w WHERE w.tenant_id = r.tenant_id AND w.case_id = r.case_id AND w.staff_id = ${actor.staffId}))`;
      default:
        return consultee.scopeCondition(scope, actor);
    }
  },
};

export const RECORD_KINDS: Readonly<Record<RecordKind, RecordKindSpec>> = { consultee, case: caseKind };
