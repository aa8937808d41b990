// Who may handle My Number, and the step-up that every store, reveal and erasure
// needs (ACQ-4, PRV-4, SEC-4): a staff member whom the system administrator has
// designated (事務取扱担当者), holding the permission, enters the code of their
// authenticator again. The code is checked against the staff member's own TOTP
// secret with the same replay protection as at sign-in (a used step is never
// accepted again). Every refusal is recorded and outlives the rollback; after
// STEP_UP_LOCK_THRESHOLD wrong codes in STEP_UP_LOCK_MINUTES the step-up is refused
// without looking at the code, so a left-open session cannot be used to guess it.

import { sql } from 'kysely';
import type { AuditInput, Work } from '../../access/data-access.js';
import type { AppContext } from '../../context.js';
import { aadFor } from '../../crypto/secret-box.js';
import { AppError } from '../../http/errors.js';
import { checkTotp } from '../auth/totp.js';

export const STEP_UP_LOCK_THRESHOLD = 5;
export const STEP_UP_LOCK_MINUTES = 15;

export type MyNumberAction = 'store' | 'reveal' | 'erase';

/** Why a My Number command was refused (details.reason of its audit event). */
export type MyNumberRefusal = 'not_designated' | 'no_totp' | 'step_up_locked' | 'invalid_code' | 'replayed_code';

export const NOT_DESIGNATED_MESSAGE =
  '個人番号を扱えるのは、システム管理者が個人番号事務取扱担当者に指定した職員だけです。必要な場合は、システム管理者に指定を依頼してください';
export const NO_TOTP_MESSAGE =
  '個人番号を扱うには、先に二段階認証を設定してください（ホーム画面の「二段階認証を設定する」から設定できます）';

export interface Handler {
  staffId: string;
  designated: boolean;
  totpSecret: Buffer | null;
  totpLastStep: string | null;
}

/** The subject of the command, for its events. */
export interface Subject {
  consulteeId: string;
  organizationId: string;
}

/**
 * The acting staff member's designation and second factor, read fresh (not from
 * the session) and, for a command, locked, so that two step-ups at once cannot
 * both use one code.
 */
export async function loadHandler(work: Work, options: { lock: boolean } = { lock: true }): Promise<Handler> {
  const query = work.operational
    .selectFrom('staff')
    .select(['staffId', 'myNumberHandler', 'totpSecret', 'totpLastStep', 'totpEnabledAt'])
    .where('staffId', '=', work.actor.staffId);
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return {
    staffId: row.staffId,
    designated: row.myNumberHandler,
    totpSecret: row.totpEnabledAt !== null ? row.totpSecret : null,
    totpLastStep: row.totpLastStep,
  };
}

/** The event of a My Number command on a consultee: ids only, never the number. */
export function myNumberEvent(
  work: Work,
  action: MyNumberAction | 'status',
  subject: Subject,
  details: Record<string, unknown> = {},
): AuditInput {
  return {
    category: 'access',
    action: `my_number.${action}`,
    outcome: 'success',
    recordKind: 'consultee',
    recordIds: [subject.consulteeId],
    subjectIds: [subject.consulteeId],
    recordOrganizationId: subject.organizationId,
    dataClasses: ['my_number'],
    purpose: work.purpose,
    details,
  };
}

async function refuse(
  work: Work,
  action: MyNumberAction,
  subject: Subject,
  reason: MyNumberRefusal,
  error: AppError,
): Promise<never> {
  return work.refuseBecause({ ...myNumberEvent(work, action, subject, { reason }), dataClasses: [] }, error);
}

/** Refuses staff who are not designated, or who have no second factor to step up with. */
export async function assertHandler(
  work: Work,
  handler: Handler,
  action: MyNumberAction,
  subject: Subject,
): Promise<void> {
  if (!handler.designated) {
    await refuse(work, action, subject, 'not_designated', new AppError(403, 'not_designated', NOT_DESIGNATED_MESSAGE));
  }
  if (!handler.totpSecret) {
    await refuse(work, action, subject, 'no_totp', new AppError(403, 'no_totp', NO_TOTP_MESSAGE));
  }
}

/** Wrong codes this staff member entered for My Number within the lock period. */
async function recentWrongCodes(work: Work): Promise<number> {
  const row = await work.operational
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('actorStaffId', '=', work.actor.staffId)
    .where('occurredAt', '>', sql<Date>`now() - make_interval(mins => ${STEP_UP_LOCK_MINUTES})`)
    .where('action', 'like', 'my\\_number.%')
    .where('outcome', '=', 'denied')
    .where(sql<boolean>`details->>'reason' = 'invalid_code'`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The step-up: the code of the staff member's authenticator, once. On success the
 * step is remembered (in this command's transaction: if the command fails, the
 * code may be used again); on failure the command is refused with 403 and the
 * attempt recorded.
 */
export async function stepUp(
  ctx: AppContext,
  work: Work,
  handler: Handler,
  code: string,
  action: MyNumberAction,
  subject: Subject,
): Promise<void> {
  await assertHandler(work, handler, action, subject);
  if ((await recentWrongCodes(work)) >= STEP_UP_LOCK_THRESHOLD) {
    await refuse(
      work,
      action,
      subject,
      'step_up_locked',
      new AppError(
        403,
        'step_up_locked',
        `確認コードの誤りが${STEP_UP_LOCK_THRESHOLD}回続いたため、個人番号の操作を${STEP_UP_LOCK_MINUTES}分間受け付けません。時間をおいてからお試しください`,
      ),
    );
  }
  const secret = ctx.secrets
    .open(handler.totpSecret as Buffer, aadFor('staff', 'totp_secret', work.actor.tenantId, handler.staffId))
    .toString();
  const typed = code.normalize('NFKC').replace(/\s/g, '');
  const last = handler.totpLastStep === null ? null : Number(handler.totpLastStep);
  const check = await checkTotp(secret, typed, last);
  if (!check.valid) {
    const replayed = last !== null && (await checkTotp(secret, typed, null)).valid;
    await refuse(
      work,
      action,
      subject,
      replayed ? 'replayed_code' : 'invalid_code',
      replayed
        ? new AppError(
            403,
            'replayed_code',
            'この確認コードは既に使われています。認証アプリに次のコードが表示されてから入力してください',
            'totpCode',
          )
        : new AppError(
            403,
            'invalid_code',
            '確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください',
            'totpCode',
          ),
    );
  }
  await work.operational
    .updateTable('staff')
    .set({ totpLastStep: String(check.timeStep) })
    .where('staffId', '=', handler.staffId)
    .execute();
}
