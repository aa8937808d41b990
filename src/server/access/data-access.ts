// The choke point (ARCHITECTURE rule 1). A request-scoped data-access object is
// the only path to consultees' personal data. For every reach it
//   1. gathers the facts about the target records,
//   2. asks the pure policy function for a decision (role × scope × assignment × purpose),
//   3. filters fields by data class, using the labels of privacy/data-map.ts,
//   4. appends the access event in the same transaction,
// so that if the event cannot be written, the data is not returned. Outside the
// actor's scope the answer is 404, and the refusal itself is recorded.

import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { DATA_MAP } from '../../../privacy/data-map.js';
import type { DataClass } from '../core/data-classes.js';
import {
  decide,
  scopesFor,
  type Action,
  type Actor,
  type RecordKind,
  type Scope,
  type Target,
} from '../core/policy.js';
import { PURPOSE_LABELS, type PurposeCode } from '../core/purposes.js';
import { appendAuditEvents, auditRecordJson, type AuditEvent } from '../audit/append.js';
import { inTenant, type Database, type Tx } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import { RECORD_KINDS, type ResolvedTarget, type StatementContext } from './records.js';
import { camel } from './columns.js';

/** Tables that hold no consultee data: the staff's own accounts, sessions, settings, audit. */
export type OperationalDB = Pick<
  DB,
  | 'tenants'
  | 'organizations'
  | 'offices'
  | 'staff'
  | 'signInThrottle'
  | 'sessions'
  | 'auditEvents'
  | 'purposeCodes'
  | 'purposeVersions'
  | 'relatedAgencies'
  | 'registerEntries'
  | 'registerVersions'
  | 'jointUseDeclarations'
  | 'jointUseVersions'
  | 'tenantPublicProfiles'
  | 'exports'
>;

export interface RequestMeta {
  requestId: string;
  clientIp: string | null;
}

export type GrantedTarget = ResolvedTarget & { basis: Scope; classes: DataClass[] };

export interface Grant {
  /** The transaction with every table reachable; only ever handed out after a decision. */
  tx: Tx;
  targets: ReadonlyMap<string, GrantedTarget>;
}

export interface RecordRead {
  /** The granted columns, camelCased; withheld ones are absent. */
  row: Record<string, unknown>;
  withheld: string[];
  basis: Scope;
}

export type AuditInput = Omit<
  AuditEvent,
  'tenantId' | 'actorStaffId' | 'actorOrganizationId' | 'requestId' | 'clientIp'
>;

export class DataAccess {
  constructor(
    private readonly db: Database,
    readonly actor: Actor,
    readonly purpose: PurposeCode | null,
    private readonly meta: RequestMeta,
  ) {}

  /** The organizations whose consultee rows row-level security lets this actor's transactions see. */
  get visibleOrganizationIds(): string[] {
    return [...new Set([this.actor.organizationId, ...this.actor.supervisedOrganizationIds])];
  }

  get context(): StatementContext & { staffId: string } {
    return { tenantId: this.actor.tenantId, organizationIds: this.visibleOrganizationIds, staffId: this.actor.staffId };
  }

  /**
   * Runs one command in one transaction with the tenant context set. Refusals are
   * recorded even when the command then fails and its transaction rolls back.
   */
  async run<T>(fn: (work: Work) => Promise<T>): Promise<T> {
    const work = { current: undefined as Work | undefined };
    try {
      return await inTenant(this.db, this.context, async (tx) => {
        work.current = new Work(tx, this);
        return fn(work.current);
      });
    } catch (error) {
      const refusals = work.current?.refusals ?? [];
      if (refusals.length > 0) {
        await inTenant(this.db, this.context, (tx) => appendAuditEvents(tx, refusals));
      }
      throw error;
    }
  }

  /**
   * Reads one record outside any transaction of the caller's: two round trips
   * (the facts, then the event and the granted columns in one statement), which
   * is what most screens do on opening a record.
   */
  async read(kind: RecordKind, id: string): Promise<RecordRead> {
    const targets = await decideAll(this, this.db, kind, 'read', [id], undefined, (event) =>
      appendNow(this, this.db, event),
    );
    return readGranted(this, this.db, kind, targets.get(id) as GrantedTarget);
  }

