// The tenant's purposes of use (利用目的) and their changes (PUR-1, PUR-2).
// A purpose changes by a new version, never by editing one: the app role may only
// insert. A change must stay within the scope reasonably related to the old purpose
// (個人情報保護法 17条2項); anything wider is a new purpose and needs the person's
// consent, so it is refused here. Each change comes with the notice to publish or
// send to the persons (同法 21条3項).

import type { Work } from '../../access/data-access.js';
import { PURPOSES } from '../../core/purposes.js';
import { invalid, notFound } from '../../http/errors.js';
import { purposeChangeNotice } from '../../core/purpose-notice.js';
import { formatWareki, tokyoDate } from '../../../shared/wareki.js';
import type { PurposeChangeBody, PurposeItem, PurposeVersionItem } from './schema.js';

const today = (): string => tokyoDate(new Date());

/** The notice of a change of purpose (PUR-2), shared with the screen that shows it before saving. */
export { purposeChangeNotice };

function order(code: string): number {
  const i = (PURPOSES as readonly string[]).indexOf(code);
  return i === -1 ? PURPOSES.length : i;
}

interface VersionRow {
  purposeCode: string;
  version: number;
  wording: string;
  effectiveFrom: string;
  withinRelatedScope: boolean | null;
  changeReason: string | null;
  noticeText: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

/**
 * A purpose as of a date: the wording in force is that of the latest version whose
 * effective date has come; a version dated later is scheduled and changes nothing yet.
 */
function toItem(code: { purposeCode: string; kind: 'published' | 'management' }, rows: VersionRow[], on: string) {
  const versions = [...rows].sort((a, b) => a.version - b.version);
  const effective = versions.filter((v) => v.effectiveFrom <= on);
  const current = effective.reduce<VersionRow | null>(
    (best, v) =>
      !best ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
        ? v
        : best,
    null,
  );
  const history: PurposeVersionItem[] = versions.map((v, i) => ({
    version: v.version,
    oldWording: i === 0 ? null : (versions[i - 1] as VersionRow).wording,
    wording: v.wording,
    effectiveFrom: v.effectiveFrom,
    status: v.effectiveFrom > on ? 'scheduled' : v === current ? 'current' : 'superseded',
    withinRelatedScope: v.withinRelatedScope,
    changeReason: v.changeReason,
    noticeText: v.noticeText,
    recordedBy: v.recordedBy ? { staffId: v.recordedBy, displayName: v.recordedByName ?? '' } : null,
    recordedAt: v.recordedAt.toISOString(),
  }));
  return {
    purposeCode: code.purposeCode,
    kind: code.kind,
    wording: current?.wording ?? null,
    effectiveFrom: current?.effectiveFrom ?? null,
    version: current?.version ?? null,
    inForce: current !== null,
    history,
  } satisfies PurposeItem;
}

async function load(work: Work, purposeCode?: string): Promise<PurposeItem[]> {
  let codes = work.operational.selectFrom('purposeCodes').select(['purposeCode', 'kind']);
  let versions = work.operational
    .selectFrom('purposeVersions as v')
    .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'v.tenantId').onRef('s.staffId', '=', 'v.recordedBy'))
    .select([
      'v.purposeCode',
      'v.version',
      'v.wording',
      'v.effectiveFrom',
      'v.withinRelatedScope',
      'v.changeReason',
      'v.noticeText',
      'v.recordedBy',
      's.displayName as recordedByName',
      'v.recordedAt',
    ]);
  if (purposeCode !== undefined) {
    codes = codes.where('purposeCode', '=', purposeCode);
    versions = versions.where('v.purposeCode', '=', purposeCode);
  }
  const codeRows = await codes.execute();
  const versionRows = await versions.orderBy('v.version').execute();
  const on = today();
  return codeRows
    .sort((a, b) => order(a.purposeCode) - order(b.purposeCode) || a.purposeCode.localeCompare(b.purposeCode))
    .map((c) =>
      toItem(
        c,
        versionRows.filter((v) => v.purposeCode === c.purposeCode),
        on,
      ),
    );
}

export function listPurposes(work: Work): Promise<PurposeItem[]> {
  return load(work);
}

/**
 * PUR-2: records a change of a purpose's wording as a new version, with its notice.
 * A change outside the scope reasonably related to the old purpose is refused.
 */
export async function changePurpose(
  work: Work,
  purposeCode: string,
  body: PurposeChangeBody,
): Promise<{ purpose: PurposeItem; version: number; effectiveFrom: string; noticeText: string }> {
  const [before] = await load(work, purposeCode);
  if (!before) throw notFound('指定された利用目的は見つかりません');
  if (!body.withinRelatedScope) {
    throw invalid(
      'withinRelatedScope',
      '変更前の利用目的と関連性を有すると合理的に認められる範囲を超える変更はできません。新たな利用目的となるため、あらかじめ本人の同意を得る必要があります',
    );
  }
  // The version a change follows is the latest recorded, even one not yet in force.
  const latest = before.history.at(-1);
  if (!latest) throw notFound('指定された利用目的は見つかりません');
  const wording = body.wording.trim();
  if (wording === latest.wording) throw invalid('wording', '「変更後の利用目的」が変更前と同じです');
  if (body.effectiveFrom < today()) {
    throw invalid('effectiveFrom', '「変更日」は今日以降の日付にしてください（さかのぼって変更することはできません）');
  }
  if (body.effectiveFrom < latest.effectiveFrom) {
    throw invalid(
      'effectiveFrom',
      `「変更日」は前回の変更日（${formatWareki(latest.effectiveFrom)}）以降の日付にしてください`,
    );
  }
  const version = latest.version + 1;
  const noticeText = purposeChangeNotice({
    oldWording: latest.wording,
    newWording: wording,
    effectiveFrom: body.effectiveFrom,
  });
  await work.operational
    .insertInto('purposeVersions')
    .values({
      tenantId: work.actor.tenantId,
      purposeCode,
      version,
      wording,
      effectiveFrom: body.effectiveFrom,
      withinRelatedScope: true,
      changeReason: body.changeReason.trim(),
      noticeText,
      recordedBy: work.actor.staffId,
    })
    .execute();
  await work.audit({
    category: 'admin',
    action: 'purpose.change',
    outcome: 'success',
    recordKind: 'purpose',
    details: { purposeCode, version, effectiveFrom: body.effectiveFrom, withinRelatedScope: true },
  });
  const [purpose] = await load(work, purposeCode);
  return { purpose: purpose as PurposeItem, version, effectiveFrom: body.effectiveFrom, noticeText };
}
