// Provision of a consultee's data to someone outside the agency (PRV-1, PRV-2,
// PRV-4, PRV-5, CON-3, CON-5), as a pure decision over plain data. The service
// gathers the consents, the stop flags, the joint-use declaration and the tenant's
// purposes; this decides, and every outcome (allowed or refused) is recorded by the
// caller (PRV-3). Outsourcing and joint use are not provision to a third party
// (PRV-2) but still go through here so that they are decided and recorded alike.

import { addDays } from './attention.js';
import { isInForce, type ConsentRecord } from './consent.js';
import { type DataClass } from './data-classes.js';
import { PURPOSE_LABELS } from './purposes.js';

/** A consent may name specific related agencies (別表) as well as kinds of agency (CON-3, CON-4). */
export interface ProvisionConsent extends ConsentRecord {
  agencyIds: readonly string[];
}

/** The grounds on which data may be provided without the person's consent (PRV-1). */
export const PROVISION_GROUNDS = [
  'law',
  'life_body_property',
  'public_health_children',
  'government_cooperation',
  'administrative_statutory',
] as const;
export type ProvisionGround = (typeof PROVISION_GROUNDS)[number];

export const PROVISION_GROUND_LABELS: Readonly<Record<ProvisionGround, string>> = {
  law: '法令に基づく場合',
  life_body_property:
    '人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意を得ることが困難であるとき',
  public_health_children:
    '公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であって、本人の同意を得ることが困難であるとき',
  government_cooperation:
    '国の機関若しくは地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに対して協力する必要がある場合であって、本人の同意を得ることにより当該事務の遂行に支障を及ぼすおそれがあるとき',
  administrative_statutory:
    '行政機関等が法令の定める所掌事務の遂行に必要な限度で利用し、かつ相当の理由がある場合（提供先が行政機関等の場合に限る）',
};

export function isProvisionGround(code: string): code is ProvisionGround {
  return (PROVISION_GROUNDS as readonly string[]).includes(code);
}

/**
 * How the data leaves the agency. Outsourcing (委託) to a contractor within the
 * purposes and joint use (共同利用) under a published declaration are not provision
 * to a third party (PRV-2).
 */
export const PROVISION_MODES = ['third_party', 'outsourcing', 'joint_use'] as const;
export type ProvisionMode = (typeof PROVISION_MODES)[number];

export const PROVISION_MODE_LABELS: Readonly<Record<ProvisionMode, string>> = {
  third_party: '第三者提供',
  outsourcing: '委託に伴う提供',
  joint_use: '共同利用',
};

export interface ProvisionItem {
  key: string;
  label: string;
  class: DataClass;
}

export interface ProvisionRecipient {
  /** The related agency (関係機関) in the tenant's list, if it is one. */
  agencyId: string | null;
  name: string;
  /** The kind of agency, matched against a consent's `agencyKinds`. */
  kind: string;
  /** A national or local government body (行政機関等). */
  administrative: boolean;
  /** A contractor (委託先) of the agency. */
  contractor: boolean;
  /** Many unspecified persons (不特定多数), e.g. publication. */
  manyUnspecified: boolean;
}

/** The published joint-use declaration (共同利用の公表) relied on, PRV-2. */
export interface ProvisionJointUse {
  declarationId: string;
  userAgencyIds: readonly string[];
  itemKeys: readonly string[];
  purposes: readonly string[];
  publishedOn: string | null;
  effectiveFrom: string;
}

export interface ProvisionRequest {
  /** YYYY-MM-DD */
  onDate: string;
  purpose: string;
  mode: ProvisionMode;
  items: readonly ProvisionItem[];
  recipient: ProvisionRecipient;
  /** The person's consents, in force or not: this function decides which count. */
  consents: readonly ProvisionConsent[];
  /** A suspension of use or a stop of provision (利用停止・提供停止) is in force for the person. */
  stopInForce: boolean;
  /** The data is pseudonymized (仮名加工情報). */
  pseudonymized: boolean;
  ground: { code: string; reason: string } | null;
  /** The privacy protection manager (個人情報保護管理者) who approved a provision on a ground. */
  approvedBy: string | null;
  jointUse: ProvisionJointUse | null;
  tenantPurposes: readonly string[];
}

