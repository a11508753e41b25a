import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestServer, TestClient, type TestServer } from '@ecohub/server/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';

export const webRoot = resolve(import.meta.dirname, '..');
export const screenshotDir = join(webRoot, 'e2e', 'screenshots');
export const DEMO_PASSWORD = 'ecohub-demo-2012';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/**
 * `describe` when a browser exists, otherwise `describe.skip` with a message nobody can miss:
 * a skipped browser suite must never look like a passing one.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (chromiumPath()) {
    describe(name, body);
    return;
  }
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!!! BROWSER TESTS SKIPPED: no Chromium at /usr/bin/chromium and CHROMIUM_PATH is not set.\n` +
      `!!! Install it (as root: apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium binary.\n${line}\n`,
  );
  describe.skip(name, body);
}

export interface Hub {
  server: TestServer;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** A real hub (own database, seeded) serving the built client, and a fresh headless Chromium. */
export async function startHub(): Promise<Hub> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is missing');
  if (!existsSync(join(webRoot, 'dist', 'index.html'))) throw new Error('apps/web/dist is missing: the e2e global setup builds it');
  const server = await startTestServer({ env: { WEB_DIST_DIR: join(webRoot, 'dist') } });
  let browser: Browser;
  try {
    // Playwright gives every launch a fresh temporary profile (user-data-dir) of its own.
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  mkdirSync(screenshotDir, { recursive: true });
  return {
    server,
    browser,
    baseUrl: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors (CSP violations, uncaught exceptions). */
  consoleErrors: string[];
}

/** One person in their own browser context (own cookies), signed in through the real form. */
export async function signInAs(
  hub: Hub,
  email: string,
  options: {
    viewport?: { width: number; height: number };
    locale?: 'ko' | 'en';
    /** A touch screen (a phone), so taps work and touch-only controls show. */
    hasTouch?: boolean;
    /** Runs on the new context before the first page opens (e.g. routeWebSocket, which only sees sockets opened later). */
    prepare?: (context: BrowserContext) => Promise<void>;
  } = {},
): Promise<Person> {
  const context = await hub.browser.newContext({
    baseURL: hub.baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    hasTouch: options.hasTouch ?? false,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
  if (options.locale) {
    await context.addInitScript((locale) => localStorage.setItem('ecohub.locale', locale), options.locale);
  }
  await options.prepare?.(context);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-form').waitFor();
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByTestId('live-indicator').and(page.locator('.live--live')).waitFor({ timeout: 10_000 });
  return { context, page, consoleErrors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Opens a register and loads every page of it ("more" until none is left); answers how many rows it shows. */
export async function openEveryPage(page: Page, path: string, rows: string): Promise<number> {
  await page.goto(path);
  await page.locator(rows).first().waitFor();
  const shownRows = page.locator(rows);
  for (let shown = await shownRows.count(); await page.locator('.more button').isVisible(); ) {
    await page.locator('.more button').click();
    await expect.poll(() => shownRows.count()).toBeGreaterThan(shown);
    shown = await shownRows.count();
  }
  return shownRows.count();
}

export const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;

/**
 * For the describe block it is called in: a hub, the program manager in a browser, and the same
 * manager over GraphQL for the changes the page must show as made by someone else.
 */
export function managerWatchingChanges(): { readonly hub: Hub; readonly manager: Person; readonly writer: TestClient } {
  const setup = {} as { hub: Hub; manager: Person; writer: TestClient };
  beforeAll(async () => {
    setup.hub = await startHub();
    setup.writer = await new TestClient(setup.hub.baseUrl).signInAs('manager@ecofrontier.co.kr');
    setup.manager = await signInAs(setup.hub, 'manager@ecofrontier.co.kr');
  });
  afterAll(async () => {
    await setup.manager?.context.close();
    await setup.hub?.close();
  });
  return setup;
}
