// Consultees (BIZ-6): registration with the first case, search, the record with
// household and profile, and changes to them, all through the choke point. Items
// of special-care data follow the rules of acquisition (ACQ-1..3).

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import { classesOfWrite, filterChanges, selectGranted } from '../../access/columns.js';
import { acquisitionBasis } from '../../core/consent.js';
import { kanaKey, nameKey, digitsKey, isKana, prefixRange } from '../../core/search-key.js';
import { ROLES_WORKING_CASES } from '../../core/policy.js';
import type { DataClass } from '../../core/data-classes.js';
import { profileItem } from '../../../shared/catalog.js';
import { parseJapaneseDate, tokyoDate } from '../../../shared/wareki.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import type { Tx } from '../../db/database.js';
import { loadConsents, loadApprovals, recordConsent, storeDocument } from './consents.js';
import type { BasicUpdateBody, HouseholdMemberBody, ProfileItemBody, RegisterBody, SearchQuery } from './schema.js';

export const today = (): string => tokyoDate(new Date());

/** The search keys of a consultee's names and phones, kept with the record (BIZ-6). */
function searchKeys(v: {
  familyName?: string | null;
  givenName?: string | null;
  familyNameKana?: string | null;
  givenNameKana?: string | null;
  phone?: string | null;
  phoneMobile?: string | null;
}) {
  return {
    nameKey: nameKey(`${v.familyName ?? ''}${v.givenName ?? ''}`),
    kanaKey: kanaKey(`${v.familyNameKana ?? ''}${v.givenNameKana ?? ''}`),
    phoneKey: [v.phone, v.phoneMobile]
      .filter(Boolean)
      .map((p) => digitsKey(p as string))
      .join(' '),
  };
}

