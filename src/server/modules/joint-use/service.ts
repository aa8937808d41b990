// Joint use (共同利用, PRV-2): what the agency announced it shares with the joint
// users, and every change of it. A declaration changes only by a new version; the
// rules of core/joint-use.ts decide which changes are allowed and by when the
// persons must be told (the responsible party's details without delay; the
// purposes or the responsible party itself beforehand; never the items or the
// users, which need a new joint use and the persons' consent). The day the notice
// was given is recorded later; notices still to give are listed for the manager.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OperationalDB, Work } from '../../access/data-access.js';
import {
  checkJointUseChange,
  diffJointUse,
  JOINT_USE_CHANGE_KINDS,
  JOINT_USE_CHANGE_LABELS,
  noticeTiming,
  type JointUseChangeKind,
  type JointUseDeclaration,
} from '../../core/joint-use.js';
import { noticePending, noticeStatus } from '../../core/joint-use-notices.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { provisionItem } from '../../../shared/provision-items.js';
import { formatWareki, tokyoDate } from '../../../shared/wareki.js';
import type {
  ChangeBody,
  ChangeCheckResponse,
  DeclareBody,
  DueNotice,
  JointUseItem,
  JointUseVersionItem,
} from './schema.js';

const today = (): string => tokyoDate(new Date());

/** The responsible party when the tenant's own organization is responsible (no agency of the list). */
const TENANT_PARTY = 'tenant';

interface VersionRow {
  declarationId: string;
  version: number;
  items: string[];
  userAgencyIds: string[];
  usersNote: string | null;
  purposes: string[];
  responsibleAgencyId: string | null;
  responsibleName: string;
  responsibleAddress: string;
  responsibleRepresentative: string;
  changedOn: string;
  effectiveFrom: string;
  changeKinds: string[];
  noticeDueOn: string | null;
  noticeOn: string | null;
  changeNote: string | null;
  recordedBy: string;
  recordedByName: string | null;
  recordedAt: Date;
}

export interface LoadedDeclaration {
  declarationId: string;
  title: string;
  endedOn: string | null;
  versions: VersionRow[];
}

/** The declarations with their versions; also read by the public page, outside any session. */
export async function loadJointUse(db: Kysely<OperationalDB>, declarationId?: string): Promise<LoadedDeclaration[]> {
  let declarations = db.selectFrom('jointUseDeclarations').select(['declarationId', 'title', 'endedOn', 'createdAt']);
  let versions = db
    .selectFrom('jointUseVersions as v')
    .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'v.tenantId').onRef('s.staffId', '=', 'v.recordedBy'))
    .select([
      'v.declarationId',
      'v.version',
      'v.items',
      'v.userAgencyIds',
      'v.usersNote',
      'v.purposes',
      'v.responsibleAgencyId',
      'v.responsibleName',
      'v.responsibleAddress',
      'v.responsibleRepresentative',
      'v.changedOn',
      'v.effectiveFrom',
      'v.changeKinds',
      'v.noticeDueOn',
      'v.noticeOn',
      'v.changeNote',
      'v.recordedBy',
      's.displayName as recordedByName',
      'v.recordedAt',
    ]);
  if (declarationId !== undefined) {
    declarations = declarations.where('declarationId', '=', declarationId);
    versions = versions.where('v.declarationId', '=', declarationId);
  }
  const rows = await declarations.orderBy('createdAt').execute();
  const versionRows = await versions.orderBy('v.declarationId').orderBy('v.version').execute();
  return rows
    .map((d) => ({
      declarationId: d.declarationId,
      title: d.title,
      endedOn: d.endedOn,
      versions: versionRows.filter((v) => v.declarationId === d.declarationId),
    }))
    .filter((d) => d.versions.length > 0);
}

export async function agencyNames(db: Kysely<OperationalDB>): Promise<Map<string, { name: string; retired: boolean }>> {
  const on = today();
  const rows = await db.selectFrom('relatedAgencies').select(['agencyId', 'name', 'retiredOn']).execute();
  return new Map(rows.map((a) => [a.agencyId, { name: a.name, retired: a.retiredOn !== null && a.retiredOn <= on }]));
}

