// The access policy (ARCHITECTURE rule 1–2, PUR-1, SEC-4): a pure function of
// role × scope × assignment × purpose. No I/O; the data-access object gathers the
// facts about the target record and asks this module for a decision.

import type { DataClass } from './data-classes.js';
import type { PurposeCode } from './purposes.js';
import type { Role } from './roles.js';

/**
 * Kinds of record that hold consultees' personal data: the consultee's own
 * records (basic information, household, profile, consent), and a case with its
 * forms, notes and household budget.
 */
export const RECORD_KINDS = ['consultee', 'case'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * 'transition' moves a case along its flow and records the screening, a judgement
 * of the case's workers; 'assign' changes who works on a case; 'provide' sends a
 * consultee's items to another party (PRV-1); 'approve' decides a provision on a
 * ground other than consent; 'export' takes a person's data out as a file (PRV-7).
 */
export type Action = 'read' | 'create' | 'update' | 'transition' | 'assign' | 'provide' | 'approve' | 'export';

/**
 * How far a grant reaches, narrowest first.
 * - assigned: records of cases on which the staff member is lead or co-worker
 * - office: records of the staff member's office (窓口)
 * - organization: records of the staff member's organization
 * - tenant: records of every organization the staff member supervises in the tenant
 */
export const SCOPES = ['assigned', 'office', 'organization', 'tenant'] as const;
export type Scope = (typeof SCOPES)[number];

/** Why a reader reaches a record, as screens and the audit viewer say it. */
export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  assigned: '担当',
  office: '窓口内',
  organization: '組織内',
  tenant: '監督',
};

export interface Rule {
  roles: readonly Role[];
  kinds: readonly RecordKind[];
  actions: readonly Action[];
  purposes: readonly PurposeCode[];
  scope: Scope;
  classes: readonly DataClass[];
}

const CASEWORK_PURPOSES: readonly PurposeCode[] = [
  'consultation_support',
  'municipal_application',
  'support_coordination',
];
const CASE_CLASSES: readonly DataClass[] = ['ordinary', 'identification_code', 'special_care'];
/** The roles that work cases (may be lead or co-worker). */
export const ROLES_WORKING_CASES: readonly Role[] = [
  'support_worker',
  'chief_support_worker',
  'employment_support_worker',
  'household_budget_support_worker',
];

/**
 * The rules, as data. A request is allowed when some rule names one of the
 * actor's roles, the record kind, the action and the purpose, and the target lies
 * within the rule's scope. My Number appears in no rule: it is reached only through
 * its own sealed module (ARCHITECTURE rule 7).
 */
const BOTH: readonly RecordKind[] = ['consultee', 'case'];

export const RULES: readonly Rule[] = [
  // Support workers see and record the cases they are assigned to, and move them along.
  {
    roles: ROLES_WORKING_CASES,
    kinds: BOTH,
    actions: ['read', 'create', 'update', 'transition', 'provide', 'export'],
    purposes: CASEWORK_PURPOSES,
    scope: 'assigned',
    classes: CASE_CLASSES,
  },
  // Chief workers oversee every case of their office, and decide who works on it.
  {
    roles: ['chief_support_worker'],
    kinds: BOTH,
    actions: ['read', 'create', 'update', 'transition', 'assign', 'provide', 'export'],
    purposes: CASEWORK_PURPOSES,
    scope: 'office',
    classes: CASE_CLASSES,
  },
  // Workers register a new consultee at their own office (and become the lead of its first case).
  {
    roles: ROLES_WORKING_CASES,
    kinds: ['consultee'],
    actions: ['create'],
    purposes: ['consultation_support'],
    scope: 'office',
    classes: CASE_CLASSES,
  },
  // Reception clerks handle basic information at their office: reception, and forwarding
  // applications (BIZ-4); moving a case along is for its workers.
  {
    roles: ['clerk'],
    kinds: BOTH,
    actions: ['read', 'create', 'update', 'export'],
    purposes: ['consultation_support', 'municipal_application'],
    scope: 'office',
    classes: ['ordinary'],
  },
  // The privacy protection manager compiles what the person asks to see (DSR) and audits access.
  {
    roles: ['privacy_protection_manager'],
    kinds: BOTH,
    actions: ['read'],
    purposes: ['rights_request_handling', 'access_audit'],
    scope: 'organization',
    classes: CASE_CLASSES,
  },
  // The privacy protection manager decides provisions resting on a ground (PRV-1, PRV-6):
  // who, to whom, which items and why, not the content of the items.
  {
    roles: ['privacy_protection_manager'],
    kinds: ['consultee'],
    actions: ['read', 'approve'],
    purposes: ['support_coordination'],
    scope: 'organization',
    classes: ['ordinary'],
  },
  // Complaint leads need to know who complained, not the case content.
  {
    roles: ['complaint_lead'],
    kinds: ['consultee'],
    actions: ['read'],
    purposes: ['complaint_handling'],
    scope: 'organization',
    classes: ['ordinary'],
  },
  // The commissioning municipality supervises its contractors (OUT-1; the groundwork of OUT-4's inspections).
  {
    roles: ['municipal_supervisor'],
    kinds: BOTH,
    actions: ['read'],
    purposes: ['contract_supervision'],
    scope: 'tenant',
    classes: ['ordinary'],
  },
];

