import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { AS_OF } from '../seeds/demo-data';
import { startServerOn, startTestServer, TestServer } from './helpers/harness';

const OPERATIONS = path.join(__dirname, '..', 'schema', 'operations');
const operationsFile = readdirSync(OPERATIONS)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(path.join(OPERATIONS, f), 'utf8'))
  .join('\n');

/**
 * The served executor (graphql-jit) against graphql-js's, on one database: every answer must be
 * the same, status and body, byte for byte — data, errors with their codes, paths and
 * locations, variable defaults, abstract types, introspection.
 */
describe('compiled execution answers as graphql-js does', () => {
  let compiled: TestServer;
  let reference: TestServer;
  let tokens: Record<string, string>;
  let positionId: string;
  let packageId: string;

  beforeAll(async () => {
    compiled = await startTestServer();
    await seedIfEmpty(compiled.orm, createLogger('silent'));
    reference = await startServerOn(compiled.orm.config.getClientUrl(), { COMPILED_EXECUTION: 'false' }, async () => {});
    tokens = {
      admin: await compiled.token(Role.ADMIN),
      hr: await compiled.token(Role.HR_OFFICER, 'VN.HCM'),
      analyst: await compiled.token(Role.ANALYST, 'VN.HCM'),
      policymaker: await compiled.token(Role.POLICYMAKER, 'VN.HCM'),
    };
    const [position] = await compiled.sql<{ id: string }>(`select p.id from position p join org_unit u on u.id = p.unit_id where u.code like 'VN.HCM.%' and p.is_it_specialist order by p.id limit 1`);
    positionId = toGlobalId('Position', position.id);
    const [pkg] = await compiled.sql<{ id: string }>(`select id from incentive_package order by id limit 1`);
    packageId = toGlobalId('IncentivePackage', pkg.id);
  }, 120_000);

  afterAll(async () => {
    await reference?.close();
    await compiled?.close();
  }, 180_000);

  async function both(query: string, variables: Record<string, unknown>, token: string | null, operationName?: string) {
    const ask = async (server: TestServer) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables, operationName }),
      });
      return { status: response.status, body: await response.text() };
    };
    return { ours: await ask(compiled), graphqlJs: await ask(reference) };
  }

  const cases: Array<[string, () => [string, Record<string, unknown>, string | null, string?]]> = [
    ['the gap tree of the named operations, with fragments', () => [operationsFile, { unitCode: 'VN.HCM', year: Number(AS_OF.slice(0, 4)), asOf: AS_OF }, tokens.analyst, 'StaffingGapTree']],
    ['a nested list of seats and holders', () => [
      `{ orgUnits(first: 5) { totalCount edges { cursor node { code children(first: 5) { edges { node { code positions(first: 5) { edges { node { title headcount assignments(activeOnly: true, first: 5) { kind startDate endDate person { fullName birthYear } } } } } } } } } } pageInfo { hasNextPage endCursor } } }`,
      {},
      tokens.admin,
    ]],
    ['an abstract type through node(id), with aliases and @include/@skip', () => [
      `query($id: ID!, $withTitle: Boolean!, $skipSeats: Boolean = true) { node(id: $id) { __typename id ... on Position { title t2: title @include(if: $withTitle) headcount @skip(if: $skipSeats) } } again: node(id: $id) { id } }`,
      { id: positionId, withTitle: true },
      tokens.hr,
    ]],
    ['introspection', () => [`{ __schema { queryType { name } types { name kind fields { name type { name kind ofType { name } } } } } __type(name: "Position") { name fields { name } } }`, {}, null]],
    ['custom scalars, enums and input defaults in a simulation', () => [
      `query($input: SimulatePolicyInput!) { simulatePolicy(input: $input) { vacanciesConsidered baseline { expectedHires annualIncentiveCost method } scenario { expectedHires averagePayRatio } } }`,
      { input: { unitCode: 'VN.HCM', asOf: AS_OF, changes: { incentivePackageId: packageId, monthlyAllowanceDelta: 2_000_000 } } },
      tokens.policymaker,
    ]],
    ['a pay comparison', () => [`query($id: ID!) { payGap(positionId: $id) { asOf baseSalary coefficientPay publicMonthly privateMedian position { title } benchmark { id } } }`, { id: positionId }, tokens.hr]],
    ['a role refused on a field (FORBIDDEN, partial data)', () => [`{ me { role subject scopeUnitCodes } people(unitCode: "VN.HCM", first: 2) { edges { node { fullName } } } }`, {}, tokens.policymaker]],
    ['no token (UNAUTHENTICATED)', () => [`{ orgUnits(first: 1) { totalCount } }`, {}, null]],
    ['a bad variable value (BAD_USER_INPUT, HTTP 400)', () => [`query($asOf: LocalDate) { staffingGap(unitCode: "VN.HCM", year: 2026, asOf: $asOf) { quota } }`, { asOf: '2026-02-30' }, tokens.admin]],
    ['a missing required variable', () => [`query($code: String!) { staffingGap(unitCode: $code, year: 2026) { quota } }`, {}, tokens.admin]],
    ['a unit that does not exist (NOT_FOUND from a resolver)', () => [`{ staffingGap(unitCode: "NOWHERE", year: 2026) { quota } }`, {}, tokens.admin]],
    ['a mutation input with a defaulted non-null field, refused row by row', () => [
      `mutation($input: ImportRosterInput!) { importRoster(input: $input) { peopleCreated assignmentsCreated rowErrors { line column message } userErrors { code field message } } }`,
      { input: { csv: 'unit_code,full_name,birth_year,position_title,assignment_kind,start_date,competencies\nVN.HCM,Nguyễn Văn Thử,1990,Không có vị trí này,PRIMARY,2026-02-30,' } },
      tokens.hr,
    ]],
  ];

  it.each(cases)('%s', async (name, make) => {
    const [query, variables, token, operationName] = make();
    const { ours, graphqlJs } = await both(query, variables, token, operationName);
    if (process.env.SHOW_BODIES) console.log(name, ours.status, ours.body.slice(0, 300));
    expect(ours).toEqual(graphqlJs);
    // A case the schema refuses, or that answers nothing, would compare nothing.
    expect(ours.body).not.toMatch(/GRAPHQL_VALIDATION_FAILED/);
    expect(ours.body.length).toBeGreaterThan(40);
  });
});
