// Casework in a real browser: a support worker registers a consultee with the
// consent given at the counter, finds them again by a half-width kana search, and
// takes the case from intake to closure through every national form, using the
// keyboard where a counter worker would. Drafts survive a reload. The consultee and
// case pages pass axe (WCAG 2.1 A/AA), and every page is photographed for review.

import { describe, expect, it, onTestFailed } from 'vitest';

import type { Page } from 'playwright-core';

import { signIn } from '../support/world.js';
import { accessibilityViolations, field, heading, press, signInAs, tick, type, saved } from '../support/ui.js';
import { newPage, screenshot, useBrowserApp } from '../support/browser.js';
import { caseAt, registerWithConsent } from '../support/casework.js';

const t = useBrowserApp();

/** Makes a move of the case: the move's button, then its confirmation. */
async function move(page: Page, label: string, status: string): Promise<void> {
  // The moves are read again after each save: wait until this one is open.
  await expect.poll(() => page.getByRole('button', { name: label, exact: true }).isEnabled()).toBe(true);
  await press(page, label);
  await press(page, `「${label}」を確定する`);
  await saved(page, `現在の段階は「${status}」です`, 'case');
}

async function openTab(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'ケースの様式' })
    .getByRole('link', { name: new RegExp(`^${name}`) })
    .click();
  await expect.poll(() => page.locator('.tab-panel h2').first().textContent()).toContain(name);
}

