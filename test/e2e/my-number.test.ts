// My Number in a real browser: the system administrator designates a handler; the
// handler stores a consultee's number with its basis and the code of their
// authenticator, sees it masked, shows it with a fresh code for a short while,
// then it is masked again. A worker who is not designated is told why there is
// no form. All by keyboard, checked with axe, and photographed for review.

import { describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { generate } from 'otplib';

import { accessibilityViolations, field, heading, press, saved, signInAs, tick, type } from '../support/ui.js';
import { newPage, screenshot, useBrowserApp } from '../support/browser.js';
import { aadFor } from '../../src/server/crypto/secret-box.js';
import { myNumberCheckDigit, MY_NUMBER_BASIS_LABELS, MY_NUMBER_MASK } from '../../src/server/core/my-number.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';

const t = useBrowserApp();
const TOTP_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';
const NUMBER = `31415979358${myNumberCheckDigit('31415979358')}`;
const GROUPS = [NUMBER.slice(0, 4), NUMBER.slice(4, 8), NUMBER.slice(8)];

/** The staff member's authenticator is set up (as the enrolment screen would do). */
async function enrolTotp(key: string): Promise<void> {
  const staff = t.w.staff[key];
  if (!staff) throw new Error(`no staff ${key}`);
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .updateTable('staff')
      .set({
        totpSecret: t.ctx.secrets.seal(TOTP_SECRET, aadFor('staff', 'totp_secret', t.w.tenantId, staff.staffId)),
        totpEnabledAt: new Date(),
      })
      .where('staffId', '=', staff.staffId)
      .execute(),
  );
  staff.totpSecret = TOTP_SECRET;
}

/** The current code of the authenticator, its step not yet used (as a person would wait for the next one). */
async function freshCode(key: string, secret = TOTP_SECRET): Promise<string> {
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .updateTable('staff')
      .set({ totpLastStep: null })
      .where('staffId', '=', t.w.staff[key]?.staffId as string)
      .execute(),
  );
  return generate({ secret });
}

const panel = (page: Page) => page.locator('.tab-panel');

describe('[ACQ-4][PRV-4] My Number in the browser', () => {
  it('[ACQ-4] the system administrator designates a handler on the staff page', async () => {
    const page = await newPage(t.browser);
    onTestFailed(async () => {
      await screenshot(page, 'my-number-failure');
    });
    await signInAs(page, t, 'councilAdmin');
    await page.goto(`${t.url}/staff/${t.w.staff.worker1?.staffId}`);
    await expect.poll(() => heading(page)).toContain('職員の変更');
    await tick(page, '個人番号事務取扱担当者に指定する');
    await press(page, '変更を保存する');
    await expect.poll(() => page.textContent('main')).toContain('変更を保存しました');
    expect(await field(page, '個人番号事務取扱担当者に指定する').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'my-number-designation');
    await page.goto(`${t.url}/staff`);
    await expect.poll(() => page.textContent('main')).toContain('個人番号事務取扱担当者');
    await page.context().close();
  });

  it('[ACQ-4][PRV-4] a designated worker stores a number with its basis, sees it masked, and shows it with a fresh code for a while', async () => {
    await enrolTotp('worker1');
    const page = await newPage(t.browser);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    onTestFailed(async () => {
      await screenshot(page, 'my-number-failure');
    });
    await page.clock.install();
    await signInAs(page, t, 'worker1');
    await page.goto(`${t.url}/consultees/${t.w.consultees.a}?tab=my_number`);
    await expect.poll(() => panel(page).textContent()).toContain('記録されていません');

    await press(page, '個人番号を記録する');
    await expect.poll(() => field(page, '個人番号').count()).toBe(1);
    // A wrong check digit is caught before anything is sent.
    await type(page, '個人番号', `${NUMBER.slice(0, 11)}${(Number(NUMBER[11]) + 1) % 10}`);
    await press(page, '記録する');
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('検査用数字');
    await screenshot(page, 'my-number-check-digit');
    await field(page, '個人番号').fill('');
    await type(page, '個人番号', `${GROUPS.join(' ')}`);
    await tick(page, MY_NUMBER_BASIS_LABELS.from_person);
    await type(page, /確認コード/, await freshCode('worker1'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'my-number-store-form');
    await page.keyboard.press('Enter');
    await saved(page, '個人番号を記録しました', 'my-number');

    await expect.poll(() => panel(page).textContent()).toContain(MY_NUMBER_MASK);
    const masked = await panel(page).textContent();
    expect(masked).toContain('本人又は代理人から提供を受ける場合');
    for (const group of GROUPS) expect(masked).not.toContain(group);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'my-number-masked');

    // Shown with a fresh code, by keyboard.
    await press(page, '表示する');
    await expect.poll(() => field(page, /確認コード/).count()).toBe(1);
    await type(page, /確認コード/, await freshCode('worker1'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.secret').textContent()).toContain(GROUPS.join(''));
    expect(await panel(page).textContent()).toContain('秒後に伏せ字に戻ります');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'my-number-revealed');

    // Masked again when the time is up.
    await page.clock.fastForward(31_000);
    await expect.poll(() => page.locator('.secret').count()).toBe(0);
    const after = await panel(page).textContent();
    expect(after).toContain(MY_NUMBER_MASK);
    for (const group of GROUPS) expect(after).not.toContain(group);

    // A wrong code shows nothing, and says so at the field.
    await press(page, '表示する');
    await type(page, /確認コード/, '000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error-summary').textContent()).toMatch(/確認コード/);
    expect(await page.locator('.secret').count()).toBe(0);
    await screenshot(page, 'my-number-wrong-code');
    await page.context().close();
  });

  it('[ACQ-4] a worker who is not designated sees the number masked and why there is no form', async () => {
    const page = await newPage(t.browser);
    await signInAs(page, t, 'chief');
    await page.goto(`${t.url}/consultees/${t.w.consultees.a}?tab=my_number`);
    await expect.poll(() => panel(page).textContent()).toContain('個人番号事務取扱担当者に指定した職員だけです');
    const text = await panel(page).textContent();
    expect(text).toContain(MY_NUMBER_MASK);
    expect(await page.getByRole('button', { name: '表示する' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'my-number-not-designated');
    await page.context().close();
  });
});
