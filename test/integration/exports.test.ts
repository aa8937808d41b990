import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp, type Client } from '../support/world.js';
import { registerWithConsent } from '../support/casework.js';
import { pdfText } from '../support/pdf.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

async function housingAgency(): Promise<string> {
  const agencyId = randomUUID();
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .insertInto('relatedAgencies')
      .values({
        tenantId: t.w.tenantId,
        agencyId,
        name: `住宅課${agencyId.slice(0, 6)}`,
        kind: 'administrative',
        administrative: true,
        address: '東京都テスト市本町1-1',
      })
      .execute(),
  );
  return agencyId;
}

const exportRows = () =>
  asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx.selectFrom('exports').selectAll().orderBy('requestedAt', 'desc').execute(),
  );

async function provided(worker: Client, items: string[]) {
  const { consulteeId } = await registerWithConsent(worker);
  const res = await worker.post(`/api/consultees/${consulteeId}/provisions`, {
    recipientAgencyId: await housingAgency(),
    purpose: 'support_coordination',
    mode: 'third_party',
    items,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { consulteeId, provisionId: res.json().provisionId as string };
}

describe('[PRV-7] export control', () => {
  it('a list of more than one person needs a second person’s approval; the file is made once, names the exporter and the date, and holds only the chosen items', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const ids = [t.w.consultees.a, t.w.consultees.b];
    const asked = await worker.post('/api/exports/consultee-list', {
      items: ['name', 'phone'],
      consulteeIds: ids,
      reason: '支援調整会議の資料として持参するため',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'awaiting_approval', personCount: 2 });
    const exportId = asked.json().exportId as string;

    // Not before approval; not by the requester; not by someone without the permission.
    expect((await worker.get(`/api/exports/${exportId}/file`)).statusCode).toBe(409);
    expect((await worker.post(`/api/exports/${exportId}/decision`, { approve: true })).statusCode).toBe(403);
    const chief = await signIn(t.app, t.w, 'chief');
    const noNote = await chief.post(`/api/exports/${exportId}/decision`, { approve: false });
    expect(noNote.json()).toMatchObject({ field: 'note' });
    const waiting = (await chief.get('/api/exports')).json();
    expect(waiting.canApprove).toBe(true);
    const row = (waiting.awaiting as { exportId: string; personCount: number; reason: string }[]).find(
      (e) => e.exportId === exportId,
    );
    expect(row).toMatchObject({ personCount: 2, reason: '支援調整会議の資料として持参するため' });
    expect(JSON.stringify(waiting)).not.toContain('見本'); // the approver sees no one's data
    const approved = await chief.post(`/api/exports/${exportId}/decision`, {
      approve: true,
      note: '会議資料として必要',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    // Someone else cannot take the approved file.
    expect((await chief.get(`/api/exports/${exportId}/file`)).statusCode).toBe(404);

    const file = await worker.get(`/api/exports/${exportId}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = file.rawPayload.subarray(3).toString('utf8');
    expect(text).toContain('出力者,テスト worker1');
    expect(text).toMatch(/出力日時,令和\d+年/);
    expect(text).toContain('氏名・ふりがな,電話番号');
    expect(text).not.toContain('住所');
    const disposition = decodeURIComponent(String(file.headers['content-disposition']));
    expect(disposition).toContain('テストworker1');

    const again = await worker.get(`/api/exports/${exportId}/file`);
    expect(again.statusCode).toBe(409);
    const [logged] = (await exportRows()).filter((e) => e.exportId === exportId);
    expect(logged).toMatchObject({
      status: 'done',
      kind: 'consultee_list',
      items: ['name', 'phone'],
      requestedBy: t.w.staff.worker1!.staffId,
      approvedBy: t.w.staff.chief!.staffId,
      byteCount: file.rawPayload.length,
    });
    expect(logged?.consulteeIds.sort()).toEqual([...ids].sort());
    expect(logged?.fileSha256?.length).toBe(32);
  });

  it('no one approves their own list; a refusal needs a reason and leaves nothing to download', async () => {
    const chief = await signIn(t.app, t.w, 'chief');
    const ids = [t.w.consultees.a, t.w.consultees.c];
    const asked = await chief.post('/api/exports/consultee-list', {
      items: ['name'],
      consulteeIds: ids,
      reason: '確認のため',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const exportId = asked.json().exportId as string;
    const own = await chief.post(`/api/exports/${exportId}/decision`, { approve: true });
    expect(own.statusCode).toBe(409);
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const refused = await ppm.post(`/api/exports/${exportId}/decision`, { approve: false, note: '目的が不明確' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect((await chief.get(`/api/exports/${exportId}/file`)).statusCode).toBe(409);
  });

  it('a list of one person is made without a second approval; My Number is never exported; a person out of reach is refused', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const one = await worker.post('/api/exports/consultee-list', {
      items: ['name', 'address'],
      consulteeIds: [t.w.consultees.a],
      reason: '訪問のため',
    });
    expect(one.json()).toMatchObject({ status: 'approved', personCount: 1 });
    expect((await worker.get(`/api/exports/${one.json().exportId}/file`)).statusCode).toBe(200);

    const myNumber = await worker.post('/api/exports/consultee-list', {
      items: ['name', 'my_number'],
      consulteeIds: [t.w.consultees.a],
      reason: '確認',
    });
    expect(myNumber.statusCode).toBe(400);
    expect(myNumber.json()).toMatchObject({ field: 'items' });

    const before = (await exportRows()).length;
    const other = await worker.post('/api/exports/consultee-list', {
      items: ['name'],
      consulteeIds: [t.w.consultees.a, t.w.consultees.c],
      reason: '確認',
    });
    expect(other.statusCode).toBe(404);
    expect((await exportRows()).length).toBe(before);
  });

  it('[PRV-3] the items sent are produced as a PDF and a CSV holding only the chosen items; each is logged as an export', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId, provisionId } = await provided(worker, ['name', 'health']);
    const url = `/api/consultees/${consulteeId}/provisions/${provisionId}/document`;
    const pdf = await pdfText(worker, url, 'provision-document');
    expect(pdf).toContain('個人情報の提供について');
    expect(pdf).toContain('見本');
    expect(pdf).toContain('健康状態・障害等');
    expect(pdf).not.toContain('電話番号');
    expect(pdf).not.toContain('生年月日');
    expect(pdf).toContain('本人の同意');
    expect(pdf).toContain('テストworker1');

    const csv = await worker.get(`${url}?format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    const text = csv.rawPayload.subarray(3).toString('utf8');
    expect(text).toContain('出力者,テスト worker1');
    expect(text).toContain('氏名・ふりがな');
    expect(text).not.toContain('住所');

    const logged = (await exportRows()).filter((e) => e.consulteeIds.includes(consulteeId));
    expect(logged.map((e) => e.kind).sort()).toEqual(['provision_csv', 'provision_pdf']);
    expect(logged.every((e) => e.items.join() === 'name,health' && e.status === 'done')).toBe(true);

    // A colleague who may read the person but not export their record gets nothing (and the reader of
    // another organization does not learn the record exists).
    for (const key of ['worker2', 'supervisor']) {
      const other = await signIn(t.app, t.w, key);
      expect((await other.get(url)).statusCode, key).toBe(404);
    }
  });

  it('prints of a form are logged in the export log with the person', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const res = await worker.get(`/api/consultees/${consulteeId}/print/consent-form`);
    expect(res.statusCode).toBe(200);
    const [logged] = (await exportRows()).filter((e) => e.consulteeIds.includes(consulteeId));
    expect(logged).toMatchObject({
      kind: 'consent_form',
      format: 'pdf',
      status: 'done',
      requestedBy: t.w.staff.worker1!.staffId,
    });
    expect(tokyoDate(logged!.exportedAt!)).toBe(tokyoDate(new Date()));
  });
});
