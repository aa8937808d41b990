import { describe, expect, inject, it } from 'vitest';

import { randomUUID } from 'node:crypto';

import { buildTestApp, testContext, useTestApp } from '../support/world.js';
import { RouteDeclarationError } from '../../src/server/access/route-access.js';

const t = useTestApp({ world: false });

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, randomUUID()).replace('/*', '/anything');
}

describe('deny by default (ARCHITECTURE rule 2)', () => {
  it('[SEC-4] every non-public route answers 401 without a session', async () => {
    const guarded = t.app.declaredRoutes.filter((r) => !('public' in r.access));
    expect(guarded.length).toBeGreaterThan(15);
    for (const route of guarded) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(res.json()).toMatchObject({ code: 'not_signed_in', message: 'ログインしてください' });
    }
  });

  it('[SEC-4] a forged or malformed session cookie is 401 too', async () => {
    for (const cookie of [
      `jss_session=${randomUUID()}.${'A'.repeat(43)}`,
      'jss_session=garbage',
      "jss_session=' OR 1=1 --",
      `jss_session=${'x'.repeat(5000)}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('public routes say why they are public', () => {
    const open = t.app.declaredRoutes.filter((r) => 'public' in r.access);
    expect(open.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      [
        'GET /*',
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /api/public/:tenantCode',
        'POST /api/auth/login',
      ].sort(),
    );
  });

  it('[PUR-1] every route reaching consultees declares a purpose', () => {
    for (const r of t.app.declaredRoutes) {
      if (
        'permission' in r.access &&
        ['consultee.read', 'consultee.write', 'audit.read'].includes(r.access.permission)
      ) {
        expect(r.access.purpose, `${r.method} ${r.url}`).toBeDefined();
      }
    }
  });

  it('[PUR-1] start-up fails for a route without an access declaration', async () => {
    await expect(
      buildTestApp(testContext(t.tdb), {
        extraRoutes: (child) => {
          child.get('/api/undeclared', { schema: { response: { 200: {} } } }, async () => ({}));
        },
      }),
    ).rejects.toThrow(RouteDeclarationError);
  });

  it('[PUR-1] start-up fails for a consultee route without a purpose', async () => {
    await expect(
      buildTestApp(testContext(t.tdb), {
        extraRoutes: (child) => {
          child.get(
            '/api/no-purpose',
            { config: { access: { permission: 'consultee.read' } }, schema: { response: { 200: {} } } },
            async () => ({}),
          );
        },
      }),
    ).rejects.toThrow(/must declare its purpose/);
  });

  it('start-up fails for an unknown permission or purpose', async () => {
    await expect(
      buildTestApp(testContext(t.tdb), {
        extraRoutes: (child) => {
          child.get(
            '/api/odd',
            {
              config: { access: { permission: 'consultee.read', purpose: 'marketing' as never } },
              schema: { response: { 200: {} } },
            },
            async () => ({}),
          );
        },
      }),
    ).rejects.toThrow(/unknown purpose/);
  });
});

describe('the database', () => {
  it('is PostgreSQL 15 or later (the embedded one, or Debian’s 15 in CI)', () => {
    const version = inject('pg').serverVersion;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(15);
  });
});

describe('health and the API document', () => {
  it('GET /api/health answers 200 with the database state', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { state: 'ok', schema: expect.any(String) } });
  });

  it('GET /api/openapi.json documents every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of t.app.declaredRoutes.filter((x) => x.url.startsWith('/api/') && x.url !== '/api/openapi.json')) {
      const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });

  it('answers unknown API paths with 404 in Japanese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('見つかりません');
  });
});
