import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from './consent.js';
import {
  availableSteps,
  checkRequest,
  OUT_OF_PURPOSE_KIND_LABELS,
  OUT_OF_PURPOSE_KINDS,
  OUT_OF_PURPOSE_STATUS_LABELS,
  OUT_OF_PURPOSE_STATUSES,
  OUT_OF_PURPOSE_STEP_LABELS,
  OUT_OF_PURPOSE_STEPS,
  takeStep,
  type OutOfPurposeDraft,
  type OutOfPurposeState,
  type RequestFacts,
  type RequestItem,
  type StepActor,
  type StepInput,
  type StepOutcome,
} from './out-of-purpose.js';

const TODAY = '2026-06-10';
const REQUESTER: StepActor = { staffId: 'worker', roles: ['support_worker'] };
const MANAGER: StepActor = { staffId: 'manager', roles: ['privacy_protection_manager'] };
/** A manager who also filed the request (someone holding both roles). */
const MANAGER_REQUESTER: StepActor = { staffId: 'worker', roles: ['support_worker', 'privacy_protection_manager'] };
const CHIEF: StepActor = { staffId: 'chief', roles: ['chief_support_worker'] };

const state = (overrides: Partial<OutOfPurposeState> = {}): OutOfPurposeState => ({
  kind: 'provision',
  status: 'counter',
  requestedBy: 'worker',
  counterOn: null,
  councilRequired: null,
  councilReferredOn: null,
  councilAnsweredOn: null,
  ...overrides,
});

const AT_COUNCIL = state({ status: 'council', counterOn: '2026-06-01', councilRequired: true });
const REFERRED = state({
  status: 'council',
  counterOn: '2026-06-01',
  councilRequired: true,
  councilReferredOn: '2026-06-03',
});
const ANSWERED = state({
  status: 'decision',
  counterOn: '2026-06-01',
  councilRequired: true,
  councilReferredOn: '2026-06-03',
  councilAnsweredOn: '2026-06-08',
});
const NO_COUNCIL = state({ status: 'decision', counterOn: '2026-06-01', councilRequired: false });

const approve = (overrides: Partial<Extract<StepInput, { step: 'decide' }>> = {}): StepInput => ({
  step: 'decide',
  decision: 'approved',
  decidedOn: TODAY,
  note: null,
  noImproperUse: true,
  ...overrides,
});

const ok = (status: OutOfPurposeState['status']): StepOutcome => ({ ok: true, status });
const no = (code: string, field: string) => expect.objectContaining({ ok: false, code, field });

