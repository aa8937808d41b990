// End-to-end support: the real app on a real port serving the built web app
// (dist/web), and headless Chromium driven by playwright-core.

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import type { AppContext } from '../../src/server/context.js';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.js';
import { seedWorld, testContext, type World } from './world.js';
import { webRoot } from '../../src/server/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a sandboxed CI machine with no network beyond localhost. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function startServer(ctx: AppContext): Promise<{ app: FastifyInstance; url: string }> {
  if (!existsSync(path.join(webRoot(), 'index.html'))) {
    throw new Error('The web app is not built: run npm run build:web first (npm test does).');
  }
  const app = await buildApp(ctx, { webRoot: webRoot() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}` };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  return context.newPage();
}

/** Screenshots of what users see, kept with the test results for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve('test-results', 'screenshots');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface BrowserTestApp {
  tdb: TestDatabase;
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  w: World;
  browser: Browser;
}

/** The tests of one browser file: a fresh database with a seeded tenant, the app on a real port, and Chromium. */
export function useBrowserApp(): BrowserTestApp {
  const t = {} as BrowserTestApp;
  beforeAll(async () => {
    t.tdb = await createTestDatabase();
    t.ctx = testContext(t.tdb);
    ({ app: t.app, url: t.url } = await startServer(t.ctx));
    t.w = await seedWorld(t.tdb, t.ctx);
    t.browser = await launchBrowser();
  });
  afterAll(async () => {
    await t.browser?.close();
    await t.app?.close();
    await t.tdb?.close();
  });
  return t;
}
