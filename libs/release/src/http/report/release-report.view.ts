import { randomBytes } from 'node:crypto';
import type { ReleaseSheet } from '../../release-sheet.service';
import { escapeHtml, toScriptJson } from './script-json';

export interface ReleaseReportPage {
  html: string;
  headers: Record<string, string>;
}

/** The row fields the page shows, in column order. */
const COLUMNS = ['palletSeq', 'locationName', 'code', 'codeName', 'count'] as const;

const STYLE = `
  body { font-family: "Noto Sans KR", "Malgun Gothic", sans-serif; margin: 24px; color: #111; }
  header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
  h1 { font-size: 20px; margin: 0; }
  .meta { margin: 0; color: #444; }
  table { border-collapse: collapse; width: 100%; margin-top: 16px; font-size: 14px; }
  th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; }
  th { background: #eee; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.first-of-pallet td { border-top: 2px solid #111; }
  #print { margin-left: auto; padding: 6px 16px; font-size: 14px; }
  @page { size: A4 portrait; margin: 12mm; }
  @media print {
    body { margin: 0; font-size: 10pt; }
    .no-print { display: none !important; }
    th { background: none; }
    thead { display: table-header-group; }
    tfoot { display: table-footer-group; }
    tr { break-inside: avoid; }
  }`;

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
export function renderReleaseReport(sheet: ReleaseSheet): ReleaseReportPage {
  const nonce = randomBytes(18).toString('base64');
  const rows = sheet.rows.map((row) => Object.fromEntries(COLUMNS.map((column) => [column, row[column]])));
  const title = escapeHtml(sheet.title);
  const car = escapeHtml(sheet.car.carNumber);
  const html = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${car}</title>
<style nonce="${nonce}">${STYLE}
</style>
</head>
<body>
<header>
  <h1 id="title">${title}</h1>
  <p class="meta">차량 <strong id="car-number">${car}</strong> (${escapeHtml(sheet.car.type)}) · 출하일 ${readableDay(sheet.ymd)}</p>
  <button type="button" id="print" class="no-print">인쇄</button>
</header>
<table id="sheet">
  <thead><tr><th class="num">팔레트</th><th>납품처</th><th>상품코드</th><th>상품명</th><th class="num">수량</th></tr></thead>
  <tbody></tbody>
  <tfoot><tr><th colspan="4">합계</th><td class="num" id="total"></td></tr></tfoot>
</table>
<p id="empty" hidden>이 날 적재된 주문이 없습니다.</p>
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
