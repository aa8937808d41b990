// Hostile values in every field of the register, joint-use and public-profile
// routes, and in their paths and queries (as hostile-input.test.ts does for the
// rest): a clear 4xx in Japanese or a faithful 2xx, never a 5xx.

import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, signIn, useTestApp } from '../support/world.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { seedRelatedAgencies } from '../../src/server/tenancy/related-agencies.js';
import { tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

const HOSTILE: unknown[] = [
  '',
  ' ',
  'x'.repeat(20_000),
  "' OR '1'='1' --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  'a\u0000b',
  '\ud800',
  '\u202eevil',
  '𠮷野家🍣',
  '2026-02-30',
  '-1',
  '1e309',
  null,
  12345,
  true,
  [],
  {},
  { $gt: '' },
];

const ids = { agencyId: '', entryId: '', declarationId: '' };
let ppm: Client;
let worker: Client;
const today = () => tokyoDate(new Date());

const entry = () => ({
  effectiveOn: '2026-04-01',
  name: '業務',
  section: '係',
  items: '氏名',
  purposeCodes: ['consultation_support'],
  purposesNote: '補足',
  methods: '相談',
  sources: '本人',
  recipients: 'なし',
  media: '紙',
  retention: '5年',
  retentionYears: 5,
  recordCount: '10人',
  published: true,
});
const jointUse = () => ({
  items: ['name'],
  userAgencyIds: [ids.agencyId],
  usersNote: '補足',
  purposes: ['情報交換のため'],
  responsibleAgencyId: null,
  responsibleName: '見本市',
  responsibleAddress: '架空県見本市1-1',
  responsibleRepresentative: '見本市長',
});

beforeAll(async () => {
  ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
  worker = await signIn(t.app, t.w, 'worker1');
  ids.agencyId = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    await seedRelatedAgencies(tx, t.w.tenantId);
    return (
      await tx.selectFrom('relatedAgencies').select('agencyId').where('name', '=', '課税課').executeTakeFirstOrThrow()
    ).agencyId;
  });
  ids.entryId = (await ppm.post('/api/register', { ...entry(), code: 'H-1' })).json().entryId;
  ids.declarationId = (
    await ppm.post('/api/joint-use', { title: '共同利用', ...jointUse(), declaredOn: today(), effectiveFrom: today() })
  ).json().declarationId;
});

interface Case {
  method: 'POST' | 'PATCH' | 'PUT';
  url: () => string;
  body: () => Record<string, unknown>;
}

const CASES: Case[] = [
  { method: 'POST', url: () => '/api/register', body: entry },
  {
    method: 'POST',
    url: () => `/api/register/${ids.entryId}/versions`,
    body: () => ({ ...entry(), effectiveOn: today(), changeReason: '理由' }),
  },
  {
    method: 'POST',
    url: () => '/api/joint-use',
    body: () => ({ title: '共同利用', ...jointUse(), declaredOn: '2026-04-01', effectiveFrom: '2026-04-01' }),
  },
  {
    method: 'POST',
    url: () => `/api/joint-use/${ids.declarationId}/versions/check`,
    body: () => ({ ...jointUse(), changedOn: today(), effectiveFrom: today(), noticeOn: null, changeNote: '補足' }),
  },
  {
    method: 'PUT',
    url: () => '/api/public-profile',
    body: () => ({
      organizationName: '見本市社協',
      address: '架空県見本市1-1',
      representative: '会長',
      requestProcedure: '窓口へ',
      fees: '無料',
      securityMeasures: '施錠保管',
      complaintContact: '窓口',
      privacyPolicy: '方針',
      published: true,
    }),
  },
  { method: 'PATCH', url: () => `/api/joint-use/${ids.declarationId}/versions/1`, body: () => ({ noticeOn: today() }) },
  { method: 'POST', url: () => `/api/joint-use/${ids.declarationId}/end`, body: () => ({ endedOn: '2099-03-31' }) },
  {
    method: 'POST',
    url: () => `/api/register/${ids.entryId}/abolition`,
    body: () => ({ effectiveOn: '2099-03-31', changeReason: '終了' }),
  },
];

function expectCalm(res: { statusCode: number; body: string }, where: string): void {
  expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  const body = JSON.parse(res.body) as { message?: unknown; code?: unknown };
  expect(typeof body.message, where).toBe('string');
  expect(res.body, where).not.toMatch(/at .*\.ts:\d+|stack|SELECT |INSERT |relation /);
  // Malformed or over-long paths are refused by the router itself (FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH),
  // before the app's own handlers: those answers are the framework's, not ours.
  if (typeof body.code === 'string' && body.code.startsWith('FST_')) return;
  expect(body.message, where).toMatch(/[ぁ-んァ-ヶ一-龠]/);
}

describe('[PUR-5][PRV-2][DSR-1] hostile values in the privacy register routes', () => {
  it('every body field answers 4xx or a faithful 2xx, never 5xx', async () => {
    for (const c of CASES) {
      for (const field of Object.keys(c.body())) {
        for (const value of HOSTILE) {
          const res = await ppm.request({ method: c.method, url: c.url(), payload: { ...c.body(), [field]: value } });
          expectCalm(res, `${c.method} ${c.url()} ${field}=${JSON.stringify(value)?.slice(0, 40)}`);
        }
      }
    }
  });

  it('hostile path and query values never reach a 5xx, signed in or not', async () => {
    for (const value of HOSTILE) {
      const raw = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
      const text = raw === '\ud800' ? '%ED%A0%80' : encodeURIComponent(raw);
      for (const url of [
        `/api/register?on=${text}`,
        `/api/register?includeExpired=${text}`,
        `/api/register/${text}`,
        `/api/register/print?on=${text}`,
        `/api/register/print?includeUnpublished=${text}`,
        `/api/joint-use/${text}`,
        `/api/public/${text}`,
      ]) {
        expectCalm(await worker.get(url), url);
      }
      expectCalm(await t.app.inject({ method: 'GET', url: `/api/public/${text}` }), `anonymous /api/public/${text}`);
      const patch = await ppm.request({
        method: 'PATCH',
        url: `/api/joint-use/${ids.declarationId}/versions/${text}`,
        payload: { noticeOn: today() },
      });
      expectCalm(patch, `PATCH version ${text.slice(0, 40)}`);
    }
  });
});