function basicValues(body: Partial<RegisterBody>) {
  return {
    familyName: body.familyName?.trim(),
    givenName: body.givenName?.trim(),
    familyNameKana: body.familyNameKana?.normalize('NFKC').trim(),
    givenNameKana: body.givenNameKana?.normalize('NFKC').trim(),
    sex: body.sex,
    sexNote: body.sexNote,
    birthDate: body.birthDate,
    postalCode: body.postalCode,
    address: body.address,
    phone: body.phone,
    phoneMobile: body.phoneMobile,
    email: body.email,
    basicSource: body.basicSource,
    basicSourceDetail: body.basicSourceDetail,
  };
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The staff who may lead a case: a worker of the same organization and office. */
async function assertLead(work: Work, staffId: string, organizationId: string, officeId: string): Promise<void> {
  const staff = await work.operational
    .selectFrom('staff')
    .select(['roles', 'officeId', 'disabledAt'])
    .where('staffId', '=', staffId)
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
  if (
    !staff ||
    staff.disabledAt ||
    staff.officeId !== officeId ||
    !staff.roles.some((r) => ROLES_WORKING_CASES.includes(r as never))
  ) {
    throw invalid('leadStaffId', '「主担当」はこの窓口の相談支援員等から選んでください');
  }
}

/**
 * Registers a consultee and opens the first case (status 相談受付) with its lead
 * worker, in one command. A likely duplicate at the office (same kana and date of
 * birth) must be confirmed first; the answer says only that one exists.
 */
export async function registerConsultee(
  work: Work,
  body: RegisterBody,
): Promise<{ consulteeId: string; caseId: string }> {
  const actor = work.actor;
  if (body.document && !body.consent)
    throw invalid('consent', '同意書の写しを登録する場合は、同意の内容も入力してください');
  const officeId = body.officeId ?? actor.officeId;
  if (!officeId) throw invalid('officeId', '「窓口」を選んでください');
  const office = await work.operational
    .selectFrom('offices')
    .select('officeId')
    .where('officeId', '=', officeId)
    .where('organizationId', '=', actor.organizationId)
    .executeTakeFirst();
  if (!office) throw invalid('officeId', '「窓口」は所属する組織の窓口から選んでください');
  const lead = body.leadStaffId ?? (actor.roles.some((r) => ROLES_WORKING_CASES.includes(r)) ? actor.staffId : null);
  if (!lead) throw invalid('leadStaffId', '「主担当」を選んでください');
  await assertLead(work, lead, actor.organizationId, officeId);

  const values = defined(basicValues(body));
  const classes = classesOfWrite('consultees', Object.keys(values));
  const { tx, created } = await work.authorizeNew(
    'consultee',
    { organizationId: actor.organizationId, officeId, assignedStaffIds: [lead] },
    classes,
  );
  const keys = searchKeys(values);
  if (!body.confirmDuplicate && keys.kanaKey && body.birthDate) {
    const { rows } = await sql<{ id: string }>`
      SELECT consultee_id AS id FROM consultees
      WHERE organization_id = ${actor.organizationId} AND office_id = ${officeId}
        AND kana_key = ${keys.kanaKey} AND birth_date = ${body.birthDate}::date LIMIT 3`.execute(tx);
    if (rows.length > 0) {
      await work.audit({
        category: 'access',
        action: 'consultee.duplicate_check',
        outcome: 'success',
        recordKind: 'consultee',
        recordIds: rows.map((r) => r.id),
        subjectIds: rows.map((r) => r.id),
        purpose: 'consultation_support',
        details: { matched: rows.length },
      });
      throw new AppError(
        409,
        'possible_duplicate',
        '同じ氏名（カナ）と生年月日の相談者がこの窓口に既に登録されています。主任相談支援員に確認し、別の方である場合は「別の方であることを確認した」を選んで登録してください',
        'confirmDuplicate',
      );
    }
  }
  const consulteeId = randomUUID();
  const caseId = randomUUID();
  await tx
    .insertInto('consultees')
    .values({
      tenantId: actor.tenantId,
      consulteeId,
      organizationId: actor.organizationId,
      officeId,
      familyName: values.familyName as string,
      givenName: values.givenName ?? '',
      familyNameKana: values.familyNameKana ?? '',
      givenNameKana: values.givenNameKana ?? '',
      sex: values.sex ?? null,
      sexNote: values.sexNote ?? null,
      birthDate: values.birthDate ?? null,
      postalCode: values.postalCode ?? null,
      address: values.address ?? null,
      phone: values.phone ?? null,
      phoneMobile: values.phoneMobile ?? null,
      email: values.email ?? null,
      basicSource: values.basicSource ?? 'self',
      basicSourceDetail: values.basicSourceDetail ?? null,
      ...keys,
      createdBy: actor.staffId,
    })
    .execute();
  await tx
    .insertInto('cases')
    .values({
      tenantId: actor.tenantId,
      caseId,
      consulteeId,
      organizationId: actor.organizationId,
      officeId,
      program: body.program,
      openedOn: body.openedOn ?? today(),
      closedOn: null,
      statusChangedAt: new Date(),
      suspendedFrom: null,
      screeningResult: null,
      referralDestination: null,
    })
    .execute();
  await tx
    .insertInto('caseWorkers')
    .values({
      tenantId: actor.tenantId,
      caseId,
      staffId: lead,
      organizationId: actor.organizationId,
      role: 'lead',
      assignedBy: actor.staffId,
    })
    .execute();
  await created(consulteeId, consulteeId);
  const documentId = body.document ? await storeDocument(work, consulteeId, body.document) : null;
  if (body.consent) await recordConsent(work, consulteeId, { ...body.consent, documentId, supersedes: null });
  return { consulteeId, caseId };
}

/**
 * Finds consultees in reach by name or kana however written, date of birth (ISO
 * or 和暦) or phone number (whole, or its last digits). A name one edit away
 * from the one typed still finds the person.
 */
export async function searchConsultees(work: Work, q: SearchQuery) {
  const filters = [];
  if (q.birthDate?.trim()) {
    const parsed = parseJapaneseDate(q.birthDate);
    if (!parsed.ok) throw invalid('birthDate', `「生年月日」: ${parsed.message}`);
    filters.push(sql`r.birth_date = ${parsed.value}::date`);
  }
  if (q.phone?.trim()) {
    const digits = digitsKey(q.phone);
    if (digits.length < 4) throw invalid('phone', '「電話番号」は4桁以上で入力してください');
    // Whole numbers and last four digits are keys; anything in between narrows those down.
    const key = digits.length >= 10 ? `tel:${digits}` : `tel4:${digits.slice(-4)}`;
    filters.push(sql`r.consultee_id IN (SELECT p.consultee_id FROM consultee_search_keys p WHERE p.key = ${key})`);
    if (digits.length > 4 && digits.length < 10) filters.push(sql`strpos(r.phone_key, ${digits}) > 0`);
  }
  const filter = filters.length ? sql.join(filters, sql` AND `) : sql`true`;
  const text = q.q?.trim() ?? '';
  const kana = isKana(text);
  const key = kana ? kanaKey(text) : nameKey(text);
  const column = sql.ref(kana ? 'r.kana_key' : 'r.name_key');
  const [from, to] = prefixRange(key);
  const rows = await work.list(
    'consultee',
    ['ordinary'],
    async ({ tx, where, assigned }) => {
      const select = sql`r.consultee_id AS id, ${assigned} AS assigned, r.family_name, r.given_name,
        r.family_name_kana, r.given_name_kana, r.birth_date, ${CASES_OF_R} AS cases`;
      // By name: names that begin with what was typed, then names one edit away from
      // it (a small misspelling), best first. The ranges and key comparisons are what
      // an index can serve under row-level security.
      const query = key
        ? sql<SearchRow>`
          WITH hits AS (
            (SELECT r.consultee_id, 0 AS rank FROM consultees r
              WHERE ${where} AND ${filter} AND ${column} ~>=~ ${from} AND ${column} ~<~ ${to}
              ORDER BY ${column} LIMIT ${SEARCH_LIMIT})
            UNION ALL
            (SELECT r.consultee_id, 1 FROM consultee_search_keys s
              JOIN consultees r ON r.tenant_id = s.tenant_id AND r.consultee_id = s.consultee_id
              WHERE s.key = ANY (search_variants(${key})) AND ${where} AND ${filter}
              LIMIT ${FUZZY_CANDIDATES}))
          SELECT ${select}
          FROM consultees r JOIN (SELECT consultee_id, min(rank) AS rank FROM hits GROUP BY consultee_id) h
            ON h.consultee_id = r.consultee_id
          ORDER BY h.rank, similarity(${column}, ${key}) DESC, r.kana_key, r.consultee_id
          LIMIT ${SEARCH_LIMIT}`
        : sql<SearchRow>`
          SELECT ${select} FROM consultees r
          WHERE ${where} AND ${filter}
          ORDER BY r.kana_key, r.consultee_id
          LIMIT ${SEARCH_LIMIT}`;
      return (await query.execute(tx)).rows;
    },
    { search: { name: Boolean(text), birthDate: Boolean(q.birthDate), phone: Boolean(q.phone) } },
  );
  return rows.map(({ id, assigned: _a, ...rest }) => ({ consulteeId: id, ...rest }));
}

/** The most people a search shows, and the most near misses it weighs. */
const SEARCH_LIMIT = 50;
const FUZZY_CANDIDATES = 200;

interface SearchRow {
  id: string;
  assigned: boolean;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string | null;
  cases: CaseSummary[];
}

interface CaseSummary {
  caseId: string;
  program: string;
  status: string;
  openedOn: string;
  closedOn: string | null;
}

/** The cases of the consultee aliased `r`, newest first, as JSON (keys camelCased on the way out). */
const CASES_OF_R = sql`(SELECT coalesce(json_agg(json_build_object('case_id', k.case_id, 'program', k.program,
  'status', k.status, 'opened_on', k.opened_on, 'closed_on', k.closed_on) ORDER BY k.opened_on DESC), '[]')
  FROM cases k WHERE k.tenant_id = r.tenant_id AND k.consultee_id = r.consultee_id)`;

/** The consultee's record: basic information, household, profile, consents, approvals and cases. */
export async function consulteeDetail(work: Work, consulteeId: string) {
  const grant = await work.authorize('consultee', 'read', [consulteeId]);
  const target = grant.targets.get(consulteeId);
  if (!target) throw notFound();
  const classes = target.classes;
  const byConsultee = sql`t.consultee_id = ${consulteeId}::uuid`;
  const [consultee] = await selectGranted(grant.tx, 'consultees', classes, byConsultee);
  if (!consultee) throw notFound();
  const { withheld, ...basic } = consultee;
  const household = await selectGranted(
    grant.tx,
    'household_members',
    classes,
    sql`${byConsultee} AND t.removed_at IS NULL`,
    sql`t.created_at`,
  );
  const profile = await selectGranted(grant.tx, 'profile_items', classes, byConsultee, sql`t.category, t.item_key`);
  const consents = await selectGranted(
    grant.tx,
    'consents',
    classes,
    byConsultee,
    sql`t.given_on DESC, t.recorded_at DESC`,
  );
  const approvals = await selectGranted(
    grant.tx,
    'commissioning_approvals',
    classes,
    byConsultee,
    sql`t.approved_on DESC`,
  );
  const { rows } = await sql<{ cases: CaseSummary[] }>`
    SELECT ${CASES_OF_R} AS cases FROM consultees r WHERE r.consultee_id = ${consulteeId}::uuid`.execute(grant.tx);
  return {
    consultee: basic,
    withheld,
    basis: target.basis,
    household,
    profile,
    consents,
    approvals,
    cases: rows[0]?.cases ?? [],
  };
}

export async function updateBasic(work: Work, consulteeId: string, body: BasicUpdateBody): Promise<void> {
  const values = defined(basicValues(body));
  const grant = await work.authorize(
    'consultee',
    'update',
    [consulteeId],
    classesOfWrite('consultees', Object.keys(values)),
  );
  const current = await grant.tx
    .selectFrom('consultees')
    .select(['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'phone', 'phoneMobile'])
    .where('consulteeId', '=', consulteeId)
    .executeTakeFirstOrThrow();
  await grant.tx
    .updateTable('consultees')
    .set({ ...values, ...searchKeys({ ...current, ...values }), updatedAt: sql<Date>`now()` })
    .where('consulteeId', '=', consulteeId)
    .execute();
}

export async function addHouseholdMember(work: Work, consulteeId: string, body: HouseholdMemberBody): Promise<string> {
  const grant = await work.authorize(
    'consultee',
    'update',
    [consulteeId],
    classesOfWrite('household_members', Object.keys(body)),
  );
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const memberId = randomUUID();
  await grant.tx
    .insertInto('householdMembers')
    .values({
      tenantId: work.actor.tenantId,
      memberId,
      consulteeId,
      organizationId: target.organizationId,
      ...memberColumns(body),
      removedAt: null,
      createdBy: work.actor.staffId,
    })
    .execute();
  return memberId;
}

/** The columns a household member's form writes, on adding and on changing. */
function memberColumns(body: HouseholdMemberBody) {
  return {
    relationship: body.relationship,
    relationshipNote: body.relationshipNote ?? null,
    familyName: body.familyName.trim(),
    givenName: body.givenName ?? null,
    kana: body.kana ?? null,
    sex: body.sex ?? null,
    birthDate: body.birthDate ?? null,
    cohabiting: body.cohabiting,
    occupation: body.occupation ?? null,
    notes: body.notes ?? null,
    source: body.source,
    sourceDetail: sourceDetailOrFail(body.source, body.sourceDetail),
  };
}

function sourceDetailOrFail(source: string, detail: string | null | undefined): string | null {
  if (source !== 'self' && !detail?.trim()) {
    throw invalid('sourceDetail', '本人以外から取得した場合は、「取得元（誰から）」を入力してください');
  }
  return detail?.trim() || null;
}

export async function updateHouseholdMember(
  work: Work,
  consulteeId: string,
  memberId: string,
  body: HouseholdMemberBody,
): Promise<void> {
  const grant = await work.authorize(
    'consultee',
    'update',
    [consulteeId],
    classesOfWrite('household_members', Object.keys(body)),
  );
  const result = await grant.tx
    .updateTable('householdMembers')
    .set({
      ...memberColumns(body),
      updatedAt: sql<Date>`now()`,
    })
    .where('memberId', '=', memberId)
    .where('consulteeId', '=', consulteeId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('指定された世帯員は見つかりません');
}

export async function removeHouseholdMember(work: Work, consulteeId: string, memberId: string): Promise<void> {
  const grant = await work.authorize('consultee', 'update', [consulteeId], ['ordinary']);
  const result = await grant.tx
    .updateTable('householdMembers')
    .set({ removedAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
    .where('memberId', '=', memberId)
    .where('consulteeId', '=', consulteeId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('指定された世帯員は見つかりません');
}

/**
 * Records one item of the consultee's profile (BIZ-6) with its source (ACQ-1).
 * Special-care items need a consent that covers them or a ground with its reason
 * (ACQ-2); a contractor needs the commissioning body's approval for restricted
 * items (ACQ-3). Otherwise the save is refused, naming what is missing.
 */
export async function recordProfileItem(
  work: Work,
  consulteeId: string,
  itemKey: string,
  body: ProfileItemBody,
): Promise<void> {
  const definition = profileItem(itemKey);
  if (!definition) throw notFound('指定された項目はありません');
  const dataClass = definition.dataClass as 'ordinary' | 'special_care';
  const grant = await work.authorize(
    'consultee',
    'update',
    [consulteeId],
    classesOfWrite('profile_items', ['value'], { dataClass }),
  );
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  if (definition.choices && !definition.choices.some((c) => c.code === body.value)) {
    throw invalid('value', `「${definition.label}」の値が選択肢にありません`);
  }
  const sourceDetail = sourceDetailOrFail(body.source, body.sourceDetail);
  if (body.source !== 'self' && !body.sourceReason?.trim()) {
    throw invalid('sourceReason', '本人以外から取得した場合は、「本人以外から取得した理由」を入力してください');
  }
  const basis = await acquisitionBasisFor(work, grant.tx, consulteeId, target.organizationId, {
    dataClass,
    restricted: definition.restricted ?? null,
    ground: body.acquisitionGround ?? null,
    groundReason: body.groundReason ?? null,
  });
  const row = {
    category: definition.category,
    dataClass,
    value: body.value.trim(),
    source: body.source,
    sourceDetail,
    sourceReason: body.source === 'self' ? null : (body.sourceReason?.trim() ?? null),
    consentId: basis.consentId,
    acquisitionGround: basis.ground,
    groundReason: basis.ground ? (body.groundReason?.trim() ?? null) : null,
    approvalId: basis.approvalId,
    recordedBy: work.actor.staffId,
  };
  await grant.tx
    .insertInto('profileItems')
    .values({
      tenantId: work.actor.tenantId,
      itemId: randomUUID(),
      consulteeId,
      organizationId: target.organizationId,
      itemKey,
      ...row,
    })
    .onConflict((oc) =>
      oc.columns(['tenantId', 'consulteeId', 'itemKey']).doUpdateSet({ ...row, updatedAt: sql<Date>`now()` }),
    )
    .execute();
}

/** The basis on which special-care or restricted data may be recorded now (ACQ-2, ACQ-3), or a refusal. */
export async function acquisitionBasisFor(
  work: Work,
  tx: Tx,
  consulteeId: string,
  organizationId: string,
  request: { dataClass: DataClass; restricted: string | null; ground: string | null; groundReason: string | null },
) {
  const organization = await work.operational
    .selectFrom('organizations')
    .select('kind')
    .where('organizationId', '=', organizationId)
    .executeTakeFirstOrThrow();
  const consents = await loadConsents(tx, consulteeId);
  const approvals = await loadApprovals(tx, consulteeId);
  const basis = acquisitionBasis(
    {
      dataClass: request.dataClass,
      restricted: request.restricted,
      ground: request.ground as never,
      groundReason: request.groundReason,
      contractor: organization.kind === 'contractor',
    },
    consents,
    approvals,
    today(),
  );
  if (!basis.allowed) throw new AppError(400, 'acquisition_refused', basis.message, basis.field);
  return basis;
}

/** Every change to the consultee's records, with each field shown only if its class is granted (SEC-1). */
export async function consulteeHistory(work: Work, consulteeId: string) {
  const grant = await work.authorize('consultee', 'read', [consulteeId]);
  const classes = grant.targets.get(consulteeId)?.classes ?? [];
  return historyOf(grant.tx, sql`h.subject_id = ${consulteeId}::uuid`, classes);
}

async function staffNames(tx: Tx, ids: unknown[]): Promise<Map<unknown, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const { rows } = await sql<{ staffId: string; displayName: string }>`
    SELECT staff_id, display_name FROM staff WHERE staff_id = ANY(${wanted}::uuid[])`.execute(tx);
  return new Map(rows.map((r) => [r.staffId, r.displayName]));
}

export async function historyOf(tx: Tx, where: ReturnType<typeof sql>, classes: readonly DataClass[]) {
  const { rows } = await sql<{
    historyId: string;
    recordTable: string;
    recordId: string;
    changeKind: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    changedBy: string | null;
    changedByName: string | null;
    changedAt: Date;
  }>`
    SELECT h.history_id::text AS history_id, h.record_table, h.record_id, h.change_kind, h.changes, h.changed_by,
      s.display_name AS changed_by_name, h.changed_at
    FROM record_history h LEFT JOIN staff s ON s.tenant_id = h.tenant_id AND s.staff_id = h.changed_by
    WHERE ${where}
    ORDER BY h.history_id DESC
    LIMIT 500`.execute(tx);
  const filtered = rows.map((r) => filterChanges(r.recordTable, r.changes, classes));
  // A change of who looks after a case reads by name, not by identifier.
  const names = await staffNames(
    tx,
    filtered.flatMap((f) => [f.changes.staffId?.from, f.changes.staffId?.to]),
  );
  return rows.map((r, i) => {
    const { changes, withheld } = filtered[i] as (typeof filtered)[number];
    const staff = changes.staffId;
    if (staff) changes.staffId = { from: names.get(staff.from) ?? null, to: names.get(staff.to) ?? null };
    return {
      historyId: r.historyId,
      recordTable: r.recordTable,
      recordId: r.recordId,
      changeKind: r.changeKind,
      changes,
      withheld,
      changedBy: r.changedBy ? { staffId: r.changedBy, displayName: r.changedByName ?? '' } : null,
      changedAt: r.changedAt.toISOString(),
    };
  });
}
