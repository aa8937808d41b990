// Provision in a real browser (PRV-1, PRV-3): a worker gives a consultee's basic
// and health items to the housing department the person consented to, and gets
// the PDF of what was sent; the same to a clinic the consent does not cover is
// refused, with the reason on the screen, and nothing is recorded.

import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn } from '../support/world.js';
import { newPage, screenshot, useBrowserApp } from '../support/browser.js';
import { registerWithConsent } from '../support/casework.js';
import { accessibilityViolations, field, heading, press, signInAs, tick } from '../support/ui.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';

const run = promisify(execFile);
const t = useBrowserApp();

async function agency(name: string, kind: string, administrative: boolean): Promise<void> {
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .insertInto('relatedAgencies')
      .values({
        tenantId: t.w.tenantId,
        agencyId: randomUUID(),
        name,
        kind,
        administrative,
        address: '架空県見本市本町1-1',
      })
      .execute(),
  );
}

async function choose(page: Page, recipient: string): Promise<void> {
  await page.getByRole('button', { name: '提供する', exact: true }).click();
  await expect.poll(() => field(page, '提供先（関係機関）').count()).toBe(1);
  await field(page, '提供先（関係機関）').selectOption({ label: recipient });
  for (const item of ['氏名・ふりがな', '住所', '健康状態・障害等']) await tick(page, item);
  await press(page, '提供できるか確認する');
}

describe('provision in the browser', () => {
  it('[PRV-1][PRV-3] a worker provides basic and health items to the housing department with consent and gets the PDF; an agency the consent does not cover is refused with the reason shown', async () => {
    const page = await newPage(t.browser);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    onTestFailed(async () => {
      await screenshot(page, 'provision-failure');
    });
    await agency('見本市 住宅課', 'administrative', true);
    await agency('見本こころのクリニック', 'medical', false);
    const api = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(api);
    const health = await api.request({
      method: 'PUT',
      url: `/api/consultees/${consulteeId}/profile/illness`,
      payload: { value: '高血圧で通院中', source: 'self' },
    });
    expect(health.statusCode, health.body).toBe(200);

    await signInAs(page, t, 'worker1');
    await page.goto(`${t.url}/consultees/${consulteeId}?tab=provisions`);
    await expect.poll(() => page.getByRole('heading', { name: '関係機関への提供' }).count()).toBe(1);

    // Not covered by the consent: the reason, and no record.
    await choose(page, '見本こころのクリニック');
    const alert = page.getByRole('alert').filter({ hasText: '提供できません' });
    await expect.poll(() => alert.textContent()).toContain('有効な本人の同意');
    expect(await page.getByRole('button', { name: '根拠を記録して承認を求める' }).count()).toBe(1);
    await screenshot(page, 'provision-refused');
    await page.getByRole('button', { name: 'やめる' }).click();
    expect(await page.getByText('提供の記録はありません。').count()).toBe(1);

    // Covered: the answer first, then the provision and its record.
    await choose(page, '見本市 住宅課');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '提供できます' }).count()).toBe(1);
    await press(page, '提供する');
    await expect.poll(() => page.textContent('main')).toContain('提供し、提供の記録を作成しました');
    const record = page.locator('.record').filter({ hasText: '見本市 住宅課' });
    await expect.poll(() => record.textContent()).toContain('提供済み');
    expect(await record.textContent()).toContain('氏名・ふりがな、住所、健康状態・障害等');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'provision-provided');

    // The PDF holds the chosen items only, and names who made it.
    const href = await record.getByRole('link', { name: /提供した内容（PDF）/ }).getAttribute('href');
    const pdf = await page.request.get(`${t.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const dir = path.resolve('test-results', 'pdf');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'e2e-provision.pdf');
    await writeFile(file, await pdf.body());
    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout.replace(/\s+/g, '');
    expect(text).toContain('見本市住宅課御中');
    expect(text).toContain('高血圧で通院中');
    expect(text).not.toContain('電話番号');
    expect(text).toContain('テストworker1');
    expect(await heading(page)).toContain('見本');
  });
});

describe('export control in the browser', () => {
  it('[PRV-7] a worker asks for a list of their consultees; it waits for the chief’s approval; then the worker saves the CSV once', async () => {
    const page = await newPage(t.browser);
    onTestFailed(async () => {
      await screenshot(page, 'exports-failure');
    });
    await signInAs(page, t, 'worker1');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '個人情報保護' }).click();
    await expect.poll(() => heading(page)).toBe('個人情報保護');
    await screenshot(page, 'privacy-home-worker');
    await page.getByRole('link', { name: '書き出し（持出し）' }).click();
    await expect.poll(() => heading(page)).toBe('書き出し（持出し）');
    await page.getByRole('button', { name: '担当する相談者の一覧を書き出す' }).click();
    await tick(page, '電話番号');
    await field(page, '持出しの理由').fill('支援調整会議の資料として持参するため');
    await press(page, '書き出しを求める');
    await expect.poll(() => page.textContent('main')).toContain('別の職員');
    const mine = page.locator('.record').filter({ hasText: '支援調整会議の資料' });
    await expect.poll(() => mine.textContent()).toContain('承認待ち');
    expect(await page.getByRole('link', { name: /CSVを作成して保存する/ }).count()).toBe(0);

    const chief = await newPage(t.browser);
    await signInAs(chief, t, 'chief');
    await chief.goto(`${t.url}/exports`);
    const waiting = chief.locator('.record').filter({ hasText: '支援調整会議の資料' });
    await expect.poll(() => waiting.count()).toBe(1);
    expect(await accessibilityViolations(chief)).toEqual([]);
    await screenshot(chief, 'exports-approval');
    await waiting.getByRole('button', { name: '承認する' }).click();
    await expect.poll(() => chief.textContent('main')).toContain('書き出しを承認しました');

    await page.reload();
    const link = page.getByRole('link', { name: /CSVを作成して保存する/ });
    await expect.poll(() => link.count()).toBe(1);
    const csv = await page.request.get(`${t.url}${await link.getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    expect((await csv.body()).toString('utf8')).toContain('出力者,テスト worker1');
    const again = await page.request.get(`${t.url}${await link.getAttribute('href')}`);
    expect(again.status()).toBe(409);
    await page.reload();
    await expect.poll(() => mine.textContent()).toContain('作成済み');
    await screenshot(page, 'exports-done');
  });
});
