// Use or provision outside the purposes of use (目的外利用・提供) and its approval
// flow (PUR-3, PUR-6, PRV-6), as pure data and functions. The requesting section
// asks (所管課長の申請); the privacy counter gives its opinion and says whether the
// advisory council must be consulted (総合窓口との協議, S2 §10); the council may be
// consulted and answers (諮問・答申, S2 §11, §13), with opinions attached (附帯意見等);
// then the head of the body decides (実施機関の長の決定), respecting the answer.
// The service gathers the facts; this decides which step may be taken, by whom, and
// whether a request may be filed at all. The database's CHECK constraints say the
// same, as the last line; the messages here come first and name the field or step.

import { isInForce, type ConsentRecord } from './consent.js';
import type { DataClass } from './data-classes.js';
import { isProvisionGround, PROVISION_GROUND_LABELS } from './provision.js';
import type { Role } from './roles.js';

export const OUT_OF_PURPOSE_KINDS = ['use', 'provision', 'online_linkage'] as const;
export type OutOfPurposeKind = (typeof OUT_OF_PURPOSE_KINDS)[number];

export const OUT_OF_PURPOSE_KIND_LABELS: Readonly<Record<OutOfPurposeKind, string>> = {
  use: '目的外利用',
  provision: '外部提供',
  online_linkage: '結合による外部提供（オンライン結合）',
};

export const OUT_OF_PURPOSE_STATUSES = ['counter', 'council', 'decision', 'approved', 'rejected', 'withdrawn'] as const;
export type OutOfPurposeStatus = (typeof OUT_OF_PURPOSE_STATUSES)[number];

export const OUT_OF_PURPOSE_STATUS_LABELS: Readonly<Record<OutOfPurposeStatus, string>> = {
  counter: '窓口協議中',
  council: '審議会の答申待ち',
  decision: '決定待ち',
  approved: '承認',
  rejected: '不承認',
  withdrawn: '取下げ',
};

/** Statuses in which the request is still being handled. */
export const OPEN_STATUSES: readonly OutOfPurposeStatus[] = ['counter', 'council', 'decision'];

