// Sign-in, second factor, password change and sign-out (SEC-4).
//
// What a failed sign-in reveals is the same for every login name, existing or not:
// the same message, a password hash verified in every case (timing), and a lockout
// after LOCKOUT_THRESHOLD failures counted per name in sign_in_throttle.

import { sql } from 'kysely';
import { aadFor } from '../../crypto/secret-box.js';
import {
  checkPassword,
  passwordLength,
  passwordProblemMessage,
  PASSWORD_MIN_LENGTH,
} from '../../core/password-policy.js';
import { isRole, mfaRequired } from '../../core/roles.js';
import {
  afterFailedAttempt,
  isLocked,
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  nextStage,
  type SessionStage,
} from '../../core/sign-in.js';
import { appendAuditEvents, type AuditEvent } from '../../audit/append.js';
import { inTenant, type Tx } from '../../db/database.js';
import type { AppContext } from '../../context.js';
import { AppError, conflict, invalid } from '../../http/errors.js';
import type { Authenticated } from '../../access/guard.js';
import { createSession, endSession, endSessionsOf, type SessionToken } from './sessions.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { checkTotp, enrolmentDetails, newTotpSecret } from './totp.js';
import type { LoginBody, PasswordChangeBody } from './schema.js';

export const SIGN_IN_FAILED = `ログインできませんでした。自治体コード・ログインID・パスワードを確認してください。${LOCKOUT_THRESHOLD}回続けて失敗すると${LOCKOUT_MINUTES}分間ログインできなくなります`;
export const SIGN_IN_LOCKED = `ログインに${LOCKOUT_THRESHOLD}回続けて失敗したため、このログインIDは${LOCKOUT_MINUTES}分間ロックされています。時間をおいてからお試しください`;

const failed = (): AppError => new AppError(401, 'sign_in_failed', SIGN_IN_FAILED);
const locked = (): AppError => new AppError(401, 'sign_in_locked', SIGN_IN_LOCKED);

export interface RequestMeta {
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
}

/**
 * A refusal whose audit events must be kept: the transaction commits, then the
 * refusal is thrown to the caller.
 */
class CommitThenThrow extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/**
 * inTenant that commits when the callback throws CommitThenThrow (so the events
 * recording a refusal are kept), then throws the refusal.
 */
async function inTenantKeepingRefusals<T>(ctx: AppContext, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let refusal: AppError | null = null;
  const result = await inTenant(ctx.db, { tenantId, organizationIds: [] }, async (tx) => {
    try {
      return await fn(tx);
    } catch (error) {
      if (error instanceof CommitThenThrow) {
        refusal = error.error;
        return undefined as T;
      }
      throw error;
    }
  });
  if (refusal) throw refusal;
  return result;
}

export function loginKey(ctx: AppContext, login: string): Buffer {
  return ctx.secrets.mac('sign-in-throttle', login.normalize('NFKC').trim().toLowerCase());
}

