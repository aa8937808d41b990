import { Type, type Static } from 'typebox';
import { OUT_OF_PURPOSE_KINDS, OUT_OF_PURPOSE_STATUSES, OUT_OF_PURPOSE_STEPS } from '../../core/out-of-purpose.js';
import { PROVISION_GROUNDS } from '../../core/provision.js';
import { PROVISION_ITEM_KEYS } from '../../../shared/provision-items.js';
import { IsoDate, NonBlank, Nullable, StringEnum, Text, Uuid } from '../../http/schemas.js';

export const ConsulteeParams = Type.Object({ consulteeId: Uuid('相談者') });

export const RequestParams = Type.Object({
  consulteeId: Uuid('相談者'),
  requestId: Uuid('目的外利用・提供の申請'),
});

/**
 * A request to use or provide a consultee's data outside the purposes (PUR-3).
 * The reasons are plain text here so that a blank one is answered by the rule's own
 * message (what to write and why), not the schema's.
 */
export const RequestBody = Type.Object(
  {
    kind: StringEnum(OUT_OF_PURPOSE_KINDS, { title: '区分' }),
    requestingSection: NonBlank('申請する課・係', 100),
    useDescription: NonBlank('利用又は提供の内容', 2000),
    recipientAgencyId: Nullable(Uuid('提供先'), '提供先'),
    recipientName: Text('提供先の名称', 200),
    items: Type.Array(StringEnum(PROVISION_ITEM_KEYS, { title: '対象とする項目' }), {
      title: '対象とする項目',
      uniqueItems: true,
      maxItems: PROVISION_ITEM_KEYS.length,
    }),
    itemsReason: Type.String({ title: '項目が必要な理由', maxLength: 2000 }),
    basis: StringEnum(['consent', 'ground'] as const, { title: '根拠の区分' }),
    consentId: Nullable(Uuid('根拠とする同意'), '根拠とする同意'),
    ground: Nullable(StringEnum(PROVISION_GROUNDS, { title: '同意によらない根拠' }), '同意によらない根拠'),
    reason: Type.String({ title: '理由', maxLength: 2000 }),
    noImproperUse: Type.Boolean({
      title: '違法又は不当な行為を助長し、又は誘発するおそれがないことの確認',
    }),
  },
  { additionalProperties: false },
);
export type RequestBody = Static<typeof RequestBody>;

export const CounterOpinionBody = Type.Object(
  {
    opinion: NonBlank('窓口の意見', 4000),
    councilRequired: Type.Boolean({ title: '審議会への諮問' }),
  },
  { additionalProperties: false },
);
export type CounterOpinionBody = Static<typeof CounterOpinionBody>;

export const CouncilReferralBody = Type.Object(
  {
    councilName: NonBlank('諮問先の審議会', 200),
    referredOn: IsoDate('諮問日'),
  },
  { additionalProperties: false },
);
export type CouncilReferralBody = Static<typeof CouncilReferralBody>;

export const CouncilAnswerBody = Type.Object(
  {
    answer: NonBlank('答申の内容', 4000),
    answeredOn: IsoDate('答申日'),
  },
  { additionalProperties: false },
);
export type CouncilAnswerBody = Static<typeof CouncilAnswerBody>;

export const OpinionBody = Type.Object(
  {
    author: NonBlank('意見を述べた者', 200),
    body: NonBlank('意見の内容', 8000),
    givenOn: IsoDate('意見の日付'),
  },
  { additionalProperties: false },
);
export type OpinionBody = Static<typeof OpinionBody>;

export const DecisionBody = Type.Object(
  {
    decision: StringEnum(['approved', 'rejected'] as const, { title: '決定' }),
    decidedInNameOf: NonBlank('決定者（実施機関の長）', 100),
    decidedOn: IsoDate('決定日'),
    note: Text('決定の理由', 2000),
    noImproperUse: Type.Optional(
      Type.Boolean({ title: '違法又は不当な行為を助長し、又は誘発するおそれがないことの確認' }),
    ),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const QueueQuery = Type.Object(
  { state: Type.Optional(StringEnum(['open', 'closed'] as const, { title: '状態' })) },
  { additionalProperties: false },
);

const Staff = Type.Union([Type.Object({ staffId: Type.String(), displayName: Type.String() }), Type.Null()]);
const Str = Type.Union([Type.String(), Type.Null()]);

export const OpinionItem = Type.Object({
  opinionId: Type.String(),
  author: Type.String(),
  body: Type.String(),
  givenOn: Type.String(),
  recordedBy: Staff,
  recordedAt: Type.String({ format: 'date-time' }),
});

/** Who recorded a step and when, from the request's history (a referral, an answer, a withdrawal have no columns of their own for it). */
export const StepRecord = Type.Object({
  step: StringEnum(['request', ...OUT_OF_PURPOSE_STEPS] as const),
  by: Staff,
  at: Type.String({ format: 'date-time' }),
});

export const RequestItem = Type.Object({
  requestId: Type.String(),
  consulteeId: Type.String(),
  kind: StringEnum(OUT_OF_PURPOSE_KINDS),
  status: StringEnum(OUT_OF_PURPOSE_STATUSES),
  requestingSection: Type.String(),
  useDescription: Type.String(),
  recipientAgencyId: Str,
  recipientName: Str,
  items: Type.Array(Type.String()),
  itemsReason: Type.String(),
  basis: StringEnum(['consent', 'ground'] as const),
  consentId: Str,
  consentGivenOn: Str,
  ground: Str,
  reason: Type.String(),
  requestedBy: Staff,
  requestedAt: Type.String({ format: 'date-time' }),
  counterOpinion: Str,
  counterBy: Staff,
  counterAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  councilRequired: Type.Union([Type.Boolean(), Type.Null()]),
  councilName: Str,
  councilReferredOn: Str,
  councilAnswer: Str,
  councilAnsweredOn: Str,
  decision: Type.Union([StringEnum(['approved', 'rejected'] as const), Type.Null()]),
  decidedInNameOf: Str,
  decidedOn: Str,
  decisionNote: Str,
  decidedBy: Staff,
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  opinions: Type.Array(OpinionItem),
  /** Every step as recorded, oldest first. */
  recorded: Type.Array(StepRecord),
  /** The steps the reader may take now. */
  steps: Type.Array(StringEnum(OUT_OF_PURPOSE_STEPS)),
});
export type RequestItem = Static<typeof RequestItem>;

export const RequestDetail = Type.Object({
  /** The person's name, for the manager who does not open the consultee's record. */
  consulteeName: Type.String(),
  request: RequestItem,
});

export const RequestList = Type.Object({ items: Type.Array(RequestItem) });

export const QueueList = Type.Object({
  items: Type.Array(
    Type.Object({
      requestId: Type.String(),
      consulteeId: Type.String(),
      consulteeName: Type.String(),
      kind: StringEnum(OUT_OF_PURPOSE_KINDS),
      status: StringEnum(OUT_OF_PURPOSE_STATUSES),
      requestingSection: Type.String(),
      recipientName: Str,
      items: Type.Array(Type.String()),
      basis: StringEnum(['consent', 'ground'] as const),
      ground: Str,
      councilRequired: Type.Union([Type.Boolean(), Type.Null()]),
      requestedByName: Type.String(),
      requestedAt: Type.String({ format: 'date-time' }),
      decidedOn: Str,
    }),
  ),
});