  purposeOrFail(): PurposeCode {
    if (!this.purpose) throw new AppError(500, 'no_purpose', 'このルートは利用目的を宣言していません');
    // PUR-1: the declared purpose must be one the tenant has set and has in force.
    if (!this.actor.purposes.includes(this.purpose)) {
      throw new AppError(
        403,
        'purpose_not_in_force',
        `この操作の利用目的（${PURPOSE_LABELS[this.purpose]}）が定められていないため、個人情報を扱えません。個人情報保護管理者に確認してください`,
      );
    }
    return this.purpose;
  }

  event(input: AuditInput): AuditEvent {
    return {
      ...input,
      tenantId: this.actor.tenantId,
      actorStaffId: this.actor.staffId,
      actorOrganizationId: this.actor.organizationId,
      requestId: this.meta.requestId,
      clientIp: this.meta.clientIp,
    };
  }
}

export class Work {
  readonly refusals: AuditEvent[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly access: DataAccess,
  ) {}

  get actor(): Actor {
    return this.access.actor;
  }

  /** The purpose the route declared. */
  get purpose(): PurposeCode {
    return this.access.purposeOrFail();
  }

  /** Tables without consultee data. Consultee tables are reached only through authorize(). */
  get operational(): Kysely<OperationalDB> {
    return this.tx as unknown as Kysely<OperationalDB>;
  }

  async audit(input: AuditInput): Promise<void> {
    await appendAuditEvents(this.tx, [this.access.event(input)]);
  }

  /** The acting staff member's name, for the files and documents that say who made them. */
  async actorName(): Promise<string> {
    const me = await this.operational
      .selectFrom('staff')
      .select('displayName')
      .where('staffId', '=', this.actor.staffId)
      .executeTakeFirstOrThrow();
    return me.displayName;
  }

  /**
   * Decides access to existing records. Every id must be allowed, else the whole
   * request is refused with 404 and the refusal recorded. On success the access
   * event is appended before any data is read.
   */
  async authorize(
    kind: RecordKind,
    action: Exclude<Action, 'create'>,
    ids: readonly string[],
    requested?: readonly DataClass[],
  ): Promise<Grant> {
    const targets = await decideAll(this.access, this.tx, kind, action, ids, requested, (e) => this.refuse(e));
    await appendAuditEvents(this.tx, [grantEvent(this.access, kind, action, [...targets.values()], requested)]);
    return { tx: this.tx, targets };
  }

  /**
   * Decides whether a new record may be created where `target` says (its
   * organization, office and the staff who will be assigned). A refusal is recorded
   * and answered with 403. The creation is recorded with `created` once the new
   * record's id is known, in the same transaction.
   */
  async authorizeNew(
    kind: RecordKind,
    target: Target,
    classes: readonly DataClass[],
  ): Promise<{ tx: Tx; created: (id: string, subjectId: string) => Promise<void> }> {
    const purpose = this.access.purposeOrFail();
    const decision = decide(this.actor, kind, 'create', purpose, target, classes);
    if (!decision.allow) {
      await this.refuse(
        this.access.event({
          category: 'access',
          action: `${kind}.create`,
          outcome: 'denied',
          recordKind: kind,
          recordOrganizationId: target.organizationId,
          dataClasses: classes.filter((c) => c !== 'not_personal'),
          purpose,
          details: { reason: decision.reason },
        }),
      );
      throw new AppError(403, 'forbidden', 'この窓口で登録する権限がありません');
    }
    return {
      tx: this.tx,
      created: (id, subjectId) =>
        this.audit({
          category: 'access',
          action: `${kind}.create`,
          outcome: 'success',
          recordKind: kind,
          recordIds: [id],
          subjectIds: [subjectId],
          recordOrganizationId: target.organizationId,
          dataClasses: classes.filter((c) => c !== 'not_personal'),
          purpose,
          scopeBasis: decision.basis,
        }),
    };
  }

