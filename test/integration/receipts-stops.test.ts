import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../support/world.js';
import { registerWithConsent } from '../support/casework.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

const receipt = (more: Record<string, unknown> = {}) => ({
  receivedOn: '2026-05-10',
  providerAgencyId: null,
  providerName: 'テスト市福祉事務所',
  providerAddress: '東京都テスト市本町1-1',
  providerRepresentative: 'テスト市長',
  howObtained: '生活保護の相談時に本人から聴き取ったもの',
  items: ['name', 'finance'],
  itemsNote: '収入申告の写し',
  consentId: null,
  consentNote: '本人が同席し、共有に同意',
  confirmed: true,
  ...more,
});

describe('[ACQ-7] receipt from a third party', () => {
  it('records the provider’s name, address and representative, how they obtained the data, the person, the items and consent; kept 3 years', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const consentId = (await worker.get(`/api/consultees/${consulteeId}`)).json().consents[0].consentId as string;
    const res = await worker.post(`/api/consultees/${consulteeId}/receipts`, receipt({ consentId }));
    expect(res.statusCode, res.body).toBe(200);
    const list = (await worker.get(`/api/consultees/${consulteeId}/receipts`)).json().items;
    const today = tokyoDate(new Date());
    const [y, m, d] = today.split('-');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      receivedOn: '2026-05-10',
      providerName: 'テスト市福祉事務所',
      providerAddress: '東京都テスト市本町1-1',
      providerRepresentative: 'テスト市長',
      howObtained: '生活保護の相談時に本人から聴き取ったもの',
      items: ['name', 'finance'],
      consentId,
      recordedByName: 'テスト worker1',
      retainUntil: `${Number(y) + 3}-${m}-${d}`,
    });
  });

  it('without any of the facts to confirm, or without confirming them, nothing is recorded and the field is named', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const cases: [Record<string, unknown>, string][] = [
      [{ providerName: ' ' }, '提供元の氏名又は名称'],
      [{ providerAddress: '' }, '提供元の住所'],
      [{ providerRepresentative: '' }, '提供元の代表者'],
      [{ howObtained: '' }, '提供元による取得の経緯'],
      [{ confirmed: false }, '提供元の確認'],
      [{ items: ['my_number'] }, '受領した項目'],
      [{ receivedOn: '2999-01-01' }, '受領日'],
      [{ consentId: randomUUID() }, '本人の同意'],
    ];
    for (const [change, label] of cases) {
      const res = await worker.post(`/api/consultees/${consulteeId}/receipts`, receipt(change));
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().message, JSON.stringify(change)).toContain(label);
    }
    expect((await worker.get(`/api/consultees/${consulteeId}/receipts`)).json().items).toEqual([]);
  });
});

describe('[PRV-1] stops of provision', () => {
  it('a stop recorded for the person refuses provision until it is lifted, with reasons kept', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const agencyId = randomUUID();
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx
        .insertInto('relatedAgencies')
        .values({
          tenantId: t.w.tenantId,
          agencyId,
          name: `住宅課${agencyId.slice(0, 5)}`,
          kind: 'administrative',
          administrative: true,
        })
        .execute(),
    );
    const provide = () =>
      worker.post(`/api/consultees/${consulteeId}/provisions`, {
        recipientAgencyId: agencyId,
        purpose: 'support_coordination',
        mode: 'third_party',
        items: ['name'],
      });
    const today = tokyoDate(new Date());
    const stop = await worker.post(`/api/consultees/${consulteeId}/stops`, {
      kind: 'provision',
      fromDate: today,
      reason: '本人から第三者提供の停止の申出があったため',
    });
    expect(stop.statusCode, stop.body).toBe(200);
    const refused = await provide();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('停止');

    const early = await worker.post(`/api/consultees/${consulteeId}/stops/${stop.json().id}/lift`, {
      liftedOn: '2000-01-01',
      liftReason: '誤り',
    });
    expect(early.statusCode).toBe(400);
    const lifted = await worker.post(`/api/consultees/${consulteeId}/stops/${stop.json().id}/lift`, {
      liftedOn: today,
      liftReason: '本人から停止の取下げがあったため',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    const twice = await worker.post(`/api/consultees/${consulteeId}/stops/${stop.json().id}/lift`, {
      liftedOn: today,
      liftReason: '重ねて',
    });
    expect(twice.statusCode).toBe(409);
    const stops = (await worker.get(`/api/consultees/${consulteeId}/stops`)).json().items;
    expect(stops[0]).toMatchObject({
      kind: 'provision',
      inForce: false,
      liftReason: '本人から停止の取下げがあったため',
      liftedByName: 'テスト worker1',
    });
    expect((await provide()).statusCode).toBe(200);
  });
});
