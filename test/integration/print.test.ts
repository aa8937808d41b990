import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../support/world.js';
import { pdfText } from '../support/pdf.js';
import { applyAll, caseAt, registerWithConsent } from '../support/casework.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';

const t = useTestApp();

describe('[BIZ-5] the national forms print as PDFs with Japanese text', () => {
  it('[ACQ-5] prints every form of a case, with 和暦 dates, the intake saying when the purposes and rules were explained; each print recorded', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'closed');
    const base = `/api/cases/${caseId}/print`;
    const intake = await pdfText(worker, `${base}/intake`, 'intake');
    expect(intake).toContain('相談受付・申込票');
    expect(intake).toContain('令和8年4月1日');
    expect(intake).toMatch(/◎収入・生活費のこと/);
    expect(intake).toContain('個人情報に関する管理・取扱規程');
    expect(intake).toContain('テスト市社会福祉協議会');
    expect(intake).toContain('規程を説明した日令和8年4月1日（2026年4月版）');
    const plan = await pdfText(worker, `${base}/plan`, 'plan');
    expect(plan).toContain('プラン兼事業等利用申込書');
    expect(plan).toContain('住まいを失わない');
    expect(plan).toMatch(/■住居確保給付金/);
    for (const form of ['assessment', 'meeting', 'evaluation', 'closure', 'notes']) {
      const text = await pdfText(worker, `${base}/${form}`, form);
      expect(text, form).toContain('見本');
      expect(text, form).toContain('個人情報を含みます');
    }
    const events = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.selectFrom('exports').select(['kind', 'fileName', 'status', 'consulteeIds']).execute(),
    );
    expect(events.map((e) => e.kind).sort()).toEqual(
      ['assessment', 'closure', 'evaluation', 'intake', 'meeting', 'notes', 'plan'].map((f) => `case_${f}`).sort(),
    );
    expect(events.every((e) => e.status === 'done' && e.consulteeIds.length === 1 && e.fileName)).toBe(true);
  });

  it('[BIZ-3][CON-2] prints the household budget with computed totals, and the consent form for signature with special-care consent asked separately', async () => {
    const worker = await signIn(t.app, t.w, 'budget');
    const { caseId, consulteeId } = await registerWithConsent(worker, { program: 'household_budget' });
    const sheet = await worker.post(`/api/cases/${caseId}/budget/sheets`, {
      kind: 'at_consultation',
      month: '2026-04',
      lines: [
        { direction: 'income', category: 'wages', label: 'パート', amount: 120000 },
        { direction: 'expense', category: 'housing', label: '家賃', amount: 55000 },
        { direction: 'expense', category: 'food', label: '', amount: 40000 },
      ],
    });
    await applyAll(worker, caseId, [
      {
        form: 'budget/cash-flows',
        method: 'POST',
        body: { startMonth: '2026-04', openingBalance: 10000, baseSheetId: sheet.json().id, events: [] },
      },
    ]);
    const budget = await pdfText(worker, `/api/cases/${caseId}/print/budget`, 'budget');
    expect(budget).toContain('相談時家計表');
    expect(budget).toContain('25,000円');
    expect(budget).toContain('令和9年3月');
    const consent = await pdfText(worker, `/api/consultees/${consulteeId}/print/consent-form`, 'consent-form');
    expect(consent).toContain('個人情報の取扱いに関する同意書');
    expect(consent).toContain('いつでも撤回できます');
    expect(consent).toContain('3．要配慮個人情報');
    expect(consent).toContain('見本');
  });

  it('a clerk’s print leaves out what a clerk may not see; someone else’s case is 404; nothing to print is 404', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'plan_draft');
    await worker.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/assessment`,
      payload: {
        assessedOn: '2026-04-08',
        issueTraits: ['illness'],
        healthSituation: '糖尿病で通院している',
      },
    });
    const clerk = await signIn(t.app, t.w, 'clerk');
    const text = await pdfText(clerk, `/api/cases/${caseId}/print/assessment`, 'assessment-clerk');
    expect(text).not.toContain('糖尿病');
    expect(text).toContain('閲覧権限がないため表示しません');
    const other = await signIn(t.app, t.w, 'worker2');
    expect((await other.get(`/api/cases/${caseId}/print/plan`)).statusCode).toBe(404);
    const nothing = await worker.get(`/api/cases/${caseId}/print/closure`);
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json().message).toBe('印刷する終結の記録がありません');
    expect((await worker.get(`/api/cases/${caseId}/print/everything`)).statusCode).toBe(400);
  });
});
