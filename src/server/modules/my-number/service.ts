// My Number (個人番号), sealed (ARCHITECTURE rule 7; ACQ-4, PRV-4, RET-3).
//
// The number lives only in my_numbers, as AES-256-GCM ciphertext under a key of
// the ring in the app context (never in the database), bound to its row by the
// additional data my_numbers|ciphertext|<consultee id>. It is reached only here:
// no policy rule grants the class, no other module reads the table, and nothing
// here logs it or writes it into an event. Storing, revealing and erasing need a
// designated handler's step-up (step-up.ts); each is recorded as its own action.
// Reach to the consultee is the choke point's ordinary decision; a consultee
// outside it answers 404 like everything else.

import { randomUUID } from 'node:crypto';
import type { Work } from '../../access/data-access.js';
import type { AppContext } from '../../context.js';
import { FINAL_STATUSES } from '../../core/case-flow.js';
import {
  isValidMyNumber,
  MY_NUMBER_BASIS_LABELS,
  MY_NUMBER_MASK,
  normalizeMyNumber,
  type MyNumberBasis,
} from '../../core/my-number.js';
import { hasPermission } from '../../core/roles.js';
import { seal, sealAad, unseal } from '../../crypto/seal.js';
import { conflict, invalid } from '../../http/errors.js';
import { tokyoDate } from '../../../shared/wareki.js';
import type { EraseBody, MyNumberStatus, RevealBody, StoreBody } from './schema.js';
import {
  assertHandler,
  loadHandler,
  myNumberEvent,
  NO_TOTP_MESSAGE,
  NOT_DESIGNATED_MESSAGE,
  stepUp,
  type Subject,
} from './step-up.js';

const NO_PERMISSION_MESSAGE =
  'あなたの役割では個人番号を扱えません。個人番号は、個人番号事務取扱担当者に指定された職員だけが記録・表示・削除できます';
const NOT_HELD_MESSAGE = 'この相談者の個人番号は記録されていません';

/** The additional data that binds a sealed number to its row. */
export const myNumberAad = (consulteeId: string): string => sealAad('my_numbers', 'ciphertext', consulteeId);

/** Reaches the consultee through the choke point (404 outside the actor's scope). */
async function reach(work: Work, consulteeId: string, action: 'read' | 'update') {
  const grant = await work.authorize('consultee', action, [consulteeId], ['ordinary']);
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const subject: Subject = { consulteeId, organizationId: target.organizationId };
  return { tx: grant.tx, subject };
}

/** Twelve digits written as a number is usually written: together, or in groups of four. */
const NUMBER_IN_TEXT = /(?<![0-9])[0-9]{4}[\s\-‐－ー]?[0-9]{4}[\s\-‐－ー]?[0-9]{4}(?![0-9])/;

/** Free text beside the number must not carry the number itself. */
function assertNoNumberIn(field: string, label: string, text: string | null | undefined): void {
  if (text && NUMBER_IN_TEXT.test(text.normalize('NFKC'))) {
    throw invalid(
      field,
      `「${label}」に個人番号と思われる12桁の数字が含まれています。個人番号は「個人番号」の欄にだけ入力してください`,
    );
  }
}

/** The digits to seal, and the checks of ACQ-4: a basis of the My Number Act, its note where needed. */
function checkStore(body: StoreBody): string {
  const digits = normalizeMyNumber(body.myNumber.normalize('NFKC'));
  if (!/^[0-9]{12}$/.test(digits)) throw invalid('myNumber', '「個人番号」は12桁の数字で入力してください');
  if (!isValidMyNumber(digits)) {
    throw invalid(
      'myNumber',
      '「個人番号」の12桁目（検査用数字）が合いません。番号カード等で番号を確かめてから入力してください',
    );
  }
  const note = body.basisNote?.trim() || null;
  if (body.basis === 'other_law' && !note) {
    throw invalid(
      'basisNote',
      '「取得の根拠」が「その他法令に基づく場合」のときは、「根拠の補足」に法令の名称と条項を入力してください',
    );
  }
  assertNoNumberIn('basisNote', '根拠の補足', note);
  if (body.acquiredOn > tokyoDate(new Date())) {
    throw invalid('acquiredOn', '「取得日」に未来の日付は入力できません');
  }
  return digits;
}

/**
 * Whether a number is held, masked, with its basis for designated handlers; and
 * whether the reader may handle it. Never a digit.
 */
