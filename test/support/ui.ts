// What the browser tests do as a person at the counter would: sign in, find a
// field by its label, type and tick with the keyboard, and check a page with axe.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import { expect } from 'vitest';
import { screenshot, type BrowserTestApp } from './browser.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { PASSWORD } from './world.js';

export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/**
 * Signs in through the sign-in screen as the test world's staff member, with the second factor for
 * accounts that have one (its last used step cleared, so a code of the same 30 seconds is accepted
 * again), and waits for the home page.
 */
export async function signInAs(page: Page, t: BrowserTestApp, key: string): Promise<void> {
  const staff = t.w.staff[key];
  if (!staff) throw new Error(`no staff ${key}`);
  if (staff.totpSecret) {
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.updateTable('staff').set({ totpLastStep: null }).where('staffId', '=', staff.staffId).execute(),
    );
  }
  await page.goto(`${t.url}/login`);
  await page.getByLabel('自治体コード').fill(t.w.code);
  await page.getByLabel('ログインID').fill(staff.login);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.keyboard.press('Enter');
  if (staff.totpSecret) {
    await expect.poll(() => heading(page)).toContain('確認コード');
    await page.getByLabel(/確認コード/).fill(await generate({ secret: staff.totpSecret }));
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => heading(page)).toBe('ホーム');
}

let axeSource: Promise<string> | null = null;

/** axe-core against WCAG 2.1 A/AA (JIS X 8341-3); returns the violations. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Injected over the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(await axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes[0]?.target)})`);
}

/** A field by its whole label (a required field's label ends with 必須). */
export function field(page: Page, label: string | RegExp) {
  const controls = page.locator('input, textarea, select');
  if (label instanceof RegExp) return page.getByLabel(label).and(controls).first();
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .getByLabel(new RegExp(`^${escaped}\\s*(必須)?$`))
    .and(controls)
    .first();
}

/** Focuses a field by its label and types into it, as with the keyboard. */
export async function type(page: Page, label: string | RegExp, text: string): Promise<void> {
  await field(page, label).focus();
  await page.keyboard.type(text);
}

/** Ticks a checkbox or radio by its label with the space bar. */
export async function tick(page: Page, label: string | RegExp): Promise<void> {
  await field(page, label).focus();
  await page.keyboard.press('Space');
}

/** Presses a button with the keyboard. */
export async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/**
 * Waits for the success message a save announces (focus moves to it); if it does not come,
 * leaves a picture of the screen (`<shot>-failure`) and says what the screen said instead.
 */
export async function saved(page: Page, text: string, shot: string): Promise<void> {
  try {
    await expect
      .poll(
        async () =>
          (await page
            .locator('.announcer')
            .textContent({ timeout: 1000 })
            .catch(() => '')) ?? '',
        { timeout: 15_000 },
      )
      .toContain(text);
  } catch (error) {
    await screenshot(page, `${shot}-failure`);
    throw new Error(`${text} was not announced: ${(await page.textContent('main'))?.slice(0, 2000)}`, { cause: error });
  }
}
