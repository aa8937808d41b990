// Every input field must survive hostile values: a clear 4xx (or a faithful
// 2xx), never a 5xx, and nothing changed by a refused request.

import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, signIn, useTestApp } from '../support/world.js';
import { caseAt } from '../support/casework.js';
import {
  sampleBudgetSheet,
  sampleConsent,
  sampleIntake,
  sampleNote,
  samplePlan,
} from '../../src/server/tenancy/sample-forms.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { seedRelatedAgencies } from '../../src/server/tenancy/related-agencies.js';
import { tokyoDate } from '../../src/shared/wareki.js';
import { generateSync } from 'otplib';
import { aadFor } from '../../src/server/crypto/secret-box.js';
import { myNumberCheckDigit } from '../../src/server/core/my-number.js';

const t = useTestApp();

/** A case of worker1's in support, for the casework routes. */
const ids = { consulteeId: '', caseId: '', agencyId: '', requestId: '' };
beforeAll(async () => {
  Object.assign(ids, await caseAt(await signIn(t.app, t.w, 'worker1'), 'in_support'));
  ids.agencyId = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    await seedRelatedAgencies(tx, t.w.tenantId);
    return (
      await tx.selectFrom('relatedAgencies').select('agencyId').where('name', '=', '課税課').executeTakeFirstOrThrow()
    ).agencyId;
  });
  const filed = await (
    await signIn(t.app, t.w, 'worker1')
  ).post(`/api/consultees/${ids.consulteeId}/out-of-purpose`, outOfPurposeBody());
  expect(filed.statusCode, filed.body).toBe(200);
  ids.requestId = filed.json().requestId;
});

/** A request to use outside the purposes, on a ground (PUR-3). */
const outOfPurposeBody = () => ({
  kind: 'provision',
  requestingSection: '生活支援課',
  useDescription: '安否確認のため',
  recipientAgencyId: ids.agencyId,
  recipientName: null,
  items: ['name', 'address'],
  itemsReason: '本人の特定に必要',
  basis: 'ground',
  consentId: null,
  ground: 'life_body_property',
  reason: '本人と連絡が取れない',
  noImproperUse: true,
});

