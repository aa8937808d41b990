// Changes to a joint-use declaration (共同利用, PRV-2). Joint use is not provision
// to a third party only while the items, the joint users, their purposes and the
// responsible party (name, address, representative) were notified to the person or
// made easily knowable beforehand. What may change afterwards, and when the person
// must be told, follows S1 §11-2 and S4 §17-2/3:
// - the responsible party's name, address or representative: without delay;
// - the purposes, or the responsible party itself: beforehand;
// - the items or the joint users: not under the same declaration at all; that is a
//   new joint use, which needs a new declaration and the persons' consent.

import { addDays } from './attention.js';

export interface ResponsibleParty {
  partyId: string;
  name: string;
  address: string;
  representative: string;
}

export interface JointUseDeclaration {
  /** The keys of the items used jointly (共同利用する個人データの項目). */
  items: readonly string[];
  /** The joint users (共同して利用する者の範囲), as agency ids. */
  users: readonly string[];
  purposes: readonly string[];
  /** The party responsible for managing the data (管理について責任を有する者). */
  responsible: ResponsibleParty;
}

export const JOINT_USE_CHANGE_KINDS = [
  'responsible_details',
  'responsible_party',
  'purposes',
  'items',
  'users',
] as const;
export type JointUseChangeKind = (typeof JOINT_USE_CHANGE_KINDS)[number];

export const JOINT_USE_CHANGE_LABELS: Readonly<Record<JointUseChangeKind, string>> = {
  responsible_details: '責任者の氏名・名称、住所又は代表者',
  responsible_party: '管理について責任を有する者',
  purposes: '利用目的',
  items: '共同利用する項目',
  users: '共同して利用する者の範囲',
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** What changed between two versions of a declaration, in the order of JOINT_USE_CHANGE_KINDS. */
export function diffJointUse(before: JointUseDeclaration, after: JointUseDeclaration): JointUseChangeKind[] {
  const kinds: JointUseChangeKind[] = [];
  const b = before.responsible;
  const a = after.responsible;
  if (b.partyId !== a.partyId) kinds.push('responsible_party');
  else if (b.name !== a.name || b.address !== a.address || b.representative !== a.representative) {
    kinds.push('responsible_details');
  }
  if (!sameSet(before.purposes, after.purposes)) kinds.push('purposes');
  if (!sameSet(before.items, after.items)) kinds.push('items');
  if (!sameSet(before.users, after.users)) kinds.push('users');
  return kinds;
}

export type NoticeTiming = 'without_delay' | 'beforehand' | 'not_allowed';

/** When the person must be told of a change of this kind; `not_allowed` when a new declaration is needed. */
export function noticeTiming(kind: JointUseChangeKind): NoticeTiming {
  switch (kind) {
    case 'responsible_details':
      return 'without_delay';
    case 'responsible_party':
    case 'purposes':
      return 'beforehand';
    case 'items':
    case 'users':
      return 'not_allowed';
  }
}

export interface JointUseChange {
  kinds: readonly JointUseChangeKind[];
  /** The day the change was made or decided (YYYY-MM-DD). */
  changedOn: string;
  /** The day the person was notified or the change published, if it has been. */
  noticeOn: string | null;
  /** The day the changed declaration applies from. */
  effectiveFrom: string;
}

export type JointUseChangeProblem =
  'no_change' | 'new_declaration_required' | 'notice_not_beforehand' | 'effective_too_soon' | 'notice_late';

export type JointUseChangeCheck =
  | { ok: true; noticeDueOn: string; effectiveFrom: string }
  | { ok: false; code: JointUseChangeProblem; field: string; message: string };

function problem(code: JointUseChangeProblem, field: string, message: string): JointUseChangeCheck {
  return { ok: false, code, field, message };
}

/**
 * Whether a change may be made as planned, and by when the person must be told
 * (PRV-2). A change told beforehand must be told strictly before the day it applies,
 * so the notice is due the day before `effectiveFrom`; a change told without delay
 * is due on the day of the change. With both kinds the earlier date applies.
 */
export function checkJointUseChange(change: JointUseChange): JointUseChangeCheck {
  const { kinds, changedOn, noticeOn, effectiveFrom } = change;
  if (kinds.length === 0) {
    return problem('no_change', 'kinds', '共同利用の内容に変更がありません。「変更内容」を確認してください');
  }
  const fixed = kinds.filter((k) => noticeTiming(k) === 'not_allowed');
  const first = fixed[0];
  if (first !== undefined) {
    return problem(
      'new_declaration_required',
      first,
      `${fixed.map((k) => `「${JOINT_USE_CHANGE_LABELS[k]}」`).join('')}は、同じ共同利用のまま変更できません。新たな共同利用として公表し、本人の同意を得てください`,
    );
  }
  const dues: string[] = [];
  if (kinds.some((k) => noticeTiming(k) === 'beforehand')) {
    const label = kinds
      .filter((k) => noticeTiming(k) === 'beforehand')
      .map((k) => `「${JOINT_USE_CHANGE_LABELS[k]}」`)
      .join('');
    if (noticeOn !== null && noticeOn >= effectiveFrom) {
      return problem(
        'notice_not_beforehand',
        'noticeOn',
        `${label}の変更は、あらかじめ本人に通知又は公表しなければなりません。「通知・公表日」は「変更の適用日」（${effectiveFrom}）より前の日にするか、適用日を遅らせてください`,
      );
    }
    if (noticeOn === null && effectiveFrom <= changedOn) {
      return problem(
        'effective_too_soon',
        'effectiveFrom',
        `${label}の変更は、あらかじめ本人に通知又は公表しなければなりません。「変更の適用日」は、通知・公表をする日より後の日にしてください`,
      );
    }
    dues.push(addDays(effectiveFrom, -1));
  }
  if (kinds.includes('responsible_details')) {
    if (noticeOn !== null && noticeOn > changedOn) {
      return problem(
        'notice_late',
        'noticeOn',
        `「${JOINT_USE_CHANGE_LABELS.responsible_details}」の変更は、遅滞なく本人に通知又は公表しなければなりません。「通知・公表日」は変更の日（${changedOn}）にしてください`,
      );
    }
    dues.push(changedOn);
  }
  const noticeDueOn = dues.reduce((x, y) => (y < x ? y : x));
  return { ok: true, noticeDueOn, effectiveFrom };
}