async function throttleOf(tx: Tx, tenantId: string, key: Buffer) {
  return tx
    .selectFrom('signInThrottle')
    .select(['failedAttempts', 'lockedUntil'])
    .where('tenantId', '=', tenantId)
    .where('loginKey', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

/** Counts a failure against the login name; returns whether the name is now locked. */
async function countFailure(tx: Tx, tenantId: string, key: Buffer, now: Date): Promise<boolean> {
  const current = await throttleOf(tx, tenantId, key);
  const next = afterFailedAttempt(current?.failedAttempts ?? 0, now);
  await tx
    .insertInto('signInThrottle')
    .values({
      tenantId,
      loginKey: key,
      failedAttempts: next.failedAttempts,
      lockedUntil: next.lockedUntil,
      updatedAt: now,
    })
    .onConflict((oc) =>
      oc.columns(['tenantId', 'loginKey']).doUpdateSet({
        failedAttempts: next.failedAttempts,
        lockedUntil: next.lockedUntil,
        updatedAt: now,
      }),
    )
    .execute();
  return next.lockedUntil !== null;
}

function authEvent(
  tenantId: string,
  meta: RequestMeta,
  e: Partial<AuditEvent> & Pick<AuditEvent, 'action' | 'outcome'>,
): AuditEvent {
  return { tenantId, category: 'auth', requestId: meta.requestId, clientIp: meta.clientIp, ...e };
}

export function stageFor(account: {
  roles: readonly string[];
  mfaEnabled: boolean;
  mfaVerified: boolean;
  mustChangePassword: boolean;
  passwordNeedsMfa: boolean;
  mfaRequiredForAll: boolean;
}): SessionStage {
  return nextStage({
    mfaEnabled: account.mfaEnabled,
    mfaVerified: account.mfaVerified,
    // A short password is allowed only with a second factor: without one, it must be replaced.
    mustChangePassword: account.mustChangePassword || (account.passwordNeedsMfa && !account.mfaEnabled),
    mfaRequired: mfaRequired(account.roles.filter(isRole), account.mfaRequiredForAll),
  });
}

export async function signIn(
  ctx: AppContext,
  body: LoginBody,
  meta: RequestMeta,
  now = new Date(),
): Promise<{ token: SessionToken; stage: SessionStage }> {
  const code = body.tenantCode.normalize('NFKC').trim().toLowerCase();
  const login = body.login.normalize('NFKC').trim().toLowerCase();
  const { rows } = await sql<{ id: string | null }>`SELECT tenant_id_by_code(${code}) AS id`.execute(ctx.db);
  const tenantId = rows[0]?.id ?? null;
  if (!tenantId) {
    await verifyPassword(null, body.password);
    throw failed();
  }
  const key = loginKey(ctx, login);
  const context = { tenantId, organizationIds: [] };

  const before = await inTenant(ctx.db, context, async (tx) => {
    const staff = await tx
      .selectFrom('staff as s')
      .innerJoin('tenants as t', 't.tenantId', 's.tenantId')
      .select([
        's.staffId',
        's.organizationId',
        's.passwordHash',
        's.disabledAt',
        's.roles',
        's.totpEnabledAt',
        's.mustChangePassword',
        's.passwordNeedsMfa',
        't.mfaRequiredForAll',
      ])
      .where('s.login', '=', login)
      .executeTakeFirst();
    const throttle = await tx
      .selectFrom('signInThrottle')
      .select(['lockedUntil'])
      .where('tenantId', '=', tenantId)
      .where('loginKey', '=', key)
      .executeTakeFirst();
    return { staff, lockedUntil: throttle?.lockedUntil ?? null };
  });

  // Verified in every case, outside any transaction, so that timing tells nothing.
  const passwordOk = await verifyPassword(before.staff?.passwordHash ?? null, body.password);
  const staff = before.staff;

  return inTenantKeepingRefusals(ctx, tenantId, async (tx) => {
    const throttle = await throttleOf(tx, tenantId, key);
    const actor = staff ? { actorStaffId: staff.staffId, actorOrganizationId: staff.organizationId } : {};
    if (isLocked(throttle?.lockedUntil ?? before.lockedUntil, now)) {
      await appendAuditEvents(tx, [
        authEvent(tenantId, meta, { ...actor, action: 'sign_in.locked', outcome: 'denied' }),
      ]);
      throw new CommitThenThrow(locked());
    }
    if (!staff || !passwordOk || staff.disabledAt !== null) {
      const reason = !staff ? 'unknown_login' : !passwordOk ? 'wrong_password' : 'disabled';
      const nowLocked = await countFailure(tx, tenantId, key, now);
      await appendAuditEvents(tx, [
        authEvent(tenantId, meta, { ...actor, action: 'sign_in.failure', outcome: 'failure', details: { reason } }),
        ...(nowLocked ? [authEvent(tenantId, meta, { ...actor, action: 'sign_in.lockout', outcome: 'success' })] : []),
      ]);
      throw new CommitThenThrow(nowLocked ? locked() : failed());
    }
    const stage = stageFor({
      roles: staff.roles,
      mfaEnabled: staff.totpEnabledAt !== null,
      mfaVerified: false,
      mustChangePassword: staff.mustChangePassword,
      passwordNeedsMfa: staff.passwordNeedsMfa,
      mfaRequiredForAll: staff.mfaRequiredForAll,
    });
    // The failure count is cleared only once the person is fully authenticated:
    // a known password must not reset the count of wrong second-factor codes.
    if (stage !== 'mfa_verify') {
      await tx.deleteFrom('signInThrottle').where('tenantId', '=', tenantId).where('loginKey', '=', key).execute();
    }
    const { token, sessionId } = await createSession(tx, {
      tenantId,
      staffId: staff.staffId,
      stage,
      mfaVerified: false,
      clientIp: meta.clientIp,
      userAgent: meta.userAgent,
    });
    await tx.updateTable('staff').set({ lastSignInAt: now }).where('staffId', '=', staff.staffId).execute();
    await appendAuditEvents(tx, [
      authEvent(tenantId, meta, {
        ...actor,
        action: 'sign_in.success',
        outcome: 'success',
        recordKind: 'session',
        recordIds: [sessionId],
        details: { stage },
      }),
    ]);
    return { token, stage };
  });
}

export async function verifySecondFactor(
  ctx: AppContext,
  auth: Authenticated,
  code: string,
  meta: RequestMeta,
): Promise<SessionStage> {
  const { session } = auth;
  return inTenantKeepingRefusals(ctx, session.tenantId, async (tx) => {
    const staff = await tx
      .selectFrom('staff')
      .select(['totpSecret', 'totpLastStep', 'login', 'mustChangePassword', 'passwordNeedsMfa', 'roles'])
      .where('staffId', '=', session.staffId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const actor = { actorStaffId: session.staffId, actorOrganizationId: session.organizationId };
    const key = loginKey(ctx, staff.login);
    const throttle = await throttleOf(tx, session.tenantId, key);
    if (isLocked(throttle?.lockedUntil ?? null, new Date())) {
      await endSession(tx, session.tenantId, session.sessionId, 'superseded');
      await appendAuditEvents(tx, [
        authEvent(session.tenantId, meta, { ...actor, action: 'mfa.locked', outcome: 'denied' }),
      ]);
      throw new CommitThenThrow(locked());
    }
    if (!staff.totpSecret) throw new AppError(409, 'no_mfa', '二段階認証が設定されていません');
    const secret = ctx.secrets
      .open(staff.totpSecret, aadFor('staff', 'totp_secret', session.tenantId, session.staffId))
      .toString();
    const check = await checkTotp(
      secret,
      code.replace(/\s/g, ''),
      staff.totpLastStep === null ? null : Number(staff.totpLastStep),
    );
    if (!check.valid) {
      const nowLocked = await countFailure(tx, session.tenantId, key, new Date());
      if (nowLocked) await endSession(tx, session.tenantId, session.sessionId, 'superseded');
      await appendAuditEvents(tx, [
        authEvent(session.tenantId, meta, { ...actor, action: 'mfa.failure', outcome: 'failure' }),
        ...(nowLocked
          ? [authEvent(session.tenantId, meta, { ...actor, action: 'sign_in.lockout', outcome: 'success' })]
          : []),
      ]);
      throw new CommitThenThrow(
        nowLocked
          ? locked()
          : new AppError(
              400,
              'invalid_code',
              '確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください',
              'code',
            ),
      );
    }
    await tx
      .deleteFrom('signInThrottle')
      .where('tenantId', '=', session.tenantId)
      .where('loginKey', '=', key)
      .execute();
    await tx
      .updateTable('staff')
      .set({ totpLastStep: String(check.timeStep) })
      .where('staffId', '=', session.staffId)
      .execute();
    const stage = stageFor({
      roles: staff.roles,
      mfaEnabled: true,
      mfaVerified: true,
      mustChangePassword: staff.mustChangePassword,
      passwordNeedsMfa: staff.passwordNeedsMfa,
      mfaRequiredForAll: session.mfaRequiredForAll,
    });
    await tx
      .updateTable('sessions')
      .set({ mfaVerified: true, stage })
      .where('sessionId', '=', session.sessionId)
      .execute();
    await appendAuditEvents(tx, [
      authEvent(session.tenantId, meta, { ...actor, action: 'mfa.success', outcome: 'success', details: { stage } }),
    ]);
    return stage;
  });
}

export async function changePassword(
  ctx: AppContext,
  auth: Authenticated,
  body: PasswordChangeBody,
  meta: RequestMeta,
): Promise<SessionStage> {
  const { session } = auth;
  const current = await inTenant(ctx.db, { tenantId: session.tenantId, organizationIds: [] }, (tx) =>
    tx
      .selectFrom('staff')
      .select(['passwordHash', 'login', 'displayName', 'totpEnabledAt', 'roles'])
      .where('staffId', '=', session.staffId)
      .executeTakeFirstOrThrow(),
  );
  // A voluntary change needs the current password; the first-sign-in change follows a fresh sign-in.
  if (session.stage === 'active') {
    if (!body.currentPassword) throw invalid('currentPassword', '「現在のパスワード」を入力してください');
    if (!(await verifyPassword(current.passwordHash, body.currentPassword))) {
      throw invalid('currentPassword', '現在のパスワードが正しくありません');
    }
  }
  const mfaEnabled = current.totpEnabledAt !== null;
  const problem = checkPassword(body.newPassword, {
    mfaEnabled,
    userInputs: [current.login, current.displayName, session.tenantCode],
  });
  if (problem) throw invalid('newPassword', passwordProblemMessage(problem, mfaEnabled));
  if (await verifyPassword(current.passwordHash, body.newPassword)) {
    throw invalid('newPassword', '現在と同じパスワードは使用できません');
  }
  const hash = await hashPassword(body.newPassword);
  return inTenant(ctx.db, { tenantId: session.tenantId, organizationIds: [] }, async (tx) => {
    await tx
      .updateTable('staff')
      .set({
        passwordHash: hash,
        passwordNeedsMfa: passwordLength(body.newPassword) < PASSWORD_MIN_LENGTH,
        mustChangePassword: false,
        passwordChangedAt: sql<Date>`now()`,
        updatedAt: sql<Date>`now()`,
      })
      .where('staffId', '=', session.staffId)
      .execute();
    await endSessionsOf(tx, session.tenantId, session.staffId, 'password_changed', session.sessionId);
    const stage = stageFor({
      roles: current.roles,
      mfaEnabled,
      mfaVerified: session.mfaVerified,
      mustChangePassword: false,
      passwordNeedsMfa: passwordLength(body.newPassword) < PASSWORD_MIN_LENGTH,
      mfaRequiredForAll: session.mfaRequiredForAll,
    });
    await tx.updateTable('sessions').set({ stage }).where('sessionId', '=', session.sessionId).execute();
    await appendAuditEvents(tx, [
      authEvent(session.tenantId, meta, {
        actorStaffId: session.staffId,
        actorOrganizationId: session.organizationId,
        action: 'password.change',
        outcome: 'success',
        details: { stage },
      }),
    ]);
    return stage;
  });
}

export async function startEnrolment(ctx: AppContext, auth: Authenticated) {
  const { session } = auth;
  if (session.mfaEnabled)
    throw conflict('二段階認証は設定済みです。設定し直す場合はシステム管理者に解除を依頼してください');
  const secret = newTotpSecret();
  await inTenant(ctx.db, { tenantId: session.tenantId, organizationIds: [] }, (tx) =>
    tx
      .updateTable('sessions')
      .set({
        pendingTotpSecret: ctx.secrets.seal(
          secret,
          aadFor('sessions', 'pending_totp_secret', session.tenantId, session.sessionId),
        ),
      })
      .where('sessionId', '=', session.sessionId)
      .execute(),
  );
  return enrolmentDetails(secret, `自立相談支援 (${session.tenantName})`, `${session.login}@${session.tenantCode}`);
}

export async function finishEnrolment(
  ctx: AppContext,
  auth: Authenticated,
  code: string,
  meta: RequestMeta,
): Promise<SessionStage> {
  const { session } = auth;
  if (session.mfaEnabled) throw conflict('二段階認証は設定済みです');
  if (!session.pendingTotpSecret) throw conflict('先に二段階認証の設定を開始してください');
  const secret = ctx.secrets
    .open(session.pendingTotpSecret, aadFor('sessions', 'pending_totp_secret', session.tenantId, session.sessionId))
    .toString();
  const check = await checkTotp(secret, code.replace(/\s/g, ''), null);
  if (!check.valid) {
    throw invalid('code', '確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください');
  }
  return inTenant(ctx.db, { tenantId: session.tenantId, organizationIds: [] }, async (tx) => {
    const staff = await tx
      .updateTable('staff')
      .set({
        totpSecret: ctx.secrets.seal(secret, aadFor('staff', 'totp_secret', session.tenantId, session.staffId)),
        totpEnabledAt: sql<Date>`now()`,
        totpLastStep: String(check.timeStep),
        updatedAt: sql<Date>`now()`,
      })
      .where('staffId', '=', session.staffId)
      .returning(['roles', 'mustChangePassword', 'passwordNeedsMfa'])
      .executeTakeFirstOrThrow();
    const stage = stageFor({
      roles: staff.roles,
      mfaEnabled: true,
      mfaVerified: true,
      mustChangePassword: staff.mustChangePassword,
      passwordNeedsMfa: staff.passwordNeedsMfa,
      mfaRequiredForAll: session.mfaRequiredForAll,
    });
    await tx
      .updateTable('sessions')
      .set({ pendingTotpSecret: null, mfaVerified: true, stage })
      .where('sessionId', '=', session.sessionId)
      .execute();
    await appendAuditEvents(tx, [
      authEvent(session.tenantId, meta, {
        actorStaffId: session.staffId,
        actorOrganizationId: session.organizationId,
        action: 'mfa.enrol',
        outcome: 'success',
        details: { stage },
      }),
    ]);
    return stage;
  });
}

export async function signOut(ctx: AppContext, auth: Authenticated, meta: RequestMeta): Promise<void> {
  const { session } = auth;
  await inTenant(ctx.db, { tenantId: session.tenantId, organizationIds: [] }, async (tx) => {
    await endSession(tx, session.tenantId, session.sessionId, 'logout');
    await appendAuditEvents(tx, [
      authEvent(session.tenantId, meta, {
        actorStaffId: session.staffId,
        actorOrganizationId: session.organizationId,
        action: 'sign_out',
        outcome: 'success',
        recordKind: 'session',
        recordIds: [session.sessionId],
      }),
    ]);
  });
}
