import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { type Clock } from '@app/core';
import { createTestApp, type Member, resetDatabase, withEnv } from '@app/testing';
import { launchChromium, listenForBrowser } from '../chromium';

const ROOT = resolve(__dirname, '../../../..');

/**
 * The console as `npm run build` builds it, into a folder of this test file's own: the browser
 * tests always drive the sources as they are now, never a stale dist/.
 */
function buildConsole(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'gym-console-build-'));
  const vite = spawnSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', 'apps/console', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (vite.status !== 0) throw new Error(`vite build failed:\n${vite.stdout}\n${vite.stderr}`);
  return outDir;
}

export interface ConsoleUnderTest {
  readonly app: INestApplication;
  readonly http: ReturnType<typeof request>;
  readonly base: string;
  readonly browser: Browser;
  /** A fresh browser (no cookies) on the console's sign-in page, with the page's errors collected. */
  open(path?: string): Promise<{ context: BrowserContext; page: Page; pageErrors: string[]; consoleErrors: string[] }>;
  signIn(page: Page, who: Member): Promise<void>;
  /** Saves a screenshot into `CONSOLE_SCREENSHOTS` (docs/console) when that is set; a no-op otherwise. */
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * The API serving a fresh console build at /admin, listening for Chromium, with the tables emptied
 * before each test. `env` is applied while the app is created (e.g. a short JWT_EXPIRES_IN).
 */
export function useConsole(options: { clock?: Clock; env?: Record<string, string> } = {}): ConsoleUnderTest {
  let app: INestApplication | undefined;
  let http: ReturnType<typeof request> | undefined;
  let base = '';
  let browser: Browser | undefined;
  let buildDir = '';
  const contexts: BrowserContext[] = [];
  const screenshots = process.env.CONSOLE_SCREENSHOTS ? resolve(ROOT, process.env.CONSOLE_SCREENSHOTS) : undefined;

  beforeAll(async () => {
    buildDir = buildConsole();
    app = await withEnv({ CONSOLE_DIR: buildDir, ...options.env }, () => createTestApp({ clock: options.clock }));
    http = request(app.getHttpServer());
    base = await listenForBrowser(app);
    browser = await launchChromium();
  }, 120_000);
  beforeEach(() => resetDatabase(app!));
  afterEach(async () => {
    // what the browser showed last, for a failing step: <tmp>/gym-console-last.png
    const last = contexts.at(-1)?.pages().at(-1);
    await last?.screenshot({ path: join(tmpdir(), 'gym-console-last.png') }).catch(() => undefined);
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(buildDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is used before beforeAll created it`);
    return value;
  };

  return {
    get app() {
      return ready(app, 'app');
    },
    get http() {
      return ready(http, 'http');
    },
    get base() {
      return base;
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async open(path = '/admin') {
      // a browser far from the gym: every time the console shows must still be the gym's (Asia/Seoul)
      const context = await ready(browser, 'browser').newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'ko-KR',
        timezoneId: 'America/Los_Angeles',
      });
      contexts.push(context);
      const page = await context.newPage();
      // uncaught exceptions; and what the page logged as an error, first line only (react-admin logs
      // each refused call; Chromium logs each 4xx answer, which the tests check through the page)
      const pageErrors: string[] = [];
      const consoleErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(`${error.message}\n${error.stack}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          consoleErrors.push(message.text().split('\n')[0]);
      });
      await page.goto(`${base}${path}`);
      return { context, page, pageErrors, consoleErrors };
    },
    async signIn(page: Page, who: Member) {
      await page.locator('input[name=username]').fill(who.user.username);
      await page.locator('input[name=password]').fill(who.password);
      await page.getByRole('button', { name: '로그인' }).click();
    },
    async screenshot(page: Page, name: string) {
      if (!screenshots) return;
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `${name}.png`) });
    },
  };
}

/** Waits until the locator's first match is visible (the page may still be fetching). */
export async function shows(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Waits until the locator's element contains `text`. */
export async function showsText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Picks `option` in the select labelled `label`. MUI's menu can re-render while it opens (a list
 * refetching behind it), detaching the option under the pointer: a try that loses its option
 * opens the menu again, and the choice is checked on the select itself.
 */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await select.click({ timeout: 5_000 });
      await page.getByRole('option', { name: option, exact: true }).click({ timeout: 3_000 });
      await select.filter({ hasText: option }).waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
