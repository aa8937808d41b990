import { describe, expect, it } from 'vitest';
import {
  decideProvision,
  mayDisposeRecord,
  PROVISION_GROUND_LABELS,
  PROVISION_GROUNDS,
  PROVISION_MODE_LABELS,
  PROVISION_MODES,
  PROVISION_REFUSALS,
  recordRetentionEnd,
  type ProvisionConsent,
  type ProvisionDecision,
  type ProvisionItem,
  type ProvisionJointUse,
  type ProvisionRecipient,
  type ProvisionRequest,
} from './provision.js';

const ON = '2026-06-01';

const consent = (overrides: Partial<ProvisionConsent> = {}): ProvisionConsent => ({
  consentId: 'c1',
  givenBy: 'self',
  representativeName: null,
  representativeAuthority: null,
  method: 'written',
  explanation: null,
  documentId: 'd1',
  givenOn: '2026-04-01',
  purposes: ['support_coordination'],
  agencyKinds: [],
  agencyIds: ['hello-work'],
  coversSpecialCare: false,
  validFrom: '2026-04-01',
  validUntil: null,
  withdrawnOn: null,
  supersededBy: null,
  ...overrides,
});

const NAME: ProvisionItem = { key: 'name', label: '氏名', class: 'ordinary' };
const INCOME: ProvisionItem = { key: 'income', label: '収入', class: 'ordinary' };
const ILLNESS: ProvisionItem = { key: 'illness', label: '病歴', class: 'special_care' };
const DISABILITY: ProvisionItem = { key: 'disability', label: '障害の状況', class: 'special_care' };
const MY_NUMBER: ProvisionItem = { key: 'my_number', label: '個人番号', class: 'my_number' };
const INSURANCE: ProvisionItem = { key: 'insurance_no', label: '被保険者番号', class: 'identification_code' };

const recipient = (overrides: Partial<ProvisionRecipient> = {}): ProvisionRecipient => ({
  agencyId: 'hello-work',
  name: 'ハローワーク青梅',
  kind: 'employment',
  administrative: true,
  contractor: false,
  manyUnspecified: false,
  ...overrides,
});

const jointUse = (overrides: Partial<ProvisionJointUse> = {}): ProvisionJointUse => ({
  declarationId: 'j1',
  userAgencyIds: ['council', 'hello-work'],
  itemKeys: ['name', 'income'],
  purposes: ['support_coordination'],
  publishedOn: '2026-04-01',
  effectiveFrom: '2026-05-01',
  ...overrides,
});

const request = (overrides: Partial<ProvisionRequest> = {}): ProvisionRequest => ({
  onDate: ON,
  purpose: 'support_coordination',
  mode: 'third_party',
  items: [NAME, INCOME],
  recipient: recipient(),
  consents: [consent()],
  stopInForce: false,
  pseudonymized: false,
  ground: null,
  approvedBy: null,
  jointUse: null,
  tenantPurposes: ['consultation_support', 'municipal_application', 'support_coordination'],
  ...overrides,
});

const noConsent = { consents: [] };
const withGround = { ground: { code: 'law', reason: '生活保護法第29条に基づく照会' }, approvedBy: 'manager-1' };

const decide = (r: ProvisionRequest): ProvisionDecision => decideProvision(r);

