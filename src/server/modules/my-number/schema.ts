import { Type, type Static } from 'typebox';
import { MY_NUMBER_BASES } from '../../core/my-number.js';
import { IsoDate, NonBlank, StringEnum, Text, Uuid } from '../../http/schemas.js';

export const MyNumberParams = Type.Object({ consulteeId: Uuid('相談者') });

/** Six digits as typed; full-width digits and spaces are accepted and removed by the service. */
const TotpCode = Type.String({ title: '確認コード', minLength: 1, maxLength: 20 });

export const StoreBody = Type.Object(
  {
    /** Twelve digits; spaces, hyphens and full-width digits are accepted and normalised. */
    myNumber: Type.String({ title: '個人番号', minLength: 1, maxLength: 40 }),
    basis: StringEnum(MY_NUMBER_BASES, { title: '取得の根拠' }),
    basisNote: Text('根拠の補足', 1000),
    acquiredOn: IsoDate('取得日'),
    totpCode: TotpCode,
  },
  { additionalProperties: false },
);
export type StoreBody = Static<typeof StoreBody>;

export const RevealBody = Type.Object({ totpCode: TotpCode }, { additionalProperties: false });
export type RevealBody = Static<typeof RevealBody>;

export const EraseBody = Type.Object(
  {
    reason: NonBlank('削除の理由', 2000),
    totpCode: TotpCode,
  },
  { additionalProperties: false },
);
export type EraseBody = Static<typeof EraseBody>;

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** What the screen may say about a consultee's My Number: never a digit of it. */
export const MyNumberStatus = Type.Object({
  held: Type.Boolean(),
  /** MY_NUMBER_MASK when held, for the screen to show in its place. */
  masked: NullableString,
  /** The details below are given to designated handlers only. */
  basis: Type.Union([StringEnum(MY_NUMBER_BASES), Type.Null()]),
  basisLabel: NullableString,
  basisNote: NullableString,
  acquiredOn: NullableString,
  recordedByName: NullableString,
  recordedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Whether the reader may store, reveal and erase it, and if not, why. */
  mayHandle: Type.Boolean(),
  cannotHandle: Type.Union([StringEnum(['no_permission', 'not_designated', 'no_totp'] as const), Type.Null()]),
  cannotHandleMessage: NullableString,
  /** RET-3: every case of the consultee has ended, so the number may no longer be needed. */
  supportEnded: Type.Boolean(),
  erasures: Type.Array(
    Type.Object({
      erasureId: Type.String(),
      erasedAt: Type.String({ format: 'date-time' }),
      erasedByName: NullableString,
      reason: Type.String(),
    }),
  ),
});
export type MyNumberStatus = Static<typeof MyNumberStatus>;

export const RevealResponse = Type.Object({ myNumber: Type.String({ pattern: '^[0-9]{12}$' }) });

export const StoreResponse = Type.Object({ replaced: Type.Boolean() });

export const EraseResponse = Type.Object({ erasureId: Type.String() });
