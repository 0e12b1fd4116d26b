import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS, servePage } from './static-assets';

/**
 * GET /: a small page that says what this server is and where to go (the dashboard, the
 * explorer, the health probe, the README's tour), so that the first address a newcomer opens
 * is not a bare 404. Vietnamese with English alongside, like the dashboard; no script, and the
 * same CSP and headers as the other pages (servePage).
 */
/** The README of this checkout, from src/server/ (jest) or dist/src/server/ (built). */
function readmeFile(): string | undefined {
  return [path.resolve(__dirname, '../../README.md'), path.resolve(__dirname, '../../../README.md')].find((file) => existsSync(file));
}

const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>workforce-graph</title>
<style>
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem; font-family: system-ui, "Segoe UI", Roboto, sans-serif; color: #1b2733; line-height: 1.5; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; color: #0b3d5c; }
p.lead { margin: 0 0 1.5rem; color: #5b6b7a; }
ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
li a { display: block; padding: .75rem 1rem; border: 1px solid #dde3ea; border-radius: 8px; text-decoration: none; color: inherit; }
li a:hover, li a:focus { border-color: #0b3d5c; background: #f4f8fb; }
li strong { color: #0b3d5c; }
li span { display: block; color: #5b6b7a; font-size: .9rem; }
code { background: #eef2f6; padding: .1rem .3rem; border-radius: 3px; }
</style>
</head>
<body>
<h1>workforce-graph</h1>
<p class="lead">Dịch vụ GraphQL quy hoạch nhân lực số cho khu vực công / A GraphQL service for public-sector digital-workforce planning.</p>
<ul>
<li><a href="/dashboard" id="link-dashboard"><strong>Bảng điều khiển biên chế / Staffing dashboard</strong>
<span>Cây đơn vị, thiếu biên chế, tuyển dụng, chính sách / The unit tree, gaps, recruitment, policy</span></a></li>
<li><a href="/graphql" id="link-explorer"><strong>Trình khám phá GraphQL / GraphQL explorer</strong>
<span>Dán token và chạy truy vấn / Paste a token and run queries</span></a></li>
<li><a href="/healthz" id="link-healthz"><strong>Tình trạng / Health</strong>
<span><code>/healthz</code> — máy chủ đang chạy / the server is up</span></a></li>
<li><a href="/README.md" id="link-tour"><strong>Hướng dẫn nhanh / A first tour</strong>
<span>README, mục “A first tour”: lấy token (<code>npm run -s token -- --role HR_OFFICER --unit HCM</code>) và các truy vấn mẫu / get a token, and the queries to try</span></a></li>
</ul>
</body>
</html>
`;

export function serveLandingPage(res: ServerResponse): void {
  servePage(res, PAGE);
}

/** GET /README.md: the tour the landing page links to, as plain text; false when there is no README. */
export function serveReadme(res: ServerResponse): boolean {
  const file = readmeFile();
  if (!file) return false;
  const body = readFileSync(file);
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache', 'content-length': body.length, ...SECURITY_HEADERS });
  res.end(body);
  return true;
}
