// The register of operations handling personal information (個人情報ファイル簿 /
// 個人情報取扱業務概要説明書, PUR-5, RET-4). Tenant-wide data about the agency's
// operations, not about anyone: read with 'privacy.reference', kept by the privacy
// protection manager. An entry changes only by a new version (start, change,
// abolition), so the register's history is its versions; the app role may only
// insert. What is listed on a date, and which changes may be made, is decided by
// core/register.ts.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OperationalDB, Work } from '../../access/data-access.js';
import {
  checkRegisterChange,
  registerStandingOn,
  type RegisterChangeKind,
  type RegisterStanding,
} from '../../core/register.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { tokyoDate } from '../../../shared/wareki.js';
import { listPurposes } from '../purposes/service.js';
import type {
  RegisterAbolishBody,
  RegisterChangeBody,
  RegisterEntryDetail,
  RegisterEntryItem,
  RegisterStartBody,
  RegisterVersionItem,
} from './schema.js';

export const today = (): string => tokyoDate(new Date());

interface VersionRow {
  entryId: string;
  version: number;
  changeKind: RegisterChangeKind;
  effectiveOn: string;
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
  keepUntil: string | null;
  changeReason: string | null;
  recordedBy: string;
  recordedByName: string | null;
  recordedAt: Date;
}

export interface LoadedEntry {
  entryId: string;
  code: string;
  versions: VersionRow[];
}

/** The entries with their versions; also read by the public page, outside any session. */
export async function loadRegister(db: Kysely<OperationalDB>, entryId?: string): Promise<LoadedEntry[]> {
  let entries = db.selectFrom('registerEntries').select(['entryId', 'code', 'createdAt']);
  let versions = db
    .selectFrom('registerVersions as v')
    .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'v.tenantId').onRef('s.staffId', '=', 'v.recordedBy'))
    .select([
      'v.entryId',
      'v.version',
      'v.changeKind',
      'v.effectiveOn',
      'v.name',
      'v.section',
      'v.items',
      'v.purposeCodes',
      'v.purposesNote',
      'v.methods',
      'v.sources',
      'v.recipients',
      'v.media',
      'v.retention',
      'v.retentionYears',
      'v.recordCount',
      'v.published',
      'v.keepUntil',
      'v.changeReason',
      'v.recordedBy',
      's.displayName as recordedByName',
      'v.recordedAt',
    ]);
  if (entryId !== undefined) {
    entries = entries.where('entryId', '=', entryId);
    versions = versions.where('v.entryId', '=', entryId);
  }
  const entryRows = await entries.orderBy('code').orderBy('createdAt').execute();
  const versionRows = await versions.orderBy('v.entryId').orderBy('v.version').execute();
  const byEntry = new Map<string, VersionRow[]>();
  for (const v of versionRows) {
    const list = byEntry.get(v.entryId) ?? [];
    list.push(v);
    byEntry.set(v.entryId, list);
  }
  return entryRows
    .map((e) => ({ entryId: e.entryId, code: e.code, versions: byEntry.get(e.entryId) ?? [] }))
    .filter((e) => e.versions.length > 0);
}

/** The purposes' wording in force today, by code, to show beside the codes a version names. */
async function purposeWordings(work: Work): Promise<Map<string, string>> {
  const purposes = await listPurposes(work);
  return new Map(purposes.map((p) => [p.purposeCode, p.wording ?? p.history.at(-1)?.wording ?? p.purposeCode]));
}

function toVersion(v: VersionRow, standing: RegisterStanding, wordings: Map<string, string>): RegisterVersionItem {
  const status =
    v.version === standing.current ? 'current' : standing.scheduled.includes(v.version) ? 'scheduled' : 'superseded';
  return {
    version: v.version,
    changeKind: v.changeKind,
    effectiveOn: v.effectiveOn,
    status,
    name: v.name,
    section: v.section,
    items: v.items,
    purposeCodes: v.purposeCodes,
    purposes: v.purposeCodes.map((c) => wordings.get(c) ?? c),
    purposesNote: v.purposesNote,
    methods: v.methods,
    sources: v.sources,
    recipients: v.recipients,
    media: v.media,
    retention: v.retention,
    retentionYears: v.retentionYears,
    recordCount: v.recordCount,
    published: v.published,
    keepUntil: v.keepUntil,
    changeReason: v.changeReason,
    recordedBy: { staffId: v.recordedBy, displayName: v.recordedByName ?? '' },
    recordedAt: v.recordedAt.toISOString(),
  };
}