describe('[PRV-6] the approval flow: which step, from which status, by whom', () => {
  const table: [string, OutOfPurposeState, StepActor, StepInput, unknown][] = [
    // The requester withdraws an open request; no one else does.
    ['requester withdraws at the counter', state(), REQUESTER, { step: 'withdraw' }, ok('withdrawn')],
    ['requester withdraws while at the council', REFERRED, REQUESTER, { step: 'withdraw' }, ok('withdrawn')],
    ['manager cannot withdraw', state(), MANAGER, { step: 'withdraw' }, no('not_requester', 'withdraw')],
    [
      'no withdrawal after a decision',
      state({ status: 'approved' }),
      REQUESTER,
      { step: 'withdraw' },
      no('closed', 'status'),
    ],
    // The counter's opinion, with whether the council is needed.
    ['counter: council needed', state(), MANAGER, { step: 'counter_opinion', councilRequired: true }, ok('council')],
    ['counter: no council', state(), MANAGER, { step: 'counter_opinion', councilRequired: false }, ok('decision')],
    [
      'counter: online linkage always goes to the council (S2 §13)',
      state({ kind: 'online_linkage' }),
      MANAGER,
      { step: 'counter_opinion', councilRequired: false },
      no('council_needed', 'councilRequired'),
    ],
    [
      'counter: only the manager',
      state(),
      CHIEF,
      { step: 'counter_opinion', councilRequired: false },
      no('not_counter', 'counter_opinion'),
    ],
    [
      'counter: only once',
      NO_COUNCIL,
      MANAGER,
      { step: 'counter_opinion', councilRequired: true },
      no('counter_done', 'counterOpinion'),
    ],
    // The referral to the council and its answer.
    [
      'referral before the counter',
      state(),
      MANAGER,
      { step: 'council_referral', referredOn: TODAY },
      no('counter_missing', 'councilReferral'),
    ],
    [
      'referral when not required',
      NO_COUNCIL,
      MANAGER,
      { step: 'council_referral', referredOn: TODAY },
      no('council_not_required', 'councilReferral'),
    ],
    ['referral', AT_COUNCIL, MANAGER, { step: 'council_referral', referredOn: '2026-06-03' }, ok('council')],
    [
      'referral only once',
      REFERRED,
      MANAGER,
      { step: 'council_referral', referredOn: TODAY },
      no('council_referred', 'councilReferral'),
    ],
    [
      'referral not in the future',
      AT_COUNCIL,
      MANAGER,
      { step: 'council_referral', referredOn: '2026-06-11' },
      no('date_in_future', 'referredOn'),
    ],
    [
      'referral not before the counter',
      AT_COUNCIL,
      MANAGER,
      { step: 'council_referral', referredOn: '2026-05-31' },
      no('date_before_counter', 'referredOn'),
    ],
    [
      'answer before the referral',
      AT_COUNCIL,
      MANAGER,
      { step: 'council_answer', answeredOn: TODAY },
      no('council_not_referred', 'councilAnswer'),
    ],
    ['answer', REFERRED, MANAGER, { step: 'council_answer', answeredOn: '2026-06-08' }, ok('decision')],
    [
      'answer not before the referral',
      REFERRED,
      MANAGER,
      { step: 'council_answer', answeredOn: '2026-06-02' },
      no('date_before_referral', 'answeredOn'),
    ],
    [
      'answer only once',
      ANSWERED,
      MANAGER,
      { step: 'council_answer', answeredOn: TODAY },
      no('council_referred', 'councilAnswer'),
    ],
    [
      'answer when not required',
      NO_COUNCIL,
      MANAGER,
      { step: 'council_answer', answeredOn: TODAY },
      no('council_not_required', 'councilAnswer'),
    ],
    // Opinions attached while the request is open.
    ['opinion at the council', REFERRED, MANAGER, { step: 'opinion', givenOn: TODAY }, ok('council')],
    [
      'opinion not in the future',
      REFERRED,
      MANAGER,
      { step: 'opinion', givenOn: '2026-07-01' },
      no('date_in_future', 'givenOn'),
    ],
    [
      'opinion not after the decision',
      state({ status: 'rejected' }),
      MANAGER,
      { step: 'opinion', givenOn: TODAY },
      no('closed', 'status'),
    ],
    [
      'opinion only by the manager',
      REFERRED,
      REQUESTER,
      { step: 'opinion', givenOn: TODAY },
      no('not_counter', 'opinion'),
    ],
    // The head's decision: only after the counter and, when required, the council's answer.
    ['decision before the counter', state(), MANAGER, approve(), no('counter_missing', 'decision')],
    ['decision before the council answers', REFERRED, MANAGER, approve(), no('council_answer_missing', 'decision')],
    ['decision before the referral', AT_COUNCIL, MANAGER, approve(), no('council_answer_missing', 'decision')],
    ['approved after the answer', ANSWERED, MANAGER, approve(), ok('approved')],
    ['approved without a council', NO_COUNCIL, MANAGER, approve(), ok('approved')],
    [
      'rejected with a reason',
      ANSWERED,
      MANAGER,
      approve({ decision: 'rejected', note: '必要性が認められない' }),
      ok('rejected'),
    ],
    [
      'rejected needs a reason',
      ANSWERED,
      MANAGER,
      approve({ decision: 'rejected', note: ' ' }),
      no('rejection_reason_missing', 'note'),
    ],
    ['not by the requester', NO_COUNCIL, MANAGER_REQUESTER, approve(), no('self_decision', 'decision')],
    ['not by a chief worker', NO_COUNCIL, CHIEF, approve(), no('not_counter', 'decide')],
    [
      'not dated in the future',
      NO_COUNCIL,
      MANAGER,
      approve({ decidedOn: '2026-06-11' }),
      no('date_in_future', 'decidedOn'),
    ],
    [
      'not dated before the counter',
      NO_COUNCIL,
      MANAGER,
      approve({ decidedOn: '2026-05-30' }),
      no('date_before_counter', 'decidedOn'),
    ],
    [
      'not dated before the answer',
      ANSWERED,
      MANAGER,
      approve({ decidedOn: '2026-06-07' }),
      no('date_before_answer', 'decidedOn'),
    ],
    ['only once', state({ status: 'approved' }), MANAGER, approve(), no('closed', 'status')],
    ['not after withdrawal', state({ status: 'withdrawn' }), MANAGER, approve(), no('closed', 'status')],
  ];
  it.each(table)('%s', (_name, from, actor, input, expected) => {
    expect(takeStep(from, actor, input, TODAY)).toEqual(expected);
  });

  it('[PUR-6] approval needs the confirmation that the use cannot aid or induce illegal or improper acts', () => {
    expect(takeStep(NO_COUNCIL, MANAGER, approve({ noImproperUse: false }), TODAY)).toEqual(
      no('improper_use_not_confirmed', 'noImproperUse'),
    );
    // A rejection needs no such confirmation.
    expect(
      takeStep(
        NO_COUNCIL,
        MANAGER,
        approve({ decision: 'rejected', note: '不当な利用のおそれ', noImproperUse: false }),
        TODAY,
      ),
    ).toEqual(ok('rejected'));
  });

  it('every refusal says what to do in Japanese', () => {
    for (const [, from, actor, input] of table) {
      const outcome = takeStep(from, actor, input, TODAY);
      if (!outcome.ok) expect(outcome.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });

  const steps: [string, OutOfPurposeState, StepActor, string[]][] = [
    ['requester at the counter', state(), REQUESTER, ['withdraw']],
    ['manager at the counter', state(), MANAGER, ['counter_opinion', 'opinion']],
    ['manager before the referral', AT_COUNCIL, MANAGER, ['council_referral', 'opinion']],
    ['manager after the referral', REFERRED, MANAGER, ['council_answer', 'opinion']],
    ['manager after the answer', ANSWERED, MANAGER, ['opinion', 'decide']],
    ['manager who filed it', NO_COUNCIL, MANAGER_REQUESTER, ['withdraw', 'opinion']],
    ['a colleague', NO_COUNCIL, CHIEF, []],
    ['anyone once decided', state({ status: 'approved' }), MANAGER, []],
  ];
  it.each(steps)('steps offered: %s', (_name, from, actor, expected) => {
    expect(availableSteps(from, actor)).toEqual(expected);
  });

  it('labels every kind, status and step in Japanese', () => {
    for (const k of OUT_OF_PURPOSE_KINDS) expect(OUT_OF_PURPOSE_KIND_LABELS[k]).toBeTruthy();
    for (const s of OUT_OF_PURPOSE_STATUSES) expect(OUT_OF_PURPOSE_STATUS_LABELS[s]).toBeTruthy();
    for (const s of OUT_OF_PURPOSE_STEPS) expect(OUT_OF_PURPOSE_STEP_LABELS[s]).toBeTruthy();
  });
});

const consent = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
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
  coversSpecialCare: false,
  validFrom: '2026-04-01',
  validUntil: null,
  withdrawnOn: null,
  supersededBy: null,
  ...overrides,
});