describe('[PRV-1][CON-3] provision to a related agency with the person’s consent', () => {
  it.each([
    ['the consent names the agency', consent({ agencyIds: ['hello-work'], agencyKinds: [] })],
    ['the consent names the kind of agency', consent({ agencyIds: [], agencyKinds: ['employment'] })],
    [
      'the consent covers several purposes',
      consent({ purposes: ['consultation_support', 'support_coordination'], agencyIds: ['hello-work'] }),
    ],
    [
      'the consent was given by a representative',
      consent({ givenBy: 'representative', representativeName: '見本 花子' }),
    ],
  ])('%s → allowed on that consent', (_label, c) => {
    expect(decide(request({ consents: [c] }))).toEqual({ allowed: true, basis: 'consent', consentId: 'c1' });
  });

  it('identification codes are ordinary for provision: consent covers them', () => {
    expect(decide(request({ items: [NAME, INSURANCE] }))).toMatchObject({ allowed: true, basis: 'consent' });
  });

  it('a consent naming another agency or kind does not cover the recipient', () => {
    expect(decide(request({ consents: [consent({ agencyIds: ['police'], agencyKinds: ['housing'] })] }))).toMatchObject(
      { allowed: false, code: 'consent_or_ground_required', field: 'ground', needsApproval: false },
    );
  });

  it('a recipient outside the agency list is covered only by kind', () => {
    const outside = recipient({ agencyId: null, kind: 'medical', name: '青梅市立総合病院' });
    expect(decide(request({ recipient: outside, consents: [consent({ agencyIds: [] })] }))).toMatchObject({
      allowed: false,
      code: 'consent_or_ground_required',
    });
    expect(
      decide(request({ recipient: outside, consents: [consent({ agencyIds: [], agencyKinds: ['medical'] })] })),
    ).toMatchObject({ allowed: true, basis: 'consent' });
  });

  it('a blank kind matches no consent', () => {
    expect(
      decide(
        request({
          recipient: recipient({ agencyId: null, kind: '' }),
          consents: [consent({ agencyIds: [], agencyKinds: [''] })],
        }),
      ),
    ).toMatchObject({ allowed: false, code: 'consent_or_ground_required' });
  });

  it('a consent for the recipient but another purpose says so', () => {
    const d = decide(request({ consents: [consent({ purposes: ['municipal_application'] })] }));
    expect(d).toMatchObject({ allowed: false, code: 'purpose_not_consented', field: 'purpose' });
    expect(!d.allowed && d.message).toContain('支援提供、関係機関・者との連絡・調整等');
  });

  it('of several covering consents the most recently given is recorded', () => {
    const d = decide(
      request({
        consents: [
          consent({ consentId: 'old', givenOn: '2026-04-01' }),
          consent({ consentId: 'new', givenOn: '2026-05-10' }),
          consent({ consentId: 'older', givenOn: '2026-03-01', validFrom: '2026-03-01' }),
        ],
      }),
    );
    expect(d).toEqual({ allowed: true, basis: 'consent', consentId: 'new' });
  });
});

describe('[CON-5] withdrawn, superseded, expired or not-yet-valid consents never count', () => {
  it.each([
    ['withdrawn before the date', { withdrawnOn: '2026-05-31' }],
    ['withdrawn on the date', { withdrawnOn: ON }],
    ['superseded', { supersededBy: 'c2' }],
    ['expired the day before', { validUntil: '2026-05-31' }],
    ['not yet valid', { validFrom: '2026-06-02' }],
  ])('%s → refused', (_label, overrides) => {
    expect(decide(request({ consents: [consent(overrides)] }))).toMatchObject({
      allowed: false,
      code: 'consent_or_ground_required',
    });
  });

  it.each([
    ['withdrawn after the date', { withdrawnOn: '2026-06-02' }],
    ['valid until the date', { validUntil: ON }],
    ['valid from the date', { validFrom: ON }],
  ])('%s → allowed', (_label, overrides) => {
    expect(decide(request({ consents: [consent(overrides)] }))).toMatchObject({ allowed: true, basis: 'consent' });
  });

  it('a superseded consent does not count even when its successor is missing from the list', () => {
    expect(
      decide(request({ consents: [consent({ supersededBy: 'c2', coversSpecialCare: true })], items: [ILLNESS] })),
    ).toMatchObject({ allowed: false, code: 'consent_or_ground_required' });
  });
});

