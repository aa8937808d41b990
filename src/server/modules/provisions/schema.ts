import { Type, type Static } from 'typebox';
import { PROVISION_GROUNDS, PROVISION_MODES } from '../../core/provision.js';
import { PURPOSES } from '../../core/purposes.js';
import { PROVISION_ITEM_KEYS } from '../../../shared/provision-items.js';
import { Nullable, StringEnum, Text, Uuid } from '../../http/schemas.js';

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