export const PROVISION_REFUSALS = [
  'no_items',
  'my_number',
  'pseudonymized',
  'stop_in_force',
  'purpose_not_registered',
  'not_contractor',
  'joint_use_missing',
  'joint_use_not_published',
  'joint_use_not_effective',
  'joint_use_not_user',
  'joint_use_items_not_declared',
  'joint_use_purpose_not_declared',
  'many_unspecified_needs_ground',
  'special_care_not_consented',
  'purpose_not_consented',
  'consent_or_ground_required',
  'ground_unknown',
  'ground_not_applicable',
  'ground_reason_missing',
  'approval_required',
] as const;
export type ProvisionRefusal = (typeof PROVISION_REFUSALS)[number];

/** Refusals that a listed ground, with its reason and the manager's approval, can overcome (PRV-1). */
export const REFUSALS_A_GROUND_CAN_MEET: readonly ProvisionRefusal[] = [
  'many_unspecified_needs_ground',
  'special_care_not_consented',
  'purpose_not_consented',
  'consent_or_ground_required',
  'ground_unknown',
  'ground_not_applicable',
  'ground_reason_missing',
  'approval_required',
];

export type ProvisionDecision =
  | { allowed: true; basis: 'consent'; consentId: string }
  | { allowed: true; basis: 'ground'; ground: ProvisionGround; reason: string; approvedBy: string }
  | { allowed: true; basis: 'outsourcing' }
  | { allowed: true; basis: 'joint_use'; declarationId: string }
  | { allowed: false; code: ProvisionRefusal; field: string; message: string; needsApproval: boolean };

function refuse(code: ProvisionRefusal, field: string, message: string): ProvisionDecision {
  return { allowed: false, code, field, message, needsApproval: code === 'approval_required' };
}

/** 「a」「b」 */
function quoted(labels: readonly string[]): string {
  return labels.map((l) => `「${l}」`).join('');
}

function purposeLabel(purpose: string): string {
  return (PURPOSE_LABELS as Readonly<Record<string, string>>)[purpose] ?? purpose;
}

function namesRecipient(c: ProvisionConsent, r: ProvisionRecipient): boolean {
  return (r.agencyId !== null && c.agencyIds.includes(r.agencyId)) || (r.kind !== '' && c.agencyKinds.includes(r.kind));
}

/** The most recently given of the consents, or null. */
function latest(consents: readonly ProvisionConsent[]): ProvisionConsent | null {
  let best: ProvisionConsent | null = null;
  for (const c of consents) if (best === null || c.givenOn > best.givenOn) best = c;
  return best;
}

/**
 * May these items of the person be provided to this recipient, for this purpose,
 * on this date? The rules apply in a fixed order, so that the refusal a worker sees
 * is the one that matters most: nothing to provide; My Number (never, PRV-4);
 * pseudonymized data (never, PRV-5); a stop in force; a purpose the tenant has not
 * specified (PUR-1); then the mode's own conditions.
 */
export function decideProvision(request: ProvisionRequest): ProvisionDecision {
  const { purpose, items, recipient } = request;

  if (items.length === 0) {
    return refuse('no_items', 'items', '「提供する項目」を1つ以上選んでください');
  }
  // PRV-4: specific personal information is never provided from here, not even
  // with consent or on a ground; what the My Number Act allows goes by its own procedure.
  const myNumber = items.filter((i) => i.class === 'my_number');
  if (myNumber.length > 0) {
    return refuse(
      'my_number',
      'items',
      `「提供する項目」に特定個人情報（個人番号を含む情報）${quoted(myNumber.map((i) => i.label))}が含まれています。特定個人情報は本人の同意があっても提供できません。この項目を外してください`,
    );
  }
  // PRV-5 (S4 §20-6): pseudonymized data is not provided; provision "by law" is
  // left to the privacy protection manager outside this decision.
  if (request.pseudonymized) {
    return refuse(
      'pseudonymized',
      'items',
      '「提供する項目」は仮名加工情報です。仮名加工情報は提供できません（法令に基づく場合を除く）。提供が必要な場合は、加工前の情報について本人の同意を得るか、個人情報保護管理者に相談してください',
    );
  }
  if (request.stopInForce) {
    return refuse(
      'stop_in_force',
      'consultee',
      '「相談者」について利用停止・提供停止の措置が行われているため、提供できません。措置が解除されるまで提供は行えません',
    );
  }
  if (!request.tenantPurposes.includes(purpose)) {
    return refuse(
      'purpose_not_registered',
      'purpose',
      `「利用目的」（${purposeLabel(purpose)}）は、定められた利用目的に含まれていません。定められた利用目的から選んでください`,
    );
  }

  switch (request.mode) {
    case 'outsourcing':
      return decideOutsourcing(recipient);
    case 'joint_use':
      return decideJointUse(request);
    case 'third_party':
      return decideThirdParty(request);
  }
}

