import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs`, e.g. `--lang=ko` for the console: date inputs follow the browser's own language. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Listens on a free port of 127.0.0.1 and returns the base URL a browser can open. */
export async function listenForBrowser(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/**
 * Chromium for one test file, and the app (from `useTestApp`) listening where it can reach it:
 * `base` is the app's URL. Call after `useTestApp`, whose `beforeAll` creates the app first.
 */
export function useBrowser(app: INestApplication): { readonly base: string; readonly browser: Browser } {
  let base: string | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    base = await listenForBrowser(app);
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is used before beforeAll created it`);
    return value;
  };
  return {
    get base() {
      return ready(base, 'base');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}
