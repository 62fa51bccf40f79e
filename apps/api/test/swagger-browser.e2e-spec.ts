import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import request from 'supertest';
import { createTestApp } from '@app/testing';

describe('Swagger UI over plain http from a host name other than localhost (e2e, headless Chromium)', () => {
  let app: INestApplication;
  let port: number;
  let browser: Browser;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      // gym.test is what a machine's IP or the compose nginx is to the browser: not localhost, not https.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP gym.test 127.0.0.1'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app.close();
  });

  it('renders the operations at http://gym.test/swagger', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('requestfailed', (req) => blocked.push(req.url()));
    await page.goto(`http://gym.test:${port}/swagger`);
    await page.waitForSelector('.opblock', { timeout: 15_000 });

    expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
    expect(await page.locator('.opblock-summary-path').allInnerTexts()).toContain('/auth/login');
    expect(blocked).toEqual([]);
  });

  it('keeps the rest of the policy strict on the docs', async () => {
    const csp = (await request(app.getHttpServer()).get('/swagger/').redirects(1)).headers['content-security-policy'] as string;
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
  });

  it('leaves the default policy everywhere else', async () => {
    const csp = (await request(app.getHttpServer()).get('/health')).headers['content-security-policy'] as string;
    expect(csp).toContain('upgrade-insecure-requests');
  });
});
