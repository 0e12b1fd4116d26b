import { startTestServer, TestServer } from './helpers/harness';

describe('GET /: the landing page', () => {
  let server: TestServer;
  let origin: string;

  beforeAll(async () => {
    server = await startTestServer();
    origin = new URL(server.url).origin;
  });
  afterAll(() => server.close());

  it('links to the dashboard, the explorer, /healthz and the tour, under the pages’ CSP and headers', async () => {
    const [landing, dashboard] = await Promise.all([fetch(`${origin}/`), fetch(`${origin}/dashboard`)]);
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy']) {
      expect({ header, value: landing.headers.get(header) }).toEqual({ header, value: dashboard.headers.get(header) });
    }
    expect(landing.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await landing.text();
    expect(html).toContain('lang="vi"');
    expect(html).toMatch(/Bảng điều khiển biên chế \/ Staffing dashboard/);
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['/dashboard', '/graphql', '/healthz', '/README.md']);
    // Every link answers, as a browser asks for it.
    for (const link of links) {
      const res = await fetch(`${origin}${link}`, { headers: { accept: 'text/html' } });
      expect({ link, status: res.status }).toEqual({ link, status: 200 });
    }
    const readme = await (await fetch(`${origin}/README.md`)).text();
    expect(readme).toContain('## A first tour');
  });

  it('is GET only, and other paths are still 404', async () => {
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${origin}/nothing`)).status).toBe(404);
  });
});
