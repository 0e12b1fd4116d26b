import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSS, JS, servePage, StaticAsset, staticAssets } from './static-assets';

/**
 * The GraphQL explorer at GET /graphql (for browsers): GraphiQL and React served from this
 * server's own node_modules, with a Content-Security-Policy that lets the page reach no other host.
 */
const ASSETS: Record<string, StaticAsset> = {
  'graphiql.min.js': { file: () => require.resolve('graphiql/graphiql.min.js'), type: JS, immutable: true },
  'graphiql.min.css': { file: () => require.resolve('graphiql/graphiql.min.css'), type: CSS, immutable: true },
  // React's package exports hide umd/, so go by the package's own folder.
  'react.production.min.js': { file: () => path.join(path.dirname(require.resolve('react')), 'umd', 'react.production.min.js'), type: JS, immutable: true },
  'react-dom.production.min.js': { file: () => path.join(path.dirname(require.resolve('react-dom')), 'umd', 'react-dom.production.min.js'), type: JS, immutable: true },
  'explorer.js': { file: explorerScript, type: JS, immutable: true },
};

/** The page's own script lives in src/server/explorer/ (tsc does not copy .js files to dist/). */
function explorerScript(): string {
  const candidates = [path.join(__dirname, 'explorer', 'explorer.js'), path.resolve(__dirname, '../../../src/server/explorer/explorer.js')];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error('explorer.js is missing');
  return found;
}

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>workforce-graph · GraphQL explorer</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/explorer/graphiql.min.css">
  <style>
    html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
    body { display: flex; flex-direction: column; }
    header { display: flex; gap: .75rem; align-items: center; padding: .5rem .75rem; background: #0b3d5c; color: #fff; }
    header strong { white-space: nowrap; }
    header label { display: flex; gap: .5rem; align-items: center; flex: 1; }
    header input { flex: 1; padding: .35rem .5rem; font-family: monospace; border-radius: 4px; border: 0; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <header>
    <strong>workforce-graph</strong>
    <label>Token (Bearer) <input id="token" type="password" autocomplete="off" placeholder="npm run -s token -- --role HR_OFFICER --unit VN.HCM.NHA_BE"></label>
  </header>
  <div id="graphiql">Đang tải… / Loading…</div>
  <script src="/explorer/react.production.min.js"></script>
  <script src="/explorer/react-dom.production.min.js"></script>
  <script src="/explorer/graphiql.min.js"></script>
  <script src="/explorer/explorer.js"></script>
</body>
</html>
`;

/** True when a GET /graphql comes from a browser asking for a page rather than a query. */
export function wantsExplorer(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && String(req.headers.accept ?? '').includes('text/html');
}

export function serveExplorerPage(res: ServerResponse): void {
  servePage(res, PAGE);
}

/** Serves /explorer/<asset>; false when the path is not one of them. */
export const serveExplorerAsset = staticAssets('/explorer/', ASSETS);
