// Out-of-purpose use and provision in a real browser: a support worker files a
// request on the consultee's page with the keyboard; the privacy protection manager
// takes it through the counter's opinion, the council's referral, an attached
// opinion and the answer, and records the head's decision. The tenant's purposes
// and the related-agency registry have their pages too. Every page passes axe
// (WCAG 2.1 A/AA) and is photographed for review.

import { describe, expect, it } from 'vitest';

import { signIn } from '../support/world.js';
import { newPage, screenshot, useBrowserApp } from '../support/browser.js';
import { accessibilityViolations, field, heading, press, saved, signInAs, tick, type } from '../support/ui.js';
import { registerWithConsent } from '../support/casework.js';

const t = useBrowserApp();

describe('[PUR-3][PRV-6] a request outside the purposes, from the worker to the head’s decision', () => {
  it('the worker files it with the keyboard; the manager records the counter, the council, an opinion and the decision', async () => {
    const { consulteeId } = await registerWithConsent(await signIn(t.app, t.w, 'worker1'));

    // The worker, on the consultee's page.
    const worker = await newPage(t.browser);
    await signInAs(worker, t, 'worker1');
    await worker.goto(`${t.url}/consultees/${consulteeId}?tab=out_of_purpose`);
    await expect.poll(() => worker.locator('.tab-panel h2').first().textContent()).toBe('目的外利用');
    await expect.poll(() => worker.textContent('.tab-panel')).toContain('目的外利用・提供の申請はありません');
    await press(worker, '目的外利用・提供を申請する');
    await tick(worker, '外部提供');
    await type(worker, '申請する課・係', '生活支援課 相談係');
    await type(worker, '利用又は提供の内容', '住宅確保給付金の審査のため、住宅課へ氏名と住所を提供する');
    await field(worker, '提供先').selectOption({ label: '一覧にない提供先（名称を入力）' });
    await type(worker, '提供先の名称', '見本市 住宅課');
    await tick(worker, '氏名・ふりがな');
    await tick(worker, '住所');
    await type(worker, '項目が必要な理由', '申請者本人であることの確認に、氏名と住所だけが必要');
    await field(worker, '根拠とする同意').selectOption({ index: 1 });
    await type(worker, '理由', '本人が給付金の申請を希望し、住宅課への提供に同意している');
    // Without the confirmation (PUR-6) the form says what is missing, and sends nothing.
    await press(worker, '申請する');
    await expect.poll(() => worker.textContent('.error-summary')).toContain('違法又は不当な行為');
    await screenshot(worker, 'out-of-purpose-request-form');
    await tick(worker, /違法又は不当な行為を助長/);
    await press(worker, '申請する');
    await saved(worker, '目的外利用・提供を申請しました', 'out-of-purpose-request');
    await expect.poll(() => worker.textContent('.tab-panel')).toContain('窓口協議中');
    expect(await worker.textContent('.tab-panel')).toContain('見本市 住宅課');
    expect(await accessibilityViolations(worker)).toEqual([]);
    await screenshot(worker, 'out-of-purpose-request-filed');

    // The privacy protection manager, from the queue.
    const manager = await newPage(t.browser);
    await signInAs(manager, t, 'ppm');
    await manager.goto(`${t.url}/privacy/out-of-purpose`);
    await expect.poll(() => heading(manager)).toBe('目的外利用・提供の申請');
    await expect.poll(() => manager.textContent('.table-caption')).toContain('1件');
    expect(await manager.getByRole('table').textContent()).toContain('生活支援課 相談係');
    expect(await accessibilityViolations(manager)).toEqual([]);
    await screenshot(manager, 'out-of-purpose-queue');
    await manager.getByRole('link', { name: /さんの申請を開く/ }).click();
    await expect.poll(() => heading(manager)).toMatch(/^目的外利用・提供の申請: 見本 一郎/);
    await expect.poll(() => manager.textContent('.timeline')).toContain('次の手続');
    expect(await accessibilityViolations(manager)).toEqual([]);
    await screenshot(manager, 'out-of-purpose-request-opened');

    await type(manager, '窓口の意見', '提供先が行政機関であり同意もあるが、要件の確認のため審議会に諮る。');
    await tick(manager, '必要（審議会に諮問する）');
    await press(manager, '窓口の意見を記録する');
    await saved(manager, '窓口の意見を記録しました', 'out-of-purpose-counter');

    await type(manager, '諮問先の審議会', '見本市個人情報保護審議会');
    await press(manager, '諮問を記録する');
    await saved(manager, '審議会への諮問を記録しました', 'out-of-purpose-referral');

    await type(manager, '意見を述べた者', '個人情報保護審議会（附帯意見）');
    await type(manager, '意見の内容', '提供する項目は氏名と住所に限り、提供後は本人に説明すること。');
    await press(manager, '意見書を添付する');
    await saved(manager, '意見書を添付しました', 'out-of-purpose-opinion');

    await type(manager, '答申の内容', '目的外提供を認めることは適当である（附帯意見あり）。');
    await press(manager, '答申を記録する');
    await saved(manager, '審議会の答申を記録しました', 'out-of-purpose-answer');
    await screenshot(manager, 'out-of-purpose-decision-form');

    await tick(manager, '承認する');
    await type(manager, '決定者（実施機関の長）', '青梅市長');
    await type(manager, '決定の理由', '答申を尊重し、附帯意見に従って提供を認める。');
    await tick(manager, /違法又は不当な行為を助長/);
    await press(manager, '決定を記録する');
    await saved(manager, '決定（承認）を記録しました', 'out-of-purpose-decision');
    const timeline = (await manager.textContent('.timeline')) ?? '';
    expect(timeline).toContain('青梅市長');
    expect(timeline).toContain('見本市個人情報保護審議会');
    expect(timeline).toContain('テスト ppm');
    expect(timeline).not.toContain('次の手続');
    expect(await manager.textContent('main')).toContain('提供後は本人に説明すること');
    expect(await manager.getByRole('button', { name: '決定を記録する' }).count()).toBe(0);
    expect(await accessibilityViolations(manager)).toEqual([]);
    await screenshot(manager, 'out-of-purpose-decided');

    // Out of the open queue; the worker sees the decision.
    await manager.goto(`${t.url}/privacy/out-of-purpose`);
    await expect.poll(() => manager.textContent('main')).toContain('対応中の申請はありません');
    await worker.reload();
    await expect.poll(() => worker.textContent('.tab-panel')).toContain('青梅市長');
    expect(await worker.textContent('.tab-panel h3')).toContain('承認');
    await screenshot(worker, 'out-of-purpose-worker-sees-decision');
  });
});

