import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/**
 * The pages this server serves itself (the explorer and the dashboard) and their files: one
 * Content-Security-Policy, one set of security headers, and one lookup that only ever finds
 * the files it was given. A Map, not an object literal: `GET /explorer/constructor` must not
 * find Object.prototype's members.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // GraphiQL sets inline styles on its panes
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' } as const;

export const JS = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';

export interface StaticAsset {
  /** The file's path, or its text; throws or names a missing file when it is not built. */
  file?: () => string;
  text?: string;
  type: string;
  /** Vendor files never change while the server runs: read once and cached by browsers. */
  immutable: boolean;
}

export function servePage(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache', ...SECURITY_HEADERS });
  res.end(html);
}

/** A handler for GET `prefix`<name>: true when it served one of `assets`, false for any other path. */
export function staticAssets(prefix: string, assets: Record<string, StaticAsset>): (res: ServerResponse, pathname: string) => boolean {
  const byName = new Map(Object.entries(assets));
  const cache = new Map<string, Buffer>();
  return (res, pathname) => {
    if (!pathname.startsWith(prefix)) return false;
    const name = pathname.slice(prefix.length);
    const asset = byName.get(name);
    if (!asset) return false;
    let body = cache.get(name);
    if (!body) {
      if (asset.text !== undefined) body = Buffer.from(asset.text, 'utf8');
      else {
        let file: string;
        try {
          file = asset.file!();
        } catch {
          return false;
        }
        if (!existsSync(file)) return false;
        body = readFileSync(file);
      }
      if (asset.immutable || asset.text !== undefined) cache.set(name, body);
    }
    res.writeHead(200, {
      'content-type': asset.type,
      'cache-control': asset.immutable ? 'public, max-age=86400' : 'no-cache',
      'content-length': body.length,
      ...SECURITY_HEADERS,
    });
    res.end(body);
    return true;
  };
}
