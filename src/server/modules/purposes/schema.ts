import { Type, type Static } from 'typebox';
import { IsoDate, NonBlank, StringEnum } from '../../http/schemas.js';

export const PurposeCodeParams = Type.Object({
  purposeCode: Type.String({ title: '利用目的', pattern: '^[a-z][a-z_]{2,40}$' }),
});

const Staff = Type.Union([Type.Object({ staffId: Type.String(), displayName: Type.String() }), Type.Null()]);

/** One version of a purpose's wording, as a change from the one before (PUR-2). */
export const PurposeVersionItem = Type.Object({
  version: Type.Integer(),
  /** The wording it replaced; null for the first version. */
  oldWording: Type.Union([Type.String(), Type.Null()]),
  wording: Type.String(),
  effectiveFrom: Type.String(),
  /** superseded: replaced by a later version in force; current: in force; scheduled: not yet in force. */
  status: StringEnum(['superseded', 'current', 'scheduled'] as const),
  withinRelatedScope: Type.Union([Type.Boolean(), Type.Null()]),
  changeReason: Type.Union([Type.String(), Type.Null()]),
  noticeText: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Staff,
  recordedAt: Type.String({ format: 'date-time' }),
});
export type PurposeVersionItem = Static<typeof PurposeVersionItem>;

export const PurposeItem = Type.Object({
  purposeCode: Type.String(),
  kind: StringEnum(['published', 'management'] as const),
  /** The wording in force today (Asia/Tokyo); null if no version is in force yet. */
  wording: Type.Union([Type.String(), Type.Null()]),
  effectiveFrom: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.Integer(), Type.Null()]),
  inForce: Type.Boolean(),
  /** Every version, oldest first. */
  history: Type.Array(PurposeVersionItem),
});
export type PurposeItem = Static<typeof PurposeItem>;

export const PurposeList = Type.Object({ items: Type.Array(PurposeItem) });

export const PurposeChangeBody = Type.Object(
  {
    wording: NonBlank('変更後の利用目的', 500),
    effectiveFrom: IsoDate('変更日'),
    withinRelatedScope: Type.Boolean({ title: '変更前の利用目的と関連性を有すると合理的に認められる範囲内の変更か' }),
    changeReason: NonBlank('変更の理由', 2000),
  },
  { additionalProperties: false },
);
export type PurposeChangeBody = Static<typeof PurposeChangeBody>;

export const PurposeChangeResponse = Type.Object({
  purpose: PurposeItem,
  version: Type.Integer(),
  effectiveFrom: Type.String(),
  /** The notice to publish or send to the persons (PUR-2). */
  noticeText: Type.String(),
});
