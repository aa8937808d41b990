// Sign-in and session settings of the tenant (SEC-4).

import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import type { Settings } from './schema.js';

export async function readSettings(work: Work): Promise<Settings> {
  return work.operational
    .selectFrom('tenants')
    .select(['mfaRequiredForAll', 'sessionIdleMinutes', 'sessionAbsoluteHours'])
    .executeTakeFirstOrThrow();
}

export async function updateSettings(work: Work, next: Settings): Promise<Settings> {
  const before = await readSettings(work);
  await work.operational
    .updateTable('tenants')
    .set({ ...next, updatedAt: sql<Date>`now()` })
    .where('tenantId', '=', work.actor.tenantId)
    .execute();
  await work.audit({
    category: 'admin',
    action: 'settings.update',
    outcome: 'success',
    recordKind: 'tenant',
    recordIds: [work.actor.tenantId],
    details: { before, after: next },
  });
  return readSettings(work);
}