describe('[CON-2][PRV-1] special-care items need a consent that covers them', () => {
  it('a consent for the recipient without special care names the items and what would make it possible', () => {
    const d = decide(request({ items: [NAME, ILLNESS, DISABILITY] }));
    expect(d).toMatchObject({ allowed: false, code: 'special_care_not_consented', field: 'items' });
    const message = d.allowed ? '' : d.message;
    expect(message).toContain('「病歴」「障害の状況」');
    expect(message).not.toContain('「氏名」');
    expect(message).toContain('要配慮個人情報を含む同意');
  });

  it('a consent covering special care allows them', () => {
    expect(
      decide(request({ items: [NAME, ILLNESS], consents: [consent({ coversSpecialCare: true, consentId: 'sc' })] })),
    ).toEqual({ allowed: true, basis: 'consent', consentId: 'sc' });
  });

  it('the consent that covers special care is chosen over a later one that does not', () => {
    expect(
      decide(
        request({
          items: [ILLNESS],
          consents: [
            consent({ consentId: 'sc', coversSpecialCare: true, givenOn: '2026-04-01' }),
            consent({ consentId: 'plain', coversSpecialCare: false, givenOn: '2026-05-01' }),
          ],
        }),
      ),
    ).toEqual({ allowed: true, basis: 'consent', consentId: 'sc' });
  });

  it('a special-care consent for another agency does not help', () => {
    expect(
      decide(
        request({
          items: [ILLNESS],
          consents: [consent({ coversSpecialCare: true, agencyIds: ['police'] })],
        }),
      ),
    ).toMatchObject({ allowed: false, code: 'consent_or_ground_required' });
  });

  it('without covering consent a ground with reason and approval allows special-care items', () => {
    expect(decide(request({ items: [ILLNESS], ...withGround }))).toEqual({
      allowed: true,
      basis: 'ground',
      ground: 'law',
      reason: '生活保護法第29条に基づく照会',
      approvedBy: 'manager-1',
    });
  });
});

describe('[PRV-1] provision without consent: a listed ground, its reason, and the manager’s approval', () => {
  it.each(PROVISION_GROUNDS.filter((g) => g !== 'administrative_statutory'))('%s → allowed', (code) => {
    expect(
      decide(
        request({
          ...noConsent,
          recipient: recipient({ administrative: false }),
          ground: { code, reason: '  理由  ' },
          approvedBy: 'manager-1',
        }),
      ),
    ).toEqual({ allowed: true, basis: 'ground', ground: code, reason: '理由', approvedBy: 'manager-1' });
  });

  it.each([
    [{ ground: null }, 'consent_or_ground_required', 'ground', false],
    [{ ground: { code: 'published', reason: '公開されている' } }, 'ground_unknown', 'ground', false],
    [{ ground: { code: 'law', reason: '' } }, 'ground_reason_missing', 'groundReason', false],
    [{ ground: { code: 'law', reason: ' 　 ' } }, 'ground_reason_missing', 'groundReason', false],
    [{ ground: { code: 'law', reason: '照会書による' }, approvedBy: null }, 'approval_required', 'approvedBy', true],
    [{ ground: { code: 'law', reason: '照会書による' }, approvedBy: '  ' }, 'approval_required', 'approvedBy', true],
  ])('%j → %s on %s', (overrides, code, field, needsApproval) => {
    expect(decide(request({ ...noConsent, ...overrides }))).toMatchObject({
      allowed: false,
      code,
      field,
      needsApproval,
    });
  });

  it('the reason is checked before the approval, and an unknown ground before either', () => {
    expect(decide(request({ ...noConsent, ground: { code: 'x', reason: '' }, approvedBy: null }))).toMatchObject({
      code: 'ground_unknown',
    });
    expect(decide(request({ ...noConsent, ground: { code: 'law', reason: '' }, approvedBy: null }))).toMatchObject({
      code: 'ground_reason_missing',
    });
  });

  it('administrative_statutory only when the recipient is an administrative body', () => {
    const ground = { code: 'administrative_statutory', reason: '地方税法に基づく事務' };
    expect(
      decide(request({ ...noConsent, recipient: recipient({ administrative: false }), ground, approvedBy: 'm' })),
    ).toMatchObject({ allowed: false, code: 'ground_not_applicable', field: 'ground' });
    expect(
      decide(request({ ...noConsent, recipient: recipient({ administrative: true }), ground, approvedBy: 'm' })),
    ).toMatchObject({ allowed: true, basis: 'ground', ground: 'administrative_statutory' });
  });

  it('a covering consent is the basis even when a ground was also given', () => {
    expect(decide(request({ ...withGround }))).toEqual({ allowed: true, basis: 'consent', consentId: 'c1' });
  });

  it('a ground overrides a consent that lacks special care or the purpose', () => {
    expect(decide(request({ items: [ILLNESS], ...withGround }))).toMatchObject({ allowed: true, basis: 'ground' });
    expect(
      decide(request({ consents: [consent({ purposes: ['municipal_application'] })], ...withGround })),
    ).toMatchObject({ allowed: true, basis: 'ground' });
  });
});

