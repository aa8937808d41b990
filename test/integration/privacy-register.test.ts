// The register of operations handling personal information (個人情報ファイル簿,
// PUR-5) with its history of start, change and abolition, and an abolished entry
// kept in the register until its data's retention ends (RET-4), through the real
// app on a real PostgreSQL; and the register printed as a PDF.

import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, signIn, useTestApp } from '../support/world.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { dayAfter } from '../../src/server/tenancy/sample-forms.js';
import { formatWareki, tokyoDate } from '../../src/shared/wareki.js';

const run = promisify(execFile);
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
  changeKind: string;
  effectiveOn: string;
  status: string;
  name: string;
  section: string;
  items: string;
  purposeCodes: string[];
  purposes: string[];
  methods: string;
  sources: string;
  recipients: string;
  media: string;
  retention: string;
  retentionYears: number;
  keepUntil: string | null;
  changeReason: string | null;
  published: boolean;
  recordedBy: { staffId: string; displayName: string };
}
interface Entry {
  entryId: string;
  code: string;
  state: string;
  listed: boolean;
  startedOn: string;
  abolishedOn: string | null;
  keepUntil: string | null;
  current: Version;
  scheduled: Version[];
  versionCount: number;
  history?: Version[];
}

const operation = (overrides: Record<string, unknown> = {}) => ({
  effectiveOn: '2015-04-01',
  name: '自立相談支援事業',
  section: '見本市くらしサポートセンター',
  items: '氏名、生年月日、住所、電話番号、家族関係、健康状態、就労状況、収入・資産・債務、支援の記録',
  purposeCodes: ['consultation_support', 'support_coordination'],
  purposesNote: '生活困窮者自立支援法に基づく自立相談支援事業のため',
  methods: '相談の受付、アセスメント、プランの策定・評価、関係機関との調整',
  sources: '本人。本人の同意を得て家族及び関係機関から',
  recipients: '本人の同意を得て関係機関・関係者に提供',
  media: '紙',
  retention: '支援の終結から5年',
  retentionYears: 5,
  recordCount: '約300人',
  published: true,
  ...overrides,
});

