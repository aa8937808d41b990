// The route guard: deny by default (ARCHITECTURE rule 2). Every route's declared
// access is enforced before its body is even parsed: the session, its stage, the
// CSRF token for changes, and the permission. The request then carries the actor
// and, lazily, its data-access object, the only path to personal data.

import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../core/policy.js';
import { hasPermission } from '../core/roles.js';
import type { Database } from '../db/database.js';
import { AppError, forbidden, notSignedIn } from '../http/errors.js';
import {
  csrfMatches,
  lookupSession,
  parseCookie,
  SESSION_COOKIE,
  type SessionToken,
  type SessionView,
} from '../modules/auth/sessions.js';
import { DataAccess } from './data-access.js';
import { checkRouteDeclaration, type RouteAccess } from './route-access.js';

export interface Authenticated {
  session: SessionView;
  token: SessionToken;
  actor: Actor;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access: the access matrix, for tests and review. */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyRequest {
    auth: Authenticated | null;
    /** The request's data-access object (the choke point). Only on authenticated routes. */
    readonly data: DataAccess;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const SIGNED_OUT_MESSAGES: Record<string, string> = {
  idle_timeout: '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください',
  absolute_timeout: 'ログインしてから長時間が経過したため、ログアウトしました。もう一度ログインしてください',
  disabled: 'このアカウントは利用停止されています',
};

export const STAGE_MESSAGES: Record<string, string> = {
  mfa_verify: '確認コードを入力してください',
  password_change: '新しいパスワードを設定してください',
  mfa_enrol: '二段階認証を設定してください',
};

/** Requests that change something must come from our own pages (with SameSite=Strict cookies as the first line). */
function assertSameOrigin(req: FastifyRequest): void {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new AppError(403, 'cross_site', '他のサイトからの操作は受け付けられません');
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError(403, 'cross_site', '他のサイトからの操作は受け付けられません');
    }
    if (host !== req.host) throw new AppError(403, 'cross_site', '他のサイトからの操作は受け付けられません');
  }
}

export function actorOf(session: SessionView, organizationIds: readonly string[]): Actor {
  return {
    staffId: session.staffId,
    tenantId: session.tenantId,
    organizationId: session.organizationId,
    officeId: session.officeId,
    roles: session.roles,
    // The commissioning municipality's supervisors reach every organization of the tenant (OUT-1; groundwork for OUT-4).
    supervisedOrganizationIds: session.roles.includes('municipal_supervisor')
      ? [...organizationIds]
      : [session.organizationId],
    purposes: session.purposeCodes,
  };
}

async function guard(app: FastifyInstance, options: { db: Database }): Promise<void> {
  app.decorate('declaredRoutes', [] as DeclaredRoute[]);
  app.addHook('onRoute', (route) => {
    checkRouteDeclaration(route);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.declaredRoutes.push({ method, url: route.url, access: route.config?.access as RouteAccess });
    }
  });
  app.decorateRequest('auth', null);
  app.decorateRequest('data', {
    getter(this: FastifyRequest): DataAccess {
      const cached = (this as unknown as { _data?: DataAccess })._data;
      if (cached) return cached;
      if (!this.auth) throw new AppError(500, 'no_actor', 'データアクセスには認証が必要です');
      const access = this.routeOptions.config.access as RouteAccess;
      const purpose = 'purpose' in access ? (access.purpose ?? null) : null;
      const created = new DataAccess(options.db, this.auth.actor, purpose, { requestId: this.id, clientIp: this.ip });
      (this as unknown as { _data?: DataAccess })._data = created;
      return created;
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    if (UNSAFE.has(req.method)) assertSameOrigin(req);
    const access = req.routeOptions.config?.access;
    if (!access || 'public' in access) return;

    const cookie = parseCookie(req.cookies[SESSION_COOKIE]);
    if (!cookie) throw notSignedIn();
    const found = await lookupSession(options.db, cookie, { requestId: req.id, clientIp: req.ip });
    if (!found.ok) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw notSignedIn(
        found.reason === 'unknown' || found.reason === 'ended' ? 'not_signed_in' : found.reason,
        SIGNED_OUT_MESSAGES[found.reason],
      );
    }
    const session = found.session;
    if (session.stage !== 'active' && !(access.stages ?? []).includes(session.stage)) {
      throw new AppError(
        403,
        `stage_${session.stage}`,
        STAGE_MESSAGES[session.stage] ?? 'ログイン手続きを完了してください',
      );
    }
    if (UNSAFE.has(req.method) && !csrfMatches(cookie.token, req.headers['x-csrf-token'] as string | undefined)) {
      throw new AppError(403, 'csrf', '画面の有効期限が切れました。ページを再読み込みしてからやり直してください');
    }
    if (!hasPermission(session.roles, access.permission)) throw forbidden();
    req.auth = { session, token: cookie, actor: actorOf(session, session.organizationIds) };
  });
}

export const guardPlugin = fp(guard, { name: 'guard', dependencies: ['@fastify/cookie'] });