describe('[PRV-1][PRV-3] many unspecified persons (不特定多数) only on a ground', () => {
  const many = recipient({ agencyId: null, name: '広報誌', kind: 'employment', manyUnspecified: true });

  it.each([
    ['a consent naming its kind', consent({ agencyKinds: ['employment'] })],
    ['a consent covering special care', consent({ agencyKinds: ['employment'], coversSpecialCare: true })],
  ])('%s does not cover it', (_label, c) => {
    expect(decide(request({ recipient: many, consents: [c] }))).toMatchObject({
      allowed: false,
      code: 'many_unspecified_needs_ground',
      field: 'ground',
    });
  });

  it('a ground with its reason and approval allows it', () => {
    expect(decide(request({ recipient: many, ...withGround }))).toMatchObject({ allowed: true, basis: 'ground' });
  });
});

describe('[PRV-4] My Number is never provided', () => {
  it.each([
    ['with a consent covering everything', request({ consents: [consent({ coversSpecialCare: true })] })],
    ['on a ground with approval', request({ ...noConsent, ...withGround })],
    ['to a contractor', request({ mode: 'outsourcing', recipient: recipient({ contractor: true }) })],
    ['under joint use', request({ mode: 'joint_use', jointUse: jointUse({ itemKeys: ['name', 'my_number'] }) })],
  ])('%s → refused', (_label, r) => {
    const d = decide({ ...r, items: [NAME, MY_NUMBER] });
    expect(d).toMatchObject({ allowed: false, code: 'my_number', field: 'items', needsApproval: false });
    expect(!d.allowed && d.message).toContain('「個人番号」');
  });
});

describe('[PRV-5] pseudonymized data is not provided', () => {
  it.each(PROVISION_MODES)('in mode %s → refused', (mode) => {
    expect(
      decide(
        request({
          mode,
          pseudonymized: true,
          recipient: recipient({ contractor: true }),
          jointUse: jointUse(),
          ...withGround,
        }),
      ),
    ).toMatchObject({ allowed: false, code: 'pseudonymized', field: 'items' });
  });
});

describe('[CON-5][PRV-1] a stop of use or provision in force refuses every provision', () => {
  it.each([
    ['on consent', request({ stopInForce: true })],
    ['on a ground', request({ stopInForce: true, ...noConsent, ...withGround })],
    [
      'to a contractor',
      request({ stopInForce: true, mode: 'outsourcing', recipient: recipient({ contractor: true }) }),
    ],
    ['under joint use', request({ stopInForce: true, mode: 'joint_use', jointUse: jointUse() })],
  ])('%s → refused', (_label, r) => {
    expect(decide(r)).toMatchObject({ allowed: false, code: 'stop_in_force' });
  });
});

describe('[PUR-1][PRV-1] the purpose must be one the tenant specified', () => {
  it.each(PROVISION_MODES)('in mode %s', (mode) => {
    const d = decide(request({ mode, purpose: 'marketing', recipient: recipient({ contractor: true }) }));
    expect(d).toMatchObject({ allowed: false, code: 'purpose_not_registered', field: 'purpose' });
    expect(!d.allowed && d.message).toContain('「利用目的」（marketing）');
  });
});

describe('[PRV-1][PRV-4][PRV-5] the rules apply in order', () => {
  it.each([
    [{ items: [] as ProvisionItem[], pseudonymized: true, stopInForce: true }, 'no_items'],
    [{ items: [MY_NUMBER], pseudonymized: true, stopInForce: true, purpose: 'x' }, 'my_number'],
    [{ pseudonymized: true, stopInForce: true, purpose: 'x' }, 'pseudonymized'],
    [{ stopInForce: true, purpose: 'x' }, 'stop_in_force'],
    [{ purpose: 'x', ...noConsent }, 'purpose_not_registered'],
  ])('%j → %s', (overrides, code) => {
    expect(decide(request(overrides))).toMatchObject({ allowed: false, code });
  });
});