export function toDetail(entry: LoadedEntry, on: string, wordings: Map<string, string>): RegisterEntryDetail {
  const standing = registerStandingOn(entry.versions, on);
  const history = entry.versions.map((v) => toVersion(v, standing, wordings));
  const current = history.find((v) => v.version === standing.current) ?? (history[0] as RegisterVersionItem);
  return {
    entryId: entry.entryId,
    code: entry.code,
    state: standing.state,
    listed: standing.listed,
    startedOn: (entry.versions[0] as VersionRow).effectiveOn,
    abolishedOn: standing.abolishedOn,
    keepUntil: standing.keepUntil,
    current,
    scheduled: history.filter((v) => v.status === 'scheduled' && v.version !== current.version),
    versionCount: history.length,
    history,
  };
}

function toItem(detail: RegisterEntryDetail): RegisterEntryItem {
  const { history: _history, ...item } = detail;
  return item;
}

/**
 * The register on a date (PUR-5): each entry's version in force, with any change
 * recorded for later. An abolished entry is listed until its data's retention ends,
 * then only in the history (RET-4), which `includeExpired` adds.
 */
export async function listRegister(
  work: Work,
  options: { on?: string | undefined; includeExpired?: boolean | undefined } = {},
): Promise<{ on: string; items: RegisterEntryItem[] }> {
  const on = options.on ?? today();
  const wordings = await purposeWordings(work);
  const items = (await loadRegister(work.operational))
    .map((e) => toDetail(e, on, wordings))
    .filter((e) => e.listed || options.includeExpired === true)
    .map(toItem);
  return { on, items };
}

/** The entries as the printed register shows them, with their whole history. */
export async function registerForPrint(
  work: Work,
  on: string,
  includeUnpublished: boolean,
): Promise<RegisterEntryDetail[]> {
  const wordings = await purposeWordings(work);
  return (await loadRegister(work.operational))
    .map((e) => toDetail(e, on, wordings))
    .filter((e) => e.listed && (includeUnpublished || e.current.published));
}