function kindItems(kinds: readonly string[]) {
  return JOINT_USE_CHANGE_KINDS.filter((k) => kinds.includes(k)).map((kind) => ({
    kind,
    label: JOINT_USE_CHANGE_LABELS[kind],
    timing: noticeTiming(kind),
  }));
}

/** The version in force on a date: the last whose day has come (a later version never applies earlier). */
function inForce(versions: readonly VersionRow[], on: string): VersionRow | null {
  return versions.filter((v) => v.effectiveFrom <= on).at(-1) ?? null;
}

export function toItem(
  d: LoadedDeclaration,
  agencies: Map<string, { name: string; retired: boolean }>,
  on: string,
): JointUseItem {
  const current = inForce(d.versions, on);
  const history: JointUseVersionItem[] = d.versions.map((v) => ({
    version: v.version,
    status: v.effectiveFrom > on ? 'scheduled' : v === current ? 'current' : 'superseded',
    items: v.items,
    itemLabels: v.items.map((k) => provisionItem(k)?.label ?? k),
    userAgencies: v.userAgencyIds.map((id) => ({
      agencyId: id,
      name: agencies.get(id)?.name ?? '（一覧にない関係機関）',
      retired: agencies.get(id)?.retired ?? true,
    })),
    usersNote: v.usersNote,
    purposes: v.purposes,
    responsibleAgencyId: v.responsibleAgencyId,
    responsibleName: v.responsibleName,
    responsibleAddress: v.responsibleAddress,
    responsibleRepresentative: v.responsibleRepresentative,
    changedOn: v.changedOn,
    effectiveFrom: v.effectiveFrom,
    changeKinds: kindItems(v.changeKinds),
    noticeDueOn: v.noticeDueOn,
    noticeOn: v.noticeOn,
    noticeStatus: noticeStatus(v, on),
    changeNote: v.changeNote,
    recordedBy: { staffId: v.recordedBy, displayName: v.recordedByName ?? '' },
    recordedAt: v.recordedAt.toISOString(),
  }));
  const shown = history.find((h) => h.status === 'current') ?? (history[0] as JointUseVersionItem);
  const ended = d.endedOn !== null && d.endedOn <= on;
  return {
    declarationId: d.declarationId,
    title: d.title,
    state: ended ? 'ended' : current ? 'in_effect' : 'announced',
    endedOn: d.endedOn,
    current: shown,
    scheduled: history.filter((h) => h.status === 'scheduled' && h.version !== shown.version).at(-1) ?? null,
    history,
  };
}

export async function listJointUse(work: Work): Promise<JointUseItem[]> {
  const on = today();
  const agencies = await agencyNames(work.operational);
  return (await loadJointUse(work.operational)).map((d) => toItem(d, agencies, on));
}

export async function jointUseDeclaration(work: Work, declarationId: string): Promise<JointUseItem> {
  const [d] = await loadJointUse(work.operational, declarationId);
  if (!d) throw notFound('指定された共同利用は見つかりません');
  return toItem(d, await agencyNames(work.operational), today());
}

/** PRV-2: the notices still to give, the overdue first. */
export async function dueNotices(work: Work): Promise<DueNotice[]> {
  const on = today();
  const out: DueNotice[] = [];
  for (const d of await loadJointUse(work.operational)) {
    if (d.endedOn !== null && d.endedOn <= on) continue;
    for (const v of d.versions) {
      const status = noticeStatus(v, on);
      if (!noticePending(status) || v.noticeDueOn === null) continue;
      out.push({
        declarationId: d.declarationId,
        title: d.title,
        version: v.version,
        changeKinds: kindItems(v.changeKinds),
        changedOn: v.changedOn,
        effectiveFrom: v.effectiveFrom,
        noticeDueOn: v.noticeDueOn,
        overdue: status === 'overdue',
      });
    }
  }
  return out.sort((a, b) => a.noticeDueOn.localeCompare(b.noticeDueOn));
}