export interface Actor {
  staffId: string;
  tenantId: string;
  organizationId: string;
  officeId: string | null;
  roles: readonly Role[];
  /** Organizations whose records the actor may reach at tenant scope (own organization included). */
  supervisedOrganizationIds: readonly string[];
  /** The tenant's purposes of use in force (PUR-1): nothing is done for any other. */
  purposes: readonly string[];
}

/** Facts about the record being reached, gathered by the data-access object. */
export interface Target {
  organizationId: string;
  officeId: string | null;
  assignedStaffIds: readonly string[];
}

export type DenyReason = 'purpose_not_in_force' | 'no_rule' | 'out_of_scope' | 'class_not_allowed';

export type Decision = { allow: true; basis: Scope; classes: DataClass[] } | { allow: false; reason: DenyReason };

export function rulesFor(
  roles: readonly Role[],
  kind: RecordKind,
  action: Action,
  purpose: PurposeCode,
  rules: readonly Rule[] = RULES,
): Rule[] {
  return rules.filter(
    (r) =>
      r.kinds.includes(kind) &&
      r.actions.includes(action) &&
      r.purposes.includes(purpose) &&
      r.roles.some((role) => roles.includes(role)),
  );
}

export function inScope(scope: Scope, actor: Actor, target: Target): boolean {
  switch (scope) {
    case 'assigned':
      return target.organizationId === actor.organizationId && target.assignedStaffIds.includes(actor.staffId);
    case 'office':
      return (
        actor.officeId !== null && target.organizationId === actor.organizationId && target.officeId === actor.officeId
      );
    case 'organization':
      return target.organizationId === actor.organizationId;
    case 'tenant':
      return actor.supervisedOrganizationIds.includes(target.organizationId);
  }
}

/**
 * Decide whether the actor may perform the action on the target for the purpose.
 * The classes granted are the union over every matching rule whose scope holds the
 * target; the basis is the narrowest such scope, so that access by someone not
 * assigned to the case stands out in the audit trail.
 * When `requested` classes are given, every one of them must be granted.
 */
export function decide(
  actor: Actor,
  kind: RecordKind,
  action: Action,
  purpose: PurposeCode,
  target: Target,
  requested?: readonly DataClass[],
  rules: readonly Rule[] = RULES,
): Decision {
  if (!actor.purposes.includes(purpose)) return { allow: false, reason: 'purpose_not_in_force' };
  const candidates = rulesFor(actor.roles, kind, action, purpose, rules);
  if (candidates.length === 0) return { allow: false, reason: 'no_rule' };
  const matching = candidates.filter((r) => inScope(r.scope, actor, target));
  if (matching.length === 0) return { allow: false, reason: 'out_of_scope' };
  const classes = new Set<DataClass>();
  for (const r of matching) for (const c of r.classes) classes.add(c);
  if (requested && requested.some((c) => !classes.has(c))) return { allow: false, reason: 'class_not_allowed' };
  const basis = SCOPES.find((s) => matching.some((r) => r.scope === s)) as Scope;
  return { allow: true, basis, classes: [...classes].sort() };
}

/**
 * The scopes under which the actor may reach records of a kind for a purpose, for
 * list and search queries that must filter in SQL. Derived from the same rules as
 * `decide`, so the two cannot drift apart.
 */
export function scopesFor(
  roles: readonly Role[],
  kind: RecordKind,
  action: Action,
  purpose: PurposeCode,
  rules: readonly Rule[] = RULES,
): Scope[] {
  const found = new Set(rulesFor(roles, kind, action, purpose, rules).map((r) => r.scope));
  return SCOPES.filter((s) => found.has(s));
}