describe('[PRV-2][PUR-4] outsourcing to a contractor within the purposes', () => {
  it('a contractor receives ordinary and special-care items without consent', () => {
    expect(
      decide(
        request({
          mode: 'outsourcing',
          items: [NAME, ILLNESS],
          ...noConsent,
          recipient: recipient({ contractor: true }),
        }),
      ),
    ).toEqual({ allowed: true, basis: 'outsourcing' });
  });

  it.each([
    ['not a contractor', recipient({ contractor: false })],
    ['many unspecified', recipient({ contractor: true, manyUnspecified: true })],
  ])('%s → refused', (_label, r) => {
    expect(decide(request({ mode: 'outsourcing', recipient: r }))).toMatchObject({
      allowed: false,
      code: 'not_contractor',
      field: 'recipient',
    });
  });
});

describe('[PRV-2] joint use under a published declaration', () => {
  const jointRequest = (j: ProvisionJointUse | null, overrides: Partial<ProvisionRequest> = {}) =>
    request({ mode: 'joint_use', ...noConsent, jointUse: j, ...overrides });

  it('a declared user, items and purpose, published and in effect → allowed', () => {
    expect(decide(jointRequest(jointUse()))).toEqual({ allowed: true, basis: 'joint_use', declarationId: 'j1' });
    expect(decide(jointRequest(jointUse({ publishedOn: ON, effectiveFrom: ON })))).toMatchObject({ allowed: true });
  });

  it.each([
    ['no declaration', null, {}, 'joint_use_missing', 'declarationId'],
    ['never published', jointUse({ publishedOn: null }), {}, 'joint_use_not_published', 'declarationId'],
    [
      'published after the date',
      jointUse({ publishedOn: '2026-06-02' }),
      {},
      'joint_use_not_published',
      'declarationId',
    ],
    ['not yet in effect', jointUse({ effectiveFrom: '2026-06-02' }), {}, 'joint_use_not_effective', 'declarationId'],
    ['recipient not a user', jointUse({ userAgencyIds: ['council'] }), {}, 'joint_use_not_user', 'recipient'],
    [
      'recipient outside the agency list',
      jointUse(),
      { recipient: recipient({ agencyId: null }) },
      'joint_use_not_user',
      'recipient',
    ],
    ['an item not declared', jointUse(), { items: [NAME, ILLNESS] }, 'joint_use_items_not_declared', 'items'],
    [
      'a purpose not declared',
      jointUse({ purposes: ['consultation_support'] }),
      {},
      'joint_use_purpose_not_declared',
      'purpose',
    ],
  ])('%s → %s', (_label, j, overrides, code, field) => {
    expect(decide(jointRequest(j, overrides))).toMatchObject({ allowed: false, code, field });
  });

  it('the message names the items outside the declaration', () => {
    const d = decide(jointRequest(jointUse(), { items: [NAME, ILLNESS, DISABILITY] }));
    expect(!d.allowed && d.message).toContain('「病歴」「障害の状況」');
  });
});