describe('[PUR-1][PUR-2] the purposes of use and the related agencies', () => {
  it('the purposes page shows every purpose with its versions; the manager changes one with its reason and sees the notice to publish', async () => {
    const page = await newPage(t.browser);
    await signInAs(page, t, 'ppm');
    await page.goto(`${t.url}/privacy/purposes`);
    await expect.poll(() => heading(page)).toBe('利用目的');
    await expect.poll(() => page.textContent('main')).toContain('相談支援業務を円滑に行うため');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('自治体に対して事業等利用申込を行うため');
    expect(text).toContain('第1版');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'purposes');

    await page.getByRole('button', { name: 'この利用目的を変更する' }).first().focus();
    await page.keyboard.press('Enter');
    await field(page, '変更後の利用目的').fill('');
    await type(page, '変更後の利用目的', '相談支援業務（電話・オンラインでの相談を含む）を円滑に行うため');
    await press(page, '変更を記録する');
    await expect.poll(() => page.textContent('.error-summary')).toContain('「変更の理由」を入力してください');
    await type(page, '変更の理由', '電話・オンラインでの相談を始めるため、文言を明確にする');
    await tick(page, /関連性を有すると合理的に認められる範囲内の変更である/);
    await expect.poll(() => page.textContent('.notice-text')).toContain('個人情報の利用目的の変更について');
    await screenshot(page, 'purposes-change-form');
    await press(page, '変更を記録する');
    await saved(page, '利用目的を変更しました（第2版）', 'purposes-change');
    const notice = (await page.locator('#publish-title').locator('..').textContent()) ?? '';
    expect(notice).toContain('旧: 相談支援業務を円滑に行うため');
    expect(notice).toContain('新: 相談支援業務（電話・オンラインでの相談を含む）を円滑に行うため');
    await expect.poll(() => page.textContent('main')).toContain('第2版');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'purposes-changed');
  });

  it('[CON-4] the agencies page: the manager adds, changes and retires an agency; a worker only reads the list', async () => {
    const page = await newPage(t.browser);
    await signInAs(page, t, 'ppm');
    await page.goto(`${t.url}/privacy/agencies`);
    await expect.poll(() => heading(page)).toBe('関係機関・関係者');
    await press(page, '関係機関を登録する');
    await type(page, '名称', '見本公共職業安定所');
    await field(page, '種類').selectOption({ label: '就労支援機関（ハローワーク等）' });
    await tick(page, '行政機関等である');
    await type(page, '電話番号', '000-0000-0000');
    await press(page, '登録する');
    await saved(page, '「見本公共職業安定所」を登録しました', 'agencies-add');
    await page.getByRole('button', { name: /見本公共職業安定所を\s*変更する/ }).click();
    await type(page, '所在地', '見本市中央1-1');
    await press(page, '変更を保存する');
    await saved(page, '「見本公共職業安定所」を変更しました', 'agencies-edit');
    await expect.poll(() => page.textContent('.record-list')).toContain('見本市中央1-1');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'agencies');
    await page.getByRole('button', { name: /見本公共職業安定所を\s*廃止する/ }).click();
    await press(page, '廃止を記録する');
    await saved(page, '廃止', 'agencies-retire');
    await expect.poll(() => page.textContent('main')).toContain('登録された関係機関はありません');
    await page.getByRole('link', { name: '廃止したものを含む' }).click();
    await expect.poll(() => page.textContent('.record-list')).toContain('見本公共職業安定所');
    await screenshot(page, 'agencies-retired');

    const worker = await newPage(t.browser);
    await signInAs(worker, t, 'worker1');
    await worker.goto(`${t.url}/privacy/agencies?view=all`);
    await expect.poll(() => worker.textContent('.record-list')).toContain('見本公共職業安定所');
    expect(await worker.getByRole('button', { name: '関係機関を登録する' }).count()).toBe(0);
  });
});
