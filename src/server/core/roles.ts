// Staff roles, employment kinds and what each role may do (SEC-3, CLS-3).
// Pure data: the policy function and the route guard read these tables.

export const ROLES = [
  'support_worker',
  'chief_support_worker',
  'employment_support_worker',
  'household_budget_support_worker',
  'clerk',
  'privacy_protection_manager',
  'complaint_lead',
  'municipal_supervisor',
  'system_administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  support_worker: '相談支援員',
  chief_support_worker: '主任相談支援員',
  employment_support_worker: '就労支援員',
  household_budget_support_worker: '家計改善支援員',
  clerk: '事務職員',
  privacy_protection_manager: '個人情報保護管理者',
  complaint_lead: '苦情対応責任者',
  municipal_supervisor: '自治体監督職員',
  system_administrator: 'システム管理者',
};

/** CLS-3: every kind of staff (職員等) is bound by confidentiality, also after leaving. */
export const EMPLOYMENT_KINDS = ['employee', 'director', 'temporary', 'dispatched', 'trainee'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

export const EMPLOYMENT_KIND_LABELS: Readonly<Record<EmploymentKind, string>> = {
  employee: '職員',
  director: '役員',
  temporary: '臨時職員',
  dispatched: '派遣職員',
  trainee: '実習生',
};

/** Roles whose holders must use a second factor whatever the tenant setting says (SEC-4). */
export const ROLES_REQUIRING_MFA: readonly Role[] = ['privacy_protection_manager', 'system_administrator'];

export function mfaRequired(roles: readonly Role[], tenantRequiresMfaForAll: boolean): boolean {
  return tenantRequiresMfaForAll || roles.some((r) => ROLES_REQUIRING_MFA.includes(r));
}

/**
 * Permissions name what a route does, independent of whose record it touches.
 * Whether a particular record is in reach is decided separately by the policy
 * function (scope × assignment × purpose).
 */
export const PERMISSIONS = [
  'session.self', // one's own session, password and second factor
  'staff.directory', // names and roles of colleagues (for assignment pickers)
  'staff.manage', // create, change, disable accounts; reset passwords and second factors
  'tenant.settings', // sign-in and session settings of the tenant
  'audit.read', // the audit viewer
  'consultee.read',
  'consultee.write',
  'privacy.reference', // the tenant's purposes and related agencies (no one's personal data)
  'privacy.manage', // change purposes, keep the list of related agencies (PUR-2, CON-4)
  'provision.approve', // approve or refuse a provision on a ground other than consent (PRV-1)
  'export.approve', // the second person's approval of an export of more than one person's data (PRV-7)
  'my_number.handle', // store, reveal or erase My Number; also needs the staff member's designation (ACQ-4)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions whose routes reach consultees' personal data, and so must declare a purpose (PUR-1). */
export const PERMISSIONS_REQUIRING_PURPOSE: readonly Permission[] = [
  'consultee.read',
  'consultee.write',
  'audit.read',
  'provision.approve',
  'my_number.handle',
];

const CASEWORK: readonly Permission[] = [
  'session.self',
  'staff.directory',
  'consultee.read',
  'consultee.write',
  'privacy.reference',
  'my_number.handle',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  support_worker: CASEWORK,
  chief_support_worker: [...CASEWORK, 'export.approve'],
  employment_support_worker: CASEWORK,
  household_budget_support_worker: CASEWORK,
  clerk: [
    'session.self',
    'staff.directory',
    'consultee.read',
    'consultee.write',
    'privacy.reference',
    'my_number.handle',
  ],
  privacy_protection_manager: [
    'session.self',
    'staff.directory',
    'audit.read',
    'consultee.read',
    'privacy.reference',
    'privacy.manage',
    'provision.approve',
    'export.approve',
  ],
  complaint_lead: ['session.self', 'staff.directory', 'consultee.read', 'privacy.reference'],
  municipal_supervisor: ['session.self', 'staff.directory', 'audit.read', 'consultee.read', 'privacy.reference'],
  // The administrator runs accounts and settings and never reads case content (issue 2).
  system_administrator: ['session.self', 'staff.directory', 'staff.manage', 'tenant.settings'],
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
