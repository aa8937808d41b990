// A case from intake to closure (BIZ-1, BIZ-2, BIZ-4), through the choke point:
// the record with all its forms, the status flow, assignment, and writing the
// forms. Every form is a table whose columns the data map labels; reads are
// filtered by the reader's classes and writes are checked against the writer's.

import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Grant, GrantedTarget, Work } from '../../access/data-access.js';
import { classesOfWrite, selectGranted, type FilteredRow } from '../../access/columns.js';
import {
  checkMove,
  MOVES,
  movesFrom,
  isFinal,
  type CaseRecords,
  type CaseStatus,
  type Transition,
} from '../../core/case-flow.js';
import { budgetTotals, cashFlow, debtTotals, type BudgetLine } from '../../core/budget.js';
import { decide, ROLES_WORKING_CASES } from '../../core/policy.js';
import type { DataClass } from '../../core/data-classes.js';
import type { PurposeCode } from '../../core/purposes.js';
import type { DB } from '../../db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { acquisitionBasisFor, historyOf, today } from '../consultees/service.js';
import { loadConsents } from '../consultees/consents.js';
import { specialCareConsent } from '../../core/consent.js';

/** A form of a case: its table, where it lives in the API, and the purpose of writing it. */
export interface FormSpec {
  table: string;
  idColumn: string;
  single: boolean;
  /** Under /api/cases/:caseId. */
  path: string;
  /** The purpose of use a write of the form declares (PUR-1). */
  purpose: PurposeCode;
  /** Columns holding JSON, written as text. */
  json?: readonly string[];
  /** A column whose value decides the row's class (see the data map's rowClass). */
  rowClass?: string;
  label: string;
}

const CASEWORK = 'consultation_support';

export const FORMS = {
  intake: {
    table: 'intake_forms',
    idColumn: 'form_id',
    single: true,
    path: 'intake',
    purpose: CASEWORK,
    label: '相談受付・申込票',
  },
  assessment: {
    table: 'assessments',
    idColumn: 'assessment_id',
    single: true,
    path: 'assessment',
    purpose: CASEWORK,
    label: 'インテーク・アセスメントシート',
  },
  plans: {
    table: 'plans',
    idColumn: 'plan_id',
    single: false,
    path: 'plans',
    purpose: CASEWORK,
    json: ['goals'],
    label: 'プラン',
  },
  meetings: {
    table: 'coordination_meetings',
    idColumn: 'meeting_id',
    single: false,
    path: 'meetings',
    purpose: 'support_coordination',
    json: ['attendees'],
    label: '支援調整会議',
  },
  decisions: {
    table: 'support_decisions',
    idColumn: 'decision_id',
    single: false,
    path: 'decisions',
    purpose: 'support_coordination',
    label: '支援決定',
  },
  applications: {
    table: 'municipal_applications',
    idColumn: 'application_id',
    single: false,
    path: 'applications',
    purpose: 'municipal_application',
    label: '事業等利用申込',
  },
  notes: {
    table: 'progress_notes',
    idColumn: 'note_id',
    single: false,
    path: 'notes',
    purpose: CASEWORK,
    rowClass: 'sensitivity',
    label: '支援経過記録',
  },
  evaluations: {
    table: 'evaluations',
    idColumn: 'evaluation_id',
    single: false,
    path: 'evaluations',
    purpose: CASEWORK,
    json: ['goalResults'],
    label: '評価シート',
  },
  closure: {
    table: 'closures',
    idColumn: 'closure_id',
    single: true,
    path: 'closure',
    purpose: CASEWORK,
    label: '終結',
  },
  budgetSheets: {
    table: 'budget_sheets',
    idColumn: 'sheet_id',
    single: false,
    path: 'budget/sheets',
    purpose: CASEWORK,
    json: ['lines'],
    label: '家計表',
  },
  cashFlows: {
    table: 'cash_flows',
    idColumn: 'cash_flow_id',
    single: false,
    path: 'budget/cash-flows',
    purpose: CASEWORK,
    json: ['events'],
    label: 'キャッシュフロー表',
  },
  debts: { table: 'debts', idColumn: 'debt_id', single: false, path: 'budget/debts', purpose: CASEWORK, label: '債務' },
  arrears: {
    table: 'arrears',
    idColumn: 'arrear_id',
    single: false,
    path: 'budget/arrears',
    purpose: CASEWORK,
    label: '滞納',
  },
  budgetPlans: {
    table: 'budget_plans',
    idColumn: 'budget_plan_id',
    single: false,
    path: 'budget/plans',
    purpose: CASEWORK,
    json: ['actions'],
    label: '家計再生プラン',
  },
} as const satisfies Record<string, FormSpec>;
export type FormName = keyof typeof FORMS;

