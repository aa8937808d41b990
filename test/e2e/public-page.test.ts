// The public notice in a real browser (DSR-1, PUB-1): an anonymous visitor opens
// the tenant's public page and reads it without being sent to sign in; and the
// privacy protection manager records a change of a joint use and sees by when the
// persons must be told (PRV-2). Pages are photographed and checked with axe.

import { beforeAll, describe, expect, it, onTestFailed } from 'vitest';

import { signIn, type Client } from '../support/world.js';
import { newPage, screenshot, useBrowserApp } from '../support/browser.js';
import { accessibilityViolations, field, heading, signInAs } from '../support/ui.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { seedRelatedAgencies } from '../../src/server/tenancy/related-agencies.js';
import { dayAfter } from '../../src/server/tenancy/sample-forms.js';
import { DEMO_PUBLIC_PROFILE } from '../../src/server/tenancy/privacy-register.js';
import { formatWareki, tokyoDate } from '../../src/shared/wareki.js';

const t = useBrowserApp();
let ppm: Client;
const agency: Record<string, string> = {};
const today = () => tokyoDate(new Date());

const jointUse = () => ({
  items: ['name', 'address', 'household', 'consultation', 'finance'],
  userAgencyIds: [agency['生活福祉課'], agency['ハローワーク青梅'], agency['青梅市地域包括支援センター']],
  usersNote: '生活困窮者自立支援法第9条に基づく支援会議の構成員',
  purposes: ['支援会議において、生活困窮者の支援に必要な情報を交換するため'],
  responsibleAgencyId: null,
  responsibleName: '見本市（福祉部 生活支援課）',
  responsibleAddress: '〒000-0000 架空県見本市見本町一丁目1番1号',
  responsibleRepresentative: '見本市長 見本 一郎',
});

beforeAll(async () => {
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    await seedRelatedAgencies(tx, t.w.tenantId);
    for (const a of await tx.selectFrom('relatedAgencies').select(['agencyId', 'name']).execute()) {
      agency[a.name] = a.agencyId;
    }
  });
  ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
  const put = await ppm.request({
    method: 'PUT',
    url: '/api/public-profile',
    payload: {
      ...DEMO_PUBLIC_PROFILE,
      organizationName: '社会福祉法人 見本市社会福祉協議会',
      address: '〒000-0000 架空県見本市見本町二丁目3番4号',
      representative: '会長 見本 一太',
    },
  });
  expect(put.statusCode, put.body).toBe(200);
  const entry = await ppm.post('/api/register', {
    code: '001',
    effectiveOn: '2015-04-01',
    name: '自立相談支援事業',
    section: '見本市くらしサポートセンター（自立相談支援機関）',
    items:
      '基本的情報（氏名、性別、生年月日、住所、電話番号、家族関係）\n健康に関する情報（要配慮個人情報を含む）\n就労の状況\n収入・資産・債務の状況',
    purposeCodes: ['consultation_support', 'municipal_application', 'support_coordination'],
    methods: '相談の受付、アセスメント、プランの策定・評価、関係機関との支援の調整',
    sources: '本人。本人の同意を得て家族及び関係機関から',
    recipients: '本人の同意を得て関係機関・関係者に提供します。',
    media: '電子（クラウド型システム）及び紙',
    retention: '支援の終結から5年',
    retentionYears: 5,
    recordCount: '年間の新規相談者 約300人',
    published: true,
  });
  expect(entry.statusCode, entry.body).toBe(200);
  const declared = await ppm.post('/api/joint-use', {
    title: '支援会議の構成員による共同利用',
    ...jointUse(),
    declaredOn: '2026-03-15',
    effectiveFrom: '2026-04-01',
  });
  expect(declared.statusCode, declared.body).toBe(200);
});

