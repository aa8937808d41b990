// Request and response shapes of the export log and its approvals (PRV-7).

import { Type, type Static } from 'typebox';
import { NonBlank, StringEnum, Text, Uuid } from '../../http/schemas.js';
import { PROVISION_ITEM_KEYS } from '../../../shared/provision-items.js';

export const ListExportBody = Type.Object(
  {
    items: Type.Array(StringEnum(PROVISION_ITEM_KEYS, { title: '書き出す項目' }), {
      title: '書き出す項目',
      minItems: 1,
      uniqueItems: true,
      maxItems: PROVISION_ITEM_KEYS.length,
    }),
    consulteeIds: Type.Optional(Type.Array(Uuid('相談者'), { title: '相談者', maxItems: 1000, uniqueItems: true })),
    reason: NonBlank('持出しの理由', 2000),
  },
  { additionalProperties: false },
);
export type ListExportBody = Static<typeof ListExportBody>;

export const ExportDecisionBody = Type.Object(
  {
    approve: Type.Boolean({ title: '承認' }),
    note: Text('理由', 2000),
  },
  { additionalProperties: false },
);
export type ExportDecisionBody = Static<typeof ExportDecisionBody>;

export const ExportParams = Type.Object({ exportId: Uuid('書き出し') });

export const ListExportResult = Type.Object({
  exportId: Type.String(),
  status: Type.Union([Type.Literal('awaiting_approval'), Type.Literal('approved')]),
  personCount: Type.Integer(),
  message: Type.Union([Type.String(), Type.Null()]),
});

const ExportRow = Type.Object({
  exportId: Type.String(),
  kind: Type.String(),
  format: Type.String(),
  purposeCode: Type.String(),
  items: Type.Array(Type.String()),
  description: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  mine: Type.Boolean(),
  requestedByName: Type.String(),
  requestedAt: Type.String(),
  approvedByName: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.Union([Type.String(), Type.Null()]),
  exportedAt: Type.Union([Type.String(), Type.Null()]),
  personCount: Type.Integer(),
});

export const ExportLog = Type.Object({
  canApprove: Type.Boolean(),
  mine: Type.Array(ExportRow),
  awaiting: Type.Array(ExportRow),
  recent: Type.Array(ExportRow),
});

export const ExportDecisionResult = Type.Object({
  status: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
});
