// In a real t.browser: sign-in with password and TOTP, the lockout message, the
// audit viewer showing the sign-in, and an accessibility check of each page.

import { describe, expect, it } from 'vitest';

import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import { sql } from 'kysely';

import { PASSWORD } from '../support/world.js';
import { newPage, screenshot, useBrowserApp } from '../support/browser.js';
import { accessibilityViolations } from '../support/ui.js';

import { asOwnerInTenant, createStaffRow } from '../../src/server/tenancy/provision.js';

const t = useBrowserApp();

async function fillSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto(`${t.url}/login`);
  await page.getByLabel('自治体コード').fill(t.w.code);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

async function resetTotpStep(staffId: string): Promise<void> {
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx.updateTable('staff').set({ totpLastStep: null }).where('staffId', '=', staffId).execute(),
  );
}

describe('[SEC-4] signing in, in the browser', () => {
  it('signs in with password and a TOTP code, and lands on the home page', async () => {
    const page = await newPage(t.browser);
    const ppm = t.w.staff.ppm!;
    await resetTotpStep(ppm.staffId);
    await fillSignIn(page, ppm.login, PASSWORD);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('確認コード');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-totp-step');
    await page.getByLabel(/確認コード/).fill(await generate({ secret: ppm.totpSecret as string }));
    await page.getByRole('button', { name: '確認する' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
    expect(await page.textContent('body')).toContain('テスト ppm');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'home-privacy-manager');
    await page.context().close();
  });

  it('a wrong password shows the message; five in a row show the lockout message, even for the right password', async () => {
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      createStaffRow(tx, t.w.tenantId, {
        login: 'browser-lock',
        displayName: 'ロック 確認',
        organizationId: t.w.council,
        officeId: t.w.councilOffice,
        roles: ['support_worker'],
        password: PASSWORD,
        mustChangePassword: false,
      }),
    );
    const page = await newPage(t.browser);
    await fillSignIn(page, 'browser-lock', 'not the right password');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('ログインできませんでした');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-failed');
    for (let i = 2; i <= 5; i++) await fillSignIn(page, 'browser-lock', `wrong ${i}`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('15分間ロックされています');
    await fillSignIn(page, 'browser-lock', PASSWORD);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('15分間ロックされています');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ログイン');
    await screenshot(page, 'sign-in-locked');
    await page.context().close();
  });

  it('the audit viewer shows the sign-ins, and an access outside one’s assignment stands out', async () => {
    // A chief worker signs in and opens a consultee assigned to someone else.
    const chiefPage = await newPage(t.browser);
    await fillSignIn(chiefPage, t.w.staff.chief!.login, PASSWORD);
    await expect.poll(() => chiefPage.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
    await chiefPage.goto(`${t.url}/consultees/${t.w.consultees.c}`);
    await expect.poll(() => chiefPage.getByRole('heading', { level: 1 }).textContent()).toContain('試験C');
    expect(await chiefPage.textContent('body')).toContain('担当外');
    await screenshot(chiefPage, 'consultee-not-assigned');
    await chiefPage.context().close();

    const page = await newPage(t.browser);
    const ppm = t.w.staff.ppm!;
    await resetTotpStep(ppm.staffId);
    await fillSignIn(page, ppm.login, PASSWORD);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('確認コード');
    await page.getByLabel(/確認コード/).fill(await generate({ secret: ppm.totpSecret as string }));
    await page.getByRole('button', { name: '確認する' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
    await page.getByRole('link', { name: 'アクセス記録' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('アクセス記録');
    const table = page.getByRole('table');
    await expect.poll(() => table.textContent()).toContain('ログイン成功');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('テスト chief');
    expect(text).toContain('担当外');
    expect(text).toMatch(/令和\d+年\d+月\d+日/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'audit-viewer');

    // Filtering to accesses outside assignment leaves only those.
    await page.getByLabel('担当外のアクセスのみ').check();
    await page.getByRole('button', { name: '検索する' }).click();
    await expect.poll(async () => (await page.getByRole('table').textContent()) ?? '').not.toContain('ログイン成功');
    await screenshot(page, 'audit-viewer-not-assigned');

    // The viewer's own searches are in the trail too.
    const searches = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM audit_events WHERE action = 'audit.search' AND actor_staff_id = ${ppm.staffId}`.execute(
        tx,
      ),
    );
    expect(searches.rows[0]?.n).toBeGreaterThan(0);
    await page.context().close();
  });

  it('an administrator’s first sign-in: new password, then the second factor with a QR code', async () => {
    const { password } = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      createStaffRow(tx, t.w.tenantId, {
        login: 'newadmin',
        displayName: '新任 管理者',
        organizationId: t.w.city,
        roles: ['system_administrator'],
      }),
    );
    const page = await newPage(t.browser);
    await fillSignIn(page, 'newadmin', password);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('パスワード');
    const fields = page.getByLabel(/新しいパスワード/);
    await fields.nth(0).fill('春の海ひねもすのたりのたりかな');
    await fields.nth(1).fill('春の海ひねもすのたりのたりかな');
    await screenshot(page, 'first-sign-in-password');
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('二段階認証');
    await page.getByRole('button', { name: 'QRコードを表示する' }).click();
    const qr = page.getByRole('img', { name: /QRコード/ });
    await expect.poll(() => qr.count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'first-sign-in-totp-enrolment');
    const secret = ((await page.locator('.secret > span[aria-hidden="true"]').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel(/確認コード/).fill(await generate({ secret }));
    await page.getByRole('button', { name: '設定を完了する' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
    await page.context().close();
  });
});