const NAME: RequestItem = { key: 'name', label: '氏名・ふりがな', class: 'ordinary' };
const HEALTH: RequestItem = { key: 'health', label: '健康状態・障害等', class: 'special_care' };
const MY_NUMBER: RequestItem = { key: 'my_number', label: '個人番号（マイナンバー）', class: 'my_number' };

const draft = (overrides: Partial<OutOfPurposeDraft> = {}): OutOfPurposeDraft => ({
  kind: 'provision',
  items: [NAME],
  itemsReason: '本人を特定するために氏名のみ必要',
  recipient: { agencyId: 'a1', name: '見本市 住宅課', administrative: true },
  basis: 'consent',
  consentId: 'c1',
  ground: null,
  reason: '住宅確保給付金の審査のため',
  noImproperUse: true,
  ...overrides,
});

const facts = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  onDate: TODAY,
  consents: [consent(), consent({ consentId: 'care', coversSpecialCare: true })],
  useStopped: false,
  provisionStopped: false,
  organizationAdministrative: false,
  ...overrides,
});

describe('[PUR-3] a request needs consent in force or a ground with its reason, and only the necessary items', () => {
  const table: [string, OutOfPurposeDraft, RequestFacts, string | null, string | null][] = [
    ['consent in force', draft(), facts(), null, null],
    ['no items', draft({ items: [] }), facts(), 'no_items', 'items'],
    ['My Number never', draft({ items: [NAME, MY_NUMBER] }), facts(), 'my_number', 'items'],
    ['items must be justified', draft({ itemsReason: '  ' }), facts(), 'items_reason_missing', 'itemsReason'],
    ['a provision needs a recipient', draft({ recipient: null }), facts(), 'recipient_missing', 'recipientAgencyId'],
    ['a use needs none', draft({ kind: 'use', recipient: null }), facts(), null, null],
    ['consent basis without a consent', draft({ consentId: null }), facts(), 'consent_missing', 'consentId'],
    ['someone else’s consent', draft({ consentId: 'other' }), facts(), 'consent_not_found', 'consentId'],
    [
      'a withdrawn consent',
      draft(),
      facts({ consents: [consent({ withdrawnOn: '2026-05-01' })] }),
      'consent_not_in_force',
      'consentId',
    ],
    [
      'an expired consent',
      draft(),
      facts({ consents: [consent({ validUntil: '2026-06-09' })] }),
      'consent_not_in_force',
      'consentId',
    ],
    [
      'a superseded consent',
      draft(),
      facts({ consents: [consent({ supersededBy: 'c2' })] }),
      'consent_not_in_force',
      'consentId',
    ],
    [
      'special-care items need a consent covering them',
      draft({ items: [NAME, HEALTH] }),
      facts(),
      'special_care_not_consented',
      'consentId',
    ],
    [
      'special-care items with a covering consent',
      draft({ items: [NAME, HEALTH], consentId: 'care' }),
      facts(),
      null,
      null,
    ],
    ['consent basis still needs the reason', draft({ reason: '' }), facts(), 'reason_missing', 'reason'],
    ['no consent and no ground', draft({ basis: 'ground', consentId: null }), facts(), 'ground_missing', 'ground'],
    ['an unknown ground', draft({ basis: 'ground', ground: 'convenience' }), facts(), 'ground_unknown', 'ground'],
    [
      'a ground without its reason',
      draft({ basis: 'ground', ground: 'law', reason: ' ' }),
      facts(),
      'reason_missing',
      'reason',
    ],
    ['a ground with its reason', draft({ basis: 'ground', ground: 'life_body_property' }), facts(), null, null],
    [
      'the administrative ground for a non-government recipient',
      draft({
        basis: 'ground',
        ground: 'administrative_statutory',
        recipient: { agencyId: null, name: '見本クリニック', administrative: false },
      }),
      facts(),
      'ground_not_applicable',
      'ground',
    ],
    [
      'the administrative ground for a government recipient',
      draft({ basis: 'ground', ground: 'administrative_statutory' }),
      facts(),
      null,
      null,
    ],
    [
      'the administrative ground for a use by a contractor',
      draft({ kind: 'use', recipient: null, basis: 'ground', ground: 'administrative_statutory' }),
      facts(),
      'ground_not_applicable',
      'ground',
    ],
    [
      'the administrative ground for a use by the municipality',
      draft({ kind: 'use', recipient: null, basis: 'ground', ground: 'administrative_statutory' }),
      facts({ organizationAdministrative: true }),
      null,
      null,
    ],
    [
      'a stop of provision refuses a provision',
      draft(),
      facts({ provisionStopped: true }),
      'stop_in_force',
      'consultee',
    ],
    [
      'a stop of provision leaves a use',
      draft({ kind: 'use', recipient: null }),
      facts({ provisionStopped: true }),
      null,
      null,
    ],
    [
      'a suspension of use refuses a use',
      draft({ kind: 'use', recipient: null }),
      facts({ useStopped: true }),
      'stop_in_force',
      'consultee',
    ],
  ];
  it.each(table)('%s', (_name, d, f, code, field) => {
    const result = checkRequest(d, f);
    if (code === null) expect(result).toEqual({ ok: true });
    else {
      expect(result).toMatchObject({ ok: false, code, field });
      expect(result.ok === false && result.message).toMatch(/「/);
    }
  });

  it('[PUR-6] a request must confirm that the use cannot aid or induce illegal or improper acts', () => {
    expect(checkRequest(draft({ noImproperUse: false }), facts())).toMatchObject({
      ok: false,
      code: 'improper_use_not_confirmed',
      field: 'noImproperUse',
    });
  });
});
