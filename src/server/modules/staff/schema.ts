import { Type, type Static } from 'typebox';
import { EMPLOYMENT_KINDS, ROLES } from '../../core/roles.js';
import { IsoDate, NonBlank, StringEnum, Uuid } from '../../http/schemas.js';

export const RoleSchema = StringEnum(ROLES, { title: '役割' });
export const EmploymentKindSchema = StringEnum(EMPLOYMENT_KINDS, { title: '雇用形態' });

const Login = Type.String({
  title: 'ログインID',
  minLength: 3,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9._-]{2,63}$',
});
const DisplayName = NonBlank('氏名', 100);
const DisplayNameKana = Type.String({ title: '氏名（カナ）', maxLength: 100 });
const Roles = Type.Array(RoleSchema, { title: '役割', minItems: 1, maxItems: 9, uniqueItems: true });
const MyNumberHandler = Type.Boolean({ title: '個人番号事務取扱担当者' });

export const StaffItem = Type.Object({
  staffId: Type.String(),
  login: Type.String(),
  displayName: Type.String(),
  displayNameKana: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  officeId: Type.Union([Type.String(), Type.Null()]),
  officeName: Type.Union([Type.String(), Type.Null()]),
  employmentKind: EmploymentKindSchema,
  roles: Type.Array(RoleSchema),
  confidentialityPledgedOn: Type.Union([Type.String(), Type.Null()]),
  employmentEndedOn: Type.Union([Type.String(), Type.Null()]),
  mfaEnabled: Type.Boolean(),
  /** Designated to handle My Number (個人番号事務取扱担当者, ACQ-4). */
  myNumberHandler: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type StaffItem = Static<typeof StaffItem>;

export const StaffList = Type.Object({ items: Type.Array(StaffItem) });

export const StaffCreateBody = Type.Object(
  {
    login: Login,
    displayName: DisplayName,
    displayNameKana: Type.Optional(DisplayNameKana),
    organizationId: Uuid('組織'),
    officeId: Type.Optional(Type.Union([Uuid('窓口'), Type.Null()], { title: '窓口' })),
    employmentKind: EmploymentKindSchema,
    roles: Roles,
    confidentialityPledgedOn: Type.Optional(
      Type.Union([IsoDate('守秘義務誓約日'), Type.Null()], { title: '守秘義務誓約日' }),
    ),
    myNumberHandler: Type.Optional(MyNumberHandler),
  },
  { additionalProperties: false },
);
export type StaffCreateBody = Static<typeof StaffCreateBody>;

export const StaffUpdateBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    displayNameKana: Type.Optional(DisplayNameKana),
    officeId: Type.Optional(Type.Union([Uuid('窓口'), Type.Null()], { title: '窓口' })),
    employmentKind: Type.Optional(EmploymentKindSchema),
    roles: Type.Optional(Roles),
    confidentialityPledgedOn: Type.Optional(
      Type.Union([IsoDate('守秘義務誓約日'), Type.Null()], { title: '守秘義務誓約日' }),
    ),
    employmentEndedOn: Type.Optional(Type.Union([IsoDate('退職日'), Type.Null()], { title: '退職日' })),
    myNumberHandler: Type.Optional(MyNumberHandler),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type StaffUpdateBody = Static<typeof StaffUpdateBody>;

export const StaffIdParams = Type.Object({ staffId: Uuid('職員') });

export const OneTimePasswordResponse = Type.Object({
  staff: StaffItem,
  oneTimePassword: Type.String(),
});

export const OrganizationList = Type.Object({
  items: Type.Array(
    Type.Object({
      organizationId: Type.String(),
      name: Type.String(),
      kind: StringEnum(['municipality', 'contractor']),
      offices: Type.Array(Type.Object({ officeId: Type.String(), name: Type.String() })),
    }),
  ),
});

export const OfficeCreateBody = Type.Object(
  {
    organizationId: Uuid('組織'),
    name: NonBlank('窓口名', 100),
  },
  { additionalProperties: false },
);

export const StaffDirectory = Type.Object({
  items: Type.Array(
    Type.Object({
      staffId: Type.String(),
      displayName: Type.String(),
      displayNameKana: Type.String(),
      organizationId: Type.String(),
      organizationName: Type.String(),
      officeId: Type.Union([Type.String(), Type.Null()]),
      officeName: Type.Union([Type.String(), Type.Null()]),
      roles: Type.Array(RoleSchema),
      disabled: Type.Boolean(),
    }),
  ),
});