/** PRV-2, PUR-4: handing data to the agency's contractor within the purposes. */
function decideOutsourcing(recipient: ProvisionRecipient): ProvisionDecision {
  if (!recipient.contractor || recipient.manyUnspecified) {
    return refuse(
      'not_contractor',
      'recipient',
      `「提供先」（${recipient.name}）は委託先として登録されていません。委託先でなければ、第三者提供（本人の同意又は法令に定める根拠）として手続してください`,
    );
  }
  return { allowed: true, basis: 'outsourcing' };
}

/** PRV-2: joint use only as declared, and only once the declaration was published and in effect. */
function decideJointUse(request: ProvisionRequest): ProvisionDecision {
  const { jointUse, onDate, recipient, items, purpose } = request;
  if (jointUse === null) {
    return refuse(
      'joint_use_missing',
      'declarationId',
      '共同利用として提供するには、「共同利用の公表」を選んでください。公表された共同利用がない場合は、第三者提供として手続してください',
    );
  }
  if (jointUse.publishedOn === null || jointUse.publishedOn > onDate) {
    return refuse(
      'joint_use_not_published',
      'declarationId',
      '「共同利用の公表」は、提供日までに本人に通知又は公表されていません。通知・公表をしてから提供してください',
    );
  }
  if (jointUse.effectiveFrom > onDate) {
    return refuse(
      'joint_use_not_effective',
      'declarationId',
      `「共同利用の公表」による共同利用は、${jointUse.effectiveFrom}から始まります。その日以降に提供してください`,
    );
  }
  if (recipient.agencyId === null || !jointUse.userAgencyIds.includes(recipient.agencyId)) {
    return refuse(
      'joint_use_not_user',
      'recipient',
      `「提供先」（${recipient.name}）は、この共同利用の「共同して利用する者の範囲」に含まれていません。共同利用者を追加するには新たな共同利用の公表と本人の同意が必要です。それまでは第三者提供として手続してください`,
    );
  }
  const undeclared = items.filter((i) => !jointUse.itemKeys.includes(i.key));
  if (undeclared.length > 0) {
    return refuse(
      'joint_use_items_not_declared',
      'items',
      `「提供する項目」のうち${quoted(undeclared.map((i) => i.label))}は、この共同利用の「共同利用する項目」に含まれていません。この項目を外すか、第三者提供として手続してください`,
    );
  }
  if (!jointUse.purposes.includes(purpose)) {
    return refuse(
      'joint_use_purpose_not_declared',
      'purpose',
      `「利用目的」（${purposeLabel(purpose)}）は、この共同利用の利用目的に含まれていません。公表された利用目的から選ぶか、第三者提供として手続してください`,
    );
  }
  return { allowed: true, basis: 'joint_use', declarationId: jointUse.declarationId };
}

/**
 * PRV-1, CON-3, CON-5: a consent in force for the purpose that names the recipient
 * (by id or by kind), covering special-care items when there are any; otherwise a
 * listed ground with its reason, approved by the privacy protection manager.
 */