const camelOf = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (tx: Grant['tx']): AnyDb => tx as unknown as AnyDb;

function rowFor(spec: FormSpec, body: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined) continue;
    row[field] = (spec.json as readonly string[] | undefined)?.includes(field) ? JSON.stringify(value) : value;
  }
  return row;
}

function rowClassesOf(spec: FormSpec, body: Record<string, unknown>): Record<string, DataClass> {
  if (!spec.rowClass) return {};
  const key = camelOf(spec.rowClass);
  return { [key]: (body[key] as DataClass | undefined) ?? 'special_care' };
}

/** ACQ-2 for a form that carries special-care content: the basis is recorded with the row. */
async function withAcquisitionBasis(
  work: Work,
  grant: Grant,
  target: GrantedTarget,
  body: Record<string, unknown>,
  specialCare: boolean,
): Promise<Record<string, unknown>> {
  if (!specialCare) return { consentId: null, acquisitionGround: null, groundReason: null };
  const basis = await acquisitionBasisFor(work, grant.tx, target.subjectId, target.organizationId, {
    dataClass: 'special_care',
    restricted: null,
    ground: (body.acquisitionGround as string | null | undefined) ?? null,
    groundReason: (body.groundReason as string | null | undefined) ?? null,
  });
  return {
    consentId: basis.consentId,
    acquisitionGround: basis.ground,
    groundReason: basis.ground ? ((body.groundReason as string | null | undefined) ?? null) : null,
  };
}

/** Whether the form's body holds special-care content that needs a basis (ACQ-2). */
function carriesSpecialCare(name: FormName, body: Record<string, unknown>): boolean {
  if (name === 'notes') return body.sensitivity === 'special_care';
  if (name === 'assessment') return typeof body.healthSituation === 'string' && body.healthSituation.trim() !== '';
  return false;
}

/** Checks of a form that its schema cannot express. */
function checkForm(name: FormName, body: Record<string, unknown>): void {
  if (name === 'intake') {
    const topics = (body.topics as string[] | undefined) ?? [];
    if (body.primaryTopic && !topics.includes(body.primaryTopic as string)) {
      throw invalid('primaryTopic', '「主な相談の内容」は選んだ相談の内容から1つ選んでください');
    }
    if (body.applied && !body.appliedOn)
      throw invalid('appliedOn', '利用を申し込んだ場合は「申込日」を入力してください');
    if (body.source !== 'self' && !body.sourceDetail) {
      throw invalid('sourceDetail', '本人以外が記入した場合は、「取得元（詳細）」を入力してください');
    }
  }
  if (name === 'plans' && body.periodFrom && body.periodTo && (body.periodTo as string) < (body.periodFrom as string)) {
    throw invalid('periodTo', '「支援期間（終了）」は「支援期間（開始）」以降の日付にしてください');
  }
  if (name === 'applications' && body.forwardedOn && (body.forwardedOn as string) < (body.appliedOn as string)) {
    throw invalid('forwardedOn', '「自治体への送付日」は「申込日」以降の日付にしてください');
  }
  if (name === 'evaluations') {
    if (body.employed && !body.employedOn) throw invalid('employedOn', '就労した場合は「就労日」を入力してください');
    if (body.incomeIncreased && !body.incomeIncreasedOn) {
      throw invalid('incomeIncreasedOn', '増収した場合は「増収日」を入力してください');
    }
  }
  if (name === 'closure' && body.wishesConfirmed !== true) {
    throw invalid(
      'wishesConfirmed',
      '終結にあたっては本人の意思を確認してください（確認できない場合は「中断」を選びます）',
    );
  }
  if (name === 'notes' && body.sensitivity !== 'special_care' && (body.acquisitionGround || body.groundReason)) {
    throw invalid('sensitivity', '取得の根拠は要配慮個人情報を含む記録にだけ記入します');
  }
}

/** Records a form refers to must belong to the same case: [field, table, id column, label]. */
const REFERENCES: readonly [string, string, string, string][] = [
  ['planId', 'plans', 'plan_id', 'プラン'],
  ['baseSheetId', 'budget_sheets', 'sheet_id', '基にする家計表'],
  ['plannedSheetId', 'budget_sheets', 'sheet_id', '家計計画表'],
];

