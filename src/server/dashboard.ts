import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CSS, JS, servePage, StaticAsset, staticAssets } from './static-assets';

/**
 * The staffing dashboard at GET /dashboard: a page whose script (dashboard/main.ts, compiled by
 * `npm run build` into dist/dashboard/) uses the typed documents in dashboard/generated/ and
 * uPlot, all served by this server, under the explorer's Content-Security-Policy: the page
 * reaches no other host.
 */

/** dist/dashboard/, from dist/src/server/ (built) or src/server/ (ts-node, jest). */
function compiledDir(): string | undefined {
  const candidates = [path.resolve(__dirname, '../../dashboard'), path.resolve(__dirname, '../../dist/dashboard')];
  return candidates.find((dir) => existsSync(path.join(dir, 'main.js')));
}

function compiled(file: string): () => string {
  return () => {
    const dir = compiledDir();
    if (!dir) throw new Error('dist/dashboard is missing: run `npm run build`');
    return path.join(dir, file);
  };
}

const uplot = (file: string) => () => path.join(path.dirname(require.resolve('uplot')), file);

/** Vendor files are cached in memory; the page's own script is read per request (it is rebuilt). */
const ASSETS: Record<string, StaticAsset> = {
  'uPlot.iife.min.js': { file: uplot('uPlot.iife.min.js'), type: JS, immutable: true },
  'uPlot.min.css': { file: uplot('uPlot.min.css'), type: CSS, immutable: true },
  'main.js': { file: compiled('main.js'), type: JS, immutable: false },
  'generated/graphql.js': { file: compiled('generated/graphql.js'), type: JS, immutable: false },
};

const STYLE = `
:root { --ink: #1b2733; --muted: #5b6b7a; --line: #dde3ea; --brand: #0b3d5c; --ok: #0b6e4f; --bad: #b42318; --warn: #c2410c; --bg: #f4f6f9; }
* { box-sizing: border-box; }
html, body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); font-size: 14px; }
header { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: center; padding: .6rem 1rem; background: var(--brand); color: #fff; }
header h1 { font-size: 1.05rem; margin: 0; white-space: nowrap; }
header form { display: flex; gap: .5rem; align-items: center; margin: 0; }
header input { padding: .35rem .5rem; border-radius: 4px; border: 0; font: inherit; }
header #token { width: 22rem; font-family: monospace; }
header #unit { width: 13rem; font-family: monospace; }
header #unit[readonly] { background: #d7e3ec; }
header button, .card button { padding: .35rem .8rem; border-radius: 4px; border: 0; background: #e8f1f8; color: var(--brand); font: inherit; font-weight: 600; cursor: pointer; }
header #who { margin-left: auto; font-size: .85rem; opacity: .9; }
body[data-state="signed-out"] .signed-in-only, body:not([data-state]) .signed-in-only { display: none; }
body[data-state="loading"] .signed-out-only, body[data-state="ready"] .signed-out-only, body[data-state="signed-in"] .signed-out-only { display: none; }
body[data-state="ready"] #signin-help:has(#signin-error:empty) { display: none; }
main { padding: 1rem; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; max-width: 1400px; margin: 0 auto; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem; min-width: 0; }
.card.wide { grid-column: 1 / -1; }
.card h2 { font-size: 1rem; margin: 0 0 .6rem; }
.card h2 small { font-weight: normal; color: var(--muted); margin-left: .4rem; }
.intro { grid-column: 1 / -1; }
.intro code { background: #eef2f6; padding: .1rem .3rem; border-radius: 3px; }
#status { margin: 0; }
#status:empty, #signin-error:empty { display: none; }
.kpis { display: flex; flex-wrap: wrap; gap: .75rem; margin-bottom: .9rem; }
.kpi { flex: 1 1 10rem; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.kpi-value { display: block; font-size: 1.6rem; font-weight: 700; }
.kpi-label { color: var(--muted); font-size: .8rem; }
.kpi.bad .kpi-value, td.bad { color: var(--bad); }
.kpi.ok .kpi-value { color: var(--ok); }
table.tree { width: 100%; border-collapse: collapse; }
table.tree th { text-align: left; font-size: .78rem; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); padding: .35rem .5rem; }
table.tree td { border-bottom: 1px solid #eef1f4; padding: .3rem .5rem; vertical-align: middle; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.unit strong { display: block; font-weight: 600; }
td.unit small { color: var(--muted); font-family: monospace; font-size: .75rem; }
/* The indent of a row's depth (--depth, set per row): as specific as the padding of table.tree td, and after it, so it wins. */
table.tree td.unit { padding-left: calc(.5rem + var(--depth, 0) * 1.4rem); }
tr[data-unit] td.depth-0 strong { font-size: 1.02rem; }
a.drill { color: var(--brand); text-decoration: none; }
a.drill:hover strong, a.drill:focus-visible strong { text-decoration: underline; }
a:focus-visible { outline: 2px solid #2563a6; outline-offset: 2px; border-radius: 2px; }
.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem; margin: 0 0 .7rem; padding: 0; }
.crumbs li + li::before { content: "›"; color: var(--muted); margin: 0 .35rem; }
.crumbs a { color: var(--brand); }
.crumbs a[aria-current="page"] { color: var(--ink); font-weight: 600; text-decoration: none; }
.bar-cell { width: 28%; }
.bar { display: flex; height: .8rem; background: #f1f3f6; border-radius: 3px; overflow: hidden; }
.bar-filled { background: var(--ok); }
.bar-gap { background: #f3a59d; }
.bar-over { background: #6d28d9; }
.legend { color: var(--muted); font-size: .8rem; margin: .5rem 0 0; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: -1px; margin-left: .6rem; }
.hbars { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr 6.5rem; gap: .45rem .75rem; align-items: center; }
.hbar-track { height: 1.1rem; background: #f1f3f6; border-radius: 3px; overflow: hidden; }
.hbar-fill { display: block; height: 100%; background: #2563a6; min-width: 2px; }
.hbar-fill.warn { background: var(--warn); }
.hbar-fill.ok { background: var(--ok); }
.hbar-value { font-weight: 700; font-variant-numeric: tabular-nums; }
.hbar-value small { font-weight: normal; color: var(--muted); }
.muted { color: var(--muted); font-size: .82rem; }
.error { color: var(--bad); background: #fef3f2; border: 1px solid #fecdca; border-radius: 6px; padding: .5rem .75rem; margin: 0; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .6rem; }
.controls select { font: inherit; padding: .3rem; max-width: 100%; }
.card button { background: var(--brand); color: #fff; }
#curve { min-height: 260px; }
#forecast { min-height: 280px; }
.turnover-figures { display: flex; flex-wrap: wrap; gap: .75rem; margin: .8rem 0 0; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
`;

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>workforce-graph · Bảng điều khiển biên chế / Staffing dashboard</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/dashboard/uPlot.min.css">
  <link rel="stylesheet" href="/dashboard/dashboard.css">
