import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { createLogger } from '../src/logger';
import { measureOperation } from '../src/server/query-limits';
import { errorCode, GraphQLResponse, startServerOn, startTestServer, TestServer } from './helpers/harness';

/**
 * The outside audit's findings (issue 14), one regression each: every test here failed on the
 * main branch the audit ran against.
 */

const schemaText = readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');

/** F0 … Fn, each spreading the next twice: 2ⁿ⁺¹ scalar selections once expanded. */
function doublingFragments(levels: number, root = '{ me { ...F0 } }'): string {
  const parts = [root];
  for (let i = 0; i < levels; i++) parts.push(`fragment F${i} on Viewer { role ...F${i + 1} ...F${i + 1} }`);
  parts.push(`fragment F${levels} on Viewer { role subject }`);
  return parts.join('\n');
}

function measureText(text: string, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return measureOperation(buildSchema(schemaText), operation, fragments, variables);
}

async function post(server: TestServer, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: unknown; errors?: GraphQLResponse['errors'] };
  return { status: response.status, data: json.data, errors: json.errors, statements: Number(response.headers.get('x-sql-statements') ?? -1), headers: response.headers };
}

describe('the query-limits walk', () => {
  it('costs each fragment once and counts its expansion exactly', () => {
    // me + 2⁶ - 1 roles of F0…F5 + 2⁶ × (role, subject) of F6: the walk multiplies, it does not expand.
    const six = measureText(doublingFragments(6));
    expect(six.fields).toBe(1 + (2 ** 6 - 1) + 2 ** 6 * 2);
    expect(six.depth).toBe(1);
    expect(() => measureText(doublingFragments(400))).toThrow(/repeats fields too often \(role \d+ times/);
  });

  it('counts a page size however it arrives', () => {
    const people = (first: string) => `people(unitCode: "VN.HCM", ${first}) { edges { node { id } } }`;
    // people, its edges and their nodes: one object each per item of the page.
    expect(measureText(`{ ${people('first: 100')} }`).cost).toBe(300);
    expect(measureText(`query($n: Int) { ${people('first: $n')} }`, { n: 70 }).cost).toBe(210);
    expect(measureText(`query($n: Int = 100) { ${people('first: $n')} }`).cost).toBe(300);
    // A given value wins over the variable's default; an explicit null falls back to the page default.
    expect(measureText(`query($n: Int = 100) { ${people('first: $n')} }`, { n: 5 }).cost).toBe(15);
    expect(measureText(`query($n: Int = 100) { ${people('first: $n')} }`, { n: null }).cost).toBe(60);
    // The argument's own default in the schema: matchCandidates(first: Int = 10).
    expect(measureText(`{ matchCandidates(positionId: "x") { score } }`).cost).toBe(10);
    // Aliases each count as the list they alias.
    const aliased = Array.from({ length: 28 }, (_, i) => `a${i}: ${people('first: $n')}`).join(' ');
    expect(measureText(`query($n: Int = 100) { ${aliased} }`).cost).toBe(28 * 300);
  });
});

describe('security audit fixes over HTTP', () => {
  let server: TestServer;
  let reference: TestServer;
  let production: TestServer;
  let admin: string;
  let hr: string;

  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
    const url = server.orm.config.getClientUrl();
    reference = await startServerOn(url, { COMPILED_EXECUTION: 'false' }, async () => {});
    production = await startServerOn(url, { NODE_ENV: 'production' }, async () => {});
    admin = await server.token(Role.ADMIN);
    hr = await server.token(Role.HR_OFFICER, 'VN.HCM');
  }, 180_000);
  afterAll(async () => {
    await production.close();
    await reference.close();
    await server.close();
  });

  describe('1. exponential fragments', () => {
    it('refuses F0…Fn doubling each level with QUERY_TOO_COMPLEX, for a token holder, before any SQL', async () => {
      for (const levels of [24, 60, 400]) {
        const res = await server.gql(doublingFragments(levels), {}, admin);
        expect(res.status).toBe(400);
        expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
        expect(res.errors![0].message).toMatch(/repeats fields too often/);
        expect(res.statements).toBe(0);
      }
      // A fragment used a few times is fine.
      const fine = await server.gql(doublingFragments(4), {}, admin);
      expect(fine.errors).toBeUndefined();
      expect(fine.data.me.role).toBe('ADMIN');
    });

    it('answers a caller without a token 401 before the walk, and in production before parsing', async () => {
      const anonymous = await server.gql(doublingFragments(400), {});
      expect(anonymous.status).toBe(401);
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
      const plain = await server.gql('{ me { role } }', {});
      expect(plain.status).toBe(401);
      // Not even a document that cannot be parsed gets further in production.
      const broken = await production.gql('{ me { ', {});
      expect(broken.status).toBe(401);
      expect(errorCode(broken)).toBe('UNAUTHENTICATED');
    });
  });

  describe('2. introspection and schema hints', () => {
    const introspection = '{ __schema { queryType { name } types { name } } }';

    it('is closed to callers without a token in production, open to token holders', async () => {
      const anonymous = await production.gql(introspection, {});
      expect(anonymous.status).toBe(401);
      expect(anonymous.data).toBeUndefined();
      const withToken = await production.gql(introspection, {}, await production.token(Role.ANALYST, 'VN.HCM'));
      expect(withToken.errors).toBeUndefined();
      expect(withToken.data.__schema.queryType.name).toBe('Query');
    });

    it('stays open to anonymous callers outside production (the explorer), for introspection only', async () => {
      const res = await server.gql(introspection, {});
      expect(res.errors).toBeUndefined();
      expect(res.data.__schema.types.length).toBeGreaterThan(50);
    });

    it('gives no "Did you mean" hints in production', async () => {
      const typo = '{ me { rolee } }';
      const dev = await server.gql(typo, {}, admin);
      expect(dev.errors![0].message).toMatch(/Did you mean/);
      const prod = await production.gql(typo, {}, await production.token(Role.ADMIN));
      expect(errorCode(prod)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(prod.errors![0].message).not.toMatch(/Did you mean/);
      const enumTypo = await production.gql('{ positions(unitCode: "VN.HCM", first: 1) { edges { node { roleFamily } } } vacancies(unitCode: "VN.HCM", status: [OPNE]) { totalCount } }', {}, await production.token(Role.ADMIN));
      expect(enumTypo.errors![0].message).not.toMatch(/Did you mean|OPEN/);
    });
  });

  describe('3. the object limit counts variable defaults', () => {
    it('refuses 28 aliases of a list whose page size is a variable defaulting to 100', async () => {
      const aliased = Array.from({ length: 28 }, (_, i) => `a${i}: people(unitCode: "VN.HCM", first: $n) { edges { node { fullName assignments { position { assignments { person { fullName } } } } } } }`).join(' ');
      const res = await server.gql(`query($n: Int = 100) { ${aliased} }`, {}, admin);
      expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
      expect(res.statements).toBe(0);
    });
  });

  describe('4. operations that cannot be resolved', () => {
    const cases: Array<{ name: string; body: Record<string, unknown>; code: string }> = [
      { name: 'an unknown operationName', body: { query: 'query A { me { role } }', operationName: 'B' }, code: 'OPERATION_RESOLUTION_FAILURE' },
      { name: 'two anonymous operations', body: { query: '{ me { role } } { me { subject } }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
      { name: 'two named operations and no operationName', body: { query: 'query A { me { role } } query B { me { subject } }' }, code: 'OPERATION_RESOLUTION_FAILURE' },
      { name: 'a subscription', body: { query: 'subscription { me { role } }' }, code: 'BAD_REQUEST' },
    ];
    it.each(cases)('answers 400 for $name, on both executors', async ({ body, code }) => {
      for (const target of [server, reference]) {
        const res = await post(target, body, admin);
        expect(res.status).toBe(400);
        expect(errorCode(res)).toBe(code);
      }
    });
  });

  describe('5. forged cursors', () => {
    const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    const lists: Array<{ name: string; query: string; token: () => string }> = [
      { name: 'people', query: 'query($after: String) { people(unitCode: "VN.HCM", after: $after) { totalCount } }', token: () => hr },
      { name: 'vacancies(longestOpenFirst)', query: 'query($after: String) { vacancies(unitCode: "VN.HCM", longestOpenFirst: true, after: $after) { totalCount } }', token: () => hr },
      { name: 'vacancies', query: 'query($after: String) { vacancies(unitCode: "VN.HCM", after: $after) { totalCount } }', token: () => hr },
      { name: 'auditEvents', query: 'query($after: String) { auditEvents(after: $after) { totalCount } }', token: () => admin },
      { name: 'orgUnits', query: 'query($after: String) { orgUnits(after: $after) { totalCount } }', token: () => admin },
      { name: 'positions', query: 'query($after: String) { positions(unitCode: "VN.HCM", after: $after) { totalCount } }', token: () => admin },
      { name: 'policyScenarios', query: 'query($after: String) { policyScenarios(after: $after) { totalCount } }', token: () => admin },
      { name: 'OrgUnit.children', query: 'query($after: String) { orgUnit(code: "VN.HCM") { children(after: $after) { totalCount } } }', token: () => admin },
    ];
    const garbage = [
      forged('c1:garbage'), forged('c1:'), forged('c1:["2026-01-01"'), forged('c1:["x","y"]'), forged('c1:-1'), forged('c1:99999999999999999999999'),
      forged('c2:id:1e5'), forged('c2:id:0'), forged('c2:date-id:2026-02-30/1'), forged('c2:date-id:2026-01-01/x'), forged('c2:code:\u0001'),
      'not base64!', 'A'.repeat(600),
    ];
    it.each(lists)('answers BAD_USER_INPUT on $name, never 500', async ({ query, token }) => {
      for (const after of garbage) {
        const res = await server.gql(query, { after }, token());
        expect({ after, code: errorCode(res), status: res.status }).toEqual({ after, code: 'BAD_USER_INPUT', status: 200 });
      }
    });

    it('keeps paging with the cursors it issues', async () => {
      const first = await server.gql('{ vacancies(unitCode: "VN.HCM", longestOpenFirst: true, first: 2) { edges { node { id openedOn } } pageInfo { endCursor hasNextPage } } }', {}, hr);
      expect(first.data.vacancies.pageInfo.hasNextPage).toBe(true);
      const next = await server.gql('query($after: String) { vacancies(unitCode: "VN.HCM", longestOpenFirst: true, first: 2, after: $after) { edges { node { id openedOn } } } }', { after: first.data.vacancies.pageInfo.endCursor }, hr);
      expect(next.errors).toBeUndefined();
      const last = first.data.vacancies.edges[1].node;
      expect(next.data.vacancies.edges[0].node.openedOn >= last.openedOn).toBe(true);
      expect(next.data.vacancies.edges.map((e: any) => e.node.id)).not.toContain(last.id);
      // A cursor of one list is refused by a list sorted another way.
      const byCode = await server.gql('{ orgUnits(first: 1) { pageInfo { endCursor } } }', {}, admin);
      const misused = await server.gql('query($after: String) { people(unitCode: "VN.HCM", after: $after) { totalCount } }', { after: byCode.data.orgUnits.pageInfo.endCursor }, hr);
      expect(errorCode(misused)).toBe('BAD_USER_INPUT');
    });
  });

  describe('6. page assets', () => {
    it.each(['/explorer/constructor', '/explorer/__proto__', '/explorer/toString', '/dashboard/constructor', '/dashboard/__proto__', '/dashboard/hasOwnProperty'])('answers GET %s with 404', async (pathname) => {
      const response = await fetch(new URL(pathname, server.url));
      expect(response.status).toBe(404);
    });

    it('still serves the real assets', async () => {
      for (const pathname of ['/explorer/explorer.js', '/explorer/graphiql.min.css', '/dashboard/dashboard.css', '/dashboard/uPlot.min.css']) {
        const response = await fetch(new URL(pathname, server.url));
        expect({ pathname, status: response.status }).toEqual({ pathname, status: 200 });
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });
  });

  describe('7. echoed input is capped', () => {
    const huge = `VN.HCM.${'X'.repeat(900_000)}`;
    it('cuts a 900 KB unit code in NOT_FOUND to 80 characters and "…"', async () => {
      const res = await server.gql('query($code: String!) { staffingGap(unitCode: $code, year: 2026) { gap } }', { code: huge }, admin);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors![0].message).toContain(`${huge.slice(0, 80)}…`);
      expect(res.errors![0].message.length).toBeLessThan(200);
    });

    it('cuts it in a userError and in a variable coercion error too', async () => {
      const quota = await server.gql(
        'mutation($code: String!) { setEstablishmentQuota(input: { unitCode: $code, year: 2026, category: CIVIL_SERVANT, headcount: 1 }) { userErrors { code message } } }',
        { code: huge },
        admin,
      );
      const userError = quota.data?.setEstablishmentQuota.userErrors[0] ?? quota.errors?.[0];
      expect(userError.message.length).toBeLessThan(200);
      const coercion = await server.gql('query($year: Int!) { staffingGap(unitCode: "VN.HCM", year: $year) { gap } }', { year: huge }, admin);
      expect(errorCode(coercion)).toBe('BAD_USER_INPUT');
      expect(coercion.errors![0].message.length).toBeLessThanOrEqual(501);
    });
  });
});