async function list(query = ''): Promise<{ on: string; items: Entry[] }> {
  const res = await worker.get(`/api/register${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function start(overrides: Record<string, unknown> = {}): Promise<Entry> {
  const res = await ppm.post('/api/register', operation(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Entry;
}

async function events(action: string) {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .selectFrom('auditEvents')
      .select(['action', 'outcome', 'actorStaffId', 'recordIds', 'details'])
      .where('action', '=', action)
      .orderBy('eventId')
      .execute(),
  );
}

describe('[PUR-5] the register of operations', () => {
  it('[PUR-5] an entry’s start, change and abolition are kept as history with items, purposes, methods, sources, recipients, media and retention', async () => {
    const started = await start({ code: 'A-1' });
    expect(started).toMatchObject({
      code: 'A-1',
      state: 'in_use',
      listed: true,
      startedOn: '2015-04-01',
      versionCount: 1,
      current: {
        version: 1,
        changeKind: 'start',
        status: 'current',
        name: '自立相談支援事業',
        media: '紙',
        retention: '支援の終結から5年',
        retentionYears: 5,
        purposeCodes: ['consultation_support', 'support_coordination'],
        purposes: [
          '相談支援業務を円滑に行うため',
          '支援提供、関係機関・者との連絡・調整等、ご相談者の自立支援に資するため',
        ],
        recordedBy: { staffId: t.w.staff.ppm?.staffId, displayName: 'テスト ppm' },
      },
    });
    const id = started.entryId;

    const changed = await ppm.post(`/api/register/${id}/versions`, {
      ...operation({ effectiveOn: '2024-04-01', media: '電子（クラウド型システム）及び紙' }),
      purposeCodes: ['consultation_support', 'municipal_application', 'support_coordination'],
      recipients: '本人の同意を得て関係機関・関係者に提供。架空市へ利用申込みを送付',
      changeReason: 'ケース管理システムの導入と利用申込みの送付のため',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      state: 'in_use',
      versionCount: 2,
      current: { version: 2, changeKind: 'change', media: '電子（クラウド型システム）及び紙' },
    });

    const abolishedOn = dayAfter(today(), -10);
    const abolished = await ppm.post(`/api/register/${id}/abolition`, {
      effectiveOn: abolishedOn,
      changeReason: '事業を他の機関に移管したため',
    });
    expect(abolished.statusCode, abolished.body).toBe(200);
    const detail = (await worker.get(`/api/register/${id}`)).json() as Entry & { history: Version[] };
    expect(detail).toMatchObject({ state: 'abolished', listed: true, abolishedOn, versionCount: 3 });
    expect(detail.history.map((v) => [v.version, v.changeKind, v.effectiveOn, v.status])).toEqual([
      [1, 'start', '2015-04-01', 'superseded'],
      [2, 'change', '2024-04-01', 'superseded'],
      [3, 'abolition', abolishedOn, 'current'],
    ]);
    // Each version keeps what the operation was then.
    expect(detail.history[0]).toMatchObject({
      media: '紙',
      purposeCodes: ['consultation_support', 'support_coordination'],
      items: operation().items,
      methods: operation().methods,
      sources: operation().sources,
      recipients: '本人の同意を得て関係機関・関係者に提供',
      retention: '支援の終結から5年',
      changeReason: null,
    });
    expect(detail.history[1]).toMatchObject({
      media: '電子（クラウド型システム）及び紙',
      purposeCodes: ['consultation_support', 'municipal_application', 'support_coordination'],
      recipients: '本人の同意を得て関係機関・関係者に提供。架空市へ利用申込みを送付',
      changeReason: 'ケース管理システムの導入と利用申込みの送付のため',
    });
    // The abolition keeps the last content and says how long it stays listed.
    expect(detail.history[2]).toMatchObject({
      media: '電子（クラウド型システム）及び紙',
      changeReason: '事業を他の機関に移管したため',
      keepUntil: detail.keepUntil,
    });
    expect(detail.keepUntil?.slice(0, 4)).toBe(String(Number(abolishedOn.slice(0, 4)) + 5));

    // The register's rows only grow: nothing was overwritten.
    const rows = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx
        .selectFrom('registerVersions')
        .select(['version', 'media'])
        .where('entryId', '=', id)
        .orderBy('version')
        .execute(),
    );
    expect(rows.map((r) => r.media)).toEqual([
      '紙',
      '電子（クラウド型システム）及び紙',
      '電子（クラウド型システム）及び紙',
    ]);
    expect((await events('register.start')).at(-1)).toMatchObject({ outcome: 'success', recordIds: [id] });
    expect((await events('register.change')).at(-1)).toMatchObject({
      outcome: 'success',
      details: expect.objectContaining({ version: 2, changed: expect.arrayContaining(['media', 'purposeCodes']) }),
    });
    expect((await events('register.abolish')).at(-1)).toMatchObject({
      outcome: 'success',
      details: expect.objectContaining({ version: 3, keepUntil: detail.keepUntil }),
    });
  });

  it('[PUR-5] an abolished entry cannot be changed or abolished again; the refusal is recorded and nothing changes', async () => {
    const e = await start({ name: '廃止予定の業務' });
    expect(
      (await ppm.post(`/api/register/${e.entryId}/abolition`, { effectiveOn: today(), changeReason: '終了' }))
        .statusCode,
    ).toBe(200);
    const before = (await worker.get(`/api/register/${e.entryId}`)).json();
    const change = await ppm.post(`/api/register/${e.entryId}/versions`, {
      ...operation({ effectiveOn: today(), media: '電子' }),
      changeReason: '媒体の変更',
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().message).toMatch(/廃止されています/);
    expect(change.json().message).toContain(formatWareki(today()));
    const again = await ppm.post(`/api/register/${e.entryId}/abolition`, {
      effectiveOn: today(),
      changeReason: '再度',
    });
    expect(again.statusCode).toBe(409);
    expect((await worker.get(`/api/register/${e.entryId}`)).json()).toEqual(before);
    const refused = (await events('register.change')).filter((x) => x.outcome === 'denied');
    expect(refused.at(-1)).toMatchObject({ recordIds: [e.entryId], details: { reason: 'abolished' } });
  });

  it('[PUR-5] refuses bad input naming the field, a change dated before the last, an unchanged change, unknown purposes and a taken number; nothing changes', async () => {
    const e = await start({ effectiveOn: '2020-04-01' });
    const before = await list('?includeExpired=true');
    const change = (body: Record<string, unknown>) =>
      ppm.post(`/api/register/${e.entryId}/versions`, {
        ...operation({ effectiveOn: '2021-04-01' }),
        changeReason: '変更',
        ...body,
      });
    const cases: [Promise<LightMyRequestResponse>, number, string | undefined, RegExp][] = [
      [change({ effectiveOn: '2019-04-01' }), 400, 'effectiveOn', /「変更日」は前回の届出の日（令和2年4月1日）以降/],
      [change({ effectiveOn: '2020-04-01', changeReason: '同じ' }), 400, undefined, /変更前と内容が同じ/],
      [change({ changeReason: '' }), 400, 'changeReason', /「変更の理由」を入力/],
      [change({ name: '　' }), 400, 'name', /「業務の名称」を入力/],
      [change({ purposeCodes: [] }), 400, 'purposeCodes', /「利用目的」は1件以上/],
      [change({ purposeCodes: ['marketing_campaign'] }), 400, 'purposeCodes.0', /定められた利用目的/],
      [change({ retentionYears: 101 }), 400, 'retentionYears', /「保存年数」は100以下/],
      [change({ retentionYears: '5' }), 400, 'retentionYears', /「保存年数」は数値/],
      [change({ media: 'あ'.repeat(501) }), 400, 'media', /「記録の媒体」は500文字以内/],
      [change({ effectiveOn: '2026-02-30' }), 400, 'effectiveOn', /「変更日」は正しい日付/],
      [change({ keepUntil: '2099-01-01' }), 400, 'keepUntil', /受け付けられない項目/],
      [ppm.post('/api/register', operation({ code: 'A-1' })), 409, 'code', /登録番号「A-1」は既に使われています/],
      [ppm.post('/api/register', { ...operation(), effectiveOn: undefined }), 400, 'effectiveOn', /「開始日」を入力/],
      [
        ppm.post(`/api/register/${e.entryId}/abolition`, { effectiveOn: '2019-01-01', changeReason: '終了' }),
        400,
        'effectiveOn',
        /「廃止日」は前回の届出の日/,
      ],
      [
        ppm.post(`/api/register/00000000-0000-4000-8000-000000000000/versions`, { ...operation(), changeReason: 'x' }),
        404,
        undefined,
        /見つかりません/,
      ],
    ];
    for (const [request, status, field, message] of cases) {
      const res = await request;
      expect({ status: res.statusCode, field: res.json().field }, res.body).toEqual({ status, field });
      expect(res.json().message).toMatch(message);
    }
    expect(await list('?includeExpired=true')).toEqual(before);
  });

  it('[PUR-5] numbers entries when no number is given, and lists a start recorded for a later date as scheduled', async () => {
    const later = dayAfter(today(), 30);
    const e = await start({ name: '来月から始める業務', effectiveOn: later });
    expect(e.code).toMatch(/^\d{3}$/);
    expect(e).toMatchObject({ state: 'scheduled', listed: true, current: { status: 'scheduled' } });
    const next = await start({ name: 'もう一つの業務' });
    expect(Number(next.code)).toBe(Number(e.code) + 1);
  });

  it('[PUR-5] only the privacy protection manager keeps the register; staff with the reference permission read it; others are refused', async () => {
    const e = await start({ name: '権限確認の業務' });
    for (const client of [worker, await signIn(t.app, t.w, 'chief'), await signIn(t.app, t.w, 'supervisor')]) {
      expect((await client.post('/api/register', operation())).statusCode).toBe(403);
      expect(
        (await client.post(`/api/register/${e.entryId}/versions`, { ...operation(), changeReason: 'x' })).statusCode,
      ).toBe(403);
      expect(
        (await client.post(`/api/register/${e.entryId}/abolition`, { effectiveOn: today(), changeReason: 'x' }))
          .statusCode,
      ).toBe(403);
      expect((await client.get('/api/register')).statusCode).toBe(200);
    }
    // The administrator runs accounts and reads no privacy records.
    for (const url of ['/api/register', `/api/register/${e.entryId}`, '/api/register/print']) {
      expect((await admin.get(url)).statusCode).toBe(403);
    }
  });
});

describe('[RET-4] an abolished entry stays in the register until its data’s retention ends', () => {
  it('[RET-4] listed through the last day of retention (abolition day + retention years), then only in the history', async () => {
    const e = await start({ name: '保存期間の確認', effectiveOn: '2010-04-01', retentionYears: 3 });
    const res = await ppm.post(`/api/register/${e.entryId}/abolition`, {
      effectiveOn: '2020-03-31',
      changeReason: '事業の終了',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ abolishedOn: '2020-03-31', keepUntil: '2023-03-31' });

    const on = async (date: string) => (await list(`?on=${date}`)).items.find((x) => x.entryId === e.entryId);
    expect(await on('2020-03-30')).toMatchObject({ state: 'in_use', listed: true, scheduled: [{ version: 2 }] });
    expect(await on('2020-03-31')).toMatchObject({ state: 'abolished', listed: true, keepUntil: '2023-03-31' });
    expect(await on('2023-03-31')).toMatchObject({ state: 'abolished', listed: true });
    expect(await on('2023-04-01')).toBeUndefined();
    // Today it is long past: not in the register, but in its history and readable on its own.
    expect((await list()).items.find((x) => x.entryId === e.entryId)).toBeUndefined();
    expect((await list('?includeExpired=true')).items.find((x) => x.entryId === e.entryId)).toMatchObject({
      state: 'expired',
      listed: false,
    });
    const detail = await worker.get(`/api/register/${e.entryId}`);
    expect(detail.json()).toMatchObject({ state: 'expired', history: [{ version: 1 }, { version: 2 }] });
  });

  it('[RET-4] an entry abolished yesterday with no retention is gone today; one abolished today is still listed', async () => {
    const a = await start({ name: '保存なしの業務（昨日廃止）', retentionYears: 0 });
    const b = await start({ name: '保存なしの業務（本日廃止）', retentionYears: 0 });
    await ppm.post(`/api/register/${a.entryId}/abolition`, {
      effectiveOn: dayAfter(today(), -1),
      changeReason: '終了',
    });
    await ppm.post(`/api/register/${b.entryId}/abolition`, { effectiveOn: today(), changeReason: '終了' });
    const ids = (await list()).items.map((x) => x.entryId);
    expect(ids).not.toContain(a.entryId);
    expect(ids).toContain(b.entryId);
  });
});

describe('[PUR-5] the register printed for public inspection', () => {
  it('[PUR-5] the PDF 「個人情報ファイル簿」 lists the published entries with their contents and history in 和暦; the print is recorded', async () => {
    const published = await start({
      code: 'P-1',
      name: '印刷される家計改善支援事業',
      media: '電子（クラウド型システム）及び紙',
    });
    await ppm.post(`/api/register/${published.entryId}/versions`, {
      ...operation({
        effectiveOn: '2024-04-01',
        name: '印刷される家計改善支援事業',
        media: '電子（クラウド型システム）及び紙',
      }),
      sources: '本人及び債権者',
      changeReason: '収集先の追加',
    });
    await start({ code: 'P-2', name: '公表しない内部の業務', published: false });

    const res = await worker.get('/api/register/print');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = path.resolve('test-results', 'pdf');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'register.pdf');
    await writeFile(file, res.rawPayload);
    expect((await run('pdffonts', [file])).stdout).toMatch(/NotoSansJP/);
    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout.replace(/\s+/g, '');
    expect(text).toContain('個人情報ファイル簿');
    expect(text).toContain(`${formatWareki(today())}現在`);
    expect(text).toContain('印刷される家計改善支援事業');
    expect(text).toContain('登録番号P-1');
    expect(text).toContain('電子（クラウド型システム）及び紙');
    expect(text).toContain('本人及び債権者');
    expect(text).toContain('相談支援業務を円滑に行うため');
    expect(text).toContain('令和6年4月1日');
    expect(text).toContain('収集先の追加');
    expect(text).toContain('個人情報は含みません');
    expect(text).not.toContain('公表しない内部の業務');
    // Abolished and still within retention: printed, saying until when.
    expect(text).toContain('事業を他の機関に移管したため');

    const all = await worker.get('/api/register/print?includeUnpublished=true');
    await writeFile(path.join(dir, 'register-all.pdf'), all.rawPayload);
    const allText = (await run('pdftotext', [path.join(dir, 'register-all.pdf'), '-'])).stdout.replace(/\s+/g, '');
    expect(allText).toContain('公表しない内部の業務');

    const printed = await events('register.print');
    expect(printed.at(-2)).toMatchObject({
      outcome: 'success',
      actorStaffId: t.w.staff.worker1?.staffId,
      details: expect.objectContaining({ includeUnpublished: false }),
    });
  });
});