</head>
<body>
  <header>
    <h1>Bảng điều khiển biên chế <small>/ Staffing dashboard</small></h1>
    <form id="signin">
      <label for="token">Token</label>
      <input id="token" type="password" autocomplete="off" placeholder="npm run -s token -- --role HR_OFFICER --unit VN.HCM.NHA_BE">
      <button type="submit">Đăng nhập / Sign in</button>
      <button type="button" id="signout" class="signed-in-only">Đăng xuất</button>
    </form>
    <form id="unit-form" class="signed-in-only">
      <label for="unit">Đơn vị / Unit</label>
      <input id="unit" list="scope-units" autocomplete="off" spellcheck="false">
      <datalist id="scope-units"></datalist>
      <button type="submit">Xem / Show</button>
    </form>
    <span id="who"></span>
  </header>
  <main>
    <section class="card intro" id="signin-help">
      <div id="signin-error"></div>
      <p class="muted signed-out-only">Dán token vào ô trên và bấm “Đăng nhập”; token được lưu trong trình duyệt này. Dữ liệu chỉ trong phạm vi đơn vị của token. /
        Paste a token above and sign in; it is kept in this browser. You see only your token’s scope.
      </p>
      <p class="muted" id="status"></p>
    </section>
    <section class="card wide signed-in-only">
      <h2>Cơ cấu & thiếu biên chế <small>Unit tree & staffing gap · <span id="unit-name"></span> · năm / year <span id="year"></span></small></h2>
      <nav id="crumbs" class="crumbs" aria-label="Đường dẫn / Breadcrumb"></nav>
      <div class="kpis" id="kpis"></div>
      <div id="tree"></div>
    </section>
    <section class="card signed-in-only">
      <h2>Vị trí trống theo thời gian mở <small>Vacancies by days open</small></h2>
      <div id="bands"></div>
    </section>
    <section class="card signed-in-only">
      <h2>Phễu tuyển dụng <small>Recruitment funnel · 24 tháng / months · <span id="funnel-period"></span></small></h2>
      <div id="funnel"></div>
    </section>
    <section class="card wide signed-in-only">
      <h2>Đường chính sách <small>Policy curve: phụ cấp tăng thêm / allowance vs tuyển dự kiến / expected hires, chi phí / cost</small></h2>
      <div class="controls">
        <label for="package">Gói ưu đãi / Incentive package</label>
        <select id="package"></select>
        <button type="button" id="simulate">Mô phỏng / Simulate</button>
        <span class="muted" id="curve-range"></span>
      </div>
      <div id="curve"></div>
      <div id="curve-note"></div>
    </section>
    <section class="card wide signed-in-only">
      <h2>Dự báo nhân lực <small>Workforce forecast · 10 năm tới, không tuyển thêm / next 10 years, no hiring</small></h2>
      <div id="forecast"></div>
      <div id="forecast-note"></div>
    </section>
    <section class="card wide signed-in-only">
      <h2>Biến động nhân sự <small>Turnover · 3 năm trọn gần nhất / last three full years · <span id="turnover-period"></span></small></h2>
      <div id="turnover"></div>
    </section>
  </main>
  <script src="/dashboard/uPlot.iife.min.js"></script>
  <script type="module" src="/dashboard/main.js"></script>
</body>
</html>
`;

export function serveDashboardPage(res: ServerResponse): void {
  servePage(res, PAGE);
}

/** Serves /dashboard/<asset>; false when the path is not one of them (or is not built). */
export const serveDashboardAsset = staticAssets('/dashboard/', { ...ASSETS, 'dashboard.css': { text: STYLE, type: CSS, immutable: false } });