async function checkReferences(tx: Grant['tx'], caseId: string, body: Record<string, unknown>): Promise<void> {
  for (const [field, table, column, label] of REFERENCES) {
    const id = body[field];
    if (typeof id !== 'string') continue;
    const { rows } =
      await sql`SELECT 1 FROM ${sql.table(table)} WHERE case_id = ${caseId}::uuid AND ${sql.ref(column)} = ${id}::uuid`.execute(
        tx,
      );
    if (rows.length === 0) throw invalid(field, `「${label}」はこのケースの記録から選んでください`);
  }
}

/** Columns the system fills in when the form is first made: who received or assessed. */
function authorOf(work: Work, name: FormName): Record<string, unknown> {
  if (name === 'intake') return { receivedBy: work.actor.staffId };
  if (name === 'assessment') return { assessedBy: work.actor.staffId };
  return {};
}

/** Columns the system fills in from the command itself. */
function derivedValues(work: Work, name: FormName, body: Record<string, unknown>): Record<string, unknown> {
  if (name === 'applications') return { forwardedBy: body.forwardedOn ? work.actor.staffId : null };
  return {};
}

async function authorizeWrite(work: Work, caseId: string, spec: FormSpec, body: Record<string, unknown>) {
  const fields = Object.keys(body).filter((f) => !['acquisitionGround', 'groundReason'].includes(f));
  const grant = await work.authorize(
    'case',
    'update',
    [caseId],
    classesOfWrite(spec.table, fields, rowClassesOf(spec, body)),
  );
  const target = grant.targets.get(caseId) as GrantedTarget;
  return { grant, target };
}

/** Authorizes writing the form and turns its body into column values (checks, basis, derived columns). */
async function prepareWrite(work: Work, caseId: string, name: FormName, body: Record<string, unknown>) {
  const spec: FormSpec = FORMS[name];
  checkForm(name, body);
  const { grant, target } = await authorizeWrite(work, caseId, spec, body);
  await checkReferences(grant.tx, caseId, body);
  const basis =
    name === 'notes' || name === 'assessment'
      ? await withAcquisitionBasis(work, grant, target, body, carriesSpecialCare(name, body))
      : {};
  const { acquisitionGround: _g, groundReason: _r, ...fields } = body;
  const values = { ...rowFor(spec, fields), ...basis, ...derivedValues(work, name, body) };
  return { spec, grant, target, values, table: camelOf(spec.table), idField: camelOf(spec.idColumn) };
}

/** Adds a form to the case (or, for a form a case has one of, creates or replaces it). */
export async function saveForm(
  work: Work,
  caseId: string,
  name: FormName,
  body: Record<string, unknown>,
): Promise<string> {
  const { spec, grant, target, values, table, idField } = await prepareWrite(work, caseId, name, body);
  const db = loose(grant.tx);
  if (spec.single) {
    const existing = await db.selectFrom(table).select(idField).where('caseId', '=', caseId).executeTakeFirst();
    if (existing) {
      await db
        .updateTable(table)
        .set({ ...values, updatedAt: sql`now()` })
        .where(idField, '=', existing[idField])
        .execute();
      return existing[idField] as string;
    }
  }
  const id = randomUUID();
  // A plan is numbered: a new plan for a case is its next revision (再プラン).
  const revision =
    name === 'plans'
      ? { revision: sql`(SELECT coalesce(max(revision), 0) + 1 FROM plans WHERE case_id = ${caseId}::uuid)` }
      : {};
  await db
    .insertInto(table)
    .values({
      tenantId: work.actor.tenantId,
      caseId,
      consulteeId: target.subjectId,
      organizationId: target.organizationId,
      createdBy: work.actor.staffId,
      [idField]: id,
      ...authorOf(work, name),
      ...values,
      ...revision,
    })
    .execute();
  return id;
}

