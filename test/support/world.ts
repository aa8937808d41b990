// Factories: a tenant with a municipality and a contracted council, offices,
// staff in every role with known passwords, and consultees with cases; plus the
// real app built on the test database, and signed-in clients for it.

import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { sql } from 'kysely';
import { buildApp, type BuildOptions } from '../../src/server/app.js';
import type { AppContext } from '../../src/server/context.js';
import { aadFor, SecretBox } from '../../src/server/crypto/secret-box.js';
import { generateKeyRing } from '../../src/server/crypto/seal.js';
import type { Role } from '../../src/server/core/roles.js';
import {
  asOwnerInTenant,
  createConsulteeRow,
  createOfficeRow,
  createOrganization,
  createStaffRow,
  createTenant,
} from '../../src/server/tenancy/provision.js';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.js';

export const PASSWORD = 'correct horse battery staple 2026';

export function testContext(tdb: TestDatabase, overrides: Partial<AppContext> = {}): AppContext {
  return {
    db: tdb.db,
    secrets: SecretBox.fromKey(randomBytes(32)),
    myNumberKeys: generateKeyRing().ring,
    config: { secureCookies: false },
    rateLimitPerMinute: 100_000,
    signInRateLimitPerMinute: 100_000,
    ...overrides,
  };
}

export async function buildTestApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  return buildApp(ctx, options);
}

export interface StaffHandle {
  staffId: string;
  login: string;
  password: string;
  roles: Role[];
  organizationId: string;
  officeId: string | null;
  totpSecret?: string;
}

export interface World {
  tenantId: string;
  code: string;
  city: string;
  council: string;
  cityOffice: string;
  councilOffice: string;
  councilOffice2: string;
  staff: Record<string, StaffHandle>;
  /** Consultees of the council's main office: a and b assigned to worker1, c to worker2; d at office 2; e at the city. */
  consultees: Record<'a' | 'b' | 'c' | 'd' | 'e', string>;
}

interface StaffSeed {
  key: string;
  roles: Role[];
  org: 'city' | 'council';
  office: 'main' | 'second' | 'city' | null;
  mfa?: boolean;
}

export const STAFF_SEEDS: StaffSeed[] = [
  { key: 'worker1', roles: ['support_worker'], org: 'council', office: 'main' },
  { key: 'worker2', roles: ['support_worker'], org: 'council', office: 'main' },
  { key: 'workerOther', roles: ['support_worker'], org: 'council', office: 'second' },
  { key: 'chief', roles: ['chief_support_worker'], org: 'council', office: 'main' },
  { key: 'employment', roles: ['employment_support_worker'], org: 'council', office: 'main' },
  { key: 'budget', roles: ['household_budget_support_worker'], org: 'council', office: 'main' },
  { key: 'clerk', roles: ['clerk'], org: 'council', office: 'main' },
  { key: 'ppm', roles: ['privacy_protection_manager'], org: 'council', office: null, mfa: true },
  { key: 'complaints', roles: ['complaint_lead'], org: 'council', office: null },
  { key: 'supervisor', roles: ['municipal_supervisor'], org: 'city', office: 'city' },
  { key: 'admin', roles: ['system_administrator'], org: 'city', office: null, mfa: true },
  { key: 'councilAdmin', roles: ['system_administrator'], org: 'council', office: null, mfa: true },
  { key: 'cityWorker', roles: ['support_worker'], org: 'city', office: 'city' },
];

let tenantCounter = 0;