describe('[PRV-1] refusals tell the worker why, in Japanese, naming the field', () => {
  // One request per refusal code: every code is reachable and reads well.
  it.each(PROVISION_REFUSALS)('%s has a Japanese message with 「」 and no half-width brackets', (code) => {
    const cases: Record<string, ProvisionRequest> = {
      no_items: request({ items: [] }),
      my_number: request({ items: [MY_NUMBER] }),
      pseudonymized: request({ pseudonymized: true }),
      stop_in_force: request({ stopInForce: true }),
      purpose_not_registered: request({ purpose: 'x' }),
      not_contractor: request({ mode: 'outsourcing' }),
      joint_use_missing: request({ mode: 'joint_use' }),
      joint_use_not_published: request({ mode: 'joint_use', jointUse: jointUse({ publishedOn: null }) }),
      joint_use_not_effective: request({ mode: 'joint_use', jointUse: jointUse({ effectiveFrom: '2027-01-01' }) }),
      joint_use_not_user: request({ mode: 'joint_use', jointUse: jointUse({ userAgencyIds: [] }) }),
      joint_use_items_not_declared: request({ mode: 'joint_use', jointUse: jointUse({ itemKeys: [] }) }),
      joint_use_purpose_not_declared: request({ mode: 'joint_use', jointUse: jointUse({ purposes: [] }) }),
      many_unspecified_needs_ground: request({ recipient: recipient({ manyUnspecified: true }) }),
      special_care_not_consented: request({ items: [ILLNESS] }),
      purpose_not_consented: request({ consents: [consent({ purposes: ['municipal_application'] })] }),
      consent_or_ground_required: request(noConsent),
      ground_unknown: request({ ...noConsent, ground: { code: 'x', reason: 'r' } }),
      ground_not_applicable: request({
        ...noConsent,
        recipient: recipient({ administrative: false }),
        ground: { code: 'administrative_statutory', reason: 'r' },
      }),
      ground_reason_missing: request({ ...noConsent, ground: { code: 'law', reason: '' } }),
      approval_required: request({ ...noConsent, ground: { code: 'law', reason: 'r' } }),
    };
    const r = cases[code];
    if (!r) throw new Error(`no case for ${code}`);
    const d = decideProvision(r);
    if (d.allowed) throw new Error(`${code} was allowed`);
    expect(d.code).toBe(code);
    expect(d.message).toMatch(/[「」]/);
    expect(d.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(d.message).not.toMatch(/[()]/);
    expect(d.needsApproval).toBe(code === 'approval_required');
    expect(d.field).not.toBe('');
  });

  it('every ground and mode has a Japanese label', () => {
    for (const g of PROVISION_GROUNDS) expect(PROVISION_GROUND_LABELS[g]).toMatch(/[\u4e00-\u9fff]/);
    for (const m of PROVISION_MODES) expect(PROVISION_MODE_LABELS[m]).toMatch(/[\u4e00-\u9fff]/);
    expect(PROVISION_GROUND_LABELS.administrative_statutory).toContain('（提供先が行政機関等の場合に限る）');
  });
});

describe('[RET-1][PRV-3][ACQ-7] provision and receipt records are kept 3 years (民法140条・143条)', () => {
  it.each([
    // The day of creation is not counted; the period ends the day before the corresponding day.
    ['2026-04-10', '2029-04-10'],
    ['2026-01-01', '2029-01-01'],
    ['2026-12-31', '2029-12-31'],
    ['2026-01-31', '2029-01-31'],
    ['2026-03-31', '2029-03-31'],
    ['2026-04-30', '2029-04-30'],
    // 29 February: start 1 March, ends the day before 1 March three years on: 28 February, not 1 March.
    ['2028-02-29', '2031-02-28'],
    // 28 February of a leap year: start 29 February, which 2031 lacks: the end of that month (143条ただし書).
    ['2028-02-28', '2031-02-28'],
    // 28 February of an ordinary year: start 1 March; the day before 1 March 2028 is 29 February.
    ['2025-02-28', '2028-02-29'],
    ['2027-02-28', '2030-02-28'],
    ['2027-03-01', '2030-03-01'],
  ])('created %s → kept through %s', (createdOn, end) => {
    expect(recordRetentionEnd(createdOn)).toBe(end);
  });

  it.each(['2026-02-30', '2026-13-01', '26-04-01', '2026/04/01', ''])('rejects %j', (bad) => {
    expect(() => recordRetentionEnd(bad)).toThrow(RangeError);
  });

  it.each([
    ['2026-04-10', '2029-04-10', false],
    ['2026-04-10', '2029-04-11', true],
    ['2028-02-29', '2031-02-28', false],
    ['2028-02-29', '2031-03-01', true],
  ])('created %s, disposable on %s → %s', (createdOn, on, expected) => {
    expect(mayDisposeRecord(createdOn, on)).toBe(expected);
  });
});