function decideThirdParty(request: ProvisionRequest): ProvisionDecision {
  const { onDate, purpose, items, recipient } = request;
  const specialCare = items.filter((i) => i.class === 'special_care');

  // Consent to "a kind of agency" cannot stretch to many unspecified persons:
  // publication goes only on a ground.
  const forRecipient = recipient.manyUnspecified
    ? []
    : request.consents.filter((c) => isInForce(c, onDate) && namesRecipient(c, recipient));
  const forPurpose = forRecipient.filter((c) => (c.purposes as readonly string[]).includes(purpose));
  const covering = latest(specialCare.length === 0 ? forPurpose : forPurpose.filter((c) => c.coversSpecialCare));
  if (covering) return { allowed: true, basis: 'consent', consentId: covering.consentId };

  const ground = request.ground;
  if (ground === null) {
    if (recipient.manyUnspecified) {
      return refuse(
        'many_unspecified_needs_ground',
        'ground',
        '不特定多数への提供は、本人の同意の範囲に含まれません。「提供の根拠」（法令に基づく場合など）を選び、その理由を記録してください',
      );
    }
    if (forPurpose.length > 0) {
      return refuse(
        'special_care_not_consented',
        'items',
        `「提供する項目」のうち要配慮個人情報${quoted(specialCare.map((i) => i.label))}は、この提供先への本人の同意に含まれていません。要配慮個人情報を含む同意を得るか、この項目を外すか、「提供の根拠」を選びその理由を記録してください`,
      );
    }
    if (forRecipient.length > 0) {
      return refuse(
        'purpose_not_consented',
        'purpose',
        `「提供先」（${recipient.name}）への本人の同意はありますが、「利用目的」（${purposeLabel(purpose)}）は同意の範囲に含まれていません。この利用目的を含む同意を得るか、「提供の根拠」を選びその理由を記録してください`,
      );
    }
    return refuse(
      'consent_or_ground_required',
      'ground',
      `「提供先」（${recipient.name}）への提供について、有効な本人の同意（撤回・期限切れのものを除く）がありません。この提供先を含む本人の同意を得るか、「提供の根拠」を選びその理由を記録してください`,
    );
  }
  if (!isProvisionGround(ground.code)) {
    return refuse('ground_unknown', 'ground', '「提供の根拠」は一覧から選んでください');
  }
  if (ground.code === 'administrative_statutory' && !recipient.administrative) {
    return refuse(
      'ground_not_applicable',
      'ground',
      `「提供の根拠」（${PROVISION_GROUND_LABELS.administrative_statutory}）は、提供先が行政機関等の場合に限り選べます。他の根拠を選ぶか、本人の同意を得てください`,
    );
  }
  const reason = ground.reason.trim();
  if (reason === '') {
    return refuse(
      'ground_reason_missing',
      'groundReason',
      '同意によらずに提供する場合は、「根拠の理由」（該当する法令の条項や、同意を得ることが困難な事情など）を記録してください',
    );
  }
  const approvedBy = request.approvedBy?.trim() ?? '';
  if (approvedBy === '') {
    return refuse(
      'approval_required',
      'approvedBy',
      '同意によらずに提供するには、「個人情報保護管理者の承認」が必要です。承認を得てから提供してください',
    );
  }
  return { allowed: true, basis: 'ground', ground: ground.code, reason, approvedBy };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Provision and receipt records are kept 3 years from creation (PRV-3, ACQ-7, RET-1). */
export const RECORD_RETENTION_YEARS = 3;

/**
 * The last day a provision or receipt record must be kept (RET-1): the record
 * may be disposed of from the day after. Computed as the Civil Code counts a
 * period in years:
 * - art. 140: the day of creation is not counted (the record is not made at
 *   midnight), so the period starts (起算日) the next day;
 * - art. 143(2): the period ends on the day before the day corresponding to the
 *   start day in the last year;
 * - art. 143(2) proviso: if that year has no corresponding day, it ends on the
 *   last day of that month.
 * So a record made on 10 April 2026 is kept through 10 April 2029; one made on
 * 29 February 2028 (start 1 March) through 28 February 2031, not 1 March; and one
 * made on 28 February 2025 (start 1 March) through 29 February 2028, the day
 * before 1 March in that leap year.
 */
export function recordRetentionEnd(createdOn: string): string {
  if (!ISO_DATE.test(createdOn) || addDays(createdOn, 0) !== createdOn)
    throw new RangeError(`Not a date (YYYY-MM-DD): ${createdOn}`);
  const start = addDays(createdOn, 1);
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const year = sy + RECORD_RETENTION_YEARS;
  const month = String(sm).padStart(2, '0');
  if (sd > daysInMonth(year, sm)) {
    return `${year}-${month}-${String(daysInMonth(year, sm)).padStart(2, '0')}`;
  }
  return addDays(`${year}-${month}-${String(sd).padStart(2, '0')}`, -1);
}

/** Whether a provision or receipt record made on `createdOn` may be disposed of on `onDate` (RET-1). */
export function mayDisposeRecord(createdOn: string, onDate: string): boolean {
  return onDate > recordRetentionEnd(createdOn);
}
