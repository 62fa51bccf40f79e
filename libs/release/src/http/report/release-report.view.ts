import { randomBytes } from 'node:crypto';
import type { ReleaseSheet } from '../../release-sheet.service';
import { toCssString } from './css-string';
import { escapeHtml, toScriptJson } from './script-json';

export interface ReleaseReportPage {
  html: string;
  headers: Record<string, string>;
}

/** The row fields the page shows, in column order. */
const COLUMNS = ['palletSeq', 'locationName', 'code', 'codeName', 'count'] as const;

/** What the printed sheet says about its own printing: when, in the gym's time zone. */
export interface PrintStamp {
  /** `YYYY-MM-DD HH:mm`, wall clock. */
  printedAt: string;
  timeZone: string;
}

/**
 * Screen and print. Printed, every page repeats the column heads and a heading row (the table's
 * `thead`), and the page margin boxes carry the car, the day and `page / pages` (Chromium 131+
 * prints `@page` margin boxes; Ctrl+P gets them without any option). The grand total, the print
 * time and the signature lines come once, after the table, kept together. Korean words wrap only
 * between words (`word-break: keep-all`); a word longer than its column still wraps rather than
 * running off the page (`overflow-wrap: break-word`).
 */
function style(car: string, day: string): string {
  return `
  body { font-family: "Noto Sans KR", "Malgun Gothic", sans-serif; margin: 24px; color: #111; word-break: keep-all; overflow-wrap: break-word; }
  header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
  h1 { font-size: 20px; margin: 0; }
  .meta { margin: 0; color: #444; }
  table { border-collapse: collapse; width: 100%; margin-top: 16px; font-size: 14px; }
  th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; }
  th { background: #eee; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.first-of-pallet td { border-top: 2px solid #111; }
  tr.print-only { display: none; }
  #print { margin-left: auto; padding: 6px 16px; font-size: 14px; }
  #closing { margin-top: 16px; break-inside: avoid; }
  #closing .grand-total { font-size: 16px; margin: 0 0 8px; }
  #closing .printed { color: #444; margin: 0 0 24px; }
  .signatures { display: flex; gap: 48px; }
  .signatures div { flex: 1; display: flex; align-items: flex-end; gap: 8px; }
  .signatures .line { flex: 1; border-bottom: 1px solid #111; height: 28px; }
  @page {
    size: A4 portrait;
    margin: 16mm 12mm 14mm;
    @top-left { content: ${toCssString(`차량 ${car} · 출하일 ${day}`)}; font-size: 9pt; }
    @top-right { content: "page " counter(page) " of " counter(pages); font-size: 9pt; }
  }
  @media print {
    body { margin: 0; font-size: 10pt; }
    .no-print { display: none !important; }
    th { background: none; }
    thead { display: table-header-group; }
    tr.print-only { display: table-row; }
    tr { break-inside: avoid; }
    table { font-size: 10pt; }
  }`;
}

/**
 * Runs under the page's nonce: builds the table from the JSON data block. Cells are filled with
 * `textContent`, so an order line's text is shown as text whatever it contains.
 */
const SCRIPT = `
  (function () {
    var columns = ${JSON.stringify(COLUMNS)};
    var rows = JSON.parse(document.getElementById('rows').textContent);
    var body = document.querySelector('#sheet tbody');
    var total = 0;
    var previousSeq = null;
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      if (row.palletSeq !== previousSeq) tr.className = 'first-of-pallet';
      previousSeq = row.palletSeq;
      columns.forEach(function (column) {
        var td = document.createElement('td');
        td.textContent = String(row[column]);
        if (column === 'palletSeq' || column === 'count') td.className = 'num';
        tr.appendChild(td);
      });
      body.appendChild(tr);
      total += row.count;
    });
    document.getElementById('total').textContent = String(total);
    document.getElementById('empty').hidden = rows.length > 0;
    document.getElementById('print').addEventListener('click', function () { window.print(); });
  })();`;

/** `YYYYMMDD` to `YYYY-MM-DD` for people. */
const readableDay = (ymd: string): string => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;

/**
 * The printable release sheet. The rows travel as JSON in a `<script type="application/json">`
 * data block (see `toScriptJson`) and the page's one script, allowed by a per-response nonce in
 * the Content-Security-Policy, renders them. Nothing else may run, load or frame the page.
 */
export function renderReleaseReport(sheet: ReleaseSheet, stamp: PrintStamp): ReleaseReportPage {
  const nonce = randomBytes(18).toString('base64');
  const rows = sheet.rows.map((row) => Object.fromEntries(COLUMNS.map((column) => [column, row[column]])));
  const title = escapeHtml(sheet.title);
  const car = escapeHtml(sheet.car.carNumber);
  const day = readableDay(sheet.ymd);
  const html = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${car}</title>
<style nonce="${nonce}">${style(sheet.car.carNumber, day)}
</style>
</head>
<body>
<header>
  <h1 id="title">${title}</h1>
  <p class="meta">차량 <strong id="car-number">${car}</strong> (${escapeHtml(sheet.car.type)}) · 출하일 ${day}</p>
  <button type="button" id="print" class="no-print">인쇄</button>
</header>
<table id="sheet">
  <thead>
    <tr class="print-only"><th colspan="5">${title} · 차량 ${car} · 출하일 ${day}</th></tr>
    <tr><th class="num">팔레트</th><th>납품처</th><th>상품코드</th><th>상품명</th><th class="num">수량</th></tr>
  </thead>
  <tbody></tbody>
</table>
<p id="empty" hidden>이 날 적재된 주문이 없습니다.</p>
<section id="closing">
  <p class="grand-total">합계 (grand total) <strong id="total"></strong></p>
  <p class="printed">출력 (printed) <span id="printed-at">${escapeHtml(stamp.printedAt)}</span> ${escapeHtml(stamp.timeZone)}</p>
  <div class="signatures">
    <div>상차 (loaded by) <span class="line"></span></div>
    <div>검수 (checked by) <span class="line"></span></div>
  </div>
</section>
<script type="application/json" id="rows">${toScriptJson(rows)}</script>
<script nonce="${nonce}">${SCRIPT}
</script>
</body>
</html>
`;
  return { html, headers: reportHeaders(nonce) };
}

function reportHeaders(nonce: string): Record<string, string> {
  const policy = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
