// Joint use (共同利用, PRV-2) through the real app on a real PostgreSQL: a declaration
// and its changes as versions; a change of the responsible party's details is to be
// told without delay, a change of the purposes or of the responsible party itself
// beforehand; the items and the users cannot change under the same declaration.

import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, signIn, useTestApp } from '../support/world.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { seedRelatedAgencies } from '../../src/server/tenancy/related-agencies.js';
import { dayAfter } from '../../src/server/tenancy/sample-forms.js';
import { formatWareki, tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

let ppm: Client;
let worker: Client;
let admin: Client;
const agency: Record<string, string> = {};

const today = () => tokyoDate(new Date());

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

interface Version {
  version: number;
  status: string;
  items: string[];
  itemLabels: string[];
  userAgencies: { agencyId: string; name: string }[];
  purposes: string[];
  responsibleAgencyId: string | null;
  responsibleName: string;
  responsibleAddress: string;
  responsibleRepresentative: string;
  changedOn: string;
  effectiveFrom: string;
  changeKinds: { kind: string; label: string; timing: string }[];
  noticeDueOn: string | null;
  noticeOn: string | null;
  noticeStatus: string;
}
interface Declaration {
  declarationId: string;
  title: string;
  state: string;
  endedOn: string | null;
  current: Version;
  scheduled: Version | null;
  history: Version[];
}

const content = () => ({
  items: ['name', 'address', 'household', 'consultation', 'finance'],
  userAgencyIds: [agency['生活福祉課'], agency['ハローワーク青梅'], agency['青梅市地域包括支援センター']],
  usersNote: '支援会議の構成員',
  purposes: ['支援会議において生活困窮者の支援に必要な情報を交換するため'],
  responsibleAgencyId: null,
  responsibleName: '見本市（福祉部 生活支援課）',
  responsibleAddress: '架空県見本市見本町1-1',
  responsibleRepresentative: '見本市長 見本 一郎',
});

async function declare(title: string): Promise<Declaration> {
  const res = await ppm.post('/api/joint-use', {
    title,
    ...content(),
    declaredOn: dayAfter(today(), -60),
    effectiveFrom: dayAfter(today(), -45),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Declaration;
}

const change = (id: string, body: Record<string, unknown>, client: Client = ppm) =>
  client.post(`/api/joint-use/${id}/versions`, {
    ...content(),
    changedOn: today(),
    effectiveFrom: today(),
    ...body,
  });

async function events(action: string) {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .selectFrom('auditEvents')
      .select(['action', 'outcome', 'recordIds', 'details'])
      .where('action', '=', action)
      .orderBy('eventId')
      .execute(),
  );
}

const read = async (id: string) => (await worker.get(`/api/joint-use/${id}`)).json() as Declaration;

describe('[PRV-2] joint-use declarations', () => {
  it('[PRV-2] a declaration announces the items, the joint users, their purposes and the responsible party (name, address, representative)', async () => {
    const d = await declare('支援会議の構成員による共同利用');
    expect(d).toMatchObject({
      title: '支援会議の構成員による共同利用',
      state: 'in_effect',
      current: {
        version: 1,
        status: 'current',
        itemLabels: ['氏名・ふりがな', '住所', '世帯の状況', '相談の内容（主訴）', '収入・資産・債務の状況'],
        userAgencies: [{ name: '生活福祉課' }, { name: 'ハローワーク青梅' }, { name: '青梅市地域包括支援センター' }],
        purposes: ['支援会議において生活困窮者の支援に必要な情報を交換するため'],
        responsibleName: '見本市（福祉部 生活支援課）',
        responsibleAddress: '架空県見本市見本町1-1',
        responsibleRepresentative: '見本市長 見本 一郎',
        noticeStatus: 'not_required',
        changeKinds: [],
      },
    });
    const listed = (await worker.get('/api/joint-use')).json().items as Declaration[];
    expect(listed.map((x) => x.declarationId)).toContain(d.declarationId);
    expect((await events('joint_use.declare')).at(-1)).toMatchObject({
      outcome: 'success',
      recordIds: [d.declarationId],
    });
  });

  it('[PRV-2] a change of the responsible party’s address records a notice due without delay (on the day of the change), then the notice day', async () => {
    const d = await declare('住所変更の確認');
    const res = await change(d.declarationId, {
      responsibleAddress: '架空県見本市見本町2-2（新庁舎）',
      changeNote: '庁舎の移転',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Declaration;
    const v2 = after.history[1] as Version;
    expect(v2).toMatchObject({
      version: 2,
      status: 'current',
      responsibleAddress: '架空県見本市見本町2-2（新庁舎）',
      changeKinds: [{ kind: 'responsible_details', timing: 'without_delay' }],
      noticeDueOn: today(),
      noticeOn: null,
      noticeStatus: 'due',
    });
    expect(after.history[0]).toMatchObject({ status: 'superseded', responsibleAddress: '架空県見本市見本町1-1' });
    const due = (await worker.get('/api/joint-use/notices')).json().items;
    expect(due).toContainEqual(
      expect.objectContaining({ declarationId: d.declarationId, version: 2, noticeDueOn: today(), overdue: false }),
    );

    const noticed = await ppm.request({
      method: 'PATCH',
      url: `/api/joint-use/${d.declarationId}/versions/2`,
      payload: { noticeOn: today() },
    });
    expect(noticed.statusCode, noticed.body).toBe(200);
    expect((noticed.json() as Declaration).history[1]).toMatchObject({ noticeOn: today(), noticeStatus: 'given' });
    expect(
      ((await worker.get('/api/joint-use/notices')).json().items as { declarationId: string }[]).some(
        (n) => n.declarationId === d.declarationId,
      ),
    ).toBe(false);
    const again = await ppm.request({
      method: 'PATCH',
      url: `/api/joint-use/${d.declarationId}/versions/2`,
      payload: { noticeOn: today() },
    });
    expect(again.statusCode).toBe(409);
    expect((await events('joint_use.notice')).at(-1)).toMatchObject({
      outcome: 'success',
      details: expect.objectContaining({ version: 2, late: false }),
    });
  });

  it('[PRV-2] a change of purposes requires a notice before it takes effect: refused when it would apply at once or was told on the day; due the day before otherwise', async () => {
    const d = await declare('利用目的の変更の確認');
    const purposes = [...content().purposes, '支援体制に関する検討を行うため'];
    const before = await read(d.declarationId);

    const atOnce = await change(d.declarationId, { purposes });
    expect(atOnce.statusCode).toBe(400);
    expect(atOnce.json()).toMatchObject({ field: 'effectiveFrom' });
    expect(atOnce.json().message).toMatch(/あらかじめ本人に通知又は公表/);

    const toldOnTheDay = await change(d.declarationId, {
      purposes,
      effectiveFrom: dayAfter(today(), 10),
      noticeOn: dayAfter(today(), 10),
    });
    expect(toldOnTheDay.statusCode).toBe(400);
    expect(toldOnTheDay.json()).toMatchObject({ field: 'noticeOn' });
    expect(toldOnTheDay.json().message).toContain(formatWareki(dayAfter(today(), 10)));
    expect(await read(d.declarationId)).toEqual(before);
    expect((await events('joint_use.change')).filter((e) => e.outcome === 'denied').slice(-2)).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ reason: 'effective_too_soon' }) }),
      expect.objectContaining({ details: expect.objectContaining({ reason: 'notice_not_beforehand' }) }),
    ]);

    // The form checks first, saving nothing.
    const effectiveFrom = dayAfter(today(), 14);
    const checked = await ppm.post(`/api/joint-use/${d.declarationId}/versions/check`, {
      ...content(),
      purposes,
      changedOn: today(),
      effectiveFrom,
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({
      ok: true,
      kinds: [{ kind: 'purposes', label: '利用目的', timing: 'beforehand' }],
      noticeDueOn: dayAfter(effectiveFrom, -1),
    });
    expect(await read(d.declarationId)).toEqual(before);

    const planned = await change(d.declarationId, { purposes, effectiveFrom });
    expect(planned.statusCode, planned.body).toBe(200);
    const after = planned.json() as Declaration;
    // Announced for later: the current purposes stay until the day.
    expect(after.current).toMatchObject({ version: 1, purposes: content().purposes });
    expect(after.scheduled).toMatchObject({
      version: 2,
      status: 'scheduled',
      purposes,
      changeKinds: [{ kind: 'purposes', timing: 'beforehand' }],
      noticeDueOn: dayAfter(effectiveFrom, -1),
      noticeStatus: 'due',
    });
  });

  it('[PRV-2] a change of the responsible party itself must be told beforehand; told a week before, it is accepted with the notice recorded', async () => {
    const d = await declare('責任者の変更の確認');
    const other = {
      responsibleAgencyId: agency['青梅市社会福祉協議会'],
      responsibleName: '社会福祉法人 見本市社会福祉協議会',
      responsibleAddress: '架空県見本市見本町3-3',
      responsibleRepresentative: '会長 見本 次郎',
    };
    const refused = await change(d.declarationId, other);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/「管理について責任を有する者」の変更は、あらかじめ/);

    const told = dayAfter(today(), -7);
    const res = await change(d.declarationId, { ...other, changedOn: told, noticeOn: told, effectiveFrom: today() });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Declaration).current).toMatchObject({
      version: 2,
      responsibleAgencyId: agency['青梅市社会福祉協議会'],
      changeKinds: [{ kind: 'responsible_party', timing: 'beforehand' }],
      noticeOn: told,
      noticeDueOn: dayAfter(today(), -1),
      noticeStatus: 'given',
    });
  });

  it('[PRV-2] the items or the joint users cannot change under the same declaration (a new joint use needs consent); refused, recorded, nothing changed', async () => {
    const d = await declare('項目・利用者の変更の確認');
    const before = await read(d.declarationId);
    const later = dayAfter(today(), 30);
    for (const [body, field, label] of [
      [{ items: [...content().items, 'health'] }, 'items', '共同利用する項目'],
      [{ userAgencyIds: [...content().userAgencyIds, agency['青梅警察署']] }, 'users', '共同して利用する者の範囲'],
      [{ userAgencyIds: content().userAgencyIds.slice(0, 2) }, 'users', '共同して利用する者の範囲'],
      [{ usersNote: '支援会議の構成員及び市内の事業者' }, 'users', '共同して利用する者の範囲'],
      [{ items: ['name'], purposes: ['別の目的'], effectiveFrom: later }, 'items', '共同利用する項目'],
    ] as const) {
      const res = await change(d.declarationId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).toContain(`「${label}」`);
      expect(res.json().message).toMatch(/新たな共同利用として公表し、本人の同意を得てください/);
    }
    expect(await read(d.declarationId)).toEqual(before);
    const denied = (await events('joint_use.change')).filter(
      (e) => e.outcome === 'denied' && e.recordIds.includes(d.declarationId),
    );
    expect(denied).toHaveLength(5);
    expect(denied.every((e) => (e.details as { reason: string }).reason === 'new_declaration_required')).toBe(true);
  });

  it('[PRV-2] shows overdue notices, records a late notice as given late, and refuses a notice dated in the future', async () => {
    const d = await declare('期限切れの通知の確認');
    const changedOn = dayAfter(today(), -5);
    const res = await change(d.declarationId, {
      responsibleRepresentative: '見本市長 見本 三郎',
      changedOn,
      effectiveFrom: changedOn,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Declaration).current).toMatchObject({ noticeDueOn: changedOn, noticeStatus: 'overdue' });
    const due = (await worker.get('/api/joint-use/notices')).json().items;
    expect(due).toContainEqual(expect.objectContaining({ declarationId: d.declarationId, overdue: true }));

    const url = `/api/joint-use/${d.declarationId}/versions/2`;
    const future = await ppm.request({ method: 'PATCH', url, payload: { noticeOn: dayAfter(today(), 1) } });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ field: 'noticeOn' });
    const first = await ppm.request({
      method: 'PATCH',
      url: `/api/joint-use/${d.declarationId}/versions/1`,
      payload: { noticeOn: today() },
    });
    expect(first.statusCode).toBe(409);
    const late = await ppm.request({ method: 'PATCH', url, payload: { noticeOn: today() } });
    expect(late.statusCode, late.body).toBe(200);
    expect((late.json() as Declaration).current).toMatchObject({ noticeOn: today(), noticeStatus: 'given_late' });
    expect((await events('joint_use.notice')).at(-1)).toMatchObject({
      details: expect.objectContaining({ late: true }),
    });
  });

  it('[PRV-2] refuses bad input naming the field; a declaration must start on or after its publication; an ended one cannot change', async () => {
    const d = await declare('入力の確認');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ items: ['my_number'] }, 'items.0', /「共同利用する項目」の値が選択肢にありません/],
      [{ items: [] }, 'items', /「共同利用する項目」は1件以上/],
      [{ userAgencyIds: ['not-a-uuid'] }, 'userAgencyIds.0', /「共同して利用する者」の形式/],
      [{ purposes: [''] }, 'purposes.0', /「利用する者の利用目的」を入力/],
      [{ responsibleName: '' }, 'responsibleName', /「責任を有する者の名称」を入力/],
      [{ effectiveFrom: '2026-13-01' }, 'effectiveFrom', /「変更の適用日」は正しい日付/],
      [{ noticeDueOn: '2099-01-01' }, 'noticeDueOn', /受け付けられない項目/],
    ];
    for (const [body, field, message] of cases) {
      const res = await change(d.declarationId, body);
      expect({ status: res.statusCode, field: res.json().field }, res.body).toEqual({ status: 400, field });
      expect(res.json().message).toMatch(message);
    }
    const early = await ppm.post('/api/joint-use', {
      title: '公表前の開始',
      ...content(),
      declaredOn: today(),
      effectiveFrom: dayAfter(today(), -1),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ field: 'effectiveFrom' });
    const unknownUser = await ppm.post('/api/joint-use', {
      title: '一覧にない利用者',
      ...content(),
      userAgencyIds: ['00000000-0000-4000-8000-000000000000'],
      declaredOn: today(),
      effectiveFrom: today(),
    });
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json()).toMatchObject({ field: 'userAgencyIds.0' });

    const ended = await ppm.post(`/api/joint-use/${d.declarationId}/end`, { endedOn: today() });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ state: 'ended', endedOn: today() });
    const afterEnd = await change(d.declarationId, { responsibleAddress: '架空県見本市見本町9-9' });
    expect(afterEnd.statusCode).toBe(409);
    expect((await ppm.post(`/api/joint-use/${d.declarationId}/end`, { endedOn: today() })).statusCode).toBe(409);
  });

  it('[PRV-2] only the privacy protection manager declares, changes, records notices and ends; others are refused', async () => {
    const d = await declare('権限の確認');
    for (const client of [worker, await signIn(t.app, t.w, 'chief'), await signIn(t.app, t.w, 'supervisor')]) {
      expect(
        (await client.post('/api/joint-use', { title: 'x', ...content(), declaredOn: today(), effectiveFrom: today() }))
          .statusCode,
      ).toBe(403);
      expect((await change(d.declarationId, { responsibleAddress: '別の住所' }, client)).statusCode).toBe(403);
      expect(
        (
          await client.request({
            method: 'PATCH',
            url: `/api/joint-use/${d.declarationId}/versions/1`,
            payload: { noticeOn: today() },
          })
        ).statusCode,
      ).toBe(403);
      expect((await client.post(`/api/joint-use/${d.declarationId}/end`, { endedOn: today() })).statusCode).toBe(403);
      expect((await client.get('/api/joint-use')).statusCode).toBe(200);
    }
    for (const url of ['/api/joint-use', '/api/joint-use/notices', `/api/joint-use/${d.declarationId}`]) {
      expect((await admin.get(url)).statusCode).toBe(403);
    }
    expect((await read(d.declarationId)).history).toHaveLength(1);
  });
});