describe('casework in the browser', () => {
  it('[BIZ-1][BIZ-2][BIZ-6] a worker registers a consultee with consent and takes the case from intake to closure through every form', async () => {
    const page = await newPage(t.browser);
    // A failing step leaves a picture of the screen behind.
    page.on('pageerror', (error) => console.error('page error:', error.message));
    onTestFailed(async () => {
      await screenshot(page, 'case-failure');
    });
    await signInAs(page, t, 'worker1');
    await expect.poll(() => page.textContent('body')).toContain('対応が必要なケース');
    await screenshot(page, 'case-home-dashboard');

    // Registration, with the oral consent given at the counter.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '相談者' }).click();
    await expect.poll(() => heading(page)).toBe('相談者');
    await page.getByRole('link', { name: '新規相談者の登録' }).click();
    await expect.poll(() => heading(page)).toBe('新規相談者の登録');
    await expect.poll(() => field(page, '氏').count()).toBe(1);
    await type(page, '氏', '山田');
    await page.keyboard.press('Tab');
    await page.keyboard.type('太郎');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ヤマダ');
    await page.keyboard.press('Tab');
    await page.keyboard.type('タロウ');
    await tick(page, '男性');
    await type(page, '生年月日', '昭和55年1月1日');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.textContent('body')).toContain('昭和55年1月1日（1980年1月1日）');
    await type(page, '電話番号（携帯）', '090-0000-0000');
    await page.getByRole('button', { name: '定型文を入れる' }).click();
    await tick(page, '相談支援業務を円滑に行うため');
    await tick(page, '自治体に対して事業等利用申込を行うため');
    await tick(page, '支援提供、関係機関・者との連絡・調整等、ご相談者の自立支援に資するため');
    await tick(page, '行政機関（市区町村の関係課等）');
    await tick(page, /要配慮個人情報（病歴・障害など）の取得/);
    await screenshot(page, 'case-register-form');
    // Enter in a text field sends the form.
    await field(page, '住所').focus();
    await page.keyboard.type('見本市見本町1-2-3');
    await page.keyboard.press('Enter');

    await expect.poll(() => heading(page)).toBe('相談者: 山田 太郎');
    expect(await page.textContent('body')).toContain('ケース（相談受付）を開きました');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'case-consultee-page');

    // The consent as recorded, and the other tabs of the consultee page.
    await page.getByRole('link', { name: /^同意/ }).click();
    await expect.poll(() => page.textContent('.tab-panel')).toContain('有効');
    expect(await page.textContent('.tab-panel')).toContain('口頭');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'case-consultee-consents');
    // The form to sign prints as a PDF; the signed form, scanned, replaces the oral consent.
    const consentForm = await page.getByRole('link', { name: /同意書（署名用）を印刷する/ }).getAttribute('href');
    const consentPdf = await page.context().request.get(`${t.url}${consentForm}`);
    expect(consentPdf.status(), 'GET print/consent-form').toBe(200);
    expect(consentPdf.headers()['content-type']).toContain('application/pdf');
    await page.getByRole('button', { name: '内容を変えて置き換える' }).click();
    await tick(page, '書面（署名・押印）');
    await field(page, '署名された同意書の写し（スキャン）').setInputFiles({
      name: 'consent.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    });
    await expect.poll(() => page.textContent('.tab-panel')).toContain('選択中: consent.png');
    await press(page, '新しい同意に置き換える');
    await saved(page, '新しい同意に置き換えました', 'case');
    await expect.poll(() => page.textContent('.tab-panel')).toContain('置換え済み');
    expect(await page.textContent('.tab-panel')).toContain('書面（署名・押印）');
    expect(await page.getByRole('link', { name: /署名された同意書の写しを開く/ }).count()).toBe(1);
    await screenshot(page, 'case-consultee-consent-replaced');
    await page.getByRole('link', { name: /^本人の状況/ }).click();
    await expect.poll(() => page.locator('.tab-panel h2').first().textContent()).toBe('本人の状況');
    await screenshot(page, 'case-consultee-profile-tab');
    await page.getByRole('button', { name: /^記録する\s*（健康状態）$/ }).click();
    await type(page, '健康状態', '腰痛があり、長時間の立ち仕事が難しい。');
    await press(page, '記録する');
    await saved(page, '「健康状態」を記録しました', 'case');
    await expect.poll(() => page.textContent('.tab-panel')).toContain('根拠: 本人の同意');
    await screenshot(page, 'case-consultee-profile');
    await page.getByRole('link', { name: /^基本情報・世帯/ }).click();
    await page.getByRole('button', { name: '世帯員を追加する' }).click();
    await field(page, '続柄').selectOption({ label: '父母' });
    await type(page, '氏', '山田');
    await page.keyboard.press('Tab');
    await page.keyboard.type('花子');
    await tick(page, '別居');
    await press(page, '世帯員を追加する');
    await saved(page, '世帯員を追加しました', 'case');
    await expect.poll(() => page.textContent('.tab-panel')).toContain('父母: 山田 花子');
    await screenshot(page, 'case-consultee-household');
    await page.getByRole('link', { name: /^変更履歴/ }).click();
    await expect.poll(() => page.textContent('.tab-panel')).toContain('基本情報を作成');
    await screenshot(page, 'case-consultee-history');

    // Found again by a half-width kana search.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '相談者' }).click();
    await expect.poll(() => heading(page)).toBe('相談者');
    await type(page, '氏名・フリガナ', 'ﾔﾏﾀﾞ ﾀﾛｳ');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('.table-caption')).toContain('検索結果');
    const results = (await page.getByRole('table').textContent()) ?? '';
    expect(results).toContain('山田 太郎');
    expect(results).toContain('昭和55年1月1日');
    await screenshot(page, 'case-search-results');
    await page.getByRole('link', { name: '山田 太郎' }).click();
    await expect.poll(() => heading(page)).toBe('相談者: 山田 太郎');
    await page.getByRole('link', { name: '自立相談支援事業のケースを開く' }).click();
    await expect.poll(() => heading(page)).toContain('ケース: 山田 太郎');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'case-intake-form');

    // 相談受付・申込票
    await tick(page, '来所');
    await tick(page, '収入・生活費のこと');
    await tick(page, '仕事探し、就職について');
    await type(page, '相談したいこと・支援にあたっての希望', '仕事を見つけて、家賃を払い続けたい。');
    await field(page, '仕事').selectOption({ label: '失業・休職中' });
    await tick(page, '自立・家計相談支援の利用を申し込んだ');
    await type(page, '申込日', 'R8.11.22');
    await press(page, '相談受付・申込票を保存する');
    await saved(page, '相談受付・申込票を保存しました', 'case');
    await screenshot(page, 'case-intake-saved');
    await move(page, 'スクリーニングへ進む', 'スクリーニング');

    // スクリーニング
    await expect.poll(() => page.locator('.tab-panel h2').first().textContent()).toBe('スクリーニング');
    await tick(page, '継続支援（プラン作成へ）');
    await press(page, 'スクリーニング結果を保存する');
    await saved(page, 'スクリーニング結果を保存しました', 'case');
    await move(page, 'インテーク・アセスメントへ進む', 'インテーク・アセスメント');

    // インテーク・アセスメントシート
    await tick(page, '経済的困窮');
    await tick(page, '就職活動困難');
    await type(page, '生活歴', '高校卒業後、製造業で20年勤務。昨年、勤務先の閉鎖で離職。');
    await type(page, /心身の状況/, '腰痛がある。');
    await type(page, '支援員の見立て', '住まいの確保を優先し、就労支援を並行する。');
    await screenshot(page, 'case-assessment-form');
    await press(page, 'アセスメントシートを保存する');
    await saved(page, 'インテーク・アセスメントシートを保存しました', 'case');
    await move(page, 'プラン案の作成へ進む', 'プラン案作成');

    // プラン: two goals
    await type(page, '支援期間（開始）', 'R8.12.1');
    await type(page, '支援期間（終了）', 'R9.5.31');
    await type(page, '目指す姿（長期目標）', '安定した仕事に就き、家賃を払いながら暮らし続ける');
    await type(page, '目標1の目標', '住まいを失わない');
    await type(page, '目標1の支援内容（本人・支援機関の取組み）', '住居確保給付金を申請する');
    await page.getByRole('button', { name: '目標を追加する' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toContain('goals-1-goal');
    await page.keyboard.type('仕事に就く');
    await type(page, '目標2の担当（機関・者）', '本人・就労支援員');
    await tick(page, '住居確保給付金');
    await tick(page, '自立相談支援機関による就労支援');
    await screenshot(page, 'case-plan-form');
    await press(page, 'プランを保存する');
    await saved(page, 'プランを保存しました', 'case');
    await screenshot(page, 'case-plan-saved');
    await move(page, '支援調整会議に諮る', '支援調整会議');

    // 支援調整会議: the plan approved
    await type(page, '出席者1の氏名', '見本 花子');
    await type(page, '出席者1の所属', '見本市 生活支援課');
    await tick(page, 'プランを了承');
    await screenshot(page, 'case-meeting-form');
    await press(page, '会議の記録を保存する');
    await saved(page, '支援調整会議の記録を保存しました', 'case');
    await move(page, '支援決定へ進む', '支援決定');

    // 支援決定
    await type(page, '決定した機関', '見本市長');
    await type(page, '決定番号', '見生支第1号');
    await press(page, '支援決定を保存する');
    await saved(page, '支援決定を保存しました', 'case');

    // 事業等利用申込, with its forwarding to the municipality
    await openTab(page, '事業等利用申込');
    await type(page, '自治体への送付日', 'R8.11.22');
    await press(page, '利用申込を保存する');
    await saved(page, '事業等利用申込を保存しました', 'case');
    await screenshot(page, 'case-application');
    await move(page, '支援提供を始める', '支援提供・モニタリング');

    // 支援経過記録
    await field(page, '対応の方法').selectOption({ label: '同行支援' });
    await type(page, '対応の内容', 'ハローワークに同行し、求人3件を検討した。');
    await press(page, '経過を記録する');
    await saved(page, '支援経過を記録しました', 'case');
    await screenshot(page, 'case-notes');
    await move(page, '評価へ進む', '評価');

    // 評価: the goals come from the plan
    expect(await page.getByLabel('目標1の目標').inputValue()).toBe('住まいを失わない');
    expect(await page.getByLabel('目標2の目標').inputValue()).toBe('仕事に就く');
    await page.getByLabel('目標1の達成状況').selectOption({ label: '達成' });
    await page.getByLabel('目標2の達成状況').selectOption({ label: '達成' });
    await tick(page, '就労した');
    await type(page, '就労日', 'R8.11.20');
    await tick(page, '自立に向けた改善が見られた');
    await tick(page, '終結する');
    await screenshot(page, 'case-evaluation-form');
    await press(page, '評価を保存する');
    await saved(page, '評価シートを保存しました', 'case');

    // 終結, then the meeting confirms it
    await openTab(page, '終結');
    await tick(page, '目標を達成した');
    await tick(page, '本人の意思を確認した');
    await press(page, '終結の記録を保存する');
    await saved(page, '終結の記録を保存しました', 'case');
    // The move is not open yet, and says why.
    await expect.poll(() => page.textContent('.moves')).toContain('支援調整会議で終結を確認したことを記録してください');
    expect(await page.getByRole('button', { name: '終結する', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'case-closure-refused-move');
    await openTab(page, '支援調整会議');
    await field(page, '諮ったプラン').selectOption({ index: 0 });
    await tick(page, '終結を確認');
    await press(page, '会議の記録を保存する');
    await saved(page, '支援調整会議の記録を保存しました', 'case');
    await move(page, '終結する', '終結');

    expect(await page.textContent('.case-head')).toContain('終結');
    await expect.poll(() => page.locator('.stage-step--current').textContent()).toContain('終結');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'case-closed-summary');
    await openTab(page, '変更履歴');
    await expect.poll(() => page.textContent('.tab-panel')).toContain('終結を作成');
    await screenshot(page, 'case-history');

    // The plan prints as a PDF (the print routes are being built on the server).
    await openTab(page, 'プラン');
    const href = await page
      .getByRole('link', { name: /プランを印刷する/ })
      .first()
      .getAttribute('href');
    expect(href).toMatch(/\/api\/cases\/[0-9a-f-]+\/print\/plan\?recordId=/);
    const pdf = await page.context().request.get(`${t.url}${href}`);
    expect(pdf.status(), 'GET print/plan').toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.context().close();
  });

  it('[BIZ-1] a progress note being typed survives a reload as a draft, and can be thrown away', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await registerWithConsent(worker, { familyName: '見本', givenName: '次郎' });
    const page = await newPage(t.browser);
    await signInAs(page, t, 'worker1');
    await page.goto(`${t.url}/cases/${caseId}?tab=notes`);
    await expect.poll(() => page.locator('.tab-panel h2').first().textContent()).toBe('支援経過記録');
    await type(page, '対応の内容', '電話で来所日を調整した（下書きの確認）。');
    await expect
      .poll(() => page.textContent('.draft-status'), { timeout: 15_000 })
      .toContain('下書きを自動保存しました');
    await page.reload();
    await expect.poll(() => field(page, '対応の内容').inputValue()).toBe('電話で来所日を調整した（下書きの確認）。');
    expect(await page.textContent('body')).toContain('保存されていない入力を復元しました');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'case-note-draft-restored');
    await page.getByRole('button', { name: '復元した入力を破棄する' }).click();
    await expect.poll(() => field(page, '対応の内容').inputValue()).toBe('');
    await page.reload();
    await expect.poll(() => field(page, '対応の内容').count()).toBe(1);
    expect(await field(page, '対応の内容').inputValue()).toBe('');
    expect(await page.textContent('body')).not.toContain('保存されていない入力を復元しました');
    await page.context().close();
  });

  it('[BIZ-4] the home page lists the cases needing attention; the chief reassigns, a clerk records the forwarding', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'coordination');
    const created = await worker.post(`/api/cases/${caseId}/applications`, {
      appliedOn: '2026-11-20',
      programs: ['housing_benefit'],
      forwardedOn: null,
    });
    expect(created.statusCode, created.body).toBe(200);

    // The chief sees the office's cases, this one marked as not theirs.
    const chief = await newPage(t.browser);
    await signInAs(chief, t, 'chief');
    const attention = chief.getByRole('region', { name: '対応が必要なケース', exact: true });
    await expect.poll(() => attention.textContent()).toContain('利用申込が自治体に未送付');
    const text = (await attention.textContent()) ?? '';
    expect(text).toContain('担当外');
    expect(text).toContain('令和8年11月20日');
    expect(await accessibilityViolations(chief)).toEqual([]);
    await screenshot(chief, 'case-home-chief-attention');
    await chief.goto(`${t.url}/cases/${caseId}`);
    await expect.poll(() => heading(chief)).toContain('ケース:');
    expect(await chief.textContent('body')).toContain('担当外の閲覧です');
    await chief.getByRole('button', { name: '担当者を変更する' }).click();
    await tick(chief, /^テスト worker2/);
    await screenshot(chief, 'case-chief-workers');
    await press(chief, '担当者を保存する');
    await saved(chief, '担当者を変更しました', 'case');
    await expect.poll(() => chief.textContent('.workers')).toContain('テスト worker2');
    await chief.context().close();

    // The clerk records the day the application went to the municipality.
    const clerk = await newPage(t.browser);
    await signInAs(clerk, t, 'clerk');
    await clerk.goto(`${t.url}/cases/${caseId}?tab=application`);
    await expect.poll(() => clerk.textContent('.tab-panel')).toContain('自治体に未送付');
    await clerk.getByRole('button', { name: '変更する' }).first().click();
    await type(clerk, '自治体への送付日', 'R8.11.21');
    await press(clerk, '変更を保存する');
    await saved(clerk, '事業等利用申込を保存しました', 'case');
    await expect.poll(() => clerk.textContent('.tab-panel')).toContain('送付済み');
    expect(await clerk.textContent('.tab-panel')).toContain('令和8年11月21日');
    expect(await accessibilityViolations(clerk)).toEqual([]);
    await screenshot(clerk, 'case-clerk-application-forwarded');
    await clerk.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ホーム' }).click();
    await expect.poll(() => clerk.textContent('main')).toContain('対応が必要なケース');
    expect(await clerk.textContent('main')).not.toContain('利用申込が自治体に未送付');
    await clerk.context().close();
  });

  it('[BIZ-3] a household-budget worker keeps the budget sheet, the cash flow, debts and arrears, and the plan', async () => {
    const budget = await signIn(t.app, t.w, 'budget');
    const { caseId } = await registerWithConsent(budget, {
      familyName: '見本',
      givenName: '三郎',
      program: 'household_budget',
    });
    const page = await newPage(t.browser);
    await signInAs(page, t, 'budget');
    await page.goto(`${t.url}/cases/${caseId}?tab=budget-sheet`);
    await expect.poll(() => page.locator('.tab-panel h2').first().textContent()).toBe('家計表');

    // 家計表: the totals follow the typing; the saved ones are the server's.
    await type(page, '収入1の金額（月額・円）', '120000');
    await type(page, '支出1の金額（月額・円）', '55000');
    await page.getByRole('button', { name: '支出の行を追加する' }).click();
    await field(page, '支出2の費目').selectOption({ label: '食費' });
    await type(page, '支出2の金額（月額・円）', '40000');
    await expect.poll(() => page.textContent('.totals')).toContain('25,000円（黒字）');
    await screenshot(page, 'case-budget-sheet-form');
    await press(page, '家計表を保存する');
    await saved(page, '家計表を保存しました', 'case');
    await expect.poll(() => page.textContent('.record')).toContain('95,000円');
    expect(await accessibilityViolations(page)).toEqual([]);

    // キャッシュフロー表 from that sheet, with a one-off expense that runs the money out.
    await openTab(page, 'キャッシュフロー表');
    await type(page, '開始時の残高（円）', '30000');
    await page.getByRole('button', { name: '出来事を追加する' }).click();
    await field(page, '出来事1の月').selectOption({ index: 2 });
    await type(page, '出来事1の出来事', '車検');
    await type(page, '出来事1の金額（円）', '-100000');
    await press(page, 'キャッシュフロー表を保存する');
    await saved(page, 'キャッシュフロー表を保存しました', 'case');
    await expect.poll(() => page.textContent('.tab-panel')).toContain('残高が不足します');
    await screenshot(page, 'case-cash-flow');

    // 債務・滞納
    await openTab(page, '債務・滞納');
    await type(page, '債権者', '見本ファイナンス');
    await field(page, '債務の種類').selectOption({ label: '消費者金融' });
    await type(page, '残高（円）', '500000');
    await type(page, '月々の返済額（円）', '20000');
    await press(page, '債務を追加する');
    await saved(page, '債務を保存しました', 'case');
    await expect.poll(() => page.textContent('.totals')).toContain('500,000円');
    await field(page, '滞納の種類').selectOption({ label: '家賃' });
    await type(page, '滞納額（円）', '110000');
    await type(page, '滞納月数（か月）', '2');
    await press(page, '滞納を追加する');
    await saved(page, '滞納を保存しました', 'case');
    await screenshot(page, 'case-debts');

    // 家計再生プラン
    await openTab(page, '家計再生プラン');
    await type(page, '目標', '家賃の滞納を解消し、毎月の収支を黒字にする');
    await type(page, '取組み1の取組み', '携帯電話の料金プランを見直す');
    await type(page, '取組み1の期限', '1か月');
    await press(page, '家計再生プランを保存する');
    await saved(page, '家計再生プランを保存しました', 'case');
    await screenshot(page, 'case-budget-plan');
    await page.context().close();
  });

  it('[ACQ-2] without consent a special-care note is refused, and saved once a ground and its reason are recorded', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const res = await worker.post('/api/consultees', {
      familyName: '見本',
      givenName: '四郎',
      familyNameKana: 'ミホン',
      givenNameKana: 'シロウ',
      birthDate: '1990-02-02',
      program: 'self_reliance',
      openedOn: '2026-11-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { caseId } = res.json() as { caseId: string };
    const page = await newPage(t.browser);
    await signInAs(page, t, 'worker1');
    await page.goto(`${t.url}/cases/${caseId}?tab=notes`);
    await expect.poll(() => page.locator('.tab-panel h2').first().textContent()).toBe('支援経過記録');
    await field(page, '対応の方法').selectOption({ label: '電話' });
    await type(page, '対応の内容', '通院先の病院から、受診の状況について連絡があった。');
    await tick(page, '要配慮個人情報（病歴・障害・犯罪被害など）を含む');
    await press(page, '経過を記録する');
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('要配慮個人情報を取得するには');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await field(page, '本人の同意によらずに取得する（法令等に定める根拠による）').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'case-note-ground-asked');
    await field(page, '同意によらない取得の根拠').selectOption({
      label: '人の生命、身体又は財産の保護のために必要で、本人の同意を得ることが困難な場合',
    });
    await type(page, '同意によらない取得の理由', '本人が入院中で同意を得られず、治療の継続に必要なため。');
    await press(page, '経過を記録する');
    await saved(page, '支援経過を記録しました', 'case');
    await expect.poll(() => page.textContent('.record')).toContain('要配慮個人情報');
    await page.context().close();
  });
});
