import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { mfaRequired, ROLE_PERMISSIONS, type Permission } from '../../core/roles.js';
import { SESSION_STAGES } from '../../core/sign-in.js';
import { scopesFor } from '../../core/policy.js';
import type { Authenticated } from '../../access/guard.js';
import { Ok, responses, StringEnum } from '../../http/schemas.js';
import { CodeBody, EnrolmentResponse, LoginBody, PasswordChangeBody, SessionResponse } from './schema.js';
import {
  changePassword,
  finishEnrolment,
  signIn,
  signOut,
  startEnrolment,
  verifySecondFactor,
  type RequestMeta,
} from './service.js';
import { csrfTokenFor, encodeCookie, SESSION_COOKIE } from './sessions.js';

const StageResponse = Type.Object({ stage: StringEnum(SESSION_STAGES) });
const ALL_STAGES = ['mfa_verify', 'password_change', 'mfa_enrol'] as const;

function meta(req: FastifyRequest): RequestMeta {
  return { requestId: req.id, clientIp: req.ip, userAgent: req.headers['user-agent'] ?? null };
}

function authOf(req: FastifyRequest): Authenticated {
  return req.auth as Authenticated;
}

export function sessionBody(auth: Authenticated): SessionResponse {
  const s = auth.session;
  const permissions = [...new Set(s.roles.flatMap((r) => ROLE_PERMISSIONS[r]))].sort() as Permission[];
  return {
    stage: s.stage,
    csrfToken: csrfTokenFor(auth.token.token),
    staff: { staffId: s.staffId, login: s.login, displayName: s.displayName, roles: s.roles },
    permissions,
    tenant: { code: s.tenantCode, name: s.tenantName },
    organization: { organizationId: s.organizationId, name: s.organizationName, kind: s.organizationKind },
    office: s.officeId ? { officeId: s.officeId, name: s.officeName ?? '' } : null,
    mfaEnabled: s.mfaEnabled,
    mfaRequired: mfaRequired(s.roles, s.mfaRequiredForAll),
    casework: scopesFor(s.roles, 'consultee', 'read', 'consultation_support').length > 0,
    idleMinutes: s.idleMinutes,
    expiresAt: new Date(s.createdAt.getTime() + s.absoluteHours * 3_600_000).toISOString(),
  };
}

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const signInLimit = { max: ctx.signInRateLimitPerMinute, timeWindow: '1 minute' };
  const setSessionCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
      path: '/',
    });

  r.post(
    '/api/auth/login',
    {
      config: {
        access: { public: true, reason: 'サインインそのもの' },
        rateLimit: signInLimit,
      },
      schema: {
        tags: ['auth'],
        summary: 'ログイン（パスワード）',
        body: LoginBody,
        response: responses({ 200: Type.Object({ stage: StageResponse.properties.stage, csrfToken: Type.String() }) }),
      },
    },
    async (req, reply) => {
      const { token, stage } = await signIn(ctx, req.body, meta(req));
      setSessionCookie(reply, encodeCookie(token));
      return { stage, csrfToken: csrfTokenFor(token.token) };
    },
  );

  r.get(
    '/api/session',
    {
      config: { access: { permission: 'session.self', stages: ALL_STAGES } },
      schema: {
        tags: ['auth'],
        summary: 'ログイン中の職員とセッション',
        response: responses({ 200: SessionResponse }),
      },
    },
    async (req) => sessionBody(authOf(req)),
  );

  r.post(
    '/api/auth/mfa/verify',
    {
      config: {
        access: { permission: 'session.self', stages: ['mfa_verify'] },
        rateLimit: signInLimit,
      },
      schema: {
        tags: ['auth'],
        summary: '確認コード（二段階認証）',
        body: CodeBody,
        response: responses({ 200: StageResponse }),
      },
    },
    async (req) => ({ stage: await verifySecondFactor(ctx, authOf(req), req.body.code, meta(req)) }),
  );

  r.post(
    '/api/auth/password',
    {
      config: {
        access: { permission: 'session.self', stages: ['password_change'] },
        rateLimit: signInLimit,
      },
      schema: {
        tags: ['auth'],
        summary: 'パスワードの変更',
        body: PasswordChangeBody,
        response: responses({ 200: StageResponse }),
      },
    },
    async (req) => ({ stage: await changePassword(ctx, authOf(req), req.body, meta(req)) }),
  );

  r.post(
    '/api/auth/mfa/enrolment',
    {
      config: { access: { permission: 'session.self', stages: ['mfa_enrol'] } },
      schema: { tags: ['auth'], summary: '二段階認証の設定を開始', response: responses({ 200: EnrolmentResponse }) },
    },
    async (req) => startEnrolment(ctx, authOf(req)),
  );

  r.post(
    '/api/auth/mfa/enrolment/confirm',
    {
      config: {
        access: { permission: 'session.self', stages: ['mfa_enrol'] },
        rateLimit: signInLimit,
      },
      schema: {
        tags: ['auth'],
        summary: '二段階認証の設定を完了',
        body: CodeBody,
        response: responses({ 200: StageResponse }),
      },
    },
    async (req) => ({ stage: await finishEnrolment(ctx, authOf(req), req.body.code, meta(req)) }),
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: { permission: 'session.self', stages: ALL_STAGES } },
      schema: { tags: ['auth'], summary: 'ログアウト', response: responses({ 200: Ok }) },
    },
    async (req, reply) => {
      await signOut(ctx, authOf(req), meta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}
