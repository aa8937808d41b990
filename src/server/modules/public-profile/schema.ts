import { Type, type Static, type TSchema } from 'typebox';
import { NonBlank, Text } from '../../http/schemas.js';

const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** What the agency publishes about its handling of personal information (DSR-1, PUB-1). */
export const PublicProfileBody = Type.Object(
  {
    organizationName: NonBlank('事業者の名称', 200),
    address: NonBlank('住所', 200),
    representative: NonBlank('代表者', 100),
    requestProcedure: NonBlank('開示等の請求の手続', 4000),
    fees: NonBlank('手数料', 2000),
    securityMeasures: NonBlank('安全管理措置', 8000),
    complaintContact: NonBlank('苦情の申出先', 2000),
    privacyPolicy: Text('個人情報保護方針', 8000),
    published: Type.Boolean({ title: '公表する' }),
  },
  { additionalProperties: false },
);
export type PublicProfileBody = Static<typeof PublicProfileBody>;

export const PublicProfile = Type.Object({
  organizationName: Type.String(),
  address: Type.String(),
  representative: Type.String(),
  requestProcedure: Type.String(),
  fees: Type.String(),
  securityMeasures: Type.String(),
  complaintContact: Type.String(),
  privacyPolicy: OrNull(Type.String()),
  published: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PublicProfile = Static<typeof PublicProfile>;

export const PublicProfileResponse = Type.Object({
  /** Null until the manager first saves it. */
  profile: Type.Union([PublicProfile, Type.Null()]),
  /** The address of the public page (for the link). */
  publicPath: Type.String(),
});
export type PublicProfileResponse = Static<typeof PublicProfileResponse>;

export const TenantCodeParams = Type.Object({
  tenantCode: Type.String({ title: '自治体コード', pattern: '^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$' }),
});

/** One register entry as published: the operation, never who recorded it. */
const PublicRegisterEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  section: Type.String(),
  items: Type.String(),
  purposes: Type.Array(Type.String()),
  purposesNote: OrNull(Type.String()),
  methods: Type.String(),
  sources: Type.String(),
  recipients: Type.String(),
  media: Type.String(),
  retention: Type.String(),
  recordCount: OrNull(Type.String()),
  startedOn: Type.String(),
  lastChangedOn: OrNull(Type.String()),
  abolishedOn: OrNull(Type.String()),
  keepUntil: OrNull(Type.String()),
});

const PublicJointUseContent = Type.Object({
  items: Type.Array(Type.String()),
  users: Type.Array(Type.String()),
  usersNote: OrNull(Type.String()),
  purposes: Type.Array(Type.String()),
  responsibleName: Type.String(),
  responsibleAddress: Type.String(),
  responsibleRepresentative: Type.String(),
  effectiveFrom: Type.String(),
});

const PublicJointUse = Type.Object({
  title: Type.String(),
  /** Whether it has started; if not, `current.effectiveFrom` says from when. */
  started: Type.Boolean(),
  current: PublicJointUseContent,
  /** A change announced for a later date, with what it changes. */
  announcedChange: Type.Union([
    Type.Object({ changes: Type.Array(Type.String()), content: PublicJointUseContent }),
    Type.Null(),
  ]),
  endedOn: OrNull(Type.String()),
});

/** Everything the public page shows (DSR-1, PUB-1): the agency's, never a person's. */
export const PublicPage = Type.Object({
  tenantName: Type.String(),
  organizationName: Type.String(),
  address: Type.String(),
  representative: Type.String(),
  purposes: Type.Array(Type.Object({ wording: Type.String(), kind: Type.String(), effectiveFrom: Type.String() })),
  requestProcedure: Type.String(),
  fees: Type.String(),
  securityMeasures: Type.String(),
  complaintContact: Type.String(),
  privacyPolicy: OrNull(Type.String()),
  relatedAgencies: Type.Array(Type.Object({ name: Type.String(), kind: Type.String() })),
  jointUses: Type.Array(PublicJointUse),
  register: Type.Array(PublicRegisterEntry),
  /** The day the page was read (Asia/Tokyo) and the day the profile was last changed. */
  asOf: Type.String(),
  updatedOn: Type.String(),
});
export type PublicPage = Static<typeof PublicPage>;