describe('[PUB-1] the public page in the browser', () => {
  it('[PUB-1][DSR-1] renders for an anonymous visitor without signing in: name, address, representative, purposes, procedures, fees, security, complaints, agencies, joint use and the register', async () => {
    const page = await newPage(t.browser);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    onTestFailed(async () => {
      await screenshot(page, 'public-page-failure');
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));

    await page.goto(`${t.url}/public/${t.w.code}`);
    await expect.poll(() => heading(page)).toBe('個人情報の取扱いについて');
    // Not sent to sign in, and no session was asked for.
    expect(new URL(page.url()).pathname).toBe(`/public/${t.w.code}`);
    expect(requests).not.toContain('/api/session');
    expect(await page.context().cookies()).toEqual([]);

    const text = (await page.textContent('main')) ?? '';
    for (const expected of [
      '社会福祉法人 見本市社会福祉協議会',
      '〒000-0000 架空県見本市見本町二丁目3番4号',
      '会長 見本 一太',
      '相談支援業務を円滑に行うため',
      '支援提供、関係機関・者との連絡・調整等、ご相談者の自立支援に資するため',
      '保有個人情報開示等請求書',
      '開示請求の手数料は無料です',
      '技術的安全管理措置',
      '個人情報相談窓口',
      'ハローワーク青梅',
      '支援会議の構成員による共同利用',
      '見本市長 見本 一郎',
      '登録番号 001',
      '電子（クラウド型システム）及び紙',
      '平成27年4月1日',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const name of [
      '個人情報の利用目的',
      '開示等の請求の手続',
      '手数料',
      '安全管理のために講じた措置',
      '苦情の申出先',
    ]) {
      expect(await page.getByRole('heading', { level: 2, name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.locator('address').count()).toBeGreaterThanOrEqual(3);
    // Nothing about the staff or the consultees of the tenant.
    expect(text).not.toMatch(/テスト (ppm|worker1)|試験[A-E]/);
    expect(await page.title()).toBe('個人情報の取扱いについて | 社会福祉法人 見本市社会福祉協議会');

    // The contents can be followed with the keyboard.
    await page.getByRole('link', { name: '個人データの共同利用' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#public-joint-use');

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-page');

    await page.goto(`${t.url}/public/no-such-tenant`);
    await expect.poll(() => heading(page)).toBe('公表されている情報は見つかりません');
    expect(new URL(page.url()).pathname).toBe('/public/no-such-tenant');
    await screenshot(page, 'public-page-unknown');
    await page.context().close();
  });

  it('[PRV-2][PUB-1] the privacy protection manager records a change of the responsible party’s address and sees the notice due date; the public page shows the new address', async () => {
    const page = await newPage(t.browser);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    onTestFailed(async () => {
      await screenshot(page, 'joint-use-failure');
    });
    await signInAs(page, t, 'ppm');

    await page.goto(`${t.url}/privacy/joint-use`);
    await expect.poll(() => heading(page)).toBe('共同利用');
    await expect.poll(() => page.textContent('main')).toContain('支援会議の構成員による共同利用');
    await expect.poll(() => page.textContent('main')).toContain('通知・公表が必要な変更はありません');

    await page.getByRole('button', { name: '変更を記録する', exact: true }).focus();
    await page.keyboard.press('Enter');
    // The rule is shown before anything is saved.
    await expect.poll(() => page.textContent('main')).toContain('変更と本人への通知・公表のきまり');
    const address = page.getByLabel(/^責任を有する者の住所/).and(page.locator('input'));
    await address.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('〒000-0000 架空県見本市見本町二丁目2番2号（新庁舎）');
    await page.getByRole('button', { name: '変更の内容と通知の期限を確認する' }).focus();
    await page.keyboard.press('Enter');
    const due = `本人への通知又は公表の期限: ${formatWareki(today())}`;
    await expect.poll(() => page.textContent('main')).toContain(due);
    await expect.poll(() => page.textContent('main')).toContain('遅滞なく本人に通知し、又は公表する');
    await screenshot(page, 'joint-use-change-checked');

    await page.getByRole('button', { name: '変更を記録する', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.announcer').textContent())
      .toContain(`本人への通知又は公表を${formatWareki(today())}までに行ってください`);
    const dueSection = page.getByRole('region', { name: '通知・公表が必要な変更' });
    await expect.poll(() => dueSection.textContent()).toContain('責任者の氏名・名称、住所又は代表者の変更');
    await expect.poll(() => dueSection.textContent()).toContain(formatWareki(today()));
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'joint-use-notice-due');

    // The notice is given today and recorded.
    await dueSection.getByRole('button', { name: '通知・公表日を記録する' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.announcer').textContent()).toContain('通知・公表日を記録しました');
    await expect.poll(() => dueSection.textContent()).toContain('通知・公表が必要な変更はありません');

    // The register and the profile screens open for the manager too.
    await page.goto(`${t.url}/privacy/register`);
    await expect.poll(() => heading(page)).toBe('個人情報ファイル簿');
    await expect.poll(() => page.textContent('main')).toContain('自立相談支援事業');
    await screenshot(page, 'register-list');
    await page.getByRole('link', { name: '自立相談支援事業' }).click();
    await expect.poll(() => heading(page)).toBe('自立相談支援事業');
    await expect.poll(() => page.textContent('main')).toContain('届出の履歴');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'register-entry');

    // A new operation started with the keyboard, then abolished: listed until its retention ends.
    await page.goto(`${t.url}/privacy/register`);
    await expect.poll(() => heading(page)).toBe('個人情報ファイル簿');
    await page.getByRole('button', { name: '業務の開始を届け出る' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: '業務の開始を届け出る' }).count()).toBe(1);
    for (const [label, text] of [
      ['業務の名称', '家計改善支援事業'],
      ['担当する課・係', '見本市くらしサポートセンター（家計改善支援員）'],
      ['記録される項目', '氏名、住所、収入及び支出の状況、債務の状況'],
      ['利用の方法', '家計表の作成と家計再生プランの策定'],
      ['収集先', '本人'],
      ['提供先・提供の方法', '本人の同意を得て貸付機関へ'],
      ['保存期間', '支援の終結から5年'],
    ] as const) {
      await field(page, label).focus();
      await page.keyboard.type(text);
    }
    await field(page, '相談支援業務を円滑に行うため').focus();
    await page.keyboard.press('Space');
    await screenshot(page, 'register-start-form');
    await page.getByRole('button', { name: '開始を記録する' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('家計改善支援事業');
    await expect.poll(() => page.locator('.announcer').textContent()).toContain('業務の開始を登録簿に記録しました');
    await page.getByRole('button', { name: '廃止を届け出る' }).focus();
    await page.keyboard.press('Enter');
    await field(page, '廃止の理由').focus();
    await page.keyboard.type('事業の見直しのため');
    await expect.poll(() => page.textContent('main')).toContain('登録簿への掲載は');
    await page.getByRole('button', { name: '廃止を記録する' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.announcer').textContent()).toContain('廃止を登録簿に記録しました');
    await expect.poll(() => page.textContent('main')).toContain('まで登録簿に掲載します');
    await screenshot(page, 'register-entry-abolished');
    await page.goto(`${t.url}/privacy/public-profile`);
    await expect.poll(() => heading(page)).toBe('公表事項');
    await expect.poll(() => page.getByRole('link', { name: /公表ページを開く/ }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-profile-form');

    // Anyone sees the new address on the public page.
    await page.goto(`${t.url}/public/${t.w.code}`);
    await expect.poll(() => heading(page)).toBe('個人情報の取扱いについて');
    await expect.poll(() => page.textContent('main')).toContain('見本町二丁目2番2号（新庁舎）');
    await page.context().close();
  });

  it('[PUB-1] an announced change of purposes shows on the public page before it applies', async () => {
    const list = (await ppm.get('/api/joint-use')).json().items as { declarationId: string; history: unknown[] }[];
    const d = list[0];
    if (!d) throw new Error('no joint use');
    const later = dayAfter(today(), 30);
    const res = await ppm.post(`/api/joint-use/${d.declarationId}/versions`, {
      ...jointUse(),
      responsibleAddress: '〒000-0000 架空県見本市見本町二丁目2番2号（新庁舎）',
      purposes: [...jointUse().purposes, '支援体制に関する検討を行うため'],
      changedOn: today(),
      noticeOn: today(),
      effectiveFrom: later,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = await newPage(t.browser);
    await page.goto(`${t.url}/public/${t.w.code}`);
    await expect.poll(() => heading(page)).toBe('個人情報の取扱いについて');
    const note = page.getByRole('note', { name: '変更のお知らせ' });
    await expect.poll(() => note.textContent()).toContain(formatWareki(later));
    await expect.poll(() => note.textContent()).toContain('支援体制に関する検討を行うため');
    await note.scrollIntoViewIfNeeded();
    await screenshot(page, 'public-page-announced-change');
    await page.context().close();
  });
});
