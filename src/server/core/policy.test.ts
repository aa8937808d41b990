import { describe, expect, it } from 'vitest';
import { decide, inScope, scopesFor, RULES, type Action, type Actor, type Target } from './policy.js';
import { PURPOSES, type PurposeCode } from './purposes.js';
import { ROLES, type Role } from './roles.js';
import type { DataClass } from './data-classes.js';

const ORG = 'org-council';
const OTHER_ORG = 'org-city';
const OFFICE = 'office-main';
const OTHER_OFFICE = 'office-second';

function actor(roles: Role[], overrides: Partial<Actor> = {}): Actor {
  return {
    staffId: 'me',
    tenantId: 't',
    organizationId: ORG,
    officeId: OFFICE,
    roles,
    supervisedOrganizationIds: [ORG],
    purposes: PURPOSES,
    ...overrides,
  };
}

const assignedToMe: Target = { organizationId: ORG, officeId: OFFICE, assignedStaffIds: ['me'] };
const colleaguesCase: Target = { organizationId: ORG, officeId: OFFICE, assignedStaffIds: ['colleague'] };
const otherOfficeCase: Target = { organizationId: ORG, officeId: OTHER_OFFICE, assignedStaffIds: ['someone'] };
const otherOrgCase: Target = { organizationId: OTHER_ORG, officeId: 'office-city', assignedStaffIds: ['me'] };

type Row = [
  label: string,
  roles: Role[],
  action: Action,
  purpose: PurposeCode,
  target: Target,
  expected: { allow: true; basis: string; classes: DataClass[] } | { allow: false; reason: string },
];

const ALL: DataClass[] = ['identification_code', 'ordinary', 'special_care'];

const TABLE: Row[] = [
  [
    'worker reads an assigned case',
    ['support_worker'],
    'read',
    'consultation_support',
    assignedToMe,
    { allow: true, basis: 'assigned', classes: ALL },
  ],
  [
    'worker is refused a colleague’s case',
    ['support_worker'],
    'read',
    'consultation_support',
    colleaguesCase,
    { allow: false, reason: 'out_of_scope' },
  ],
  [
    'worker is refused another office',
    ['support_worker'],
    'read',
    'consultation_support',
    otherOfficeCase,
    { allow: false, reason: 'out_of_scope' },
  ],
  [
    'worker is refused another organization even if listed',
    ['support_worker'],
    'read',
    'consultation_support',
    otherOrgCase,
    { allow: false, reason: 'out_of_scope' },
  ],
  [
    'worker may not read for complaint handling',
    ['support_worker'],
    'read',
    'complaint_handling',
    assignedToMe,
    { allow: false, reason: 'no_rule' },
  ],
  [
    'worker updates an assigned case for coordination',
    ['support_worker'],
    'update',
    'support_coordination',
    assignedToMe,
    { allow: true, basis: 'assigned', classes: ALL },
  ],
  [
    'worker registers a consultee at own office',
    ['support_worker'],
    'create',
    'consultation_support',
    colleaguesCase,
    { allow: true, basis: 'office', classes: ALL },
  ],
  [
    'employment worker reads an assigned case',
    ['employment_support_worker'],
    'read',
    'municipal_application',
    assignedToMe,
    { allow: true, basis: 'assigned', classes: ALL },
  ],
  [
    'budget worker is refused a colleague’s case',
    ['household_budget_support_worker'],
    'read',
    'consultation_support',
    colleaguesCase,
    { allow: false, reason: 'out_of_scope' },
  ],
  [
    'chief reads any case of the office',
    ['chief_support_worker'],
    'read',
    'consultation_support',
    colleaguesCase,
    { allow: true, basis: 'office', classes: ALL },
  ],
  [
    'chief on own case: basis is assignment',
    ['chief_support_worker'],
    'read',
    'consultation_support',
    assignedToMe,
    { allow: true, basis: 'assigned', classes: ALL },
  ],
  [
    'chief is refused another office',
    ['chief_support_worker'],
    'read',
    'consultation_support',
    otherOfficeCase,
    { allow: false, reason: 'out_of_scope' },
  ],
  [
    'worker moves an assigned case along',
    ['support_worker'],
    'transition',
    'consultation_support',
    assignedToMe,
    { allow: true, basis: 'assigned', classes: ALL },
  ],
  [
    'chief moves a colleague’s case along',
    ['chief_support_worker'],
    'transition',
    'consultation_support',
    colleaguesCase,
    { allow: true, basis: 'office', classes: ALL },
  ],
  [
    'clerk may not move a case along',
    ['clerk'],
    'transition',
    'consultation_support',
    colleaguesCase,
    { allow: false, reason: 'no_rule' },
  ],
  [
    'clerk reads basic data at the office',
    ['clerk'],
    'read',
    'consultation_support',
    colleaguesCase,
    { allow: true, basis: 'office', classes: ['ordinary'] },
  ],
  [
    'clerk may not read for coordination',
    ['clerk'],
    'read',
    'support_coordination',
    colleaguesCase,
    { allow: false, reason: 'no_rule' },
  ],
  [
    'privacy manager reads for a disclosure request',
    ['privacy_protection_manager'],
    'read',
    'rights_request_handling',
    otherOfficeCase,
    { allow: true, basis: 'organization', classes: ALL },
  ],
  [
    'privacy manager may not read for casework',
    ['privacy_protection_manager'],
    'read',
    'consultation_support',
    otherOfficeCase,
    { allow: false, reason: 'no_rule' },
  ],
  [
    'privacy manager may not update',
    ['privacy_protection_manager'],
    'update',
    'rights_request_handling',
    otherOfficeCase,
    { allow: false, reason: 'no_rule' },
  ],
  [
    'complaint lead sees basic data only',
    ['complaint_lead'],
    'read',
    'complaint_handling',
    otherOfficeCase,
    { allow: true, basis: 'organization', classes: ['ordinary'] },
  ],
  [
    'supervisor is refused an organization not supervised',
    ['municipal_supervisor'],
    'read',
    'contract_supervision',
    otherOrgCase,
    { allow: false, reason: 'out_of_scope' },
  ],
  [
    'system administrator never reads case content',
    ['system_administrator'],
    'read',
    'consultation_support',
    assignedToMe,
    { allow: false, reason: 'no_rule' },
  ],
  [
    'system administrator never reads, whatever the purpose',
    ['system_administrator'],
    'read',
    'access_audit',
    assignedToMe,
    { allow: false, reason: 'no_rule' },
  ],
  ['no role, no access', [], 'read', 'consultation_support', assignedToMe, { allow: false, reason: 'no_rule' }],
];