export function isOpen(status: OutOfPurposeStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const OUT_OF_PURPOSE_STEPS = [
  'withdraw',
  'counter_opinion',
  'council_referral',
  'council_answer',
  'opinion',
  'decide',
] as const;
export type OutOfPurposeStep = (typeof OUT_OF_PURPOSE_STEPS)[number];

export const OUT_OF_PURPOSE_STEP_LABELS: Readonly<Record<OutOfPurposeStep, string>> = {
  withdraw: '申請の取下げ',
  counter_opinion: '窓口の意見',
  council_referral: '審議会への諮問',
  council_answer: '審議会の答申',
  opinion: '意見書の添付',
  decide: '実施機関の長の決定',
};

/** The role that acts as the privacy counter (総合窓口) and records the council's steps and the head's decision. */
export const COUNTER_ROLE: Role = 'privacy_protection_manager';

/** The request as the flow sees it. Dates are YYYY-MM-DD (Asia/Tokyo). */
export interface OutOfPurposeState {
  kind: OutOfPurposeKind;
  status: OutOfPurposeStatus;
  requestedBy: string;
  /** The day the counter's opinion was recorded, or null. */
  counterOn: string | null;
  councilRequired: boolean | null;
  councilReferredOn: string | null;
  councilAnsweredOn: string | null;
}

export interface StepActor {
  staffId: string;
  roles: readonly Role[];
}

export type StepInput =
  | { step: 'withdraw' }
  | { step: 'counter_opinion'; councilRequired: boolean }
  | { step: 'council_referral'; referredOn: string }
  | { step: 'council_answer'; answeredOn: string }
  | { step: 'opinion'; givenOn: string }
  | {
      step: 'decide';
      decision: 'approved' | 'rejected';
      decidedOn: string;
      note: string | null;
      noImproperUse: boolean;
    };

export const STEP_REFUSALS = [
  'not_requester',
  'not_counter',
  'closed',
  'counter_done',
  'counter_missing',
  'council_needed',
  'council_not_required',
  'council_not_referred',
  'council_referred',
  'council_answer_missing',
  'self_decision',
  'date_in_future',
  'date_before_counter',
  'date_before_referral',
  'date_before_answer',
  'rejection_reason_missing',
  'improper_use_not_confirmed',
] as const;
export type StepRefusal = (typeof STEP_REFUSALS)[number];

export type StepOutcome =
  { ok: true; status: OutOfPurposeStatus } | { ok: false; code: StepRefusal; field: string; message: string };

function refuse(code: StepRefusal, field: string, message: string): StepOutcome {
  return { ok: false, code, field, message };
}

/**
 * Whether the actor may take the step now, and the status it leads to. `today` is
 * the date of the command (Asia/Tokyo): recorded dates may not lie after it.
 */
export function takeStep(state: OutOfPurposeState, actor: StepActor, input: StepInput, today: string): StepOutcome {
  const label = OUT_OF_PURPOSE_STEP_LABELS[input.step];
  if (!isOpen(state.status)) {
    return refuse(
      'closed',
      'status',
      `この申請は「${OUT_OF_PURPOSE_STATUS_LABELS[state.status]}」で終了しているため、「${label}」はできません`,
    );
  }
  if (input.step === 'withdraw') {
    if (actor.staffId !== state.requestedBy) {
      return refuse('not_requester', 'withdraw', '申請の取下げは、申請した職員だけが行えます');
    }
    return { ok: true, status: 'withdrawn' };
  }
  if (!actor.roles.includes(COUNTER_ROLE)) {
    return refuse('not_counter', input.step, `「${label}」は個人情報保護管理者が記録します`);
  }
  switch (input.step) {
    case 'counter_opinion':
      return counterOpinion(state, input.councilRequired);
    case 'council_referral':
      return councilReferral(state, input.referredOn, today);
    case 'council_answer':
      return councilAnswer(state, input.answeredOn, today);
    case 'opinion':
      if (input.givenOn > today) {
        return refuse('date_in_future', 'givenOn', '「意見の日付」に今日より後の日付は入力できません');
      }
      return { ok: true, status: state.status };
    case 'decide':
      return decide(state, actor, input, today);
  }
}

function counterOpinion(state: OutOfPurposeState, councilRequired: boolean): StepOutcome {
  if (state.status !== 'counter') {
    return refuse('counter_done', 'counterOpinion', '窓口の意見は既に記録されています');
  }
  // S2 §13: a provision by linking computers (結合による外部提供) is always put to the council.
  if (state.kind === 'online_linkage' && !councilRequired) {
    return refuse(
      'council_needed',
      'councilRequired',
      '結合による外部提供（オンライン結合）は、審議会への諮問が必要です。「審議会への諮問」を「必要」にしてください',
    );
  }
  return { ok: true, status: councilRequired ? 'council' : 'decision' };
}

function councilReferral(state: OutOfPurposeState, referredOn: string, today: string): StepOutcome {
  if (state.status === 'counter') {
    return refuse(
      'counter_missing',
      'councilReferral',
      '窓口の意見がまだ記録されていないため、審議会に諮問できません。先に「窓口の意見」を記録してください',
    );
  }
  if (state.councilRequired !== true) {
    return refuse(
      'council_not_required',
      'councilReferral',
      '窓口の意見で、この申請は審議会への諮問を要しないとされています',
    );
  }
  if (state.councilReferredOn !== null) {
    return refuse('council_referred', 'councilReferral', '審議会への諮問は既に記録されています');
  }
  if (referredOn > today) {
    return refuse('date_in_future', 'referredOn', '「諮問日」に今日より後の日付は入力できません');
  }
  if (state.counterOn !== null && referredOn < state.counterOn) {
    return refuse('date_before_counter', 'referredOn', '「諮問日」は窓口の意見を記録した日以降の日付にしてください');
  }
  return { ok: true, status: 'council' };
}

function councilAnswer(state: OutOfPurposeState, answeredOn: string, today: string): StepOutcome {
  if (state.status === 'counter') {
    return refuse(
      'counter_missing',
      'councilAnswer',
      '窓口の意見がまだ記録されていないため、答申は記録できません。先に「窓口の意見」を記録してください',
    );
  }
  if (state.councilRequired !== true) {
    return refuse(
      'council_not_required',
      'councilAnswer',
      '窓口の意見で、この申請は審議会への諮問を要しないとされています',
    );
  }
  if (state.status !== 'council') {
    return refuse('council_referred', 'councilAnswer', '審議会の答申は既に記録されています');
  }
  if (state.councilReferredOn === null) {
    return refuse(
      'council_not_referred',
      'councilAnswer',
      '審議会への諮問がまだ記録されていないため、答申は記録できません。先に「審議会への諮問」を記録してください',
    );
  }
  if (answeredOn > today) {
    return refuse('date_in_future', 'answeredOn', '「答申日」に今日より後の日付は入力できません');
  }
  if (answeredOn < state.councilReferredOn) {
    return refuse('date_before_referral', 'answeredOn', '「答申日」は諮問日以降の日付にしてください');
  }
  return { ok: true, status: 'decision' };
}

function decide(
  state: OutOfPurposeState,
  actor: StepActor,
  input: Extract<StepInput, { step: 'decide' }>,
  today: string,
): StepOutcome {
  if (state.status === 'counter') {
    return refuse(
      'counter_missing',
      'decision',
      '窓口の意見がまだ記録されていないため、決定できません。先に「窓口の意見」を記録してください',
    );
  }
  if (state.status === 'council') {
    return refuse(
      'council_answer_missing',
      'decision',
      '審議会の答申がまだ記録されていないため、決定できません。答申を受けてから決定してください',
    );
  }
  if (actor.staffId === state.requestedBy) {
    return refuse('self_decision', 'decision', '自分が申請した目的外利用・提供を、自分で決定することはできません');
  }
  if (input.decidedOn > today) {
    return refuse('date_in_future', 'decidedOn', '「決定日」に今日より後の日付は入力できません');
  }
  if (state.counterOn !== null && input.decidedOn < state.counterOn) {
    return refuse('date_before_counter', 'decidedOn', '「決定日」は窓口の意見を記録した日以降の日付にしてください');
  }
  if (state.councilAnsweredOn !== null && input.decidedOn < state.councilAnsweredOn) {
    return refuse('date_before_answer', 'decidedOn', '「決定日」は審議会の答申日以降の日付にしてください');
  }
  if (input.decision === 'rejected' && !input.note?.trim()) {
    return refuse('rejection_reason_missing', 'note', '承認しない場合は「決定の理由」を入力してください');
  }
  // PUR-6 (S4 §8): no use that may aid or induce illegal or improper acts.
  if (input.decision === 'approved' && !input.noImproperUse) {
    return refuse(
      'improper_use_not_confirmed',
      'noImproperUse',
      '承認するには、違法又は不当な行為を助長し、又は誘発するおそれのある利用・提供でないことを確認してください',
    );
  }
  return { ok: true, status: input.decision };
}

/**
 * The steps the actor could take now (forms to offer); each is still checked with
 * its input by takeStep when taken.
 */
export function availableSteps(state: OutOfPurposeState, actor: StepActor): OutOfPurposeStep[] {
  if (!isOpen(state.status)) return [];
  const steps: OutOfPurposeStep[] = [];
  if (actor.staffId === state.requestedBy) steps.push('withdraw');
  if (!actor.roles.includes(COUNTER_ROLE)) return steps;
  if (state.status === 'counter') steps.push('counter_opinion');
  if (state.status === 'council' && state.councilReferredOn === null) steps.push('council_referral');
  if (state.status === 'council' && state.councilReferredOn !== null) steps.push('council_answer');
  steps.push('opinion');
  if (state.status === 'decision' && actor.staffId !== state.requestedBy) steps.push('decide');
  return steps;
}

// ── Filing a request (PUR-3, PUR-6) ─────────────────────────────────────

export interface RequestItem {
  key: string;
  label: string;
  class: DataClass;
}

export interface OutOfPurposeDraft {
  kind: OutOfPurposeKind;
  items: readonly RequestItem[];
  itemsReason: string;
  /** For a provision: the related agency chosen (with whether it is a government body) or a name written. */
  recipient: { agencyId: string | null; name: string; administrative: boolean } | null;
  basis: 'consent' | 'ground';
  consentId: string | null;
  ground: string | null;
  reason: string;
  /** PUR-6: the requester confirms the use cannot aid or induce illegal or improper acts. */
  noImproperUse: boolean;
}

export interface RequestFacts {
  onDate: string;
  /** The person's consents, in force or not. */
  consents: readonly ConsentRecord[];
  /** A suspension of use (利用停止) in force, and a stop of provision (提供停止) in force. */
  useStopped: boolean;
  provisionStopped: boolean;
  /** The organization holding the data is a government body (行政機関等), for the administrative ground. */
  organizationAdministrative: boolean;
}

export const REQUEST_REFUSALS = [
  'no_items',
  'my_number',
  'items_reason_missing',
  'recipient_missing',
  'improper_use_not_confirmed',
  'stop_in_force',
  'consent_missing',
  'consent_not_found',
  'consent_not_in_force',
  'special_care_not_consented',
  'ground_missing',
  'ground_unknown',
  'ground_not_applicable',
  'reason_missing',
] as const;
export type RequestRefusal = (typeof REQUEST_REFUSALS)[number];

export type RequestCheck = { ok: true } | { ok: false; code: RequestRefusal; field: string; message: string };

function refuseRequest(code: RequestRefusal, field: string, message: string): RequestCheck {
  return { ok: false, code, field, message };
}

const quoted = (labels: readonly string[]) => labels.map((l) => `「${l}」`).join('');

/**
 * May this request be filed (and, at the decision, does it still hold)? Use beyond
 * the purposes needs the person's consent in force, covering the classes of the
 * items, or one of the listed grounds with its reason (PUR-3); and only the truly
 * necessary items, with why each is needed; never My Number (PRV-4); never a use
 * that may aid or induce illegal or improper acts (PUR-6).
 */
export function checkRequest(draft: OutOfPurposeDraft, facts: RequestFacts): RequestCheck {
  if (draft.items.length === 0) {
    return refuseRequest('no_items', 'items', '「対象とする項目」を1つ以上選んでください');
  }
  const myNumber = draft.items.filter((i) => i.class === 'my_number');
  if (myNumber.length > 0) {
    return refuseRequest(
      'my_number',
      'items',
      `「対象とする項目」に特定個人情報${quoted(myNumber.map((i) => i.label))}が含まれています。個人番号は番号法に定める場合を除き、目的外に利用・提供できません。この項目を外してください`,
    );
  }
  if (draft.itemsReason.trim() === '') {
    return refuseRequest(
      'items_reason_missing',
      'itemsReason',
      '「項目が必要な理由」を入力してください（目的外の利用・提供は、真に必要な範囲に限られます）',
    );
  }
  if (draft.kind !== 'use' && (draft.recipient === null || draft.recipient.name.trim() === '')) {
    return refuseRequest(
      'recipient_missing',
      'recipientAgencyId',
      '外部提供の場合は、「提供先」を関係機関の一覧から選ぶか、名称を入力してください',
    );
  }
  if (!draft.noImproperUse) {
    return refuseRequest(
      'improper_use_not_confirmed',
      'noImproperUse',
      '違法又は不当な行為を助長し、又は誘発するおそれのある利用・提供でないことを確認してください',
    );
  }
  const stopped = draft.kind === 'use' ? facts.useStopped : facts.useStopped || facts.provisionStopped;
  if (stopped) {
    return refuseRequest(
      'stop_in_force',
      'consultee',
      '「相談者」について利用停止・提供停止の措置が行われているため、目的外の利用・提供は申請できません。措置が解除されるまで申請できません',
    );
  }
  if (draft.basis === 'consent') {
    if (draft.consentId === null) {
      return refuseRequest(
        'consent_missing',
        'consentId',
        '本人の同意による場合は、「根拠とする同意」を選んでください。同意がない場合は、法令に定める根拠とその理由が必要です',
      );
    }
    const consent = facts.consents.find((c) => c.consentId === draft.consentId);
    if (!consent) {
      return refuseRequest(
        'consent_not_found',
        'consentId',
        '「根拠とする同意」は、この相談者の同意から選んでください',
      );
    }
    if (!isInForce(consent, facts.onDate)) {
      return refuseRequest(
        'consent_not_in_force',
        'consentId',
        '「根拠とする同意」は有効ではありません（撤回・置換え・期限切れ、又は開始前）。有効な同意を選ぶか、新たに同意を得てください',
      );
    }
    const specialCare = draft.items.filter((i) => i.class === 'special_care');
    if (specialCare.length > 0 && !consent.coversSpecialCare) {
      return refuseRequest(
        'special_care_not_consented',
        'consentId',
        `「対象とする項目」のうち要配慮個人情報${quoted(specialCare.map((i) => i.label))}は、「根拠とする同意」に含まれていません。要配慮個人情報を含む同意を得るか、この項目を外してください`,
      );
    }
    if (draft.reason.trim() === '') {
      return refuseRequest('reason_missing', 'reason', '「理由」（目的外の利用・提供が必要な理由）を入力してください');
    }
    return { ok: true };
  }
  if (draft.ground === null) {
    return refuseRequest(
      'ground_missing',
      'ground',
      '本人の同意によらない場合は、「同意によらない根拠」を選んでください。同意も根拠もない目的外の利用・提供はできません',
    );
  }
  if (!isProvisionGround(draft.ground)) {
    return refuseRequest('ground_unknown', 'ground', '「同意によらない根拠」は一覧から選んでください');
  }
  if (draft.ground === 'administrative_statutory') {
    const administrative = draft.kind === 'use' ? facts.organizationAdministrative : draft.recipient?.administrative;
    if (!administrative) {
      return refuseRequest(
        'ground_not_applicable',
        'ground',
        `「同意によらない根拠」（${PROVISION_GROUND_LABELS.administrative_statutory}）は、${draft.kind === 'use' ? '利用する者' : '提供先'}が行政機関等の場合に限り選べます`,
      );
    }
  }
  if (draft.reason.trim() === '') {
    return refuseRequest(
      'reason_missing',
      'reason',
      '同意によらない場合は、「理由」（該当する法令の条項や、本人の同意を得ることが困難な事情など）を入力してください',
    );
  }
  return { ok: true };
}
