// What the agency publishes (DSR-1, PUB-1) through the real app on a real
// PostgreSQL: the privacy protection manager keeps the profile; anyone reads the
// public page without signing in once it is published; an unknown or unpublished
// tenant answers 404; nothing about a consultee or a staff member is shown.

import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, seedWorld, signIn, useTestApp } from '../support/world.js';
import { createDemoTenant } from '../../src/server/tenancy/demo.js';
import { DEMO_PUBLIC_PROFILE } from '../../src/server/tenancy/privacy-register.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { seedRelatedAgencies } from '../../src/server/tenancy/related-agencies.js';
import { dayAfter } from '../../src/server/tenancy/sample-forms.js';
import { tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

let ppm: Client;
let worker: Client;
let admin: Client;
const agency: Record<string, string> = {};
const today = () => tokyoDate(new Date());

const profile = {
  organizationName: '社会福祉法人 見本市社会福祉協議会',
  address: '〒000-0000 架空県見本市見本町1-2-3',
  representative: '会長 見本 一太',
  requestProcedure: '窓口で保有個人情報開示請求書を提出してください。本人確認書類が必要です。',
  fees: '開示請求の手数料は無料。写しの交付は実費（白黒1枚10円）',
  securityMeasures: '職員研修、書類の施錠保管、システムのアクセス制限と操作記録',
  complaintContact: '個人情報相談窓口 電話000-000-0000',
  privacyPolicy: '当会は個人情報を適正に取り扱います。',
  published: true,
};

const anonymous = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/${code}` });
const put = (body: Record<string, unknown>, client: Client = ppm) =>
  client.request({ method: 'PUT', url: '/api/public-profile', payload: body });

beforeAll(async () => {
  ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
  worker = await signIn(t.app, t.w, 'worker1');
  admin = await signIn(t.app, t.w, 'admin', t.tdb);
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    await seedRelatedAgencies(tx, t.w.tenantId);
    for (const a of await tx.selectFrom('relatedAgencies').select(['agencyId', 'name']).execute()) {
      agency[a.name] = a.agencyId;
    }
  });
});

describe('[DSR-1][PUB-1] the published profile and the public page', () => {
  it('[DSR-1][PUB-1] 404 for an unknown tenant and before anything is published; the manager saves and publishes the profile', async () => {
    expect((await anonymous('no-such-tenant')).statusCode).toBe(404);
    const notYet = await anonymous(t.w.code);
    expect(notYet.statusCode).toBe(404);
    expect(notYet.json().message).toBe('公表されている情報は見つかりません');

    const empty = await ppm.get('/api/public-profile');
    expect(empty.json()).toEqual({ profile: null, publicPath: `/public/${t.w.code}` });

    const draft = await put({ ...profile, published: false });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().profile).toMatchObject({ ...profile, published: false });
    // Saved but not published: still nothing to see.
    expect((await anonymous(t.w.code)).statusCode).toBe(404);

    const published = await put(profile);
    expect(published.statusCode, published.body).toBe(200);
    expect((await anonymous(t.w.code)).statusCode).toBe(200);

    const recorded = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['outcome', 'details'])
        .where('action', '=', 'public_profile.update')
        .orderBy('eventId')
        .execute(),
    );
    expect(recorded.map((e) => (e.details as { published: boolean }).published)).toEqual([false, true]);
  });

  it('[DSR-1][PUB-1] anyone, without signing in, sees the name, address, representative, purposes, request procedure and fees, security measures, complaint contact, related agencies, joint uses and published register entries', async () => {
    // The register: one published operation, one not, one abolished within retention, one long gone.
    const start = (body: Record<string, unknown>) =>
      ppm.post('/api/register', {
        effectiveOn: '2015-04-01',
        name: '自立相談支援事業',
        section: 'くらしサポートセンター',
        items: '氏名、住所、相談の内容',
        purposeCodes: ['consultation_support', 'support_coordination'],
        methods: '相談支援',
        sources: '本人',
        recipients: '同意を得て関係機関へ',
        media: '電子（クラウド型システム）及び紙',
        retention: '5年',
        retentionYears: 5,
        published: true,
        ...body,
      });
    expect((await start({ code: '001' })).statusCode).toBe(200);
    expect((await start({ code: '002', name: '内部管理の業務', published: false })).statusCode).toBe(200);
    const abolished = (await start({ code: '003', name: '廃止した貸付あっせん業務' })).json();
    await ppm.post(`/api/register/${abolished.entryId}/abolition`, {
      effectiveOn: dayAfter(today(), -30),
      changeReason: '事業の終了',
    });
    const gone = (await start({ code: '004', name: '昔の業務', retentionYears: 1 })).json();
    await ppm.post(`/api/register/${gone.entryId}/abolition`, { effectiveOn: '2018-03-31', changeReason: '終了' });

    // Joint use: one in effect with an announced change of purposes; one ended.
    const jointUse = {
      items: ['name', 'address', 'consultation'],
      userAgencyIds: [agency['生活福祉課'], agency['ハローワーク青梅']],
      purposes: ['支援会議で情報を交換するため'],
      responsibleAgencyId: null,
      responsibleName: '見本市（生活支援課）',
      responsibleAddress: '架空県見本市見本町1-1',
      responsibleRepresentative: '見本市長 見本 一郎',
    };
    const declared = (
      await ppm.post('/api/joint-use', {
        title: '支援会議の構成員による共同利用',
        ...jointUse,
        declaredOn: '2026-03-15',
        effectiveFrom: '2026-04-01',
      })
    ).json();
    const announced = await ppm.post(`/api/joint-use/${declared.declarationId}/versions`, {
      ...jointUse,
      purposes: [...jointUse.purposes, '支援体制を検討するため'],
      changedOn: today(),
      noticeOn: today(),
      effectiveFrom: dayAfter(today(), 30),
    });
    expect(announced.statusCode, announced.body).toBe(200);
    const ended = (
      await ppm.post('/api/joint-use', {
        title: '終了した共同利用',
        ...jointUse,
        declaredOn: '2025-03-15',
        effectiveFrom: '2025-04-01',
      })
    ).json();
    await ppm.post(`/api/joint-use/${ended.declarationId}/end`, { endedOn: dayAfter(today(), -1) });
    // A retired agency is no longer listed.
    await ppm.post(`/api/agencies/${agency['TOKYO チャレンジネット']}/retire`, { retiredOn: dayAfter(today(), -1) });

    const res = await anonymous(t.w.code);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const page = res.json();
    expect(page).toMatchObject({
      organizationName: '社会福祉法人 見本市社会福祉協議会',
      address: '〒000-0000 架空県見本市見本町1-2-3',
      representative: '会長 見本 一太',
      requestProcedure: profile.requestProcedure,
      fees: '開示請求の手数料は無料。写しの交付は実費（白黒1枚10円）',
      securityMeasures: profile.securityMeasures,
      complaintContact: profile.complaintContact,
      privacyPolicy: profile.privacyPolicy,
      asOf: today(),
    });
    // All purposes in force, with their wording (DSR-1: 全ての保有個人データの利用目的).
    expect(page.purposes.map((p: { wording: string }) => p.wording)).toEqual(
      expect.arrayContaining([
        '相談支援業務を円滑に行うため',
        '自治体に対して事業等利用申込を行うため',
        '支援提供、関係機関・者との連絡・調整等、ご相談者の自立支援に資するため',
        '本人からの開示等の請求に対応するため',
      ]),
    );
    expect(page.purposes).toHaveLength(7);
    const agencies = page.relatedAgencies.map((a: { name: string }) => a.name);
    expect(agencies).toContain('生活福祉課');
    expect(agencies).toContain('ハローワーク青梅');
    expect(agencies).not.toContain('TOKYO チャレンジネット');
    expect(page.relatedAgencies[0]).toEqual({ name: '課税課', kind: '行政機関（市区町村の関係課等）' });

    expect(page.jointUses).toEqual([
      {
        title: '支援会議の構成員による共同利用',
        started: true,
        current: {
          items: ['氏名・ふりがな', '住所', '相談の内容（主訴）'],
          users: ['生活福祉課', 'ハローワーク青梅'],
          usersNote: null,
          purposes: ['支援会議で情報を交換するため'],
          responsibleName: '見本市（生活支援課）',
          responsibleAddress: '架空県見本市見本町1-1',
          responsibleRepresentative: '見本市長 見本 一郎',
          effectiveFrom: '2026-04-01',
        },
        announcedChange: {
          changes: ['利用目的'],
          content: expect.objectContaining({
            purposes: ['支援会議で情報を交換するため', '支援体制を検討するため'],
            effectiveFrom: dayAfter(today(), 30),
          }),
        },
        endedOn: null,
      },
    ]);

    const names = page.register.map((e: { name: string }) => e.name);
    expect(names).toEqual(['自立相談支援事業', '廃止した貸付あっせん業務']);
    expect(page.register[0]).toMatchObject({
      code: '001',
      items: '氏名、住所、相談の内容',
      purposes: [
        '相談支援業務を円滑に行うため',
        '支援提供、関係機関・者との連絡・調整等、ご相談者の自立支援に資するため',
      ],
      media: '電子（クラウド型システム）及び紙',
      retention: '5年',
      startedOn: '2015-04-01',
      abolishedOn: null,
    });
    expect(page.register[1]).toMatchObject({ abolishedOn: dayAfter(today(), -30), keepUntil: expect.any(String) });

    // Nothing about a consultee or a staff member: no names, no ids, no one who recorded anything.
    const body = res.body;
    for (const key of Object.keys(t.w.staff)) {
      expect(body).not.toContain(`テスト ${key}`);
      expect(body).not.toContain(t.w.staff[key]?.staffId);
    }
    for (const id of Object.values(t.w.consultees)) expect(body).not.toContain(id);
    expect(body).not.toMatch(/試験[A-E]/);
    expect(body).not.toMatch(/recordedBy|updatedBy|staffId|consulteeId|agencyId|tenantId/);
    expect(body).not.toContain(t.w.tenantId);
  });

  it('[DSR-1][PUB-1] the demo tenant publishes its profile, register and joint use among the support meeting members', async () => {
    const demo = await createDemoTenant(t.tdb.owner, t.tdb.db, 'demo-public');
    const res = await anonymous(demo.code);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      organizationName: DEMO_PUBLIC_PROFILE.organizationName,
      fees: DEMO_PUBLIC_PROFILE.fees,
    });
    expect(page.fees).toContain('開示請求の手数料は無料');
    expect(page.register.map((e: { name: string }) => e.name)).toEqual(['自立相談支援事業', '家計改善支援事業']);
    expect(page.register.every((e: { media: string }) => e.media === '電子（クラウド型システム）及び紙')).toBe(true);
    expect(page.register[0].lastChangedOn).toBe('2024-04-01');
    expect(page.jointUses).toHaveLength(1);
    expect(page.jointUses[0].title).toContain('支援会議');
    expect(page.jointUses[0].current.users.length).toBeGreaterThanOrEqual(5);
    expect(page.relatedAgencies).toHaveLength(33);
    // The demo's consultees and staff stay out of it.
    expect(res.body).not.toMatch(/架空 太郎|見本 花子|仮名 守|見本 相太/);
  });

  it('[DSR-1] a tenant’s page shows only its own profile; another tenant’s manager cannot change it', async () => {
    const w2 = await seedWorld(t.tdb, t.ctx);
    const ppm2 = await signIn(t.app, w2, 'ppm', t.tdb);
    expect((await anonymous(w2.code)).statusCode).toBe(404);
    expect((await put({ ...profile, organizationName: '別の自治体の社協' }, ppm2)).statusCode).toBe(200);
    expect((await anonymous(w2.code)).json().organizationName).toBe('別の自治体の社協');
    expect((await anonymous(t.w.code)).json().organizationName).toBe('社会福祉法人 見本市社会福祉協議会');
    const jointUses = (await anonymous(w2.code)).json().jointUses;
    expect(jointUses).toEqual([]);
  });

  it('[DSR-1][PUB-1] refuses bad input naming the field and changes nothing; only the manager may change the profile', async () => {
    const before = (await ppm.get('/api/public-profile')).json();
    for (const [body, field, message] of [
      [{ ...profile, organizationName: '' }, 'organizationName', /「事業者の名称」を入力/],
      [{ ...profile, fees: '　' }, 'fees', /「手数料」を入力/],
      [{ ...profile, securityMeasures: 'あ'.repeat(8001) }, 'securityMeasures', /「安全管理措置」は8000文字以内/],
      [{ ...profile, published: 'yes' }, 'published', /「公表する」の形式/],
      [{ ...profile, complaintContact: undefined }, 'complaintContact', /「苦情の申出先」を入力/],
      [{ ...profile, updatedBy: 'x' }, 'updatedBy', /受け付けられない項目/],
    ] as const) {
      const res = await put(body);
      expect({ status: res.statusCode, field: res.json().field }, res.body).toEqual({ status: 400, field });
      expect(res.json().message).toMatch(message);
    }
    for (const client of [worker, await signIn(t.app, t.w, 'chief'), await signIn(t.app, t.w, 'supervisor')]) {
      expect((await put({ ...profile, organizationName: '乗っ取り' }, client)).statusCode).toBe(403);
      expect((await client.get('/api/public-profile')).statusCode).toBe(200);
    }
    expect((await admin.get('/api/public-profile')).statusCode).toBe(403);
    expect((await put(profile, admin)).statusCode).toBe(403);
    expect((await ppm.get('/api/public-profile')).json()).toEqual(before);
    for (const code of ['', 'A', '../etc', 'x'.repeat(40), "' OR 1=1"]) {
      const res = await anonymous(encodeURIComponent(code));
      expect([400, 404]).toContain(res.statusCode);
    }
  });
});
