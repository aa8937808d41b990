// Consent and the rules of acquisition (CON-1..5, ACQ-1..3, ACQ-6), as pure
// functions over plain records. The services gather the records; these decide.

import type { PurposeCode } from './purposes.js';
import type { DataClass } from './data-classes.js';

export interface ConsentRecord {
  consentId: string;
  givenBy: 'self' | 'representative';
  representativeName: string | null;
  representativeAuthority: string | null;
  method: 'written' | 'oral' | 'electronic';
  /** For oral consent: what the person was told (ACQ-6). */
  explanation: string | null;
  /** A written consent's signed form, scanned. */
  documentId: string | null;
  givenOn: string;
  purposes: readonly PurposeCode[];
  agencyKinds: readonly string[];
  coversSpecialCare: boolean;
  validFrom: string;
  validUntil: string | null;
  withdrawnOn: string | null;
  supersededBy: string | null;
}

export type ConsentProblem = 'representative_missing' | 'oral_explanation_missing' | 'no_purpose' | 'validity_reversed';

export const CONSENT_PROBLEM_FIELDS: Readonly<Record<ConsentProblem, { field: string; message: string }>> = {
  representative_missing: {
    field: 'representativeName',
    message: '代理人による同意の場合は、「代理人の氏名」と「代理権の根拠」を入力してください',
  },
  oral_explanation_missing: {
    field: 'explanation',
    message: '口頭による同意の場合は、「説明した内容」を記録してください',
  },
  no_purpose: { field: 'purposes', message: '「同意の範囲（利用目的）」を1つ以上選んでください' },
  validity_reversed: { field: 'validUntil', message: '「有効期限」は「有効期間の開始日」以降の日付にしてください' },
};

/** What a consent record must say to be recorded at all (CON-1, ACQ-6). */
export function checkConsentRecord(
  c: Omit<ConsentRecord, 'consentId' | 'withdrawnOn' | 'supersededBy'>,
): ConsentProblem | null {
  if (c.givenBy === 'representative' && (!c.representativeName?.trim() || !c.representativeAuthority)) {
    return 'representative_missing';
  }
  if (c.method === 'oral' && !c.explanation?.trim()) return 'oral_explanation_missing';
  if (c.purposes.length === 0) return 'no_purpose';
  if (c.validUntil !== null && c.validUntil < c.validFrom) return 'validity_reversed';
  return null;
}

/** Whether the consent can be relied on for something new on that date (CON-5: never after withdrawal). */
export function isInForce(c: ConsentRecord, onDate: string): boolean {
  return (
    c.supersededBy === null &&
    (c.withdrawnOn === null || c.withdrawnOn > onDate) &&
    c.validFrom <= onDate &&
    (c.validUntil === null || c.validUntil >= onDate)
  );
}

/** The consent in force that covers special-care information, if any (ACQ-2, CON-2). */
export function specialCareConsent(consents: readonly ConsentRecord[], onDate: string): ConsentRecord | null {
  return consents.find((c) => isInForce(c, onDate) && c.coversSpecialCare) ?? null;
}

export const ACQUISITION_GROUND_CODES = [
  'law',
  'life_body_property',
  'public_health_children',
  'government_cooperation',
  'published',
  'visually_obvious',
  'lawful_provision',
] as const;
export type AcquisitionGround = (typeof ACQUISITION_GROUND_CODES)[number];

export interface AcquisitionRequest {
  dataClass: DataClass;
  /** The ground given for special-care data without consent, with its reason. */
  ground: AcquisitionGround | null;
  groundReason: string | null;
  /** ACQ-3: the restricted category of the item, if any. */
  restricted: string | null;
  /** The recording organization is a contractor (委託先). */
  contractor: boolean;
}

export type AcquisitionBasis =
  | { allowed: true; consentId: string | null; ground: AcquisitionGround | null; approvalId: string | null }
  | { allowed: false; field: string; message: string };

/**
 * May this item be recorded (ACQ-2, ACQ-3)? Special-care data needs a consent in
 * force that covers it, or one of the listed grounds with its reason; an item of a
 * restricted category recorded by a contractor also needs the commissioning body's
 * recorded approval for that category.
 */
export function acquisitionBasis(
  request: AcquisitionRequest,
  consents: readonly ConsentRecord[],
  approvals: readonly { approvalId: string; categories: readonly string[] }[],
  onDate: string,
): AcquisitionBasis {
  let approvalId: string | null = null;
  if (request.contractor && request.restricted) {
    const approval = approvals.find((a) => a.categories.includes(request.restricted as string));
    if (!approval) {
      return {
        allowed: false,
        field: 'itemKey',
        message:
          'この項目（思想・信条・宗教、社会的差別の原因となる事実、犯罪に関すること）は、委託元（自治体）の承認を記録しなければ取得できません',
      };
    }
    approvalId = approval.approvalId;
  }
  if (request.dataClass !== 'special_care') return { allowed: true, consentId: null, ground: null, approvalId };
  if (request.ground) {
    if (!request.groundReason?.trim()) {
      return {
        allowed: false,
        field: 'groundReason',
        message: '同意によらずに取得する場合は、その「理由」を記録してください',
      };
    }
    return { allowed: true, consentId: null, ground: request.ground, approvalId };
  }
  const consent = specialCareConsent(consents, onDate);
  if (consent) return { allowed: true, consentId: consent.consentId, ground: null, approvalId };
  return {
    allowed: false,
    field: 'acquisitionGround',
    message:
      '要配慮個人情報を取得するには、要配慮個人情報を含む本人の同意（有効なもの）か、法令に定める取得の根拠とその理由が必要です',
  };
}
