import { Type, type Static } from 'typebox';
import { IsoDate, NumericText, Uuid } from '../../http/schemas.js';

export const Query = Type.Object(
  {
    staffId: Type.Optional(Uuid('職員')),
    subjectId: Type.Optional(Uuid('相談者')),
    from: Type.Optional(IsoDate('期間（開始）')),
    to: Type.Optional(IsoDate('期間（終了）')),
    category: Type.Optional(
      Type.Union([Type.Literal('access'), Type.Literal('auth'), Type.Literal('admin')], { title: '区分' }),
    ),
    action: Type.Optional(Type.String({ title: '操作', pattern: '^[a-z_.]{1,64}$' })),
    outcome: Type.Optional(
      Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')], { title: '結果' }),
    ),
    notAssignedOnly: Type.Optional(Type.Boolean({ title: '担当外のアクセスのみ' })),
    before: Type.Optional(Type.String({ title: '続き', pattern: '^[0-9]{1,19}$' })),
    limit: Type.Optional(NumericText('件数', 3)),
  },
  { additionalProperties: false },
);
export type Query = Static<typeof Query>;

export const EventItem = Type.Object({
  eventId: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  category: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  actor: Type.Union([Type.Object({ staffId: Type.String(), displayName: Type.String() }), Type.Null()]),
  recordKind: Type.Union([Type.String(), Type.Null()]),
  recordIds: Type.Array(Type.String()),
  subjects: Type.Array(Type.Object({ consulteeId: Type.String(), name: Type.Union([Type.String(), Type.Null()]) })),
  dataClasses: Type.Array(Type.String()),
  purpose: Type.Union([Type.String(), Type.Null()]),
  scopeBasis: Type.Union([Type.String(), Type.Null()]),
  notAssigned: Type.Boolean(),
  clientIp: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const EventPage = Type.Object({
  items: Type.Array(EventItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
