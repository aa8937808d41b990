// Every route declares who may call it and, if it touches personal data, for
// which purpose (ARCHITECTURE rule 2, PUR-1). A route without a declaration, or
// with one that names an unknown permission or purpose, stops the app at start-up.

import type { RouteOptions } from 'fastify';
import { PERMISSIONS, PERMISSIONS_REQUIRING_PURPOSE, type Permission } from '../core/roles.js';
import { PURPOSES, type PurposeCode } from '../core/purposes.js';
import { SESSION_STAGES, type SessionStage } from '../core/sign-in.js';

export type RouteAccess =
  | {
      /** Anyone, signed in or not: health, sign-in, the public pages, the web app itself. */
      public: true;
      reason: string;
    }
  | {
      permission: Permission;
      /** Required when the route reads or writes personal data of consultees. */
      purpose?: PurposeCode;
      /** Session stages allowed besides 'active' (e.g. the second-factor step). */
      stages?: readonly SessionStage[];
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export class RouteDeclarationError extends Error {}

export function checkRouteDeclaration(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
  const where = `${methods} ${route.url}`;
  if (methods === 'HEAD') return; // Fastify's automatic HEAD twin of a GET route shares its config.
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (!access) {
    throw new RouteDeclarationError(
      `Route ${where} declares no access (config.access): every route must say who may call it`,
    );
  }
  if ('public' in access) {
    if (!access.reason) throw new RouteDeclarationError(`Public route ${where} must give a reason`);
    return;
  }
  if (!PERMISSIONS.includes(access.permission)) {
    throw new RouteDeclarationError(`Route ${where} names an unknown permission "${String(access.permission)}"`);
  }
  if (access.purpose !== undefined && !PURPOSES.includes(access.purpose)) {
    throw new RouteDeclarationError(`Route ${where} names an unknown purpose "${String(access.purpose)}"`);
  }
  if (PERMISSIONS_REQUIRING_PURPOSE.includes(access.permission) && access.purpose === undefined) {
    throw new RouteDeclarationError(`Route ${where} touches consultees' personal data and must declare its purpose`);
  }
  for (const stage of access.stages ?? []) {
    if (!SESSION_STAGES.includes(stage)) {
      throw new RouteDeclarationError(`Route ${where} names an unknown session stage "${String(stage)}"`);
    }
  }
  if (route.url.startsWith('/api/') && !route.schema?.response) {
    throw new RouteDeclarationError(`Route ${where} declares no response schema`);
  }
}
