import { describe, expect, it } from 'vitest';
import {
  checkJointUseChange,
  diffJointUse,
  JOINT_USE_CHANGE_KINDS,
  JOINT_USE_CHANGE_LABELS,
  noticeTiming,
  type JointUseChange,
  type JointUseDeclaration,
} from './joint-use.js';

const declaration = (overrides: Partial<JointUseDeclaration> = {}): JointUseDeclaration => ({
  items: ['name', 'address', 'income'],
  users: ['council', 'hello-work'],
  purposes: ['support_coordination'],
  responsible: {
    partyId: 'council',
    name: '社会福祉法人 見本市社会福祉協議会',
    address: '見本市1-1',
    representative: '会長 見本 太郎',
  },
  ...overrides,
});

const base = declaration();
const responsible = base.responsible;

describe('[PRV-2] what changed in a joint-use declaration', () => {
  it.each([
    ['nothing', {}, []],
    ['the same sets in another order', { items: ['income', 'name', 'address'], users: ['hello-work', 'council'] }, []],
    ['a duplicate entry', { purposes: ['support_coordination', 'support_coordination'] }, []],
    ['the responsible party’s name', { responsible: { ...responsible, name: '見本市社協' } }, ['responsible_details']],
    ['its address', { responsible: { ...responsible, address: '見本市2-2' } }, ['responsible_details']],
    [
      'its representative',
      { responsible: { ...responsible, representative: '会長 見本 次郎' } },
      ['responsible_details'],
    ],
    [
      'another responsible party (even with the same details)',
      { responsible: { ...responsible, partyId: 'city' } },
      ['responsible_party'],
    ],
    [
      'another responsible party with other details',
      { responsible: { partyId: 'city', name: '見本市', address: '見本市3-3', representative: '市長' } },
      ['responsible_party'],
    ],
    ['a purpose added', { purposes: ['support_coordination', 'consultation_support'] }, ['purposes']],
    ['a purpose replaced', { purposes: ['consultation_support'] }, ['purposes']],
    ['an item added', { items: ['name', 'address', 'income', 'illness'] }, ['items']],
    ['an item removed', { items: ['name', 'address'] }, ['items']],
    ['a user added', { users: ['council', 'hello-work', 'police'] }, ['users']],
    [
      'everything',
      {
        responsible: { ...responsible, partyId: 'city' },
        purposes: [],
        items: [],
        users: [],
      },
      ['responsible_party', 'purposes', 'items', 'users'],
    ],
    [
      'details and purposes',
      { responsible: { ...responsible, address: '見本市2-2' }, purposes: ['consultation_support'] },
      ['responsible_details', 'purposes'],
    ],
  ])('%s → %j', (_label, overrides, kinds) => {
    expect(diffJointUse(base, declaration(overrides))).toEqual(kinds);
  });
});

describe('[PRV-2] when the person must be told', () => {
  it.each([
    ['responsible_details', 'without_delay'],
    ['responsible_party', 'beforehand'],
    ['purposes', 'beforehand'],
    ['items', 'not_allowed'],
    ['users', 'not_allowed'],
  ] as const)('%s → %s', (kind, timing) => {
    expect(noticeTiming(kind)).toBe(timing);
  });

  it('every kind has a Japanese label', () => {
    for (const k of JOINT_USE_CHANGE_KINDS) expect(JOINT_USE_CHANGE_LABELS[k]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('[PRV-2] checking a planned change', () => {
  const change = (overrides: Partial<JointUseChange> = {}): JointUseChange => ({
    kinds: ['purposes'],
    changedOn: '2026-06-01',
    noticeOn: null,
    effectiveFrom: '2026-07-01',
    ...overrides,
  });

  it.each([
    ['a purpose, not yet told: due the day before it applies', {}, '2026-06-30'],
    ['a purpose told a month before', { noticeOn: '2026-06-01' }, '2026-06-30'],
    ['a purpose told the day before', { noticeOn: '2026-06-30' }, '2026-06-30'],
    ['a purpose applying the day after the change', { effectiveFrom: '2026-06-02' }, '2026-06-01'],
    ['the responsible party', { kinds: ['responsible_party'] as const }, '2026-06-30'],
    ['details: due on the day of the change', { kinds: ['responsible_details'] as const }, '2026-06-01'],
    [
      'details told the same day',
      { kinds: ['responsible_details'] as const, noticeOn: '2026-06-01', effectiveFrom: '2026-06-01' },
      '2026-06-01',
    ],
    [
      'details and purposes: the earlier due date',
      { kinds: ['responsible_details', 'purposes'] as const },
      '2026-06-01',
    ],
    [
      'details and purposes applying soon: the day before it applies',
      { kinds: ['responsible_details', 'purposes'] as const, noticeOn: '2026-05-20', effectiveFrom: '2026-05-25' },
      '2026-05-24',
    ],
  ])('%s → notice due %s', (_label, overrides, due) => {
    const c = change(overrides);
    expect(checkJointUseChange(c)).toEqual({ ok: true, noticeDueOn: due, effectiveFrom: c.effectiveFrom });
  });

  it.each([
    ['no change', { kinds: [] }, 'no_change', 'kinds'],
    ['the items', { kinds: ['items'] as const }, 'new_declaration_required', 'items'],
    ['the users with a purpose', { kinds: ['purposes', 'users'] as const }, 'new_declaration_required', 'users'],
    ['a purpose told on the day it applies', { noticeOn: '2026-07-01' }, 'notice_not_beforehand', 'noticeOn'],
    ['a purpose told after it applies', { noticeOn: '2026-07-02' }, 'notice_not_beforehand', 'noticeOn'],
    [
      'the responsible party told on the day it applies',
      { kinds: ['responsible_party'] as const, noticeOn: '2026-07-01' },
      'notice_not_beforehand',
      'noticeOn',
    ],
    [
      'a purpose applying on the day of the change, not yet told',
      { effectiveFrom: '2026-06-01' },
      'effective_too_soon',
      'effectiveFrom',
    ],
    [
      'details told after the day of the change',
      { kinds: ['responsible_details'] as const, noticeOn: '2026-06-02' },
      'notice_late',
      'noticeOn',
    ],
  ])('%s → %s on %s', (_label, overrides, code, field) => {
    const result = checkJointUseChange(change(overrides));
    expect(result).toMatchObject({ ok: false, code, field });
    if (result.ok) return;
    expect(result.message).toMatch(/「.+」/);
    expect(result.message).not.toMatch(/[()]/);
  });

  it('a change of items or users says a new declaration and consent are needed, naming both', () => {
    const result = checkJointUseChange(change({ kinds: ['items', 'users'] }));
    expect(result).toMatchObject({ ok: false, code: 'new_declaration_required', field: 'items' });
    if (result.ok) return;
    expect(result.message).toContain('「共同利用する項目」「共同して利用する者の範囲」');
    expect(result.message).toContain('新たな共同利用');
    expect(result.message).toContain('同意');
  });

  it('a change found by diffJointUse can be checked directly', () => {
    const kinds = diffJointUse(base, declaration({ purposes: ['consultation_support'] }));
    expect(checkJointUseChange(change({ kinds }))).toMatchObject({ ok: true, noticeDueOn: '2026-06-30' });
  });
});
