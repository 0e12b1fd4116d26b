import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Role } from '../src/graphql/enums';
import { seedIfEmpty } from '../src/app/seed';
import { createLogger } from '../src/logger';
import { startTestServer, TestServer } from './helpers/harness';

const ROOT = path.join(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED dashboard browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

const UNIT = 'HCM.NHA_BE';

/** Digits of a number as the page prints it (vi-VN groups thousands with dots). */
const digits = (text: string | null | undefined) => Number(String(text ?? '').replace(/[^\d-]/g, ''));

describe('staffing dashboard', () => {
  let server: TestServer;
  let origin: string;

  beforeAll(async () => {
    // The page's script is built by `npm run build`; build it here so the test serves this tree's code.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'dashboard', 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
    origin = new URL(server.url).origin;
  }, 120_000);
  afterAll(() => server?.close());

  it('serves the page and its assets from this server, under a strict CSP', async () => {
    const page = await fetch(`${origin}/dashboard`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(expect.arrayContaining(['/dashboard/main.js', '/dashboard/uPlot.iife.min.js', '/dashboard/uPlot.min.css', '/dashboard/dashboard.css']));
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    // The module script's imports: relative, on this server.
    const script = await (await fetch(`${origin}/dashboard/main.js`)).text();
    const imports = [...script.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['./generated/graphql.js']);
    for (const source of [...sources, '/dashboard/generated/graphql.js']) {
      expect(source.startsWith('/')).toBe(true);
      const asset = await fetch(new URL(source, origin));
      expect({ source, status: asset.status }).toEqual({ source, status: 200 });
      expect(asset.headers.get('content-type')).toMatch(/^(text\/javascript|text\/css)/);
    }
    expect((await fetch(`${origin}/dashboard/../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/dashboard/nothing.js`)).status).toBe(404);
  });

  (hasChromium ? it : it.skip)(
    'signs in with an HR token, shows the API’s numbers for the unit, and asks no other host',
    async () => {
      const token = await server.token(Role.HR_OFFICER, UNIT);
      // A unit holding staff with no quota row this year: its row says so instead of a negative gap.
      const [parent] = await server.sql<{ id: string }>(`select id from org_unit where code = ?`, [UNIT]);
      const [noQuota] = await server.sql<{ id: string }>(`insert into org_unit (code, name, kind, parent_id) values (?, 'Ban chưa giao', 'DEPARTMENT', ?) returning id`, [`${UNIT}.NO_QUOTA`, parent.id]);
      const [post] = await server.sql<{ id: string }>(
        `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Chuyên viên', 'CIVIL_SERVANT', 'IT_SUPPORT', 'JUNIOR', 2.34, 1) returning id`, [noQuota.id],
      );
      const [holder] = await server.sql<{ id: string }>(`insert into person (full_name, home_unit_id) values ('Người Chưa Biên Chế', ?) returning id`, [noQuota.id]);
      await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2024-01-01')`, [holder.id, post.id]);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'vi-VN' });
        const elsewhere: string[] = [];
        const problems: string[] = [];
        page.on('request', (request) => {
          if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
        });
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));

        await page.goto(`${origin}/dashboard`);
        await page.fill('#token', token);
        await page.click('#signin button[type=submit]');
        await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
        await page.waitForSelector('#curve-summary, #curve .error', { timeout: 30_000 });

        const year = Number(await page.getAttribute('#year', 'data-year'));
        const from = await page.getAttribute('#funnel-period', 'data-from');
        const to = await page.getAttribute('#funnel-period', 'data-to');
        expect(year).toBe(new Date().getFullYear());

        const api = await server.gql(
          `query ($unit: String!, $year: Int!, $from: LocalDate!, $to: LocalDate!) {
            staffingGap(unitCode: $unit, year: $year) {
              quota filled gap itGap itSeatsCoveredConcurrently unit { code }
              children { quota filled gap itGap itSeatsCoveredConcurrently unitsWithoutQuota unit { code } }
            }
            b0: vacancies(unitCode: $unit, status: [OPEN, INTERVIEWING, OFFERED], daysOpenBand: [UNDER_3_MONTHS], first: 1) { totalCount }
            b1: vacancies(unitCode: $unit, status: [OPEN, INTERVIEWING, OFFERED], daysOpenBand: [FROM_3_TO_6_MONTHS], first: 1) { totalCount }
            b4: vacancies(unitCode: $unit, status: [OPEN, INTERVIEWING, OFFERED], daysOpenBand: [OVER_12_MONTHS], first: 1) { totalCount }
            recruitmentFunnel(unitCode: $unit, from: $from, to: $to) { applications offers hires }
          }`,
          { unit: UNIT, year, from, to },
          token,
        );
        expect(api.errors).toBeUndefined();
        const gap = api.data.staffingGap;
        expect(gap.quota).toBeGreaterThan(0);

        // The unit's figures.
        expect(digits(await page.textContent('#kpi-quota'))).toBe(gap.quota);
        expect(digits(await page.textContent('#kpi-filled'))).toBe(gap.filled);
        expect(digits(await page.textContent('#kpi-gap'))).toBe(gap.gap);
        expect(digits(await page.textContent('#kpi-it-gap'))).toBe(gap.itGap);
        expect(digits(await page.textContent('#kpi-it-concurrent'))).toBe(gap.itSeatsCoveredConcurrently);
        // Every child's row of the tree.
        const withoutQuota = gap.children.find((c: any) => c.unit.code === `${UNIT}.NO_QUOTA`);
        expect(withoutQuota).toMatchObject({ quota: 0, filled: 1, gap: -1, unitsWithoutQuota: 1 });
        expect(await page.textContent(`tr[data-unit="${UNIT}.NO_QUOTA"] td[data-field="gap"]`)).toBe(`chưa giao biên chế / no quota set for ${year}`);
        for (const child of [gap, ...gap.children.filter((c: any) => c !== withoutQuota)]) {
          const row = `tr[data-unit="${child.unit.code}"]`;
          for (const field of ['quota', 'filled', 'gap', 'itGap', 'itSeatsCoveredConcurrently']) {
            expect({ unit: child.unit.code, field, value: digits(await page.textContent(`${row} td[data-field="${field}"]`)) }).toEqual({ unit: child.unit.code, field, value: child[field] });
          }
        }
        // Vacancies by band, and the funnel.
        expect(digits(await page.textContent('#bands [data-key="under3"]'))).toBe(api.data.b0.totalCount);
        expect(digits(await page.textContent('#bands [data-key="from3to6"]'))).toBe(api.data.b1.totalCount);
        expect(digits(await page.textContent('#bands [data-key="over12"]'))).toBe(api.data.b4.totalCount);
        expect(digits((await page.textContent('#funnel [data-key="applications"]'))?.split(' ')[0])).toBe(api.data.recruitmentFunnel.applications);
        expect(digits((await page.textContent('#funnel [data-key="hires"]'))?.split('(')[0])).toBe(api.data.recruitmentFunnel.hires);
        // The policy curve was drawn (uPlot canvas) for the first package.
        expect(await page.$('#curve .error')).toBeNull();
        expect(await page.$('#curve canvas')).not.toBeNull();
        expect(await page.$$eval('#package option', (options) => options.length)).toBeGreaterThan(1);

        mkdirSync(path.join(__dirname, 'artifacts'), { recursive: true });
        await page.screenshot({ path: path.join(__dirname, 'artifacts', 'dashboard.png'), fullPage: true });

        // The token is kept in this browser.
        expect(await page.evaluate('window.localStorage.getItem("workforce-graph.token")')).toBe(token);

        // Outside the token's scope, the page shows the API's own message.
        const outside = await server.gql('query { staffingGap(unitCode: "HCM", year: 2026) { quota } }', {}, token);
        expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        // The unit box is read-only for a one-unit token; a tampered page still only gets the API's refusal.
        await page.evaluate(`{
          const unit = document.getElementById('unit');
          unit.readOnly = false;
          unit.value = 'HCM';
          document.getElementById('unit-form').requestSubmit();
        }`);
        await page.waitForSelector('#tree .error', { timeout: 20_000 });
        expect(await page.textContent('#tree .error')).toContain(outside.errors![0].message);

        expect(problems.filter((p) => !/status of 40[13]/.test(p))).toEqual([]);
        expect(elsewhere).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
