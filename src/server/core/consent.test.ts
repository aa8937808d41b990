import { describe, expect, it } from 'vitest';
import { acquisitionBasis, checkConsentRecord, isInForce, specialCareConsent, type ConsentRecord } from './consent.js';

const consent = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  consentId: 'c1',
  givenBy: 'self',
  representativeName: null,
  representativeAuthority: null,
  method: 'oral',
  explanation: '利用目的を説明した',
  documentId: null,
  givenOn: '2026-04-01',
  purposes: ['consultation_support'],
  agencyKinds: [],
  coversSpecialCare: true,
  validFrom: '2026-04-01',
  validUntil: null,
  withdrawnOn: null,
  supersededBy: null,
  ...overrides,
});

describe('[CON-1][ACQ-6] what a consent record must say', () => {
  it.each([
    [{ givenBy: 'representative' as const }, 'representative_missing'],
    [{ givenBy: 'representative' as const, representativeName: '見本 花子' }, 'representative_missing'],
    [
      { givenBy: 'representative' as const, representativeName: '見本 花子', representativeAuthority: 'guardian' },
      null,
    ],
    [{ method: 'oral' as const, explanation: '  ' }, 'oral_explanation_missing'],
    [{ method: 'written' as const, explanation: null }, null],
    [{ purposes: [] }, 'no_purpose'],
    [{ validUntil: '2026-03-31' }, 'validity_reversed'],
    [{}, null],
  ])('%j → %s', (overrides, problem) => {
    expect(checkConsentRecord(consent(overrides))).toBe(problem);
  });
});

describe('[CON-5] a consent is in force until withdrawn, superseded or expired', () => {
  it.each([
    [{}, '2026-05-01', true],
    [{}, '2026-03-31', false],
    [{ withdrawnOn: '2026-05-01' }, '2026-04-30', true],
    [{ withdrawnOn: '2026-05-01' }, '2026-05-01', false],
    [{ supersededBy: 'c2' }, '2026-05-01', false],
    [{ validUntil: '2026-06-30' }, '2026-06-30', true],
    [{ validUntil: '2026-06-30' }, '2026-07-01', false],
  ])('%j on %s → %s', (overrides, on, expected) => {
    expect(isInForce(consent(overrides), on)).toBe(expected);
  });

  it('only a consent in force that covers special-care data counts for it', () => {
    expect(specialCareConsent([consent({ coversSpecialCare: false })], '2026-05-01')).toBeNull();
    expect(specialCareConsent([consent({ withdrawnOn: '2026-04-15' })], '2026-05-01')).toBeNull();
    expect(specialCareConsent([consent({ consentId: 'x' })], '2026-05-01')?.consentId).toBe('x');
  });
});

describe('[ACQ-2][ACQ-3] the basis for recording special-care and restricted items', () => {
  const request = {
    dataClass: 'special_care' as const,
    ground: null,
    groundReason: null,
    restricted: null,
    contractor: true,
  };

  it('[ACQ-2] special-care data needs consent covering it, or a ground with its reason', () => {
    expect(acquisitionBasis(request, [], [], '2026-05-01')).toMatchObject({
      allowed: false,
      field: 'acquisitionGround',
    });
    expect(acquisitionBasis(request, [consent()], [], '2026-05-01')).toEqual({
      allowed: true,
      consentId: 'c1',
      ground: null,
      approvalId: null,
    });
    expect(acquisitionBasis({ ...request, ground: 'law' }, [], [], '2026-05-01')).toMatchObject({
      allowed: false,
      field: 'groundReason',
    });
    expect(
      acquisitionBasis(
        { ...request, ground: 'law', groundReason: '生活保護法第29条に基づく照会' },
        [],
        [],
        '2026-05-01',
      ),
    ).toMatchObject({ allowed: true, ground: 'law', consentId: null });
    expect(acquisitionBasis({ ...request, dataClass: 'ordinary' }, [], [], '2026-05-01')).toMatchObject({
      allowed: true,
    });
  });

  it('[ACQ-3] a contractor needs the commissioning body’s approval for a restricted item; the municipality does not', () => {
    const restricted = { ...request, restricted: 'crime' };
    expect(acquisitionBasis(restricted, [consent()], [], '2026-05-01')).toMatchObject({
      allowed: false,
      field: 'itemKey',
    });
    expect(
      acquisitionBasis(restricted, [consent()], [{ approvalId: 'a1', categories: ['creed'] }], '2026-05-01'),
    ).toMatchObject({ allowed: false });
    expect(
      acquisitionBasis(restricted, [consent()], [{ approvalId: 'a1', categories: ['crime'] }], '2026-05-01'),
    ).toEqual({ allowed: true, consentId: 'c1', ground: null, approvalId: 'a1' });
    expect(acquisitionBasis({ ...restricted, contractor: false }, [consent()], [], '2026-05-01')).toMatchObject({
      allowed: true,
      approvalId: null,
    });
  });
});