type Content = Pick<
  ChangeBody,
  | 'items'
  | 'userAgencyIds'
  | 'usersNote'
  | 'purposes'
  | 'responsibleAgencyId'
  | 'responsibleName'
  | 'responsibleAddress'
  | 'responsibleRepresentative'
>;

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function contentOf(body: Content) {
  return {
    items: body.items,
    userAgencyIds: body.userAgencyIds,
    usersNote: text(body.usersNote),
    purposes: [...new Set(body.purposes.map((p) => p.trim()))],
    responsibleAgencyId: body.responsibleAgencyId ?? null,
    responsibleName: body.responsibleName.trim(),
    responsibleAddress: body.responsibleAddress.trim(),
    responsibleRepresentative: body.responsibleRepresentative.trim(),
  };
}
type ContentValues = ReturnType<typeof contentOf>;

function declarationOf(v: Omit<ContentValues, 'items'> & { items: readonly string[] }): JointUseDeclaration {
  return {
    items: v.items,
    users: v.userAgencyIds,
    purposes: v.purposes,
    responsible: {
      partyId: v.responsibleAgencyId ?? TENANT_PARTY,
      name: v.responsibleName,
      address: v.responsibleAddress,
      representative: v.responsibleRepresentative,
    },
  };
}

/** The agencies named must be on the list and in use today. */
async function assertAgencies(work: Work, ids: readonly string[], field: string, label: string): Promise<void> {
  if (ids.length === 0) return;
  const on = today();
  const rows = await work.operational
    .selectFrom('relatedAgencies')
    .select(['agencyId', 'retiredOn'])
    .where('agencyId', 'in', [...ids])
    .execute();
  const usable = new Set(rows.filter((r) => r.retiredOn === null || r.retiredOn > on).map((r) => r.agencyId));
  const bad = ids.findIndex((id) => !usable.has(id));
  if (bad !== -1) {
    throw invalid(
      field === 'userAgencyIds' ? `${field}.${bad}` : field,
      `「${label}」は関係機関の一覧（使用中のもの）から選んでください`,
    );
  }
}

/** PRV-2: a new joint use, as announced to the persons before it starts. */
export async function declareJointUse(work: Work, body: DeclareBody): Promise<JointUseItem> {
  const values = contentOf(body);
  await assertAgencies(work, values.userAgencyIds, 'userAgencyIds', '共同して利用する者');
  if (values.responsibleAgencyId) {
    await assertAgencies(work, [values.responsibleAgencyId], 'responsibleAgencyId', '管理について責任を有する者');
  }
  if (body.effectiveFrom < body.declaredOn) {
    throw invalid(
      'effectiveFrom',
      '共同利用は、あらかじめ本人に通知し又は公表してから始めてください。「共同利用の開始日」は「公表日」以降の日付にしてください',
    );
  }
  if (body.declaredOn > today()) {
    throw invalid('declaredOn', '「公表日」には、公表した日（今日以前）を入力してください');
  }
  const declarationId = randomUUID();
  await work.operational
    .insertInto('jointUseDeclarations')
    .values({ tenantId: work.actor.tenantId, declarationId, title: body.title.trim(), endedOn: null })
    .execute();
  await work.operational
    .insertInto('jointUseVersions')
    .values({
      tenantId: work.actor.tenantId,
      declarationId,
      version: 1,
      ...values,
      changedOn: body.declaredOn,
      effectiveFrom: body.effectiveFrom,
      // The declaration itself is the notice: published on the day it was declared.
      noticeDueOn: null,
      noticeOn: body.declaredOn,
      changeNote: null,
      recordedBy: work.actor.staffId,
    })
    .execute();
  await work.audit({
    category: 'admin',
    action: 'joint_use.declare',
    outcome: 'success',
    recordKind: 'joint_use',
    recordIds: [declarationId],
    details: { version: 1, items: values.items, effectiveFrom: body.effectiveFrom },
  });
  return jointUseDeclaration(work, declarationId);
}

