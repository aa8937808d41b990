// 関係機関・関係者 (CON-4): the tenant's maintained list of the agencies and persons
// a consultee's data may go to with consent. Consents and provision records name
// its entries, so an entry is never deleted: it is retired, and stays readable.

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import { conflict, notFound } from '../../http/errors.js';
import { formatWareki, tokyoDate } from '../../../shared/wareki.js';
import type { AgencyBody, AgencyItem } from './schema.js';

const today = (): string => tokyoDate(new Date());

const COLUMNS = [
  'agencyId',
  'name',
  'kind',
  'administrative',
  'contractor',
  'address',
  'representative',
  'phone',
  'note',
  'sortOrder',
  'retiredOn',
  'createdAt',
  'updatedAt',
] as const;

type AgencyRow = {
  agencyId: string;
  name: string;
  kind: string;
  administrative: boolean;
  contractor: boolean;
  address: string | null;
  representative: string | null;
  phone: string | null;
  note: string | null;
  sortOrder: number;
  retiredOn: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function toItem(r: AgencyRow, on: string): AgencyItem {
  return {
    ...r,
    kind: r.kind as AgencyItem['kind'],
    retired: r.retiredOn !== null && r.retiredOn <= on,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listAgencies(work: Work, includeRetired = false): Promise<AgencyItem[]> {
  const on = today();
  let query = work.operational.selectFrom('relatedAgencies').select(COLUMNS);
  if (!includeRetired) query = query.where((eb) => eb.or([eb('retiredOn', 'is', null), eb('retiredOn', '>', on)]));
  const rows = await query.orderBy('sortOrder').orderBy('name').execute();
  return rows.map((r) => toItem(r, on));
}

async function loadAgency(work: Work, agencyId: string): Promise<AgencyRow> {
  const row = await work.operational
    .selectFrom('relatedAgencies')
    .select(COLUMNS)
    .where('agencyId', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw notFound('指定された関係機関は見つかりません');
  return row;
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function fields(body: AgencyBody) {
  return {
    name: body.name.trim(),
    kind: body.kind,
    administrative: body.administrative,
    contractor: body.contractor ?? false,
    address: text(body.address),
    representative: text(body.representative),
    phone: text(body.phone),
    note: text(body.note),
  };
}

async function assertNameFree(work: Work, name: string, except?: string): Promise<void> {
  let query = work.operational.selectFrom('relatedAgencies').select('agencyId').where('name', '=', name);
  if (except) query = query.where('agencyId', '<>', except);
  if (await query.executeTakeFirst()) {
    throw conflict('同じ名称の関係機関が既に登録されています（廃止したものを含む）', 'name');
  }
}

export async function createAgency(work: Work, body: AgencyBody): Promise<AgencyItem> {
  const values = fields(body);
  await assertNameFree(work, values.name);
  let sortOrder = body.sortOrder;
  if (sortOrder === undefined) {
    const last = await work.operational
      .selectFrom('relatedAgencies')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .executeTakeFirst();
    sortOrder = Math.min((last?.max ?? 0) + 10, 1_000_000);
  }
  const agencyId = randomUUID();
  await work.operational
    .insertInto('relatedAgencies')
    .values({ tenantId: work.actor.tenantId, agencyId, ...values, sortOrder, retiredOn: null })
    .execute();
  await work.audit({
    category: 'admin',
    action: 'agency.create',
    outcome: 'success',
    recordKind: 'related_agency',
    recordIds: [agencyId],
    details: { kind: values.kind, administrative: values.administrative, contractor: values.contractor },
  });
  return toItem(await loadAgency(work, agencyId), today());
}

export async function updateAgency(work: Work, agencyId: string, body: AgencyBody): Promise<AgencyItem> {
  const before = await loadAgency(work, agencyId);
  const values = { ...fields(body), sortOrder: body.sortOrder ?? before.sortOrder };
  if (values.name !== before.name) await assertNameFree(work, values.name, agencyId);
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== before[k]);
  if (changed.length > 0) {
    await work.operational
      .updateTable('relatedAgencies')
      .set({ ...values, updatedAt: sql<Date>`now()` })
      .where('agencyId', '=', agencyId)
      .execute();
    await work.audit({
      category: 'admin',
      action: 'agency.update',
      outcome: 'success',
      recordKind: 'related_agency',
      recordIds: [agencyId],
      details: { changed },
    });
  }
  return toItem(await loadAgency(work, agencyId), today());
}

/** An agency is retired, never deleted: consents and provision records name it. */
export async function retireAgency(work: Work, agencyId: string, retiredOn: string): Promise<AgencyItem> {
  const before = await loadAgency(work, agencyId);
  if (before.retiredOn !== null) {
    throw conflict(`この関係機関は既に廃止されています（廃止日: ${formatWareki(before.retiredOn)}）`, 'retiredOn');
  }
  await work.operational
    .updateTable('relatedAgencies')
    .set({ retiredOn, updatedAt: sql<Date>`now()` })
    .where('agencyId', '=', agencyId)
    .execute();
  await work.audit({
    category: 'admin',
    action: 'agency.retire',
    outcome: 'success',
    recordKind: 'related_agency',
    recordIds: [agencyId],
    details: { retiredOn },
  });
  return toItem(await loadAgency(work, agencyId), today());
}
