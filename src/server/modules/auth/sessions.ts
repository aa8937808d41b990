// Sessions in PostgreSQL (SEC-4). The cookie carries the tenant id and a random
// token; only the token's SHA-256 is stored. Timeouts, logout and account
// disablement are checked on every request, so an ended session stops at once.

import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { isRole, type Role } from '../../core/roles.js';
import { sessionState, shouldTouch, type SessionStage } from '../../core/sign-in.js';
import { inTenant, type Database, type Tx } from '../../db/database.js';
import { appendAuditEvents } from '../../audit/append.js';

export const SESSION_COOKIE = 'jss_session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionToken {
  tenantId: string;
  token: string;
}

export function newSessionToken(tenantId: string): SessionToken {
  return { tenantId, token: randomBytes(32).toString('base64url') };
}

export function encodeCookie(t: SessionToken): string {
  return `${t.tenantId}.${t.token}`;
}

export function parseCookie(value: string | undefined): SessionToken | null {
  if (!value) return null;
  const [tenantId, token, extra] = value.split('.');
  if (extra !== undefined || !tenantId || !token || !UUID.test(tenantId) || !TOKEN.test(token)) return null;
  return { tenantId, token };
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** The CSRF token is derived from the session token, so nothing more is stored and it cannot be guessed without the cookie. */
export function csrfTokenFor(token: string): string {
  return createHmac('sha256', token).update('csrf').digest('base64url');
}

export function csrfMatches(token: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(token));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface SessionView {
  sessionId: string;
  tenantId: string;
  tenantCode: string;
  tenantName: string;
  staffId: string;
  login: string;
  displayName: string;
  roles: Role[];
  organizationId: string;
  organizationKind: 'municipality' | 'contractor';
  organizationName: string;
  officeId: string | null;
  officeName: string | null;
  /** Every organization of the tenant (a supervisor's reach). */
  organizationIds: string[];
  /** The tenant's purposes of use in force. */
  purposeCodes: string[];
  stage: SessionStage;
  mfaVerified: boolean;
  mfaEnabled: boolean;
  mfaRequiredForAll: boolean;
  passwordNeedsMfa: boolean;
  idleMinutes: number;
  absoluteHours: number;
  createdAt: Date;
  lastSeenAt: Date;
  pendingTotpSecret: Buffer | null;
}

export type SessionLookup =
  | { ok: true; session: SessionView }
  | { ok: false; reason: 'unknown' | 'idle_timeout' | 'absolute_timeout' | 'ended' | 'disabled' };

interface SessionRow {
  sessionId: string;
  tenantId: string;
  staffId: string;
  stage: SessionStage;
  mfaVerified: boolean;
  pendingTotpSecret: Buffer | null;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  tenantCode: string;
  tenantName: string;
  mfaRequiredForAll: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  login: string;
  displayName: string;
  roles: string[];
  organizationId: string;
  officeId: string | null;
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
  passwordNeedsMfa: boolean;
  organizationKind: 'municipality' | 'contractor';
  organizationName: string;
  officeName: string | null;
  organizationIds: string[];
  purposeCodes: string[];
}

/** One round trip: the function sets the tenant for its own statement and reads the session (migration 0001). */
async function loadSession(db: Database, tenantId: string, hash: Buffer): Promise<SessionRow | undefined> {
  const { rows } = await sql<SessionRow>`SELECT * FROM session_by_token(${tenantId}::uuid, ${hash})`.execute(db);
  return rows[0];
}

/**
 * Finds the session for a cookie and checks it is still good. An expired or
 * disabled session is ended here, with an authentication event, at the first
 * request after the fact.
 */
export async function lookupSession(
  db: Database,
  cookie: SessionToken,
  meta: { requestId: string; clientIp: string | null },
  now = new Date(),
): Promise<SessionLookup> {
  const row = await loadSession(db, cookie.tenantId, tokenHash(cookie.token));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.endedAt) return { ok: false, reason: 'ended' };
  const state = sessionState(
    { createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, endedAt: row.endedAt },
    { idleMinutes: row.sessionIdleMinutes, absoluteHours: row.sessionAbsoluteHours },
    now,
  );
  const endReason =
    row.disabledAt !== null
      ? 'disabled'
      : state === 'idle_expired'
        ? 'idle_timeout'
        : state === 'absolute_expired'
          ? 'absolute_timeout'
          : null;
  if (endReason) {
    await inTenant(db, { tenantId: row.tenantId, organizationIds: [] }, async (tx) => {
      await endSession(tx, row.tenantId, row.sessionId, endReason);
      await appendAuditEvents(tx, [
        {
          tenantId: row.tenantId,
          category: 'auth',
          action: `session.${endReason}`,
          outcome: 'success',
          actorStaffId: row.staffId,
          actorOrganizationId: row.organizationId,
          recordKind: 'session',
          recordIds: [row.sessionId],
          requestId: meta.requestId,
          clientIp: meta.clientIp,
        },
      ]);
    });
    return { ok: false, reason: endReason };
  }
  if (shouldTouch(row.lastSeenAt, now)) {
    await inTenant(db, { tenantId: row.tenantId, organizationIds: [] }, (tx) =>
      tx
        .updateTable('sessions')
        .set({ lastSeenAt: now })
        .where('tenantId', '=', row.tenantId)
        .where('sessionId', '=', row.sessionId)
        .execute(),
    );
  }
  return {
    ok: true,
    session: {
      sessionId: row.sessionId,
      tenantId: row.tenantId,
      tenantCode: row.tenantCode,
      tenantName: row.tenantName,
      staffId: row.staffId,
      login: row.login,
      displayName: row.displayName,
      roles: row.roles.filter(isRole),
      organizationId: row.organizationId,
      organizationKind: row.organizationKind,
      organizationName: row.organizationName,
      officeId: row.officeId,
      officeName: row.officeName,
      organizationIds: row.organizationIds,
      purposeCodes: row.purposeCodes,
      stage: row.stage,
      mfaVerified: row.mfaVerified,
      mfaEnabled: row.totpEnabledAt !== null,
      mfaRequiredForAll: row.mfaRequiredForAll,
      passwordNeedsMfa: row.passwordNeedsMfa,
      idleMinutes: row.sessionIdleMinutes,
      absoluteHours: row.sessionAbsoluteHours,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      pendingTotpSecret: row.pendingTotpSecret,
    },
  };
}

