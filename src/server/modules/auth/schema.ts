import { Type, type Static } from 'typebox';
import { PERMISSIONS, ROLES } from '../../core/roles.js';
import { PASSWORD_MAX_LENGTH } from '../../core/password-policy.js';
import { SESSION_STAGES } from '../../core/sign-in.js';
import { StringEnum } from '../../http/schemas.js';

const Password = (title: string) => Type.String({ title, minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 });

export const LoginBody = Type.Object(
  {
    tenantCode: Type.String({ title: '自治体コード', minLength: 1, maxLength: 32 }),
    login: Type.String({ title: 'ログインID', minLength: 1, maxLength: 64 }),
    password: Password('パスワード'),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const CodeBody = Type.Object(
  { code: Type.String({ title: '確認コード', minLength: 1, maxLength: 12 }) },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.Optional(Password('現在のパスワード')),
    newPassword: Password('新しいパスワード'),
  },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const SessionResponse = Type.Object({
  stage: StringEnum(SESSION_STAGES),
  csrfToken: Type.String(),
  staff: Type.Object({
    staffId: Type.String(),
    login: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(StringEnum(ROLES)),
  }),
  permissions: Type.Array(StringEnum(PERMISSIONS)),
  tenant: Type.Object({ code: Type.String(), name: Type.String() }),
  organization: Type.Object({
    organizationId: Type.String(),
    name: Type.String(),
    kind: StringEnum(['municipality', 'contractor']),
  }),
  office: Type.Union([Type.Object({ officeId: Type.String(), name: Type.String() }), Type.Null()]),
  mfaEnabled: Type.Boolean(),
  mfaRequired: Type.Boolean(),
  /** Whether the roles reach consultees for casework (not only for audits or requests). */
  casework: Type.Boolean(),
  idleMinutes: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type SessionResponse = Static<typeof SessionResponse>;

export const EnrolmentResponse = Type.Object({
  secret: Type.String(),
  uri: Type.String(),
  qrSvg: Type.String(),
});