/** Changes a form of the case; the previous version stays in the history. */
export async function updateForm(
  work: Work,
  caseId: string,
  name: FormName,
  recordId: string,
  body: Record<string, unknown>,
): Promise<void> {
  const { spec, grant, values, table, idField } = await prepareWrite(work, caseId, name, body);
  const result = await loose(grant.tx)
    .updateTable(table)
    .set({ ...values, updatedAt: sql`now()` })
    .where(idField, '=', recordId)
    .where('caseId', '=', caseId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound(`指定された${spec.label}は見つかりません`);
}

export async function recordScreening(
  work: Work,
  caseId: string,
  body: { screeningResult: string; referralDestination?: string | null; referredToPublicAssistance?: boolean },
): Promise<void> {
  if (body.screeningResult === 'referred' && !body.referralDestination?.trim()) {
    throw invalid('referralDestination', '他制度・他機関へつなぐ場合は「つなぎ先」を入力してください');
  }
  const grant = await work.authorize('case', 'transition', [caseId], ['ordinary']);
  await grant.tx
    .updateTable('cases')
    .set({
      screeningResult: body.screeningResult,
      referralDestination: body.screeningResult === 'referred' ? (body.referralDestination?.trim() ?? null) : null,
      referredToPublicAssistance: body.screeningResult === 'referred' && body.referredToPublicAssistance === true,
      updatedAt: sql<Date>`now()`,
    })
    .where('caseId', '=', caseId)
    .execute();
}

/** What the flow needs to know, counting only records made since the current plan revision. */
async function caseRecords(
  tx: Grant['tx'],
  caseId: string,
): Promise<CaseRecords & { status: CaseStatus; suspendedFrom: string | null }> {
  const { rows } = await sql<{
    status: CaseStatus;
    suspendedFrom: string | null;
    intakeForm: boolean;
    screeningResult: CaseRecords['screeningResult'];
    assessment: boolean;
    planWithGoals: boolean;
    meetingDecision: CaseRecords['meetingDecision'];
    supportDecision: boolean;
    evaluation: boolean;
    evaluationNext: CaseRecords['evaluationNext'];
    closureRecord: boolean;
  }>`
    WITH k AS (SELECT * FROM cases WHERE case_id = ${caseId}::uuid),
    p AS (SELECT * FROM plans WHERE case_id = ${caseId}::uuid ORDER BY revision DESC LIMIT 1),
    since AS (SELECT coalesce((SELECT created_at FROM p), '-infinity'::timestamptz) AS at)
    SELECT k.status, k.suspended_from, k.screening_result,
      EXISTS (SELECT 1 FROM intake_forms WHERE case_id = k.case_id) AS intake_form,
      EXISTS (SELECT 1 FROM assessments WHERE case_id = k.case_id) AS assessment,
      coalesce((SELECT jsonb_array_length(goals) > 0 FROM p), false) AS plan_with_goals,
      (SELECT decision FROM coordination_meetings m WHERE m.case_id = k.case_id AND m.created_at >= (SELECT at FROM since)
        ORDER BY m.held_on DESC, m.created_at DESC LIMIT 1) AS meeting_decision,
      EXISTS (SELECT 1 FROM support_decisions d WHERE d.case_id = k.case_id AND d.created_at >= (SELECT at FROM since)) AS support_decision,
      EXISTS (SELECT 1 FROM evaluations e WHERE e.case_id = k.case_id AND e.created_at >= (SELECT at FROM since)) AS evaluation,
      (SELECT next_action FROM evaluations e WHERE e.case_id = k.case_id AND e.created_at >= (SELECT at FROM since)
        ORDER BY e.evaluated_on DESC, e.created_at DESC LIMIT 1) AS evaluation_next,
      EXISTS (SELECT 1 FROM closures WHERE case_id = k.case_id) AS closure_record
    FROM k`.execute(tx);
  const r = rows[0];
  if (!r) throw notFound();
  return r;
}

/** Moves the case along the flow, or refuses with the reason (BIZ-1, BIZ-2). */
export async function moveCase(
  work: Work,
  caseId: string,
  transition: Transition,
  effectiveOn: string | undefined,
  note: string | null | undefined,
): Promise<CaseStatus> {
  const grant = await work.authorize('case', 'transition', [caseId], ['ordinary']);
  const records = await caseRecords(grant.tx, caseId);
  const check = checkMove(records.status, transition, records);
  if (!check.ok) throw new AppError(409, 'transition_refused', check.reason, 'transition');
  const to = transition === 'resume' ? ((records.suspendedFrom as CaseStatus | null) ?? 'in_support') : check.to;
  const on = effectiveOn ?? today();
  const closing = isFinal(to);
  const closedOn = closing
    ? to === 'closed'
      ? ((await grant.tx.selectFrom('closures').select('closedOn').where('caseId', '=', caseId).executeTakeFirst())
          ?.closedOn ?? on)
      : on
    : null;
  await grant.tx
    .updateTable('cases')
    .set({
      status: to,
      statusChangedAt: sql<Date>`now()`,
      suspendedFrom: transition === 'suspend' ? records.status : null,
      closedOn,
      updatedAt: sql<Date>`now()`,
    })
    .where('caseId', '=', caseId)
    .execute();
  const target = grant.targets.get(caseId) as GrantedTarget;
  await grant.tx
    .insertInto('caseTransitions')
    .values({
      tenantId: work.actor.tenantId,
      transitionId: randomUUID(),
      caseId,
      organizationId: target.organizationId,
      transition,
      fromStatus: records.status,
      toStatus: to,
      effectiveOn: on,
      note: note ?? null,
      recordedBy: work.actor.staffId,
    })
    .execute();
  return to;
}

/** Who works on the case: a chief reassigns; the change applies from the next request. */
export async function assignWorkers(
  work: Work,
  caseId: string,
  leadStaffId: string,
  coStaffIds: readonly string[],
): Promise<void> {
  if (coStaffIds.includes(leadStaffId)) throw invalid('coStaffIds', '主担当を副担当に含めることはできません');
  const grant = await work.authorize('case', 'assign', [caseId], ['ordinary']);
  const target = grant.targets.get(caseId) as GrantedTarget;
  const staff = await work.operational
    .selectFrom('staff')
    .select(['staffId', 'roles', 'disabledAt'])
    .where('staffId', 'in', [leadStaffId, ...coStaffIds])
    .where('organizationId', '=', target.organizationId)
    .execute();
  for (const id of [leadStaffId, ...coStaffIds]) {
    const s = staff.find((x) => x.staffId === id);
    if (!s || s.disabledAt || !s.roles.some((r) => ROLES_WORKING_CASES.includes(r as never))) {
      throw invalid(
        id === leadStaffId ? 'leadStaffId' : 'coStaffIds',
        '担当者は同じ組織の相談支援員等から選んでください',
      );
    }
  }
  await grant.tx.deleteFrom('caseWorkers').where('caseId', '=', caseId).execute();
  await grant.tx
    .insertInto('caseWorkers')
    .values([
      {
        tenantId: work.actor.tenantId,
        caseId,
        staffId: leadStaffId,
        organizationId: target.organizationId,
        role: 'lead' as const,
        assignedBy: work.actor.staffId,
      },
      ...coStaffIds.map((staffId) => ({
        tenantId: work.actor.tenantId,
        caseId,
        staffId,
        organizationId: target.organizationId,
        role: 'co' as const,
        assignedBy: work.actor.staffId,
      })),
    ])
    .execute();
}

/** Opens another case for a consultee (for instance household-budget support). */
export async function openCase(
  work: Work,
  consulteeId: string,
  body: { program: 'self_reliance' | 'household_budget'; openedOn?: string; leadStaffId?: string },
): Promise<string> {
  const grant = await work.authorize('consultee', 'update', [consulteeId], ['ordinary']);
  const target = grant.targets.get(consulteeId) as GrantedTarget;
  const office = await grant.tx
    .selectFrom('consultees')
    .select('officeId')
    .where('consulteeId', '=', consulteeId)
    .executeTakeFirstOrThrow();
  const lead = body.leadStaffId ?? work.actor.staffId;
  const caseId = randomUUID();
  const leadRow = await work.operational
    .selectFrom('staff')
    .select(['roles', 'disabledAt'])
    .where('staffId', '=', lead)
    .where('organizationId', '=', target.organizationId)
    .executeTakeFirst();
  if (!leadRow || leadRow.disabledAt || !leadRow.roles.some((r) => ROLES_WORKING_CASES.includes(r as never))) {
    throw invalid('leadStaffId', '「主担当」は同じ組織の相談支援員等から選んでください');
  }
  const open = await grant.tx
    .selectFrom('cases')
    .select('caseId')
    .where('consulteeId', '=', consulteeId)
    .where('program', '=', body.program)
    .where('status', 'not in', ['closed', 'closed_info_only', 'referred'])
    .executeTakeFirst();
  if (open) throw conflict('この事業のケースは既に支援中です', 'program');
  await grant.tx
    .insertInto('cases')
    .values({
      tenantId: work.actor.tenantId,
      caseId,
      consulteeId,
      organizationId: target.organizationId,
      officeId: office.officeId,
      program: body.program,
      openedOn: body.openedOn ?? today(),
      closedOn: null,
    })
    .execute();
  await grant.tx
    .insertInto('caseWorkers')
    .values({
      tenantId: work.actor.tenantId,
      caseId,
      staffId: lead,
      organizationId: target.organizationId,
      role: 'lead',
      assignedBy: work.actor.staffId,
    })
    .execute();
  return caseId;
}

function single(rows: FilteredRow[]): FilteredRow | null {
  return rows[0] ?? null;
}

/** The whole case as its reader may see it: the record a worker opens (one access event). */
export async function caseDetail(work: Work, caseId: string) {
  const grant = await work.authorize('case', 'read', [caseId]);
  const target = grant.targets.get(caseId) as GrantedTarget;
  const classes = target.classes;
  const byCase = sql`t.case_id = ${caseId}::uuid`;
  const read = (table: string, order = sql`t.created_at`) => selectGranted(grant.tx, table, classes, byCase, order);
  const [kase] = await read('cases');
  if (!kase) throw notFound();
  const [consultee] = await selectGranted(
    grant.tx,
    'consultees',
    classes,
    sql`t.consultee_id = ${target.subjectId}::uuid`,
  );
  const workers = await grant.tx
    .selectFrom('caseWorkers as w')
    .innerJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'w.tenantId').onRef('s.staffId', '=', 'w.staffId'))
    .select(['w.staffId', 's.displayName', 'w.role'])
    .where('w.caseId', '=', caseId)
    .orderBy('w.role', 'desc')
    .execute();
  const records = await caseRecords(grant.tx, caseId);
  // What the reader may do on this case, so a screen offers only that (each command is still decided).
  const may = (action: 'transition' | 'assign') => decide(work.actor, 'case', action, work.purpose, target).allow;
  const moves = (may('transition') ? movesFrom(records.status) : []).map((t) => {
    const check = checkMove(records.status, t, records);
    return { transition: t, label: MOVES[t].label, allowed: check.ok, reason: check.ok ? null : check.reason };
  });
  const consentInForce = specialCareConsent(await loadConsents(grant.tx, target.subjectId), today()) !== null;
  const sheets = await read('budget_sheets', sql`t.month DESC`);
  const cashFlows = await read('cash_flows', sql`t.start_month DESC`);
  const debts = await read('debts');
  return {
    case: kase,
    consultee: consultee ?? {},
    basis: target.basis,
    /** Whether special-care content may be recorded on the person's consent (else a ground is needed: ACQ-2). */
    specialCareConsent: consentInForce,
    may: { transition: may('transition'), assign: may('assign') },
    workers,
    moves,
    transitions: await read('case_transitions', sql`t.recorded_at`),
    intake: single(await read('intake_forms')),
    assessment: single(await read('assessments')),
    plans: await read('plans', sql`t.revision DESC`),
    meetings: await read('coordination_meetings', sql`t.held_on DESC, t.created_at DESC`),
    decisions: await read('support_decisions', sql`t.decided_on DESC`),
    applications: await read('municipal_applications', sql`t.applied_on DESC`),
    notes: await read('progress_notes', sql`t.contact_on DESC, t.created_at DESC`),
    evaluations: await read('evaluations', sql`t.evaluated_on DESC`),
    closure: single(await read('closures')),
    budget: {
      sheets: sheets.map((s) => ({ ...s, totals: budgetTotals((s.lines as BudgetLine[] | undefined) ?? []) })),
      cashFlows: cashFlows.map((c) => {
        const base = sheets.find((s) => s.sheetId === c.baseSheetId);
        const totals = budgetTotals((base?.lines as BudgetLine[] | undefined) ?? []);
        return {
          ...c,
          months: cashFlow(c.startMonth as string, c.openingBalance as number, totals, (c.events as never[]) ?? []),
        };
      }),
      debts,
      arrears: await read('arrears'),
      plans: await read('budget_plans', sql`t.drafted_on DESC`),
      debtTotals: debtTotals(
        debts.map((d) => ({
          balance: Number(d.balance ?? 0),
          monthlyPayment: Number(d.monthlyPayment ?? 0),
          arrearsAmount: Number(d.arrearsAmount ?? 0),
        })),
      ),
    },
  };
}

export async function caseHistory(work: Work, caseId: string) {
  const grant = await work.authorize('case', 'read', [caseId]);
  const target = grant.targets.get(caseId) as GrantedTarget;
  // The case's own changes, and those of the records that belong to it.
  return historyOf(
    grant.tx,
    sql`h.case_id = ${caseId}::uuid AND h.subject_id = ${target.subjectId}::uuid`,
    target.classes,
  );
}

export type { DB };
