import { Type, type Static, type TSchema } from 'typebox';
import { AGENCY_KINDS, codesOf } from '../../../shared/catalog.js';
import { IsoDate, NonBlank, StringEnum, Uuid } from '../../http/schemas.js';

const Nullable = <T extends TSchema>(schema: T, title: string) =>
  Type.Optional(Type.Union([schema, Type.Null()], { title }));
const Text = (title: string, max: number) => Nullable(Type.String({ title, maxLength: max }), title);

export const AgencyKindSchema = StringEnum(codesOf(AGENCY_KINDS), { title: '種類' });

export const AgencyItem = Type.Object({
  agencyId: Type.String(),
  name: Type.String(),
  kind: AgencyKindSchema,
  administrative: Type.Boolean(),
  contractor: Type.Boolean(),
  address: Type.Union([Type.String(), Type.Null()]),
  representative: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  sortOrder: Type.Integer(),
  retiredOn: Type.Union([Type.String(), Type.Null()]),
  /** Whether the agency is retired as of today (Asia/Tokyo). */
  retired: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AgencyItem = Static<typeof AgencyItem>;

export const AgencyList = Type.Object({ items: Type.Array(AgencyItem) });

export const AgencyListQuery = Type.Object(
  { includeRetired: Type.Optional(Type.Boolean({ title: '廃止した関係機関も含める' })) },
  { additionalProperties: false },
);

/**
 * An agency's fields. Sent whole on a change (PUT): an optional field left out is
 * cleared, except the sort order, which is then kept (and, for a new agency, put last).
 */
export const AgencyBody = Type.Object(
  {
    name: NonBlank('名称', 100),
    kind: AgencyKindSchema,
    administrative: Type.Boolean({ title: '行政機関等' }),
    contractor: Type.Optional(Type.Boolean({ title: '委託先' })),
    address: Text('所在地', 200),
    representative: Text('代表者', 100),
    phone: Nullable(Type.String({ title: '電話番号', maxLength: 30, pattern: '^[0-9０-９()（）+\\- ]*$' }), '電話番号'),
    note: Text('備考', 1000),
    sortOrder: Type.Optional(Type.Integer({ title: '並び順', minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type AgencyBody = Static<typeof AgencyBody>;

export const AgencyIdParams = Type.Object({ agencyId: Uuid('関係機関') });

export const AgencyRetireBody = Type.Object({ retiredOn: IsoDate('廃止日') }, { additionalProperties: false });
