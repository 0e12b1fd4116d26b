import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Role } from '../src/graphql/enums';
import { startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

describe('GraphQL explorer', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
  });
  afterAll(() => server.close());

  it('serves a page and its assets from this server, under a strict CSP', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect(source.startsWith('/')).toBe(true); // never another host
      const asset = await fetch(new URL(source, server.url));
      expect({ source, status: asset.status }).toEqual({ source, status: 200 });
    }
  });

  (hasChromium ? it : it.skip)('loads in headless Chromium, runs a query with a pasted token, and asks no other host', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
      const origin = new URL(server.url).origin;
      const elsewhere: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
      });
      await page.goto(server.url);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      // The default query's text fits the editor: nothing runs past its right edge (CodeMirror
      // does not wrap), on this viewport and on a smaller laptop screen.
      for (const width of [1400, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const overflow = await page.evaluate(() => {
          const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
          const cm = (doc.querySelector('.graphiql-query-editor .CodeMirror') as { CodeMirror: { refresh(): void; getValue(): string; getScrollInfo(): { width: number; clientWidth: number } } }).CodeMirror;
          cm.refresh();
          const info = cm.getScrollInfo();
          return { text: cm.getValue().split('\n')[0], over: info.width - info.clientWidth };
        });
        expect({ width, ...overflow }).toEqual({ width, text: '# workforce-graph explorer / trình khám phá GraphQL', over: 0 });
      }
      await page.fill('#token', await server.token(Role.HR_OFFICER, 'PROV.D1'));
      await page.dispatchEvent('#token', 'change');
      await page.evaluate(() => {
        // Replace the editor's text through CodeMirror, as typing would.
        const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
        const editor = (doc.querySelector('.graphiql-query-editor .CodeMirror') as { CodeMirror: { setValue(v: string): void } }).CodeMirror;
        editor.setValue('{ staffingGap(unitCode: "PROV.D1", year: 2026, asOf: "2026-06-01") { quota filled gap } }');
      });
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(
        () => ((globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('.result-window')?.textContent ?? '').includes('"gap"'),
        null,
        { timeout: 20_000 },
      );
      const result = await page.textContent('.result-window');
      expect(result?.replace(/\s+/g, '')).toContain('"quota":7,"filled":4,"gap":3');
      mkdirSync(path.join(__dirname, 'artifacts'), { recursive: true });
      await page.screenshot({ path: path.join(__dirname, 'artifacts', 'explorer.png') });
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