  /** Reads one record within this command's transaction (see DataAccess.read for a read on its own). */
  async read(kind: RecordKind, id: string): Promise<RecordRead> {
    const targets = await decideAll(this.access, this.tx, kind, 'read', [id], undefined, (e) => this.refuse(e));
    return readGranted(this.access, this.tx, kind, targets.get(id) as GrantedTarget);
  }

  /**
   * Refuses the command by a rule of its own (a provision the rules do not allow,
   * say), recording the refusal so that it outlives the rollback, then throws.
   */
  async refuseBecause(input: AuditInput, error: AppError): Promise<never> {
    await this.refuse(this.access.event({ ...input, outcome: 'denied' }));
    throw error;
  }

  /** A refusal inside the transaction, kept for re-recording if the transaction rolls back. */
  private async refuse(event: AuditEvent): Promise<void> {
    this.refusals.push(event);
    await appendAuditEvents(this.tx, [event]);
  }

  /**
   * Lists records of a kind within the actor's reach for the declared purpose.
   * The caller's query receives the scope as SQL (a condition on the kind's table
   * aliased `r`, derived from the same rules as decide()) and an expression telling
   * whether the actor is assigned to each row; it must select `id` and `assigned`,
   * and `subjectId` when the record is not the consultee itself.
   * What the list returned is recorded, with the widest basis used, so that a list
   * including records the actor is not assigned to stands out like a single read.
   */
  async list<T extends { id: string; assigned: boolean; subjectId?: string }>(
    kind: RecordKind,
    classes: readonly DataClass[],
    query: (scope: { tx: Tx; where: Expression<SqlBool>; assigned: Expression<SqlBool> }) => Promise<T[]>,
    details: Record<string, unknown> = {},
  ): Promise<T[]> {
    const purpose = this.access.purposeOrFail();
    const scopes = scopesFor(this.actor.roles, kind, 'read', purpose);
    if (scopes.length === 0) return [];
    const spec = RECORD_KINDS[kind];
    const where = sql<SqlBool>`(${sql.join(
      scopes.map((s) => spec.scopeCondition(s, this.actor)),
      sql` OR `,
    )})`;
    const rows = await query({ tx: this.tx, where, assigned: spec.scopeCondition('assigned', this.actor) });
    if (rows.length > 0) {
      const wider = scopes.filter((s) => s !== 'assigned');
      const basis: Scope = rows.every((r) => r.assigned) ? 'assigned' : (wider[0] ?? 'assigned');
      await this.audit({
        category: 'access',
        action: `${kind}.list`,
        outcome: 'success',
        recordKind: kind,
        recordIds: rows.map((r) => r.id),
        subjectIds: [...new Set(rows.map((r) => r.subjectId ?? r.id))],
        dataClasses: classes.filter((c) => c !== 'not_personal'),
        purpose,
        scopeBasis: basis,
        details,
      });
    }
    return rows;
  }
}

/** Appends one event by its own statement (durable once it returns, in or out of a transaction). */
async function appendNow(access: DataAccess, db: Tx, event: AuditEvent): Promise<void> {
  await sql`SELECT audit_append(${access.actor.tenantId}::uuid, ${access.visibleOrganizationIds.join(',')}, ${auditRecordJson(event)}::jsonb)`.execute(
    db,
  );
}

/**
 * The facts about the records, and the policy's decision on each. Every id must
 * be allowed, else the refusal is recorded (through `refuse`) and the answer is 404.
 */