/** The core's messages name dates as YYYY-MM-DD; the screens say them in 和暦. */
const wareki = (message: string) => message.replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatWareki(d));

interface Planned {
  declaration: LoadedDeclaration;
  latest: VersionRow;
  values: ContentValues;
  kinds: JointUseChangeKind[];
}

async function plan(work: Work, declarationId: string, body: ChangeBody): Promise<Planned> {
  const [declaration] = await loadJointUse(work.operational, declarationId);
  if (!declaration) throw notFound('指定された共同利用は見つかりません');
  if (declaration.endedOn !== null) {
    throw conflict(`この共同利用は終了しています（終了日: ${formatWareki(declaration.endedOn)}）`, 'changedOn');
  }
  const latest = declaration.versions.at(-1) as VersionRow;
  const values = contentOf(body);
  const kinds = diffJointUse(declarationOf(latest), declarationOf(values));
  // The note on the range of joint users is part of that range: changing it changes the users.
  if (values.usersNote !== latest.usersNote && !kinds.includes('users')) kinds.push('users');
  return { declaration, latest, values, kinds: JOINT_USE_CHANGE_KINDS.filter((k) => kinds.includes(k)) };
}

/** Dates of a change that the rule of core/joint-use.ts does not cover: order and the present. */
function dateProblem(latest: VersionRow, body: ChangeBody): { field: string; message: string } | null {
  if (body.changedOn < latest.changedOn) {
    return {
      field: 'changedOn',
      message: `「変更の日」は前回の変更の日（${formatWareki(latest.changedOn)}）以降の日付にしてください`,
    };
  }
  if (body.effectiveFrom < body.changedOn) {
    return { field: 'effectiveFrom', message: '「変更の適用日」は「変更の日」以降の日付にしてください' };
  }
  if (body.effectiveFrom < latest.effectiveFrom) {
    return {
      field: 'effectiveFrom',
      message: `「変更の適用日」は前回の適用日（${formatWareki(latest.effectiveFrom)}）以降の日付にしてください`,
    };
  }
  if (body.noticeOn && body.noticeOn > today()) {
    return { field: 'noticeOn', message: '「通知・公表日」には、通知又は公表をした日（今日以前）を入力してください' };
  }
  return null;
}

/** What a planned change is and whether it may be made, without saving it (for the form). */
export async function checkChange(work: Work, declarationId: string, body: ChangeBody): Promise<ChangeCheckResponse> {
  const { latest, kinds } = await plan(work, declarationId, body);
  const dates = dateProblem(latest, body);
  const check = checkJointUseChange({
    kinds,
    changedOn: body.changedOn,
    noticeOn: body.noticeOn ?? null,
    effectiveFrom: body.effectiveFrom,
  });
  const problem = !check.ok ? { code: check.code, field: check.field, message: wareki(check.message) } : null;
  const first = problem ?? (dates ? { code: 'dates', ...dates } : null);
  return {
    kinds: kindItems(kinds),
    ok: first === null,
    noticeDueOn: check.ok ? check.noticeDueOn : null,
    code: first?.code ?? null,
    field: first?.field ?? null,
    message: first?.message ?? null,
  };
}

/**
 * PRV-2: records a change as the next version, with what changed and by when the
 * persons must be told. A change the rule does not allow is refused, and the
 * refusal recorded: changing the items or the users under the same declaration
 * would share data the persons were never told of.
 */