describe('[SEC-4][PUR-1] access policy: role × scope × assignment × purpose', () => {
  it.each(TABLE)('%s', (_label, roles, action, purpose, target, expected) => {
    expect(decide(actor(roles), 'consultee', action, purpose, target)).toEqual(expected);
  });

  it('[OUT-1] a supervisor reaches every organization they supervise, and only those', () => {
    const supervisor = actor(['municipal_supervisor'], {
      organizationId: OTHER_ORG,
      supervisedOrganizationIds: [OTHER_ORG, ORG],
    });
    expect(decide(supervisor, 'consultee', 'read', 'contract_supervision', colleaguesCase)).toEqual({
      allow: true,
      basis: 'tenant',
      classes: ['ordinary'],
    });
    expect(
      decide(supervisor, 'consultee', 'read', 'contract_supervision', {
        ...colleaguesCase,
        organizationId: 'org-elsewhere',
      }),
    ).toEqual({ allow: false, reason: 'out_of_scope' });
  });

  it('[CLS-1] requested special-care data is refused to a role granted only ordinary data', () => {
    expect(
      decide(actor(['clerk']), 'consultee', 'read', 'consultation_support', colleaguesCase, ['special_care']),
    ).toEqual({
      allow: false,
      reason: 'class_not_allowed',
    });
    expect(
      decide(actor(['support_worker']), 'consultee', 'read', 'consultation_support', assignedToMe, ['special_care']),
    ).toMatchObject({
      allow: true,
    });
  });

  it('a staff member without an office reaches nothing by office scope', () => {
    expect(
      inScope('office', actor(['chief_support_worker'], { officeId: null }), { ...colleaguesCase, officeId: null }),
    ).toBe(false);
  });

  it('combined roles take the union of classes and the narrowest basis', () => {
    expect(
      decide(actor(['clerk', 'support_worker']), 'consultee', 'read', 'consultation_support', assignedToMe),
    ).toEqual({
      allow: true,
      basis: 'assigned',
      classes: ALL,
    });
  });

  it('[ARCHITECTURE-7] no rule ever grants My Number', () => {
    for (const rule of RULES) expect(rule.classes).not.toContain('my_number');
    for (const role of ROLES) {
      for (const purpose of PURPOSES) {
        const d = decide(actor([role]), 'consultee', 'read', purpose, assignedToMe);
        if (d.allow) expect(d.classes).not.toContain('my_number');
      }
    }
  });

  it('list scopes come from the same rules as decisions', () => {
    for (const role of ROLES) {
      for (const purpose of PURPOSES) {
        const scopes = scopesFor([role], 'consultee', 'read', purpose);
        const allowedSomewhere = [assignedToMe, colleaguesCase, otherOfficeCase].some(
          (t) => decide(actor([role], { supervisedOrganizationIds: [ORG] }), 'consultee', 'read', purpose, t).allow,
        );
        expect(scopes.length > 0).toBe(allowedSomewhere);
      }
    }
  });
});
