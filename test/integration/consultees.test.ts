import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, useTestApp, type Client } from '../support/world.js';
import { registerWithConsent } from '../support/casework.js';
import { sampleConsent, sampleNote } from '../../src/server/tenancy/sample-forms.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { inTenant } from '../../src/server/db/database.js';

const t = useTestApp();

const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

async function count(table: 'consultees' | 'cases' | 'consents'): Promise<number> {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    const row = await tx
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  });
}

async function detail(client: Client, consulteeId: string) {
  const res = await client.get(`/api/consultees/${consulteeId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('[BIZ-6] finding a person however the name was typed', () => {
  it('finds 山田 太郎 by kanji, hiragana, katakana, half-width kana, a small misspelling, 和暦 birth date and phone digits', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker, {
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      birthDate: '1980-01-01',
      phoneMobile: '090-1234-5678',
    });
    const found = async (query: string) => {
      const res = await worker.get(`/api/consultees?${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
      return (res.json().items as { consulteeId: string }[]).map((i) => i.consulteeId);
    };
    for (const q of [
      '山田 太郎',
      '山田太郎',
      '山田',
      'ﾔﾏﾀﾞ ﾀﾛｳ',
      'やまだたろう',
      'ヤマダタロウ',
      'ヤマダ　タロウ',
      'ヤマダタロ',
      'ヤマダ タロオ',
      'やまだ',
    ]) {
      expect(await found(`q=${encodeURIComponent(q)}`), q).toContain(consulteeId);
    }
    for (const b of ['昭和55年1月1日', 'S55.1.1', '1980-01-01', '1980/1/1']) {
      expect(await found(`birthDate=${encodeURIComponent(b)}`), b).toContain(consulteeId);
    }
    expect(await found('phone=5678')).toContain(consulteeId);
    expect(await found(`q=${encodeURIComponent('ヤマダ')}&birthDate=1990-01-01`)).not.toContain(consulteeId);
    const item = (await worker.get(`/api/consultees?q=${encodeURIComponent('ﾔﾏﾀﾞ')}`)).json().items[0];
    expect(item).toMatchObject({
      familyName: '山田',
      birthDate: '1980-01-01',
      cases: [expect.objectContaining({ status: 'intake' })],
    });

    const colleague = await signIn(t.app, t.w, 'worker2');
    expect((await colleague.get(`/api/consultees?q=${encodeURIComponent('山田太郎')}`)).json().items).toEqual([]);
    const bad = await worker.get(`/api/consultees?birthDate=${encodeURIComponent('平成99年13月1日')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('birthDate');
    expect((await worker.get('/api/consultees?phone=12')).json().field).toBe('phone');
  });

  it('a likely duplicate at the office must be confirmed before it is registered', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const person = {
      familyName: '重複',
      givenName: '確認',
      familyNameKana: 'チョウフク',
      givenNameKana: 'カクニン',
      birthDate: '1970-07-07',
    };
    await registerWithConsent(worker, person);
    const before = await count('consultees');
    const again = await worker.post('/api/consultees', { ...person, program: 'self_reliance' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'possible_duplicate', field: 'confirmDuplicate' });
    // The answer says that one exists, not who: no id to open it by.
    expect(again.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await count('consultees')).toBe(before);
    const confirmed = await worker.post('/api/consultees', {
      ...person,
      program: 'self_reliance',
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(200);
  });

  it('registration is one command: a consent that cannot be recorded leaves no consultee and no case behind', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const before = [await count('consultees'), await count('cases'), await count('consents')];
    const res = await worker.post('/api/consultees', {
      familyName: '途中',
      program: 'self_reliance',
      consent: { ...sampleConsent('2026-04-01'), explanation: ' ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'explanation', message: expect.stringContaining('説明した内容') });
    expect([await count('consultees'), await count('cases'), await count('consents')]).toEqual(before);
    const written = await worker.post('/api/consultees', {
      familyName: '途中',
      program: 'self_reliance',
      consent: { ...sampleConsent('2026-04-01'), method: 'written' },
    });
    expect(written.json()).toMatchObject({ field: 'documentId' });
    expect(await count('consultees')).toBe(before[0]);
  });
});

describe('[BIZ-6][SEC-1] the consultee’s record: household, profile, history', () => {
  it('household members are added, changed and removed, each change kept in the history', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const member = {
      relationship: 'child',
      familyName: '見本',
      givenName: '次郎',
      birthDate: '2012-05-05',
      cohabiting: true,
      source: 'self',
    };
    const added = await worker.post(`/api/consultees/${consulteeId}/household`, member);
    expect(added.statusCode, added.body).toBe(200);
    const memberId = added.json().id as string;
    const changed = await worker.request({
      method: 'PUT',
      url: `/api/consultees/${consulteeId}/household/${memberId}`,
      payload: { ...member, occupation: '中学生' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await detail(worker, consulteeId)).household).toEqual([
      expect.objectContaining({ memberId, occupation: '中学生' }),
    ]);
    expect((await worker.post(`/api/consultees/${consulteeId}/household/${memberId}/remove`)).statusCode).toBe(200);
    expect((await detail(worker, consulteeId)).household).toEqual([]);
    const history = (await worker.get(`/api/consultees/${consulteeId}/history`)).json().items as {
      recordTable: string;
      changes: Record<string, { from: unknown; to: unknown }>;
    }[];
    const memberChanges = history.filter((h) => h.recordTable === 'household_members');
    expect(memberChanges.length).toBe(3);
    expect(memberChanges.some((h) => h.changes.occupation?.to === '中学生')).toBe(true);
    const wrong = await worker.post(`/api/consultees/${consulteeId}/household`, { ...member, relationship: 'pet' });
    expect(wrong.json()).toMatchObject({ field: 'relationship' });
  });

  it('[ACQ-1] an item learned from someone else records from whom and why', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/profile/workplace`;
    const noDetail = await worker.request({ method: 'PUT', url, payload: { value: '倉庫作業', source: 'family' } });
    expect(noDetail.json()).toMatchObject({ field: 'sourceDetail' });
    const noReason = await worker.request({
      method: 'PUT',
      url,
      payload: { value: '倉庫作業', source: 'family', sourceDetail: '母' },
    });
    expect(noReason.json()).toMatchObject({ field: 'sourceReason' });
    const ok = await worker.request({
      method: 'PUT',
      url,
      payload: {
        value: '倉庫作業',
        source: 'family',
        sourceDetail: '母',
        sourceReason: '本人が来所できず、母が代わりに説明したため',
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const item = (await detail(worker, consulteeId)).profile.find(
      (p: { itemKey: string }) => p.itemKey === 'workplace',
    );
    expect(item).toMatchObject({ value: '倉庫作業', source: 'family', sourceDetail: '母' });
    const choice = await worker.request({
      method: 'PUT',
      url: `/api/consultees/${consulteeId}/profile/housing`,
      payload: { value: 'castle', source: 'self' },
    });
    expect(choice.json()).toMatchObject({ field: 'value' });
    expect(
      (
        await worker.request({
          method: 'PUT',
          url: `/api/consultees/${consulteeId}/profile/shoe_size`,
          payload: { value: '26', source: 'self' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('[ACQ-2] a special-care item without consent needs a ground and its reason', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker, { consent: undefined });
    const url = `/api/consultees/${consulteeId}/profile/illness`;
    const refused = await worker.request({ method: 'PUT', url, payload: { value: '糖尿病', source: 'self' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'acquisition_refused', field: 'acquisitionGround' });
    const grounded = await worker.request({
      method: 'PUT',
      url,
      payload: {
        value: '糖尿病',
        source: 'agency',
        sourceDetail: '架空病院',
        sourceReason: '救急搬送時に病院から連絡があった',
        acquisitionGround: 'life_body_property',
        groundReason: '意識がなく本人の同意を得られなかったため',
      },
    });
    expect(grounded.statusCode, grounded.body).toBe(200);
    const item = (await detail(worker, consulteeId)).profile.find((p: { itemKey: string }) => p.itemKey === 'illness');
    expect(item).toMatchObject({ acquisitionGround: 'life_body_property', consentId: null, dataClass: 'special_care' });
  });

  it('[ACQ-3] the council records a restricted item only after the municipality’s approval, which only the chief records', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const chief = await signIn(t.app, t.w, 'chief');
    const { consulteeId } = await registerWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/profile/criminal_record`;
    const payload = { value: '窃盗で執行猶予中', source: 'self' };
    const refused = await worker.request({ method: 'PUT', url, payload });
    expect(refused.json()).toMatchObject({ code: 'acquisition_refused', field: 'itemKey' });
    const approval = {
      categories: ['crime'],
      approverName: '見本 監',
      approverTitle: '生活支援課長',
      approvedOn: '2026-04-10',
      documentNumber: '架生支第45号',
      reason: '更生保護施設との調整のため',
    };
    expect((await worker.post(`/api/consultees/${consulteeId}/approvals`, approval)).statusCode).toBe(403);
    const approved = await chief.post(`/api/consultees/${consulteeId}/approvals`, approval);
    expect(approved.statusCode, approved.body).toBe(200);
    const ok = await worker.request({ method: 'PUT', url, payload });
    expect(ok.statusCode, ok.body).toBe(200);
    const record = await detail(worker, consulteeId);
    expect(record.profile.find((p: { itemKey: string }) => p.itemKey === 'criminal_record')).toMatchObject({
      approvalId: approved.json().id,
    });
    expect(record.approvals[0]).toMatchObject({ categories: ['crime'], approverName: '見本 監' });
  });
});

describe('[CON-1][CON-5][ACQ-6] consents', () => {
  it('a written consent rests on the scanned form, checked to be what it says it is', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker, { consent: undefined });
    const fake = await worker.post(`/api/consultees/${consulteeId}/documents`, {
      fileName: '同意書.pdf',
      mediaType: 'application/pdf',
      contentBase64: TINY_PNG,
    });
    expect(fake.json()).toMatchObject({ field: 'contentBase64' });
    const uploaded = await worker.post(`/api/consultees/${consulteeId}/documents`, {
      fileName: '同意書.pdf',
      mediaType: 'application/pdf',
      contentBase64: TINY_PDF,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const consent = await worker.post(`/api/consultees/${consulteeId}/consents`, {
      ...sampleConsent('2026-04-01'),
      method: 'written',
      explanation: null,
      documentId: uploaded.json().id,
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const file = await worker.get(`/api/consultees/${consulteeId}/documents/${uploaded.json().id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('同意書.pdf'));
    expect(file.rawPayload.toString('base64')).toBe(TINY_PDF);
    const other = await registerWithConsent(worker, { consent: undefined });
    const borrowed = await worker.post(`/api/consultees/${other.consulteeId}/consents`, {
      ...sampleConsent('2026-04-01'),
      method: 'written',
      documentId: uploaded.json().id,
    });
    expect(borrowed.json()).toMatchObject({ field: 'documentId' });
    const representative = await worker.post(`/api/consultees/${other.consulteeId}/consents`, {
      ...sampleConsent('2026-04-01'),
      givenBy: 'representative',
      representativeName: '見本 花子',
    });
    expect(representative.json()).toMatchObject({ field: 'representativeName' });
  });

  it('[CON-5] a consent is replaced, never edited; once withdrawn nothing new may rest on it, and what was recorded stays', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId, caseId } = await registerWithConsent(worker);
    const first = (await detail(worker, consulteeId)).consents[0].consentId as string;
    const special = { ...sampleNote('2026-05-01', '通院を始めた。'), sensitivity: 'special_care' };
    expect((await worker.post(`/api/cases/${caseId}/notes`, special)).statusCode).toBe(200);

    const replaced = await worker.post(`/api/consultees/${consulteeId}/consents`, {
      ...sampleConsent('2026-05-10'),
      agencyKinds: ['administrative', 'employment', 'medical'],
      supersedes: first,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const again = await worker.post(`/api/consultees/${consulteeId}/consents`, {
      ...sampleConsent('2026-05-11'),
      supersedes: first,
    });
    expect(again.statusCode).toBe(409);
    const consents = (await detail(worker, consulteeId)).consents as {
      consentId: string;
      supersededBy: string | null;
    }[];
    expect(consents.find((c) => c.consentId === first)?.supersededBy).toBe(replaced.json().id);

    const withdrawn = await worker.post(`/api/consultees/${consulteeId}/consents/${replaced.json().id}/withdraw`, {
      withdrawnOn: '2026-05-20',
      reason: '本人の申出',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(
      (
        await worker.post(`/api/consultees/${consulteeId}/consents/${replaced.json().id}/withdraw`, {
          withdrawnOn: '2026-05-21',
        })
      ).statusCode,
    ).toBe(409);
    const after = await worker.post(`/api/cases/${caseId}/notes`, { ...special, contactOn: '2026-05-25' });
    expect(after.json()).toMatchObject({ code: 'acquisition_refused' });
    const notes = (await worker.get(`/api/cases/${caseId}`)).json().notes as { content: string }[];
    expect(notes.map((n) => n.content)).toContain('通院を始めた。');

    // The database itself refuses to edit a consent: only withdrawal and supersession columns may change.
    await expect(
      inTenant(
        t.tdb.db,
        { tenantId: t.w.tenantId, organizationIds: [t.w.council], staffId: t.w.staff.worker1!.staffId },
        (tx) =>
          sql`UPDATE consents SET purposes = '{consultation_support}' WHERE consent_id = ${first}::uuid`.execute(tx),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('another case and the record of a consultee in reach', () => {
  it('[SEC-4] a colleague not assigned gets 404 for the consultee and every part of the record', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const colleague = await signIn(t.app, t.w, 'worker2');
    for (const url of ['', '/history', '/print/consent-form']) {
      const res = await colleague.get(`/api/consultees/${consulteeId}${url}`);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('見本');
    }
  });
});