const HOSTILE: unknown[] = [
  '',
  ' ',
  'x'.repeat(20_000),
  "' OR '1'='1' --",
  '"; DROP TABLE staff; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  'a\u0000b',
  '\ud800',
  '\u202eevil',
  '𠮷野家🍣',
  '%00%27',
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

interface Case {
  who: string | null;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: () => string;
  body: () => Record<string, unknown>;
}

const CASES: Case[] = [
  {
    who: null,
    method: 'POST',
    url: () => '/api/auth/login',
    body: () => ({ tenantCode: t.w.code, login: 'nobody-in-particular', password: 'x' }),
  },
  {
    who: 'worker1',
    method: 'POST',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'x', newPassword: 'y' }),
  },
  { who: 'worker1', method: 'POST', url: () => '/api/auth/mfa/enrolment/confirm', body: () => ({ code: '123456' }) },
  {
    who: 'admin',
    method: 'POST',
    url: () => '/api/admin/staff',
    body: () => ({
      login: `h${Math.random().toString(36).slice(2, 10)}`,
      displayName: '名前',
      displayNameKana: 'ナマエ',
      organizationId: t.w.council,
      officeId: t.w.councilOffice,
      employmentKind: 'employee',
      roles: ['clerk'],
      confidentialityPledgedOn: '2026-04-01',
    }),
  },
  {
    who: 'admin',
    method: 'PATCH',
    url: () => `/api/admin/staff/${t.w.staff.complaints?.staffId}`,
    body: () => ({ displayName: '名前', officeId: null, employmentEndedOn: '2027-03-31' }),
  },
  {
    who: 'admin',
    method: 'POST',
    url: () => '/api/admin/offices',
    body: () => ({ organizationId: t.w.council, name: '窓口' }),
  },
  {
    who: 'admin',
    method: 'PUT',
    url: () => '/api/admin/settings',
    body: () => ({ mfaRequiredForAll: false, sessionIdleMinutes: 15, sessionAbsoluteHours: 12 }),
  },
  {
    who: 'worker1',
    method: 'POST',
    url: () => '/api/consultees',
    body: () => ({
      familyName: '敵対',
      givenName: '入力',
      familyNameKana: 'テキタイ',
      birthDate: '1980-01-01',
      phone: '03-1234-5678',
      email: 'a@example.jp',
      program: 'self_reliance',
      confirmDuplicate: true,
      consent: sampleConsent('2026-04-01'),
    }),
  },
  {
    who: 'worker1',
    method: 'PUT',
    url: () => `/api/cases/${ids.caseId}/intake`,
    body: () => sampleIntake('2026-04-01'),
  },
  { who: 'worker1', method: 'POST', url: () => `/api/cases/${ids.caseId}/notes`, body: () => sampleNote('2026-06-01') },
  { who: 'worker1', method: 'POST', url: () => `/api/cases/${ids.caseId}/plans`, body: () => samplePlan('2026-06-01') },
  {
    who: 'worker1',
    method: 'POST',
    url: () => `/api/cases/${ids.caseId}/budget/sheets`,
    body: () => sampleBudgetSheet('2026-06'),
  },
  {
    who: 'worker1',
    method: 'POST',
    url: () => `/api/cases/${ids.caseId}/transitions`,
    body: () => ({ transition: 'suspend', note: '連絡が取れない' }),
  },
  {
    who: 'worker1',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/consents`,
    body: () => sampleConsent('2026-05-01'),
  },
  {
    who: 'worker1',
    method: 'PUT',
    url: () => `/api/consultees/${ids.consulteeId}/profile/workplace`,
    body: () => ({ value: '倉庫', source: 'family', sourceDetail: '母', sourceReason: '本人不在' }),
  },
  {
    who: 'worker1',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/household`,
    body: () => ({
      relationship: 'child',
      familyName: '見本',
      birthDate: '2012-01-01',
      cohabiting: true,
      source: 'self',
    }),
  },
  {
    who: 'worker1',
    method: 'PUT',
    url: () => `/api/drafts/case:${ids.caseId}:notes`,
    body: () => ({ payload: { content: '書きかけ' } }),
  },
  // My Number (ACQ-4, PRV-4, RET-3): the clerk is a designated handler; each body carries the current code.
  {
    who: 'clerk',
    method: 'PUT',
    url: () => `/api/consultees/${ids.consulteeId}/my-number`,
    body: () => ({
      myNumber: `27182818459${myNumberCheckDigit('27182818459')}`,
      basis: 'other_law',
      basisNote: '架空の法令第1条',
      acquiredOn: '2026-04-01',
      totpCode: generateSync({ secret: HANDLER_TOTP }),
    }),
  },
  {
    who: 'clerk',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/my-number/reveal`,
    body: () => ({ totpCode: generateSync({ secret: HANDLER_TOTP }) }),
  },
  {
    who: 'clerk',
    method: 'DELETE',
    url: () => `/api/consultees/${ids.consulteeId}/my-number`,
    body: () => ({ reason: '支援の終了', totpCode: generateSync({ secret: HANDLER_TOTP }) }),
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => '/api/purposes/consultation_support/versions',
    body: () => ({
      wording: `相談支援業務を円滑に行うため（${Math.random().toString(36).slice(2, 8)}）`,
      effectiveFrom: tokyoDate(new Date()),
      withinRelatedScope: true,
      changeReason: '文言の明確化',
    }),
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => '/api/agencies',
    body: () => ({
      name: `関係機関${Math.random().toString(36).slice(2, 10)}`,
      kind: 'welfare',
      administrative: false,
      contractor: false,
      address: '架空市見本町1-1',
      representative: '見本 太郎',
      phone: '000-0000-0000',
      note: '備考',
      sortOrder: 10,
    }),
  },
  {
    who: 'ppm',
    method: 'PUT',
    url: () => `/api/agencies/${ids.agencyId}`,
    body: () => ({ name: '課税課', kind: 'administrative', administrative: true, phone: '000-0000-0000' }),
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => `/api/agencies/${ids.agencyId}/retire`,
    body: () => ({ retiredOn: '2099-03-31' }),
  },
  {
    who: 'worker1',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/out-of-purpose`,
    body: outOfPurposeBody,
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/out-of-purpose/${ids.requestId}/opinions`,
    body: () => ({ author: '審議会委員', body: '項目を限ること', givenOn: tokyoDate(new Date()) }),
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/out-of-purpose/${ids.requestId}/counter-opinion`,
    body: () => ({ opinion: '審議会に諮る', councilRequired: true }),
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/out-of-purpose/${ids.requestId}/council-referral`,
    body: () => ({ councilName: '個人情報保護審議会', referredOn: tokyoDate(new Date()) }),
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/out-of-purpose/${ids.requestId}/council-answer`,
    body: () => ({ answer: '認める', answeredOn: tokyoDate(new Date()) }),
  },
  {
    who: 'ppm',
    method: 'POST',
    url: () => `/api/consultees/${ids.consulteeId}/out-of-purpose/${ids.requestId}/decision`,
    body: () => ({
      decision: 'approved',
      decidedInNameOf: '見本市長',
      decidedOn: tokyoDate(new Date()),
      note: '答申を尊重する',
      noImproperUse: true,
    }),
  },
];

