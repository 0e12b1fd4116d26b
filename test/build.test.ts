import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ChildServer, startChildServer } from './helpers/child-server';
import { TEST_SECRET } from './helpers/harness';
import { createTestDatabase, TestDatabase } from './helpers/test-database';

/**
 * `npm run build` (scripts/build.js: swc, no type-check) makes a server that runs: swc must
 * emit the decorator metadata type-graphql and MikroORM read (.swcrc), or the schema cannot be
 * built and the server does not start. Built into a folder of its own inside the project, so
 * that node_modules resolves and dist/ is left alone.
 */
const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'node_modules', '.cache', `wf-build-test-${randomBytes(4).toString('hex')}`);
const build = (...args: string[]) => execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js'), '--out', OUT, ...args], { cwd: ROOT, stdio: 'pipe' });

describe('the built server (npm run build)', () => {
  let db: TestDatabase;
  let server: ChildServer | undefined;

  beforeAll(async () => {
    build('--force');
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    rmSync(OUT, { recursive: true, force: true });
  });

  it('boots from the build, loads the demo data through it, and answers with a token its token script signed', async () => {
    server = await startChildServer({ DATABASE_URL: db.url, JWT_SECRET: TEST_SECRET, SEED_DEMO_DATA: 'true' }, 120_000, [path.join(OUT, 'src', 'main.js')]);
    const token = execFileSync(process.execPath, [path.join(OUT, 'scripts', 'token.js'), '--role', 'HR_OFFICER', '--unit', 'VN.HCM.NHA_BE'], {
      env: { PATH: process.env.PATH ?? '', JWT_SECRET: TEST_SECRET, NODE_ENV: 'test' },
    }).toString().trim();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role unitCode } staffingGap(unitCode: "VN.HCM.NHA_BE", year: 2026) { unit { name } quota children { unit { code } } } }' }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data.me).toEqual({ role: 'HR_OFFICER', unitCode: 'VN.HCM.NHA_BE' });
    expect(body.data.staffingGap.unit.name).toBe('Xã Nhà Bè');
    expect(body.data.staffingGap.quota).toBeGreaterThan(0);
    // The dashboard's script comes from the same build.
    const script = await fetch(new URL('/dashboard/main.js', server.url));
    expect(script.status).toBe(200);
  }, 180_000);

  it('carries the decorator metadata tsc would emit (design:type), which tsx, esbuild or swc without decoratorMetadata drop', () => {
    // Every field here names its type explicitly, so today nothing reads this; a \`@Field()\` without
    // one would, and then a build without metadata would fail at schema build.
    const entity = path.join(OUT, 'src', 'modules', 'org', 'org-unit.entity.js');
    const read = `require('reflect-metadata'); const { OrgUnit } = require(${JSON.stringify(entity)});
      const type = (key) => Reflect.getMetadata('design:type', OrgUnit.prototype, key)?.name;
      process.stdout.write(JSON.stringify([type('code'), type('population'), type('parent')]));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', read], { cwd: ROOT }).toString())).toEqual(['String', 'Object', 'Object']);
  });

  it('reuses the build while no source changed, and rebuilds when forced', () => {
    const file = path.join(OUT, 'src', 'main.js');
    expect(existsSync(file)).toBe(true);
    const before = statSync(file).mtimeMs;
    build();
    expect(statSync(file).mtimeMs).toBe(before);
    build('--force');
    expect(statSync(file).mtimeMs).toBeGreaterThan(before);
  });
});