export async function changeJointUse(work: Work, declarationId: string, body: ChangeBody): Promise<JointUseItem> {
  const { declaration, latest, values, kinds } = await plan(work, declarationId, body);
  const check = checkJointUseChange({
    kinds,
    changedOn: body.changedOn,
    noticeOn: body.noticeOn ?? null,
    effectiveFrom: body.effectiveFrom,
  });
  if (!check.ok) {
    const error = invalid(check.field, wareki(check.message));
    if (check.code === 'no_change') throw new AppError(400, 'invalid', error.message);
    return work.refuseBecause(
      {
        category: 'admin',
        action: 'joint_use.change',
        outcome: 'denied',
        recordKind: 'joint_use',
        recordIds: [declarationId],
        details: { reason: check.code, kinds },
      },
      error,
    );
  }
  const dates = dateProblem(latest, body);
  if (dates) throw invalid(dates.field, dates.message);
  if (kinds.includes('responsible_party') && values.responsibleAgencyId) {
    await assertAgencies(work, [values.responsibleAgencyId], 'responsibleAgencyId', '管理について責任を有する者');
  }
  const version = latest.version + 1;
  await work.operational
    .insertInto('jointUseVersions')
    .values({
      tenantId: work.actor.tenantId,
      declarationId,
      version,
      ...values,
      changedOn: body.changedOn,
      effectiveFrom: body.effectiveFrom,
      changeKinds: kinds,
      noticeDueOn: check.noticeDueOn,
      noticeOn: body.noticeOn ?? null,
      changeNote: text(body.changeNote),
      recordedBy: work.actor.staffId,
    })
    .execute();
  await work.audit({
    category: 'admin',
    action: 'joint_use.change',
    outcome: 'success',
    recordKind: 'joint_use',
    recordIds: [declarationId],
    details: { version, kinds, effectiveFrom: body.effectiveFrom, noticeDueOn: check.noticeDueOn },
  });
  return jointUseDeclaration(work, declaration.declarationId);
}

/**
 * PRV-2: the day the persons were told of a change. It is recorded as it happened,
 * also when late: the list then shows it was given after its due day.
 */
export async function recordNotice(
  work: Work,
  declarationId: string,
  version: number,
  noticeOn: string,
): Promise<JointUseItem> {
  const [declaration] = await loadJointUse(work.operational, declarationId);
  const v = declaration?.versions.find((x) => x.version === version);
  if (!declaration || !v) throw notFound('指定された共同利用の変更は見つかりません');
  if (v.noticeDueOn === null) {
    throw conflict('当初の公表には、変更の通知を記録する必要はありません', 'noticeOn');
  }
  if (v.noticeOn !== null) {
    throw conflict(`この変更の通知・公表は既に記録されています（${formatWareki(v.noticeOn)}）`, 'noticeOn');
  }
  if (noticeOn > today()) {
    throw invalid('noticeOn', '「通知・公表日」には、通知又は公表をした日（今日以前）を入力してください');
  }
  await work.operational
    .updateTable('jointUseVersions')
    .set({ noticeOn })
    .where('declarationId', '=', declarationId)
    .where('version', '=', version)
    .execute();
  const late = noticeOn > v.noticeDueOn;
  await work.audit({
    category: 'admin',
    action: 'joint_use.notice',
    outcome: 'success',
    recordKind: 'joint_use',
    recordIds: [declarationId],
    details: { version, noticeOn, noticeDueOn: v.noticeDueOn, late },
  });
  return jointUseDeclaration(work, declarationId);
}

/** The end of a joint use: no longer announced; its versions stay. */
export async function endJointUse(work: Work, declarationId: string, endedOn: string): Promise<JointUseItem> {
  const [declaration] = await loadJointUse(work.operational, declarationId);
  if (!declaration) throw notFound('指定された共同利用は見つかりません');
  if (declaration.endedOn !== null) {
    throw conflict(`この共同利用は既に終了しています（終了日: ${formatWareki(declaration.endedOn)}）`, 'endedOn');
  }
  const first = declaration.versions[0] as VersionRow;
  if (endedOn < first.effectiveFrom) {
    throw invalid(
      'endedOn',
      `「終了日」は共同利用の開始日（${formatWareki(first.effectiveFrom)}）以降の日付にしてください`,
    );
  }
  await work.operational
    .updateTable('jointUseDeclarations')
    .set({ endedOn })
    .where('declarationId', '=', declarationId)
    .execute();
  await work.audit({
    category: 'admin',
    action: 'joint_use.end',
    outcome: 'success',
    recordKind: 'joint_use',
    recordIds: [declarationId],
    details: { endedOn },
  });
  return jointUseDeclaration(work, declarationId);
}
