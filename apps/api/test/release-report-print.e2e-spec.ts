import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { FakeClock, loadPallet, newCar, newOrderLists, useStaff, useTestApp } from '@app/testing';
import { useBrowser } from './chromium';

const DAY = '20261201';
const CAR = '78다9012';
/** A product name of several Korean words, long enough to wrap in its column. */
const LONG_NAME =
  '제주도산 유기농 무농약 한라봉 선물세트 특대과 프리미엄 보자기 포장 냉장 보관 상품 가정용 소포장 명절 한정 판매 기획전 특가';

const pdfText = promisify(execFile);

/**
 * Runs in the page: for each word of every product-name cell, the lines its characters sit on
 * (by the tops of their boxes). A word on two lines was broken; a cell on several lines wrapped.
 */
const WORD_LINES = `(() => {
  const broken = [];
  let wrapped = 0;
  for (const cell of document.querySelectorAll('#sheet tbody tr td:nth-child(4)')) {
    const text = cell.firstChild;
    const tops = new Set();
    let start = 0;
    for (const word of text.data.split(' ')) {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + word.length);
      const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(word);
      lines.forEach((top) => tops.add(top));
      start += word.length + 1;
    }
    if (tops.size > 1) wrapped += 1;
  }
  return { broken, wrapped };
})()`;

describe('Release: the printed sheet (e2e, headless Chromium, pdftotext)', () => {
  let workDir: string;
  // 2026-12-01 09:41 in Asia/Seoul
  const clock = new FakeClock('2026-12-01T00:41:00Z');

  const { app } = useTestApp({ clock });
  const staff = useStaff(app);
  const web = useBrowser(app);
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'release-print-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  /** A sheet of `lines` lines over three pallets, counts 1..lines; returns the report path and the total. */
  async function sheetOf(lines: number, codeName = (index: number) => `상품 ${index + 1}`) {
    const car = await newCar(app, { carNumber: CAR, palletCount: 3 });
    const orders = await newOrderLists(
      app,
      DAY,
      Array.from({ length: lines }, (_, index) => ({ code: `C-${index + 1}`, codeName: codeName(index), count: index + 1 })),
    );
    const pallets = car.pallets.getItems();
    for (let p = 0; p < 3; p += 1) {
      await loadPallet(app, pallets[p].id, DAY, orders.slice((p * lines) / 3, ((p + 1) * lines) / 3));
    }
    return { path: `/release/report?carId=${car.id}&ymd=${DAY}`, total: (lines * (lines + 1)) / 2 };
  }

  async function openAsStaff(path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await web.browser.newContext();
    const login = await context.request.post(`${web.base}/auth/login`, {
      data: { username: staff.user.username, password: staff.password },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    expect((await page.goto(`${web.base}${path}`))?.status()).toBe(200);
    return { context, page };
  }

  /** What Ctrl+P gives: the page's own @page size and margins, no extra header template. */
  async function printedPages(page: Page): Promise<string[]> {
    const file = join(workDir, `sheet-${Date.now()}.pdf`);
    await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
    const { stdout } = await pdfText('/usr/bin/pdftotext', ['-layout', file, '-']);
    return stdout.split('\f').filter((text) => text.trim() !== '');
  }

  it('prints a 90-line sheet on several pages, each with the car, the day and "page n of N"; the total, print time and signatures once, at the end', async () => {
    const { path, total } = await sheetOf(90);
    const { context, page } = await openAsStaff(path);
    try {
      const pages = await printedPages(page);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      pages.forEach((text, index) => {
        const header = text.split('\n').find((line) => line.trim() !== '') ?? '';
        expect({ page: index + 1, car: text.includes(CAR), day: text.includes('2026-12-01') }).toEqual({
          page: index + 1,
          car: true,
          day: true,
        });
        expect({ page: index + 1, header }).toEqual({
          page: index + 1,
          header: expect.stringMatching(new RegExp(`page ${index + 1} of ${pages.length}\\s*$`)),
        });
        // the column heads repeat too
        expect({ page: index + 1, heads: /팔레트\s+납품처\s+상품코드\s+상품명\s+수량/.test(text) }).toEqual({
          page: index + 1,
          heads: true,
        });
      });
      const all = pages.join('\f');
      // This machine has no Korean font: Chromium prints boxes whose PDF text loses a few Hangul
      // syllables (상차 comes out as 상), so the closing block is found by its Latin labels.
      expect(all.match(/\(grand total\)/g)).toHaveLength(1);
      expect(pages.at(-1)).toMatch(new RegExp(`\\(grand total\\)\\s+${total}\\s*$`, 'm'));
      expect(all.match(/\(loaded by\)/g)).toHaveLength(1);
      expect(all.match(/\(checked by\)/g)).toHaveLength(1);
      expect(pages.at(-1)).toMatch(/\(printed\)\s+2026-12-01 09:41 Asia\/Seoul/);
      for (const line of [1, 45, 90]) expect(all).toMatch(new RegExp(`C-${line}\\s+상품 ${line}\\s+${line}\\b`));
    } finally {
      await context.close();
    }
  });

  it('wraps Korean product names only between words (word-break: keep-all)', async () => {
    const { path } = await sheetOf(3, () => LONG_NAME);
    const { context, page } = await openAsStaff(path);
    try {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.emulateMedia({ media: 'print' });
      const split = await page.evaluate<{ broken: string[]; wrapped: number }>(WORD_LINES);
      expect(split.wrapped).toBe(3);
      expect(split.broken).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the total once on screen too, after the table, not in a repeating footer', async () => {
    const { path } = await sheetOf(3);
    const res = await request(app.getHttpServer()).get(path).set('Authorization', staff.auth).expect(200);
    expect(res.text).not.toContain('<tfoot');
    expect(res.text).toMatch(/<\/table>[^]*<section id="closing">[^]*id="total"/);
  });
});
