// Appending to the audit trail. The row is chained by the database trigger; the
// caller supplies only what happened. No personal data in plaintext: records and
// persons are named by id (ARCHITECTURE rule 6).

import type { Kysely } from 'kysely';
import type { DataClass } from '../core/data-classes.js';
import type { Scope } from '../core/policy.js';
import type { DB } from '../db/schema.js';

export interface AuditEvent {
  tenantId: string;
  category: 'access' | 'auth' | 'admin';
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  actorStaffId?: string | null;
  actorOrganizationId?: string | null;
  recordOrganizationId?: string | null;
  recordKind?: string | null;
  recordIds?: readonly string[];
  subjectIds?: readonly string[];
  dataClasses?: readonly DataClass[];
  purpose?: string | null;
  scopeBasis?: Scope | null;
  requestId?: string | null;
  clientIp?: string | null;
  /** Reason codes, names of changed fields and the like; never values of personal data. */
  details?: Record<string, unknown>;
}

/** The row to insert for an event; the trigger adds sequence, time and hashes. */
export function auditRow(e: AuditEvent) {
  return {
    tenantId: e.tenantId,
    category: e.category,
    action: e.action,
    outcome: e.outcome,
    actorStaffId: e.actorStaffId ?? null,
    actorOrganizationId: e.actorOrganizationId ?? null,
    recordOrganizationId: e.recordOrganizationId ?? null,
    recordKind: e.recordKind ?? null,
    recordIds: [...(e.recordIds ?? [])],
    subjectIds: [...(e.subjectIds ?? [])],
    dataClasses: [...(e.dataClasses ?? [])],
    purpose: e.purpose ?? null,
    scopeBasis: e.scopeBasis ?? null,
    requestId: e.requestId ?? null,
    clientIp: e.clientIp ?? null,
    details: JSON.stringify(e.details ?? {}),
  };
}

export async function appendAuditEvents(tx: Kysely<DB>, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insertInto('auditEvents').values(events.map(auditRow)).execute();
}

/** The event as an audit_events row in JSON (snake_case), for the SQL functions of migration 0002. */
export function auditRecordJson(e: AuditEvent): string {
  const row = auditRow(e);
  return JSON.stringify({
    tenant_id: row.tenantId,
    category: row.category,
    action: row.action,
    outcome: row.outcome,
    actor_staff_id: row.actorStaffId,
    actor_organization_id: row.actorOrganizationId,
    record_organization_id: row.recordOrganizationId,
    record_kind: row.recordKind,
    record_ids: row.recordIds,
    subject_ids: row.subjectIds,
    data_classes: row.dataClasses,
    purpose: row.purpose,
    scope_basis: row.scopeBasis,
    request_id: row.requestId,
    client_ip: row.clientIp,
    details: e.details ?? {},
  });
}