const HANDLER_TOTP = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';

/** The clerk handles My Number: designated, with an authenticator. */
beforeAll(async () => {
  const clerk = t.w.staff.clerk;
  if (!clerk) throw new Error('no clerk');
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .updateTable('staff')
      .set({
        myNumberHandler: true,
        totpSecret: t.ctx.secrets.seal(HANDLER_TOTP, aadFor('staff', 'totp_secret', t.w.tenantId, clerk.staffId)),
        totpEnabledAt: new Date(),
      })
      .where('staffId', '=', clerk.staffId)
      .execute(),
  );
  clerk.totpSecret = HANDLER_TOTP;
});

describe('hostile values in every field', () => {
  it('every body field answers 4xx or a faithful 2xx, never 5xx', async () => {
    const clients = new Map<string, Client>();
    for (const c of CASES) {
      if (c.who && !clients.has(c.who)) clients.set(c.who, await signIn(t.app, t.w, c.who, t.tdb));
      const client = c.who ? clients.get(c.who) : null;
      for (const field of Object.keys(c.body())) {
        for (const value of HOSTILE) {
          const payload = { ...c.body(), [field]: value };
          const res = client
            ? await client.request({ method: c.method, url: c.url(), payload })
            : await t.app.inject({ method: c.method, url: c.url(), payload });
          const where = `${c.method} ${c.url()} ${field}=${JSON.stringify(value)?.slice(0, 40)}`;
          expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          const body = res.json();
          if (res.statusCode >= 400) {
            expect(typeof body.message, where).toBe('string');
            expect(body.message, where).toMatch(/[ぁ-んァ-ヶ一-龠]/);
            expect(res.body, where).not.toMatch(/at .*\.ts:\d+|stack|SELECT |INSERT |relation /);
          }
        }
      }
    }
    // The seeded staff are unharmed.
    const admin = clients.get('admin') as Client;
    expect((await admin.get('/api/admin/staff')).statusCode).toBe(200);
  });

  it('hostile path and query values never reach a 5xx', async () => {
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const chief = await signIn(t.app, t.w, 'chief');
    const worker = await signIn(t.app, t.w, 'worker1');
    for (const value of HOSTILE) {
      const raw = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
      const text = raw === '\ud800' ? '%ED%A0%80' : encodeURIComponent(raw);
      for (const [client, url] of [
        [chief, `/api/consultees/${text}`],
        [chief, `/api/consultees/${text}/my-number`],
        [worker, `/api/consultees?q=${text}`],
        [worker, `/api/consultees?birthDate=${text}`],
        [worker, `/api/consultees?phone=${text}`],
        [worker, `/api/cases/${text}`],
        [worker, `/api/cases/${ids.caseId}/print/${text}`],
        [worker, `/api/cases/${ids.caseId}/print/plan?recordId=${text}`],
        [worker, `/api/drafts/${text}`],
        [ppm, `/api/audit/events?staffId=${text}`],
        [ppm, `/api/audit/events?from=${text}`],
        [ppm, `/api/audit/events?action=${text}`],
        [ppm, `/api/audit/events?before=${text}`],
        [ppm, `/api/audit/events?limit=${text}`],
        [ppm, `/api/audit/events?notAssignedOnly=${text}`],
        [worker, `/api/agencies?includeRetired=${text}`],
        [worker, `/api/consultees/${ids.consulteeId}/out-of-purpose/${text}`],
        [ppm, `/api/out-of-purpose?state=${text}`],
      ] as const) {
        const res = await client.get(url);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
    // Addresses the router cannot read, or too long to be an id: a Japanese answer that does not repeat them.
    const unreadable = await worker.get('/api/consultees/%E0%A4%A');
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().message).toBe('アドレスが正しくありません');
    expect(unreadable.body).not.toContain('%E0%A4%A');
    const long = await worker.get(`/api/consultees/${'a'.repeat(300)}`);
    expect([400, 404]).toContain(long.statusCode);
    expect(long.json().message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(long.body).not.toContain('aaaa');
  });

  it('malformed bodies get a Japanese message, not a parser error', async () => {
    const admin = await signIn(t.app, t.w, 'admin', t.tdb);
    for (const [payload, type] of [
      ['{"login":', 'application/json'],
      ['not json at all', 'application/json'],
      ['login=x&password=y', 'application/x-www-form-urlencoded'],
      ['<xml/>', 'text/xml'],
    ] as const) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/admin/staff',
        payload,
        headers: { 'content-type': type },
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
  });
});
