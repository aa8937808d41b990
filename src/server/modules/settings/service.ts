// Sign-in and session settings of the tenant (SEC-4).

import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import { SESSION_TIMEOUT_BOUNDS } from '../../core/sign-in.js';
import { Type, type Static } from 'typebox';

export const Settings = Type.Object(
  {
    mfaRequiredForAll: Type.Boolean({ title: '全職員に二段階認証を求める' }),
    sessionIdleMinutes: Type.Integer({
      title: '無操作で自動ログアウトするまでの時間(分)',
      minimum: SESSION_TIMEOUT_BOUNDS.idleMinutes.min,
      maximum: SESSION_TIMEOUT_BOUNDS.idleMinutes.max,
    }),
    sessionAbsoluteHours: Type.Integer({
      title: 'ログインの有効時間(時間)',
      minimum: SESSION_TIMEOUT_BOUNDS.absoluteHours.min,
      maximum: SESSION_TIMEOUT_BOUNDS.absoluteHours.max,
    }),
  },
  { additionalProperties: false },
);
export type Settings = Static<typeof Settings>;

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
