import { Type, type Static } from 'typebox';
import { PROVISION_GROUNDS, PROVISION_MODES } from '../../core/provision.js';
import { PURPOSES } from '../../core/purposes.js';
import { PROVISION_ITEM_KEYS, RECEIVABLE_ITEM_KEYS } from '../../../shared/provision-items.js';
import { IsoDate, NonBlank, Nullable, StringEnum, Text, Uuid } from '../../http/schemas.js';

export const ProvisionParams = Type.Object({
  consulteeId: Uuid('相談者'),
  provisionId: Uuid('提供'),
});

export const ProvisionBody = Type.Object(
  {
    recipientAgencyId: Nullable(Uuid('提供先'), '提供先'),
    manyUnspecified: Type.Optional(Type.Boolean({ title: '不特定多数への提供' })),
    purpose: StringEnum(PURPOSES, { title: '利用目的' }),
    mode: StringEnum(PROVISION_MODES, { title: '提供の区分' }),
    items: Type.Array(StringEnum(PROVISION_ITEM_KEYS, { title: '提供する項目' }), {
      title: '提供する項目',
      uniqueItems: true,
      maxItems: PROVISION_ITEM_KEYS.length,
    }),
    ground: Nullable(StringEnum(PROVISION_GROUNDS, { title: '提供の根拠' }), '提供の根拠'),
    groundReason: Text('根拠の理由', 2000),
    jointUseDeclarationId: Type.Optional(Nullable(Uuid('共同利用の公表'), '共同利用の公表')),
  },
  { additionalProperties: false },
);
export type ProvisionBody = Static<typeof ProvisionBody>;

export const DecisionBody = Type.Object(
  {
    approve: Type.Boolean({ title: '承認する' }),
    note: Text('理由', 2000),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const ProvisionDecisionResponse = Type.Object({
  allowed: Type.Boolean(),
  basis: Type.Optional(Type.String()),
  consentId: Type.Optional(Type.String()),
  ground: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  field: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  needsApproval: Type.Optional(Type.Boolean()),
});

export const ProvisionResult = Type.Object({
  provisionId: Type.String(),
  status: Type.String(),
  message: Type.Union([Type.String(), Type.Null()]),
});

export const ProvisionList = Type.Object({
  items: Type.Array(
    Type.Object({
      provisionId: Type.String(),
      mode: Type.String(),
      status: Type.String(),
      purposeCode: Type.String(),
      recipientAgencyId: Type.Union([Type.String(), Type.Null()]),
      recipientName: Type.String(),
      manyUnspecified: Type.Boolean(),
      items: Type.Array(Type.String()),
      basis: Type.Union([Type.String(), Type.Null()]),
      consentId: Type.Union([Type.String(), Type.Null()]),
      ground: Type.Union([Type.String(), Type.Null()]),
      groundReason: Type.Union([Type.String(), Type.Null()]),
      requestedAt: Type.String(),
      requestedByName: Type.Union([Type.String(), Type.Null()]),
      approvedAt: Type.Union([Type.String(), Type.Null()]),
      approvedByName: Type.Union([Type.String(), Type.Null()]),
      decisionNote: Type.Union([Type.String(), Type.Null()]),
      providedOn: Type.Union([Type.String(), Type.Null()]),
      retainUntil: Type.String(),
    }),
  ),
});

export const AwaitingList = Type.Object({
  items: Type.Array(
    Type.Object({
      provisionId: Type.String(),
      consulteeId: Type.String(),
      consulteeName: Type.String(),
      recipientName: Type.String(),
      items: Type.Array(Type.String()),
      ground: Type.Union([Type.String(), Type.Null()]),
      groundReason: Type.Union([Type.String(), Type.Null()]),
      requestedByName: Type.String(),
      requestedAt: Type.String(),
    }),
  ),
});

export const DocumentQuery = Type.Object({
  format: Type.Optional(StringEnum(['pdf', 'csv'] as const, { title: '形式' })),
});

/** ACQ-7: data received from another party, with what was confirmed about the provider. */
export const ReceiptBody = Type.Object(
  {
    receivedOn: IsoDate('受領日'),
    providerAgencyId: Nullable(Uuid('提供元'), '提供元'),
    providerName: NonBlank('提供元の氏名又は名称', 200),
    providerAddress: NonBlank('提供元の住所', 200),
    providerRepresentative: NonBlank('提供元の代表者', 100),
    howObtained: NonBlank('提供元による取得の経緯', 2000),
    items: Type.Array(StringEnum(RECEIVABLE_ITEM_KEYS, { title: '受領した項目' }), {
      title: '受領した項目',
      minItems: 1,
      uniqueItems: true,
      maxItems: RECEIVABLE_ITEM_KEYS.length,
    }),
    itemsNote: Text('受領した項目の補足', 1000),
    consentId: Nullable(Uuid('本人の同意'), '本人の同意'),
    consentNote: Text('本人の同意に関する事項', 1000),
    confirmed: Type.Literal(true, { title: '提供元の確認' }),
  },
  { additionalProperties: false },
);
export type ReceiptBody = Static<typeof ReceiptBody>;

export const ReceiptList = Type.Object({
  items: Type.Array(
    Type.Object({
      receiptId: Type.String(),
      receivedOn: Type.String(),
      providerAgencyId: Type.Union([Type.String(), Type.Null()]),
      providerName: Type.String(),
      providerAddress: Type.String(),
      providerRepresentative: Type.String(),
      howObtained: Type.String(),
      items: Type.Array(Type.String()),
      itemsNote: Type.Union([Type.String(), Type.Null()]),
      consentId: Type.Union([Type.String(), Type.Null()]),
      consentNote: Type.Union([Type.String(), Type.Null()]),
      recordedByName: Type.String(),
      recordedAt: Type.String(),
      retainUntil: Type.String(),
    }),
  ),
});

export const StopBody = Type.Object(
  {
    kind: StringEnum(['use', 'provision'] as const, { title: '停止の種類' }),
    fromDate: IsoDate('停止の開始日'),
    reason: NonBlank('停止の理由', 2000),
  },
  { additionalProperties: false },
);
export type StopBody = Static<typeof StopBody>;

export const LiftBody = Type.Object(
  {
    liftedOn: IsoDate('解除の日'),
    liftReason: NonBlank('解除の理由', 2000),
  },
  { additionalProperties: false },
);
export type LiftBody = Static<typeof LiftBody>;

export const StopParams = Type.Object({ consulteeId: Uuid('相談者'), stopId: Uuid('停止') });

export const StopList = Type.Object({
  items: Type.Array(
    Type.Object({
      stopId: Type.String(),
      kind: Type.String(),
      fromDate: Type.String(),
      reason: Type.String(),
      liftedOn: Type.Union([Type.String(), Type.Null()]),
      liftReason: Type.Union([Type.String(), Type.Null()]),
      recordedByName: Type.String(),
      liftedByName: Type.Union([Type.String(), Type.Null()]),
      inForce: Type.Boolean(),
    }),
  ),
});

export const Created = Type.Object({ id: Type.String() });
