// The tenant's purposes of use and their changes (PUR-1, PUR-2), and its list of
// related agencies (CON-4), through the real app on a real PostgreSQL.

import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, clientFor, sessionCookie, signIn, seedWorld, useTestApp } from '../support/world.js';
import { PURPOSES, PURPOSE_LABELS } from '../../src/server/core/purposes.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { createDemoTenant } from '../../src/server/tenancy/demo.js';
import { OME_RELATED_AGENCIES, seedRelatedAgencies } from '../../src/server/tenancy/related-agencies.js';
import { dayAfter } from '../../src/server/tenancy/sample-forms.js';
import { formatWareki, tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

let ppm: Client;
let worker: Client;
let admin: Client;

const today = () => tokyoDate(new Date());

beforeAll(async () => {
  ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
  worker = await signIn(t.app, t.w, 'worker1');
  admin = await signIn(t.app, t.w, 'admin', t.tdb);
});

interface Version {
  version: number;
  oldWording: string | null;
  wording: string;
  effectiveFrom: string;
  status: string;
  withinRelatedScope: boolean | null;
  changeReason: string | null;
  noticeText: string | null;
  recordedBy: { staffId: string; displayName: string } | null;
}
interface Purpose {
  purposeCode: string;
  kind: string;
  wording: string | null;
  effectiveFrom: string | null;
  version: number | null;
  inForce: boolean;
  history: Version[];
}
interface Agency {
  agencyId: string;
  name: string;
  kind: string;
  administrative: boolean;
  contractor: boolean;
  address: string | null;
  phone: string | null;
  note: string | null;
  sortOrder: number;
  retiredOn: string | null;
  retired: boolean;
}

async function purposes(client: Client = worker): Promise<Purpose[]> {
  const res = await client.get('/api/purposes');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Purpose[];
}
const purpose = async (code: string) => (await purposes()).find((p) => p.purposeCode === code) as Purpose;

async function agencies(client: Client = worker, includeRetired = false): Promise<Agency[]> {
  const res = await client.get(`/api/agencies${includeRetired ? '?includeRetired=true' : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Agency[];
}

async function events(tenantId: string, prefix: string) {
  return asOwnerInTenant(t.tdb.owner, tenantId, (tx) =>
    tx
      .selectFrom('auditEvents')
      .select(['action', 'outcome', 'actorStaffId', 'recordIds', 'details'])
      .where('action', 'like', `${prefix}%`)
      .orderBy('eventId')
      .execute(),
  );
}

const change = (code: string, body: Record<string, unknown>, client: Client = ppm) =>
  client.post(`/api/purposes/${code}/versions`, body);

describe('[PUR-1] the purposes of use', () => {
  it('[PUR-1] the tenant has the three published purposes of S0 and the management ones, each in force', async () => {
    const items = await purposes();
    expect(items.map((p) => p.purposeCode)).toEqual([...PURPOSES]);
    const published = items.filter((p) => p.kind === 'published');
    expect(published.map((p) => p.wording)).toEqual([
      '相談支援業務を円滑に行うため',
      '自治体に対して事業等利用申込を行うため',
      '支援提供、関係機関・者との連絡・調整等、ご相談者の自立支援に資するため',
    ]);
    expect(items.filter((p) => p.kind === 'management').map((p) => p.purposeCode)).toEqual([
      'rights_request_handling',
      'complaint_handling',
      'contract_supervision',
      'access_audit',
    ]);
    for (const p of items) {
      expect(p).toMatchObject({ inForce: true, version: 1, wording: PURPOSE_LABELS[p.purposeCode as never] });
      expect(p.history).toEqual([
        expect.objectContaining({ version: 1, oldWording: null, status: 'current', recordedBy: null }),
      ]);
    }
  });

  it('[PUR-1] a new tenant made by the factory has them from the start', async () => {
    const w2 = await seedWorld(t.tdb, t.ctx);
    const rows = await asOwnerInTenant(t.tdb.owner, w2.tenantId, (tx) =>
      tx.selectFrom('purposeCodes').select(['purposeCode', 'kind']).orderBy('purposeCode').execute(),
    );
    expect(rows.map((r) => r.purposeCode)).toEqual([...PURPOSES].sort());
    const clerk = await signIn(t.app, w2, 'clerk');
    const res = await clerk.get('/api/purposes');
    expect(res.json().items.map((p: Purpose) => p.purposeCode)).toEqual([...PURPOSES]);
  });

  it('[PUR-1] a route whose purpose is not in force is refused, and says why', async () => {
    const w3 = await seedWorld(t.tdb, t.ctx);
    const worker3 = await signIn(t.app, w3, 'worker1');
    expect((await worker3.get(`/api/consultees/${w3.consultees.a}`)).statusCode).toBe(200);
    // As if the tenant's consultation purpose took effect only in the future.
    await asOwnerInTenant(t.tdb.owner, w3.tenantId, (tx) =>
      tx
        .updateTable('purposeVersions')
        .set({ effectiveFrom: '2999-01-01' })
        .where('purposeCode', '=', 'consultation_support')
        .execute(),
    );
    const again = await signIn(t.app, w3, 'worker1');
    const res = await again.get(`/api/consultees/${w3.consultees.a}`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'purpose_not_in_force' });
    expect(res.json().message).toContain('相談支援業務を円滑に行うため');
    const listed = ((await again.get('/api/purposes')).json().items as Purpose[]).find(
      (p) => p.purposeCode === 'consultation_support',
    );
    expect(listed).toMatchObject({ inForce: false, wording: null, version: null });
    expect(listed?.history[0]?.status).toBe('scheduled');
  });
});

describe('[PUR-2] a change of purpose', () => {
  it('[PUR-2] a related change records the old and new wording, the reason and a notice in 和暦, and applies from its date', async () => {
    const old = PURPOSE_LABELS.municipal_application;
    const wording = '自治体に対して事業等利用申込及びその変更の手続を行うため';
    const on = today();
    const res = await change('municipal_application', {
      wording,
      effectiveFrom: on,
      withinRelatedScope: true,
      changeReason: '利用申込の変更手続も当機関が代行することになったため',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 2, effectiveFrom: on });
    expect(body.noticeText).toContain(`旧: ${old}`);
    expect(body.noticeText).toContain(`新: ${wording}`);
    expect(body.noticeText).toContain(`変更日: ${formatWareki(on)}`);
    expect(body.noticeText).toMatch(/変更日: 令和\d+年\d+月\d+日/);
    expect(body.purpose).toMatchObject({ wording, version: 2, effectiveFrom: on });

    const p = await purpose('municipal_application');
    expect(p).toMatchObject({ wording, version: 2, inForce: true });
    expect(p.history.map((v) => v.status)).toEqual(['superseded', 'current']);
    expect(p.history[1]).toMatchObject({
      version: 2,
      oldWording: old,
      wording,
      withinRelatedScope: true,
      changeReason: '利用申込の変更手続も当機関が代行することになったため',
      noticeText: body.noticeText,
      recordedBy: { staffId: t.w.staff.ppm?.staffId, displayName: 'テスト ppm' },
    });
    const recorded = await events(t.w.tenantId, 'purpose.');
    expect(recorded).toEqual([
      expect.objectContaining({
        action: 'purpose.change',
        outcome: 'success',
        actorStaffId: t.w.staff.ppm?.staffId,
        details: expect.objectContaining({ purposeCode: 'municipal_application', version: 2 }),
      }),
    ]);
  });

  it('[PUR-2] a change outside the reasonably related scope is refused (a new purpose needs consent) and changes nothing', async () => {
    const before = await purposes();
    const eventsBefore = (await events(t.w.tenantId, 'purpose.')).length;
    const res = await change('consultation_support', {
      wording: '当機関の事業の広報及び寄付の募集のため',
      effectiveFrom: today(),
      withinRelatedScope: false,
      changeReason: '広報に使いたい',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid', field: 'withinRelatedScope' });
    expect(res.json().message).toMatch(/新たな利用目的/);
    expect(res.json().message).toMatch(/本人の同意/);
    expect(await purposes()).toEqual(before);
    expect((await events(t.w.tenantId, 'purpose.')).length).toBe(eventsBefore);
  });

  it('[PUR-2] a change dated in the future does not replace the wording before its date', async () => {
    const old = PURPOSE_LABELS.support_coordination;
    const wording = '支援提供、関係機関・者との連絡・調整及び支援終了後の見守り等、ご相談者の自立支援に資するため';
    const later = dayAfter(today(), 30);
    const res = await change('support_coordination', {
      wording,
      effectiveFrom: later,
      withinRelatedScope: true,
      changeReason: 'プラン終了後の見守りを明記するため',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().noticeText).toContain(`変更日: ${formatWareki(later)}`);
    let p = await purpose('support_coordination');
    expect(p).toMatchObject({ wording: old, version: 1, inForce: true });
    expect(p.history.map((v) => v.status)).toEqual(['current', 'scheduled']);
    expect(p.history[1]).toMatchObject({ oldWording: old, wording, effectiveFrom: later });

    // The day comes (the stored date moved to today, as if 30 days had passed): it applies.
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx
        .updateTable('purposeVersions')
        .set({ effectiveFrom: today() })
        .where('purposeCode', '=', 'support_coordination')
        .where('version', '=', 2)
        .execute(),
    );
    p = await purpose('support_coordination');
    expect(p).toMatchObject({ wording, version: 2 });
    expect(p.history.map((v) => v.status)).toEqual(['superseded', 'current']);
  });

  it('[PUR-2] refuses an unknown purpose (404), an unchanged wording, a past date and bad input, naming the field', async () => {
    const before = await purposes();
    const good = {
      wording: '相談支援業務を円滑かつ適切に行うため',
      effectiveFrom: today(),
      withinRelatedScope: true,
      changeReason: '文言の明確化',
    };
    const unknown = await change('marketing_campaign', good);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/利用目的は見つかりません/);

    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['consultation_support', { ...good, wording: PURPOSE_LABELS.consultation_support }, 'wording', /変更前と同じ/],
      ['consultation_support', { ...good, wording: `  ${PURPOSE_LABELS.consultation_support} ` }, 'wording', /同じ/],
      ['consultation_support', { ...good, effectiveFrom: dayAfter(today(), -1) }, 'effectiveFrom', /今日以降/],
      ['consultation_support', { ...good, wording: '' }, 'wording', /「変更後の利用目的」を入力/],
      ['consultation_support', { ...good, wording: '　 ' }, 'wording', /「変更後の利用目的」を入力/],
      ['consultation_support', { ...good, wording: 'あ'.repeat(501) }, 'wording', /500文字以内/],
      ['consultation_support', { ...good, effectiveFrom: '2026-02-30' }, 'effectiveFrom', /「変更日」は正しい日付/],
      ['consultation_support', { ...good, effectiveFrom: '令和8年4月1日' }, 'effectiveFrom', /「変更日」/],
      [
        'consultation_support',
        { ...good, withinRelatedScope: 'true' },
        'withinRelatedScope',
        /の形式が正しくありません/,
      ],
      ['consultation_support', { ...good, changeReason: undefined }, 'changeReason', /「変更の理由」を入力/],
      ['consultation_support', { ...good, version: 1 }, 'version', /受け付けられない項目/],
      ['consultation_support', { ...good, noticeText: '勝手なお知らせ' }, 'noticeText', /受け付けられない項目/],
      ['DROP TABLE', good, 'purposeCode', /「利用目的」の形式/],
    ];
    for (const [code, payload, field, message] of cases) {
      const res = await change(encodeURIComponent(code), payload);
      expect({ status: res.statusCode, field: res.json().field }, JSON.stringify(payload)).toEqual({
        status: 400,
        field,
      });
      expect(res.json().message).toMatch(message);
    }
    expect(await purposes()).toEqual(before);
  });
});

describe('[CON-4] the related agencies (関係機関・関係者)', () => {
  it('[CON-4] the demo tenant has the 33 entries of the 別表 of S0, in order, with kinds', async () => {
    const demo = await createDemoTenant(t.tdb.owner, t.tdb.db, 'demo-agencies');
    const soudan = demo.accounts.find((a) => a.login === 'soudan');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { tenantCode: demo.code, login: 'soudan', password: soudan?.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    const client = clientFor(t.app, sessionCookie(res), res.json().csrfToken);
    const list = await agencies(client);
    expect(list.map((a) => a.name)).toEqual([
      '課税課',
      '収納課',
      '市民安全課',
      '住宅課',
      '市民活動推進課',
      '市民課',
      '保険年金課',
      '地域福祉課',
      '生活福祉課',
      '高齢者支援課',
      '介護保険課',
      '障がい者福祉課',
      '健康課',
      '子育て応援課',
      'こども育成課',
      'こども家庭センター',
      '教育総務課',
      '青梅警察署',
      '青梅消防署',
      'ハローワーク青梅',
      '青梅商工会議所',
      '青梅市社会福祉協議会',
      '青梅年金事務所',
      '西多摩保健所',
      '青梅市地域包括支援センター',
      '青梅市地域包括支援センターうめぞの',
      '青梅市地域包括支援センターすえひろ',
      '市内居宅介護事業所',
      '多摩若者サポートステーション',
      '東京都生活再生相談窓口',
      '青梅市障がい者サポートセンター',
      '青梅市障害者就労支援センター',
      'TOKYO チャレンジネット',
    ]);
    const by = (name: string) => list.find((a) => a.name === name);
    expect(list.slice(0, 17).every((a) => a.kind === 'administrative' && a.administrative)).toBe(true);
    expect(by('青梅警察署')).toMatchObject({ kind: 'police_fire', administrative: true });
    expect(by('青梅消防署')).toMatchObject({ kind: 'police_fire', administrative: true });
    expect(by('ハローワーク青梅')).toMatchObject({ kind: 'employment', administrative: true });
    expect(by('青梅年金事務所')).toMatchObject({ administrative: true });
    expect(by('西多摩保健所')).toMatchObject({ administrative: true });
    expect(by('青梅市社会福祉協議会')).toMatchObject({ kind: 'welfare', administrative: false });
    expect(by('青梅市地域包括支援センター')).toMatchObject({ kind: 'welfare', administrative: false });
    expect(by('青梅商工会議所')).toMatchObject({ kind: 'other', administrative: false });
    expect(by('多摩若者サポートステーション')).toMatchObject({ kind: 'employment', administrative: false });
    expect(list.every((a) => !a.contractor && !a.retired)).toBe(true);
  });

  it('[CON-4] seeding is idempotent and the test tenant can be given the list too', async () => {
    const first = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) => seedRelatedAgencies(tx, t.w.tenantId));
    expect(first).toBe(OME_RELATED_AGENCIES.length);
    expect(OME_RELATED_AGENCIES.length).toBe(33);
    const second = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) => seedRelatedAgencies(tx, t.w.tenantId));
    expect(second).toBe(0);
    expect((await agencies()).length).toBe(33);
  });

  it('[CON-4] the privacy protection manager adds, changes and retires an agency; it is never deleted', async () => {
    const created = await ppm.post('/api/agencies', {
      name: '架空市 法テラス相談所',
      kind: 'legal',
      administrative: false,
      address: '架空県架空市見本町1-2-3',
      phone: '000-0000-0000',
      note: '債務整理の相談',
    });
    expect(created.statusCode, created.body).toBe(200);
    const a = created.json() as Agency;
    expect(a).toMatchObject({
      name: '架空市 法テラス相談所',
      kind: 'legal',
      administrative: false,
      contractor: false,
      retiredOn: null,
      retired: false,
    });
    // Put last in the list when no order is given.
    const list = await agencies();
    expect(list.at(-1)?.agencyId).toBe(a.agencyId);

    const changed = await ppm.request({
      method: 'PUT',
      url: `/api/agencies/${a.agencyId}`,
      payload: {
        name: '架空市 法律相談所',
        kind: 'legal',
        administrative: false,
        phone: '000-1111-2222',
        sortOrder: 5,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: '架空市 法律相談所',
      phone: '000-1111-2222',
      address: null,
      note: null,
      sortOrder: 5,
    });
    expect((await agencies())[0]?.agencyId).toBe(a.agencyId);

    // Retired from a future date: still listed until then.
    const future = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
      const other = await tx
        .selectFrom('relatedAgencies')
        .select('agencyId')
        .where('name', '=', '課税課')
        .executeTakeFirstOrThrow();
      return other.agencyId;
    });
    const later = await ppm.post(`/api/agencies/${future}/retire`, { retiredOn: dayAfter(today(), 10) });
    expect(later.json()).toMatchObject({ retired: false, retiredOn: dayAfter(today(), 10) });
    expect((await agencies()).some((x) => x.agencyId === future)).toBe(true);

    const retired = await ppm.post(`/api/agencies/${a.agencyId}/retire`, { retiredOn: today() });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ retired: true, retiredOn: today() });
    expect((await agencies()).some((x) => x.agencyId === a.agencyId)).toBe(false);
    expect((await agencies(worker, true)).find((x) => x.agencyId === a.agencyId)).toMatchObject({ retired: true });
    const twice = await ppm.post(`/api/agencies/${a.agencyId}/retire`, { retiredOn: today() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ field: 'retiredOn' });
    expect(twice.json().message).toMatch(/既に廃止/);

    // The routes offer no deletion.
    const del = await ppm.request({ method: 'DELETE', url: `/api/agencies/${a.agencyId}` });
    expect(del.statusCode).toBe(404);
    expect((await agencies(worker, true)).length).toBe(34);

    const recorded = await events(t.w.tenantId, 'agency.');
    expect(recorded.map((e) => [e.action, e.recordIds])).toEqual([
      ['agency.create', [a.agencyId]],
      ['agency.update', [a.agencyId]],
      ['agency.retire', [future]],
      ['agency.retire', [a.agencyId]],
    ]);
    expect(recorded.every((e) => e.actorStaffId === t.w.staff.ppm?.staffId && e.outcome === 'success')).toBe(true);
    expect(recorded[1]?.details).toMatchObject({ changed: expect.arrayContaining(['name', 'phone', 'sortOrder']) });
    // No values of the agency's fields in the trail, only what changed.
    expect(JSON.stringify(recorded)).not.toContain('法律相談所');
  });

  it('[CON-4] a duplicate name is refused with 409 naming the field; an unknown agency is 404', async () => {
    const dup = await ppm.post('/api/agencies', { name: '青梅警察署', kind: 'police_fire', administrative: true });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict', field: 'name' });
    expect(dup.json().message).toMatch(/同じ名称/);
    const list = await agencies(worker, true);
    const police = list.find((a) => a.name === '青梅警察署') as Agency;
    const fire = list.find((a) => a.name === '青梅消防署') as Agency;
    const rename = await ppm.request({
      method: 'PUT',
      url: `/api/agencies/${fire.agencyId}`,
      payload: { name: police.name, kind: 'police_fire', administrative: true },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().field).toBe('name');
    const ghost = '00000000-0000-4000-8000-000000000000';
    const missing = await ppm.request({
      method: 'PUT',
      url: `/api/agencies/${ghost}`,
      payload: { name: '何か', kind: 'other', administrative: false },
    });
    expect(missing.statusCode).toBe(404);
    expect((await ppm.post(`/api/agencies/${ghost}/retire`, { retiredOn: today() })).statusCode).toBe(404);
    expect(await agencies(worker, true)).toEqual(list);
  });

  it('[CON-4] bad input is refused with the field named in Japanese, and changes nothing', async () => {
    const before = await agencies(worker, true);
    const ok = { name: '新しい機関', kind: 'other', administrative: false };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...ok, name: '' }, 'name', /「名称」を入力/],
      [{ ...ok, name: '   ' }, 'name', /「名称」を入力/],
      [{ ...ok, name: 'あ'.repeat(101) }, 'name', /「名称」は100文字以内/],
      [{ ...ok, kind: 'bank' }, 'kind', /「種類」の値が選択肢にありません/],
      [{ ...ok, administrative: 'yes' }, 'administrative', /「行政機関等」の形式/],
      [{ name: '新しい機関', kind: 'other' }, 'administrative', /「行政機関等」を入力/],
      [{ ...ok, phone: '0120-abc' }, 'phone', /「電話番号」の形式/],
      [{ ...ok, address: 'x'.repeat(201) }, 'address', /「所在地」は200文字以内/],
      [{ ...ok, sortOrder: -1 }, 'sortOrder', /「並び順」は0以上/],
      [{ ...ok, sortOrder: 1.5 }, 'sortOrder', /「並び順」は数値/],
      [{ ...ok, retiredOn: '2026-04-01' }, 'retiredOn', /受け付けられない項目/],
      [{ ...ok, tenantId: t.w.tenantId }, 'tenantId', /受け付けられない項目/],
    ];
    for (const [payload, field, message] of cases) {
      const res = await ppm.post('/api/agencies', payload);
      expect({ status: res.statusCode, field: res.json().field }, JSON.stringify(payload)).toEqual({
        status: 400,
        field,
      });
      expect(res.json().message).toMatch(message);
    }
    const someone = before[0] as Agency;
    for (const [url, payload, field] of [
      [`/api/agencies/${someone.agencyId}/retire`, { retiredOn: '2026-02-30' }, 'retiredOn'],
      [`/api/agencies/${someone.agencyId}/retire`, {}, 'retiredOn'],
      ['/api/agencies/not-a-uuid/retire', { retiredOn: '2026-04-01' }, 'agencyId'],
    ] as const) {
      const res = await ppm.post(url, payload);
      expect({ status: res.statusCode, field: res.json().field }).toEqual({ status: 400, field });
      expect(res.json().message).toMatch(/「(廃止日|関係機関)」/);
    }
    const query = await worker.get('/api/agencies?includeRetired=maybe');
    expect(query.statusCode).toBe(400);
    expect(await agencies(worker, true)).toEqual(before);
  });

  it('hostile text is stored and returned as text', async () => {
    const hostile = `<script>alert(1)</script>'; DROP TABLE related_agencies; --`;
    const res = await ppm.post('/api/agencies', {
      name: hostile,
      kind: 'other',
      administrative: false,
      note: '𠮷野家🍣',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: hostile, note: '𠮷野家🍣' });
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

describe('who may read and change purposes and agencies', () => {
  it('staff who need them read them; the system administrator, who sees no case content, does not', async () => {
    for (const key of ['worker1', 'chief', 'employment', 'budget', 'clerk', 'ppm', 'complaints', 'supervisor']) {
      const client = await signIn(t.app, t.w, key, t.tdb);
      expect((await client.get('/api/purposes')).statusCode, key).toBe(200);
      expect((await client.get('/api/agencies')).statusCode, key).toBe(200);
    }
    expect((await admin.get('/api/purposes')).statusCode).toBe(403);
    expect((await admin.get('/api/agencies')).statusCode).toBe(403);
  });

  it('only the privacy protection manager changes them: everyone else gets 403 and nothing changes', async () => {
    const beforePurposes = await purposes();
    const beforeAgencies = await agencies(worker, true);
    const someone = beforeAgencies[0] as Agency;
    for (const key of ['worker1', 'chief', 'clerk', 'complaints', 'supervisor', 'admin']) {
      const client = await signIn(t.app, t.w, key, t.tdb);
      const attempts = [
        await change(
          'consultation_support',
          {
            wording: '相談支援業務を行うため',
            effectiveFrom: today(),
            withinRelatedScope: true,
            changeReason: '権限のない変更',
          },
          client,
        ),
        await client.post('/api/agencies', { name: '権限なし', kind: 'other', administrative: false }),
        await client.request({
          method: 'PUT',
          url: `/api/agencies/${someone.agencyId}`,
          payload: { name: '権限なし', kind: 'other', administrative: false },
        }),
        await client.post(`/api/agencies/${someone.agencyId}/retire`, { retiredOn: today() }),
      ];
      for (const res of attempts) {
        expect(res.statusCode, `${key}: ${res.body}`).toBe(403);
        expect(res.json().message).toMatch(/権限/);
      }
    }
    expect(await purposes()).toEqual(beforePurposes);
    expect(await agencies(worker, true)).toEqual(beforeAgencies);
  });
});
