import { Type, type Static, type TSchema } from 'typebox';
import { JOINT_USE_CHANGE_KINDS } from '../../core/joint-use.js';
import { NOTICE_STATUSES } from '../../core/joint-use-notices.js';
import { PROVISION_ITEM_KEYS } from '../../../shared/provision-items.js';
import { IsoDate, Nullable, NonBlank, OptionalDate, StringEnum, Text, Uuid } from '../../http/schemas.js';

/** The items that may be used jointly: every provision item but My Number, which is never shared (PRV-4). */
export const JOINT_USE_ITEM_KEYS = PROVISION_ITEM_KEYS.filter((k) => k !== 'my_number');

const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DeclarationIdParams = Type.Object({ declarationId: Uuid('共同利用') });
export const VersionParams = Type.Object({
  declarationId: Uuid('共同利用'),
  version: Type.String({ title: '版', pattern: '^[1-9][0-9]{0,5}$' }),
});

/** What a declaration announces (PRV-2): the items, the joint users, their purposes and the responsible party. */
const content = {
  items: Type.Array(StringEnum(JOINT_USE_ITEM_KEYS, { title: '共同利用する項目' }), {
    title: '共同利用する項目',
    minItems: 1,
    maxItems: JOINT_USE_ITEM_KEYS.length,
    uniqueItems: true,
  }),
  userAgencyIds: Type.Array(Uuid('共同して利用する者'), {
    title: '共同して利用する者',
    minItems: 1,
    maxItems: 100,
    uniqueItems: true,
  }),
  usersNote: Text('共同して利用する者の範囲の補足', 2000),
  purposes: Type.Array(NonBlank('利用する者の利用目的', 500), {
    title: '利用する者の利用目的',
    minItems: 1,
    maxItems: 20,
  }),
  /** An agency of the list, or null for the tenant's own organization. */
  responsibleAgencyId: Nullable(Uuid('管理について責任を有する者'), '管理について責任を有する者'),
  responsibleName: NonBlank('責任を有する者の名称', 200),
  responsibleAddress: NonBlank('責任を有する者の住所', 200),
  responsibleRepresentative: NonBlank('責任を有する者の代表者', 100),
};

export const DeclareBody = Type.Object(
  {
    title: NonBlank('共同利用の名称', 200),
    ...content,
    /** The day the joint use was published (公表) or notified to the persons. */
    declaredOn: IsoDate('公表日'),
    effectiveFrom: IsoDate('共同利用の開始日'),
  },
  { additionalProperties: false },
);
export type DeclareBody = Static<typeof DeclareBody>;

export const ChangeBody = Type.Object(
  {
    ...content,
    changedOn: IsoDate('変更の日'),
    effectiveFrom: IsoDate('変更の適用日'),
    /** When the person was told or the change published, if it already has been. */
    noticeOn: OptionalDate('通知・公表日'),
    changeNote: Text('変更の補足', 2000),
  },
  { additionalProperties: false },
);
export type ChangeBody = Static<typeof ChangeBody>;

export const NoticeBody = Type.Object({ noticeOn: IsoDate('通知・公表日') }, { additionalProperties: false });

export const EndBody = Type.Object({ endedOn: IsoDate('終了日') }, { additionalProperties: false });

const ChangeKind = StringEnum(JOINT_USE_CHANGE_KINDS);

export const ChangeKindItem = Type.Object({
  kind: ChangeKind,
  label: Type.String(),
  /** When the person must be told: without delay, beforehand, or not at all under this declaration. */
  timing: StringEnum(['without_delay', 'beforehand', 'not_allowed'] as const),
});

/** What a planned change would be, before it is saved. */
export const ChangeCheckResponse = Type.Object({
  kinds: Type.Array(ChangeKindItem),
  ok: Type.Boolean(),
  noticeDueOn: OrNull(Type.String()),
  code: OrNull(Type.String()),
  field: OrNull(Type.String()),
  message: OrNull(Type.String()),
});
export type ChangeCheckResponse = Static<typeof ChangeCheckResponse>;

const Agency = Type.Object({ agencyId: Type.String(), name: Type.String(), retired: Type.Boolean() });

export const JointUseVersionItem = Type.Object({
  version: Type.Integer(),
  status: StringEnum(['superseded', 'current', 'scheduled'] as const),
  items: Type.Array(Type.String()),
  itemLabels: Type.Array(Type.String()),
  userAgencies: Type.Array(Agency),
  usersNote: OrNull(Type.String()),
  purposes: Type.Array(Type.String()),
  responsibleAgencyId: OrNull(Type.String()),
  responsibleName: Type.String(),
  responsibleAddress: Type.String(),
  responsibleRepresentative: Type.String(),
  changedOn: Type.String(),
  effectiveFrom: Type.String(),
  changeKinds: Type.Array(ChangeKindItem),
  noticeDueOn: OrNull(Type.String()),
  noticeOn: OrNull(Type.String()),
  noticeStatus: StringEnum(NOTICE_STATUSES),
  changeNote: OrNull(Type.String()),
  recordedBy: Type.Object({ staffId: Type.String(), displayName: Type.String() }),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type JointUseVersionItem = Static<typeof JointUseVersionItem>;

export const JointUseItem = Type.Object({
  declarationId: Type.String(),
  title: Type.String(),
  /** announced: published, not yet started; in_effect; ended. */
  state: StringEnum(['announced', 'in_effect', 'ended'] as const),
  endedOn: OrNull(Type.String()),
  /** The version in force today; before the start, the first one. */
  current: JointUseVersionItem,
  /** A change recorded for a later date (announced). */
  scheduled: OrNull(JointUseVersionItem),
  /** Every version, oldest first. */
  history: Type.Array(JointUseVersionItem),
});
export type JointUseItem = Static<typeof JointUseItem>;

export const JointUseList = Type.Object({ items: Type.Array(JointUseItem) });

export const DueNotice = Type.Object({
  declarationId: Type.String(),
  title: Type.String(),
  version: Type.Integer(),
  changeKinds: Type.Array(ChangeKindItem),
  changedOn: Type.String(),
  effectiveFrom: Type.String(),
  noticeDueOn: Type.String(),
  overdue: Type.Boolean(),
});
export const DueNoticeList = Type.Object({ items: Type.Array(DueNotice) });
export type DueNotice = Static<typeof DueNotice>;