export async function myNumberStatus(work: Work, consulteeId: string): Promise<MyNumberStatus> {
  const { tx, subject } = await reach(work, consulteeId, 'read');
  const handler = await loadHandler(work, { lock: false });
  const permitted = hasPermission(work.actor.roles, 'my_number.handle');
  const designated = permitted && handler.designated;
  const cannotHandle = !permitted
    ? 'no_permission'
    : !handler.designated
      ? 'not_designated'
      : !handler.totpSecret
        ? 'no_totp'
        : null;
  const row = await tx
    .selectFrom('myNumbers as m')
    .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'm.tenantId').onRef('s.staffId', '=', 'm.recordedBy'))
    .select(['m.basis', 'm.basisNote', 'm.acquiredOn', 'm.recordedAt', 's.displayName as recordedByName'])
    .where('m.consulteeId', '=', consulteeId)
    .executeTakeFirst();
  const cases = await tx.selectFrom('cases').select('status').where('consulteeId', '=', consulteeId).execute();
  const supportEnded = cases.length > 0 && cases.every((c) => (FINAL_STATUSES as readonly string[]).includes(c.status));
  const erasures = designated
    ? await tx
        .selectFrom('myNumberErasures as e')
        .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'e.tenantId').onRef('s.staffId', '=', 'e.erasedBy'))
        .select(['e.erasureId', 'e.erasedAt', 'e.reason', 's.displayName as erasedByName'])
        .where('e.consulteeId', '=', consulteeId)
        .orderBy('e.erasedAt', 'desc')
        .execute()
    : [];
  const shown = designated && row !== undefined;
  if (shown) await work.audit(myNumberEvent(work, 'status', subject));
  return {
    held: row !== undefined,
    masked: row ? MY_NUMBER_MASK : null,
    basis: shown ? (row.basis as MyNumberBasis) : null,
    basisLabel: shown ? MY_NUMBER_BASIS_LABELS[row.basis as MyNumberBasis] : null,
    basisNote: shown ? row.basisNote : null,
    acquiredOn: shown ? row.acquiredOn : null,
    recordedByName: shown ? row.recordedByName : null,
    recordedAt: shown ? row.recordedAt.toISOString() : null,
    mayHandle: cannotHandle === null,
    cannotHandle,
    cannotHandleMessage:
      cannotHandle === 'no_permission'
        ? NO_PERMISSION_MESSAGE
        : cannotHandle === 'not_designated'
          ? NOT_DESIGNATED_MESSAGE
          : cannotHandle === 'no_totp'
            ? NO_TOTP_MESSAGE
            : null,
    supportEnded,
    erasures: erasures.map((e) => ({
      erasureId: e.erasureId,
      erasedAt: e.erasedAt.toISOString(),
      erasedByName: e.erasedByName,
      reason: e.reason,
    })),
  };
}

/** Stores the number, or replaces the one held (ACQ-4), sealed under the ring's current key. */
export async function storeMyNumber(
  ctx: AppContext,
  work: Work,
  consulteeId: string,
  body: StoreBody,
): Promise<{ replaced: boolean }> {
  const { tx, subject } = await reach(work, consulteeId, 'update');
  const handler = await loadHandler(work);
  await assertHandler(work, handler, 'store', subject);
  const digits = checkStore(body);
  await stepUp(ctx, work, handler, body.totpCode, 'store', subject);
  // The app may not update a sealed row: a new number replaces the old one whole.
  const removed = await tx.deleteFrom('myNumbers').where('consulteeId', '=', consulteeId).executeTakeFirst();
  const replaced = Number(removed.numDeletedRows) > 0;
  const sealed = seal(ctx.myNumberKeys, digits, myNumberAad(consulteeId));
  await tx
    .insertInto('myNumbers')
    .values({
      tenantId: work.actor.tenantId,
      consulteeId,
      organizationId: subject.organizationId,
      keyId: sealed.keyId,
      iv: sealed.iv,
      ciphertext: sealed.ciphertext,
      tag: sealed.tag,
      basis: body.basis,
      basisNote: body.basisNote?.trim() || null,
      acquiredOn: body.acquiredOn,
      recordedBy: work.actor.staffId,
      resealedAt: null,
    })
    .execute();
  await work.audit(myNumberEvent(work, 'store', subject, { replaced, basis: body.basis, keyId: sealed.keyId }));
  return { replaced };
}

/** The digits, once, to a designated handler who has just entered their code (PRV-4). */
export async function revealMyNumber(
  ctx: AppContext,
  work: Work,
  consulteeId: string,
  body: RevealBody,
): Promise<{ myNumber: string }> {
  const { tx, subject } = await reach(work, consulteeId, 'read');
  const handler = await loadHandler(work);
  await assertHandler(work, handler, 'reveal', subject);
  const row = await tx
    .selectFrom('myNumbers')
    .select(['keyId', 'iv', 'ciphertext', 'tag'])
    .where('consulteeId', '=', consulteeId)
    .executeTakeFirst();
  if (!row) throw conflict(NOT_HELD_MESSAGE);
  await stepUp(ctx, work, handler, body.totpCode, 'reveal', subject);
  const myNumber = unseal(ctx.myNumberKeys, row, myNumberAad(consulteeId));
  await work.audit(myNumberEvent(work, 'reveal', subject, { keyId: row.keyId }));
  return { myNumber };
}

/**
 * Erases the number (RET-3): the sealed row is deleted, and what remains is the
 * record that it was erased, when, why and by whom, never the number.
 */
export async function eraseMyNumber(
  ctx: AppContext,
  work: Work,
  consulteeId: string,
  body: EraseBody,
): Promise<{ erasureId: string }> {
  const { tx, subject } = await reach(work, consulteeId, 'update');
  const handler = await loadHandler(work);
  await assertHandler(work, handler, 'erase', subject);
  const reason = body.reason.trim();
  assertNoNumberIn('reason', '削除の理由', reason);
  const held = await tx
    .selectFrom('myNumbers')
    .select('consulteeId')
    .where('consulteeId', '=', consulteeId)
    .executeTakeFirst();
  if (!held) throw conflict(NOT_HELD_MESSAGE);
  await stepUp(ctx, work, handler, body.totpCode, 'erase', subject);
  await tx.deleteFrom('myNumbers').where('consulteeId', '=', consulteeId).execute();
  const erasureId = randomUUID();
  await tx
    .insertInto('myNumberErasures')
    .values({
      tenantId: work.actor.tenantId,
      erasureId,
      consulteeId,
      organizationId: subject.organizationId,
      reason,
      erasedBy: work.actor.staffId,
    })
    .execute();
  await work.audit(myNumberEvent(work, 'erase', subject, { erasureId }));
  return { erasureId };
}
