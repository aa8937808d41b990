import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Optional(Type.Union([t, Type.Null()]));

export const ConsulteeRecord = Type.Object({
  consulteeId: Type.String(),
  organizationId: Type.String(),
  officeId: Type.String(),
  familyName: Type.Optional(Type.String()),
  givenName: Type.Optional(Type.String()),
  familyNameKana: Type.Optional(Type.String()),
  givenNameKana: Type.Optional(Type.String()),
  sex: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  healthSummary: Nullable(Type.String()),
  createdAt: Type.Optional(Type.String({ format: 'date-time' })),
  updatedAt: Type.Optional(Type.String({ format: 'date-time' })),
  /** Fields the reader's role may not see for this purpose. */
  withheld: Type.Array(Type.String()),
  /** Why the reader may see it: assigned to the case, or office/organization/tenant oversight. */
  basis: Type.String(),
});

export const ListItem = Type.Object({
  consulteeId: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.String(),
  givenNameKana: Type.String(),
});

export type ConsulteeRecord = Static<typeof ConsulteeRecord>;
export type ConsulteeListItem = Static<typeof ListItem>;
