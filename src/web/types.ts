// Shapes of the API answers the screens use. Where the server has a schema type
// it is imported (type-only, erased from the bundle); the rest mirror the routes.

import type { Static } from 'typebox';
import type { SessionResponse } from '../server/modules/auth/schema';
import type { OrganizationList, StaffDirectory, StaffItem as StaffItemType } from '../server/modules/staff/schema';
import type { EventItem, EventPage } from '../server/modules/audit/schema';

export type Session = SessionResponse;
export type Permission = Session['permissions'][number];
export type Role = Session['staff']['roles'][number];
export type SessionStage = Session['stage'];

export type StaffItem = StaffItemType;
export type Organization = Static<typeof OrganizationList>['items'][number];
export type DirectoryEntry = Static<typeof StaffDirectory>['items'][number];
export type AuditEvent = Static<typeof EventItem>;
export type AuditPage = Static<typeof EventPage>;

export type { Settings as TenantSettings } from '../server/modules/settings/schema';
export type { ConsulteeListItem, ConsulteeRecord } from '../server/modules/consultees/schema';