/** One entry with its whole history, whatever its state. */
export async function registerEntry(work: Work, entryId: string, on = today()): Promise<RegisterEntryDetail> {
  const [entry] = await loadRegister(work.operational, entryId);
  if (!entry) throw notFound('指定された業務は登録簿に見つかりません');
  return toDetail(entry, on, await purposeWordings(work));
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

type EntryFields = Omit<RegisterChangeBody, 'effectiveOn' | 'changeReason'>;

function fieldsOf(body: EntryFields) {
  return {
    name: body.name.trim(),
    section: body.section.trim(),
    items: body.items.trim(),
    purposeCodes: body.purposeCodes,
    purposesNote: text(body.purposesNote),
    methods: body.methods.trim(),
    sources: body.sources.trim(),
    recipients: body.recipients.trim(),
    media: body.media.trim(),
    retention: body.retention.trim(),
    retentionYears: body.retentionYears,
    recordCount: text(body.recordCount),
    published: body.published,
  };
}

/** The purposes a version names must be the tenant's own (PUR-1). */
async function assertPurposes(work: Work, codes: readonly string[]): Promise<void> {
  const known = await work.operational
    .selectFrom('purposeCodes')
    .select('purposeCode')
    .where('purposeCode', 'in', [...codes])
    .execute();
  const found = new Set(known.map((k) => k.purposeCode));
  const unknown = codes.findIndex((c) => !found.has(c));
  if (unknown !== -1) {
    throw invalid(`purposeCodes.${unknown}`, '「利用目的」は、定められた利用目的の中から選んでください');
  }
}

/** The next free number (001, 002, …) when the manager gives none. */
async function nextCode(work: Work): Promise<string> {
  const rows = await work.operational.selectFrom('registerEntries').select('code').execute();
  const taken = new Set(rows.map((r) => r.code));
  let n = rows.reduce((max, r) => (/^\d+$/.test(r.code) ? Math.max(max, Number(r.code)) : max), 0) + 1;
  while (taken.has(String(n).padStart(3, '0'))) n++;
  return String(n).padStart(3, '0');
}

/** PUR-5: the start of an operation, as the first version of a new entry. */
export async function startEntry(work: Work, body: RegisterStartBody): Promise<RegisterEntryDetail> {
  const values = fieldsOf(body);
  await assertPurposes(work, values.purposeCodes);
  const code = body.code?.trim() || (await nextCode(work));
  const clash = await work.operational
    .selectFrom('registerEntries')
    .select('entryId')
    .where('code', '=', code)
    .executeTakeFirst();
  if (clash) throw conflict(`登録番号「${code}」は既に使われています（廃止した業務を含む）`, 'code');
  const entryId = randomUUID();
  await work.operational
    .insertInto('registerEntries')
    .values({ tenantId: work.actor.tenantId, entryId, code })
    .execute();
  await work.operational
    .insertInto('registerVersions')
    .values({
      tenantId: work.actor.tenantId,
      entryId,
      version: 1,
      changeKind: 'start',
      effectiveOn: body.effectiveOn,
      ...values,
      keepUntil: null,
      changeReason: null,
      recordedBy: work.actor.staffId,
    })
    .execute();
  await work.audit({
    category: 'admin',
    action: 'register.start',
    outcome: 'success',
    recordKind: 'register_entry',
    recordIds: [entryId],
    details: { code, version: 1, effectiveOn: body.effectiveOn },
  });
  return registerEntry(work, entryId);
}

/**
 * A change or an abolition as the next version. An abolished entry is closed: the
 * refusal is recorded (it outlives the rollback), since it tried to rewrite what
 * was published about an operation that no longer runs.
 */
async function nextVersion(
  work: Work,
  entryId: string,
  kind: 'change' | 'abolition',
  effectiveOn: string,
  changeReason: string,
  fields: (latest: VersionRow) => ReturnType<typeof fieldsOf>,
): Promise<RegisterEntryDetail> {
  const [entry] = await loadRegister(work.operational, entryId);
  if (!entry) throw notFound('指定された業務は登録簿に見つかりません');
  const latest = entry.versions.at(-1) as VersionRow;
  const values = fields(latest);
  const check = checkRegisterChange(entry.versions, { kind, effectiveOn, retentionYears: values.retentionYears });
  const action = kind === 'abolition' ? 'register.abolish' : 'register.change';
  if (!check.ok) {
    if (check.code === 'abolished') {
      await work.refuseBecause(
        {
          category: 'admin',
          action,
          outcome: 'denied',
          recordKind: 'register_entry',
          recordIds: [entryId],
          details: { reason: check.code },
        },
        conflict(check.message, check.field),
      );
    }
    throw invalid(check.field, check.message);
  }
  const changed =
    kind === 'change'
      ? (Object.keys(values) as (keyof typeof values)[]).filter(
          (k) => JSON.stringify(values[k]) !== JSON.stringify(latest[k]),
        )
      : [];
  if (kind === 'change' && changed.length === 0) {
    throw new AppError(400, 'invalid', '変更前と内容が同じです。変更する項目を確認してください');
  }
  const version = latest.version + 1;
  await work.operational
    .insertInto('registerVersions')
    .values({
      tenantId: work.actor.tenantId,
      entryId,
      version,
      changeKind: kind,
      effectiveOn,
      ...values,
      keepUntil: check.keepUntil,
      changeReason: changeReason.trim(),
      recordedBy: work.actor.staffId,
    })
    .execute();
  await work.audit({
    category: 'admin',
    action,
    outcome: 'success',
    recordKind: 'register_entry',
    recordIds: [entryId],
    details: {
      code: entry.code,
      version,
      effectiveOn,
      ...(kind === 'change' ? { changed } : { keepUntil: check.keepUntil }),
    },
  });
  return registerEntry(work, entryId);
}

/** PUR-5: a change of an operation, with its reason; what it changed stays readable in the history. */
export async function changeEntry(work: Work, entryId: string, body: RegisterChangeBody): Promise<RegisterEntryDetail> {
  const values = fieldsOf(body);
  await assertPurposes(work, values.purposeCodes);
  return nextVersion(work, entryId, 'change', body.effectiveOn, body.changeReason, () => values);
}

/**
 * PUR-5, RET-4: the abolition of an operation. The entry keeps what it said and
 * stays listed until its data's retention ends (abolition day + retention years).
 */
export async function abolishEntry(
  work: Work,
  entryId: string,
  body: RegisterAbolishBody,
): Promise<RegisterEntryDetail> {
  return nextVersion(work, entryId, 'abolition', body.effectiveOn, body.changeReason, (latest) => ({
    name: latest.name,
    section: latest.section,
    items: latest.items,
    purposeCodes: latest.purposeCodes,
    purposesNote: latest.purposesNote,
    methods: latest.methods,
    sources: latest.sources,
    recipients: latest.recipients,
    media: latest.media,
    retention: latest.retention,
    retentionYears: latest.retentionYears,
    recordCount: latest.recordCount,
    published: latest.published,
  }));
}