export async function createSession(
  tx: Tx,
  args: {
    tenantId: string;
    staffId: string;
    stage: SessionStage;
    mfaVerified: boolean;
    clientIp: string | null;
    userAgent: string | null;
  },
): Promise<{ token: SessionToken; sessionId: string }> {
  const token = newSessionToken(args.tenantId);
  const sessionId = randomUUID();
  await tx
    .insertInto('sessions')
    .values({
      tenantId: args.tenantId,
      sessionId,
      tokenHash: tokenHash(token.token),
      staffId: args.staffId,
      stage: args.stage,
      mfaVerified: args.mfaVerified,
      clientIp: args.clientIp,
      userAgent: args.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId };
}

export async function endSession(tx: Tx, tenantId: string, sessionId: string, reason: string): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ endedAt: sql<Date>`now()`, endReason: reason })
    .where('tenantId', '=', tenantId)
    .where('sessionId', '=', sessionId)
    .where('endedAt', 'is', null)
    .execute();
}

/** Ends every open session of a staff member (password change, reset, disablement), optionally keeping one. */
export async function endSessionsOf(
  tx: Tx,
  tenantId: string,
  staffId: string,
  reason: string,
  keep?: string,
): Promise<void> {
  let q = tx
    .updateTable('sessions')
    .set({ endedAt: sql<Date>`now()`, endReason: reason })
    .where('tenantId', '=', tenantId)
    .where('staffId', '=', staffId)
    .where('endedAt', 'is', null);
  if (keep) q = q.where('sessionId', '!=', keep);
  await q.execute();
}