export async function seedWorld(tdb: TestDatabase, ctx: AppContext, code?: string): Promise<World> {
  tenantCounter++;
  const tenantCode = code ?? `t${tenantCounter}-${randomBytes(3).toString('hex')}`;
  const tenantId = await createTenant(tdb.owner, { code: tenantCode, name: `テスト市${tenantCounter}` });
  return asOwnerInTenant(tdb.owner, tenantId, async (tx) => {
    const city = await createOrganization(tx, tenantId, { kind: 'municipality', name: 'テスト市 生活支援課' });
    const council = await createOrganization(tx, tenantId, { kind: 'contractor', name: 'テスト市社会福祉協議会' });
    const cityOffice = await createOfficeRow(tx, tenantId, city, '市役所窓口');
    const councilOffice = await createOfficeRow(tx, tenantId, council, '本所窓口');
    const councilOffice2 = await createOfficeRow(tx, tenantId, council, '支所窓口');
    const offices = { main: councilOffice, second: councilOffice2, city: cityOffice };
    const staff: Record<string, StaffHandle> = {};
    for (const s of STAFF_SEEDS) {
      const organizationId = s.org === 'city' ? city : council;
      const officeId = s.office ? offices[s.office] : null;
      const login = s.key.toLowerCase();
      const { staffId } = await createStaffRow(tx, tenantId, {
        login,
        displayName: `テスト ${s.key}`,
        displayNameKana: `テスト ${s.key}`,
        organizationId,
        officeId,
        roles: s.roles,
        password: PASSWORD,
        mustChangePassword: false,
      });
      const handle: StaffHandle = { staffId, login, password: PASSWORD, roles: s.roles, organizationId, officeId };
      if (s.mfa) {
        const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
        await tx
          .updateTable('staff')
          .set({
            totpSecret: ctx.secrets.seal(secret, aadFor('staff', 'totp_secret', tenantId, staffId)),
            totpEnabledAt: new Date(),
          })
          .where('staffId', '=', staffId)
          .execute();
        handle.totpSecret = secret;
      }
      staff[s.key] = handle;
    }
    const by = staff.clerk?.staffId as string;
    const person = async (name: string, officeId: string, organizationId: string, lead: string | null) =>
      (
        await createConsulteeRow(tx, tenantId, {
          organizationId,
          officeId,
          familyName: name,
          givenName: '太郎',
          familyNameKana: 'テスト',
          givenNameKana: 'タロウ',
          birthDate: '1980-01-01',
          healthSummary: '通院中（テスト）',
          createdBy: by,
          ...(lead ? { case: { openedOn: '2026-04-01', lead } } : {}),
        })
      ).consulteeId;
    const consultees = {
      a: await person('試験A', councilOffice, council, staff.worker1?.staffId as string),
      b: await person('試験B', councilOffice, council, staff.worker1?.staffId as string),
      c: await person('試験C', councilOffice, council, staff.worker2?.staffId as string),
      d: await person('試験D', councilOffice2, council, staff.workerOther?.staffId as string),
      e: await person('試験E', cityOffice, city, staff.cityWorker?.staffId as string),
    };
    return { tenantId, code: tenantCode, city, council, cityOffice, councilOffice, councilOffice2, staff, consultees };
  });
}

export interface Client {
  cookie: string;
  csrf: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string): Client {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { cookie, 'x-csrf-token': csrf, ...(options.headers ?? {}) },
    });
  return {
    cookie,
    csrf,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: (payload ?? {}) as Record<string, unknown> }),
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'jss_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `jss_session=${c.value}`;
}

/** Signs in through the real endpoints, passing the second factor when the account has one. */
export async function signIn(app: FastifyInstance, world: World, key: string, tdb?: TestDatabase): Promise<Client> {
  const s = world.staff[key];
  if (!s) throw new Error(`no staff ${key}`);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { tenantCode: world.code, login: s.login, password: s.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${key} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { stage: string; csrfToken: string };
  const client = clientFor(app, sessionCookie(res), body.csrfToken);
  if (body.stage === 'mfa_verify') {
    if (!s.totpSecret || !tdb) throw new Error(`${key} needs a second factor`);
    // Each test sign-in may reuse the current step: forget the last one used.
    await tdb.owner.transaction().execute(async (tx) => {
      await sql`SELECT set_config('app.tenant_id', ${world.tenantId}, true)`.execute(tx);
      await tx.updateTable('staff').set({ totpLastStep: null }).where('staffId', '=', s.staffId).execute();
    });
    const code = await generate({ secret: s.totpSecret });
    const verified = await client.post('/api/auth/mfa/verify', { code });
    if (verified.statusCode !== 200) throw new Error(`second factor of ${key} failed: ${verified.body}`);
  }
  return client;
}

export interface TestApp {
  tdb: TestDatabase;
  ctx: AppContext;
  app: FastifyInstance;
  /** A seeded tenant (absent with `world: false`). */
  w: World;
}

/**
 * The tests of one file: a fresh database, the real app on it and, unless told
 * otherwise, a seeded tenant. Fields are filled in before the first test runs.
 */
export function useTestApp(options: { world?: boolean; build?: BuildOptions } = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    t.tdb = await createTestDatabase();
    t.ctx = testContext(t.tdb);
    t.app = await buildTestApp(t.ctx, options.build);
    if (options.world !== false) t.w = await seedWorld(t.tdb, t.ctx);
  });
  afterAll(async () => {
    await t.app?.close();
    await t.tdb?.close();
  });
  return t;
}
