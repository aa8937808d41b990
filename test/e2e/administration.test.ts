// The administrator registers a staff member with the keyboard only, hands over
// the one-time password, changes the role; the new staff member signs in with it.

import { describe, expect, it } from 'vitest';

import type { Page } from 'playwright-core';
import { generate } from 'otplib';

import { PASSWORD } from '../support/world.js';
import { newPage, screenshot, useBrowserApp } from '../support/browser.js';

import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';

const t = useBrowserApp();

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function signInAdmin(page: Page): Promise<void> {
  const admin = t.w.staff.admin!;
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx.updateTable('staff').set({ totpLastStep: null }).where('staffId', '=', admin.staffId).execute(),
  );
  await page.goto(`${t.url}/login`);
  await page.getByLabel('自治体コード').fill(t.w.code);
  await page.getByLabel('ログインID').fill(admin.login);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect.poll(() => heading(page)).toContain('確認コード');
  await page.getByLabel(/確認コード/).fill(await generate({ secret: admin.totpSecret as string }));
  await page.keyboard.press('Enter');
  await expect.poll(() => heading(page)).toBe('ホーム');
}

describe('[SEC-3][CLS-3] staff and roles in the browser', () => {
  it('registers a staff member using only the keyboard, then the new member signs in with the one-time password', async () => {
    const page = await newPage(t.browser);
    await signInAdmin(page);
    await page.goto(`${t.url}/staff`);
    await expect.poll(() => heading(page)).toBe('職員管理');
    await screenshot(page, 'staff-list');
    await page.goto(`${t.url}/staff/new`);
    await expect.poll(() => heading(page)).toContain('職員の登録');

    // Keyboard only: focus the first field and move with Tab.
    await page.getByLabel('ログインID').focus();
    await page.keyboard.type('keyboard-user');
    await page.keyboard.press('Tab');
    await page.keyboard.type('鍵盤 太郎');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ケンバン タロウ');
    await page.getByLabel('組織').selectOption({ label: 'テスト市社会福祉協議会（委託先）' });
    await page.getByLabel('窓口').selectOption({ label: '本所窓口' });
    await page.getByLabel('事務職員').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('守秘義務誓約日').focus();
    await page.keyboard.type('R8.4.1');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.textContent('body')).toContain('令和8年4月1日');
    await screenshot(page, 'staff-create-form');
    await page.getByRole('button', { name: '登録して仮パスワードを発行する' }).focus();
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('.otp-panel').count()).toBe(1);
    const oneTime = ((await page.locator('.otp-panel .secret > span[aria-hidden="true"]').textContent()) ?? '').replace(
      /\s/g,
      '',
    );
    expect(oneTime).toMatch(/^[A-Za-z0-9]{20}$/);
    await screenshot(page, 'staff-created-one-time-password');
    await page.context().close();

    const newcomer = await newPage(t.browser);
    await newcomer.goto(`${t.url}/login`);
    await newcomer.getByLabel('自治体コード').fill(t.w.code);
    await newcomer.getByLabel('ログインID').fill('keyboard-user');
    await newcomer.getByLabel('パスワード').fill(oneTime);
    await newcomer.keyboard.press('Enter');
    await expect.poll(() => heading(newcomer)).toContain('パスワード');
    await newcomer.context().close();
  });

  it('a validation error names the field and keeps what was typed', async () => {
    const page = await newPage(t.browser);
    await signInAdmin(page);
    await page.goto(`${t.url}/staff/new`);
    await expect.poll(() => heading(page)).toContain('職員の登録');
    await page.getByLabel('ログインID').fill('worker1');
    await page.getByLabel('氏名').first().fill('重複 太郎');
    await page.getByLabel('組織').selectOption({ label: 'テスト市社会福祉協議会（委託先）' });
    await page.getByLabel('相談支援員', { exact: true }).check();
    await page.getByRole('button', { name: '登録して仮パスワードを発行する' }).click();
    await expect
      .poll(async () => (await page.getByRole('alert').allTextContents()).join(' '))
      .toContain('既に使われています');
    expect(await page.getByLabel('氏名').first().inputValue()).toBe('重複 太郎');
    expect(await page.getByLabel('ログインID').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'staff-create-error');
    await page.context().close();
  });
});