async function decideAll(
  access: DataAccess,
  db: Tx,
  kind: RecordKind,
  action: Exclude<Action, 'create'>,
  ids: readonly string[],
  requested: readonly DataClass[] | undefined,
  refuse: (event: AuditEvent) => Promise<void>,
): Promise<Map<string, GrantedTarget>> {
  const purpose = access.purposeOrFail();
  const unique = [...new Set(ids)];
  const resolved = await RECORD_KINDS[kind].resolve(db, access.context, unique);
  const targets = new Map<string, GrantedTarget>();
  for (const id of unique) {
    const target = resolved.get(id);
    const decision = target
      ? decide(access.actor, kind, action, purpose, target, requested)
      : ({ allow: false, reason: 'not_found' } as const);
    if (!decision.allow || !target) {
      // Only ids of records that exist in the tenant are named, so a probe for
      // random ids leaves no false trail; the count of probed ids is kept.
      const existing = unique.filter((x) => resolved.has(x));
      await refuse(
        access.event({
          category: 'access',
          action: `${kind}.${action}`,
          outcome: 'denied',
          recordKind: kind,
          recordIds: existing,
          subjectIds: existing.map((x) => resolved.get(x)?.subjectId as string),
          purpose,
          details: { reason: decision.allow ? 'not_found' : decision.reason, requested: unique.length },
        }),
      );
      throw notFound();
    }
    targets.set(id, { ...target, basis: decision.basis, classes: decision.classes });
  }
  return targets;
}

/**
 * The granted columns of one record, with its access event written by the same
 * statement: the row cannot come back without its event. audit_append runs first
 * and sets the tenant for the statement; the row is read in a LATERAL subquery
 * that depends on it (OFFSET 0 keeps the planner from flattening it), so
 * row-level security sees the tenant. Withheld columns are named, so a screen
 * can say so. A prepared statement per column set: no planning per read.
 */
async function readGranted(access: DataAccess, db: Tx, kind: RecordKind, target: GrantedTarget): Promise<RecordRead> {
  const spec = RECORD_KINDS[kind];
  const allowed = new Set<DataClass>(['not_personal', ...target.classes]);
  const columns = Object.entries(DATA_MAP[spec.table] ?? {});
  const selected = columns.filter(([, label]) => allowed.has(label.class)).map(([c]) => c);
  const withheld = columns.filter(([, label]) => !allowed.has(label.class)).map(([c]) => camel(c));
  const event = auditRecordJson(grantEvent(access, kind, 'read', [target], undefined));
  const { rows } = await sql<Record<string, unknown>>`
    SELECT r.* FROM (SELECT audit_append(${access.actor.tenantId}::uuid, ${access.visibleOrganizationIds.join(',')}, ${event}::jsonb)) AS recorded(done)
    CROSS JOIN LATERAL (
      SELECT ${sql.join(selected.map((c) => sql.ref(`t.${c}`)))}
      FROM ${sql.table(spec.table)} t
      WHERE t.${sql.ref(spec.idColumn)} = ${target.id}::uuid AND recorded.done
      OFFSET 0) r`.execute(db);
  // Gone between the decision and the read: the event stays, which is right: it was reached for.
  if (!rows[0]) throw notFound();
  return { row: rows[0], withheld, basis: target.basis };
}

function grantEvent(
  access: DataAccess,
  kind: RecordKind,
  action: Action,
  targets: readonly GrantedTarget[],
  requested: readonly DataClass[] | undefined,
): AuditEvent {
  const classes = new Set<DataClass>();
  for (const t of targets) for (const c of requested ?? t.classes) classes.add(c);
  const organizations = new Set(targets.map((t) => t.organizationId));
  // The widest basis used: 'office' or wider means the actor is not assigned to every record.
  const bases: Scope[] = ['tenant', 'organization', 'office', 'assigned'];
  const basis = bases.find((b) => targets.some((t) => t.basis === b)) ?? null;
  return access.event({
    category: 'access',
    action: `${kind}.${action}`,
    outcome: 'success',
    recordKind: kind,
    recordIds: targets.map((t) => t.id),
    subjectIds: [...new Set(targets.map((t) => t.subjectId))],
    recordOrganizationId: organizations.size === 1 ? [...organizations][0] : null,
    dataClasses: [...classes].filter((c) => c !== 'not_personal').sort(),
    purpose: access.purposeOrFail(),
    scopeBasis: basis,
  });
}
