import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { errorCode, startTestServer, TestServer } from './helpers/harness';

/**
 * The contract's personal data — Person.fullName, Person.birthYear, Candidate.fullName,
 * Offer.monthlyPay, CandidateMatch.person/candidate — through every path that reaches it, for
 * every role that must not see it; and node(id) from outside the caller's subtree for every
 * Node type that has a place in the hierarchy. Runs on the demo city.
 */
describe('personal data and scope, on the demo city', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
    const one = async (sql: string) => String((await server.sql<{ id: string }>(sql))[0].id);
    ids.Person = await one(`select p.id from person p join assignment a on a.person_id = p.id join position po on po.id = a.position_id join org_unit u on u.id = po.unit_id where u.code like 'VN.HCM.NHA_BE%' limit 1`);
    ids.Candidate = await one(`select c.id from candidate c join application a on a.candidate_id = c.id join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id where u.code like 'VN.HCM.%' limit 1`);
    ids.Offer = await one(`select o.id from offer o join application a on a.id = o.application_id join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id where u.code like 'VN.HCM.%' limit 1`);
    ids.Position = await one(`select p.id from position p join org_unit u on u.id = p.unit_id where u.code like 'VN.HCM.%' and p.role_family <> 'GENERAL_ADMINISTRATION' limit 1`);
  }, 180_000);
  afterAll(() => server.close());

  const paths: Array<[string, string, Record<string, string>]> = [
    ['Person.fullName by node', `query($id: ID!) { node(id: $id) { ... on Person { fullName } } }`, { id: 'Person' }],
    ['Person.birthYear by node', `query($id: ID!) { node(id: $id) { ... on Person { birthYear } } }`, { id: 'Person' }],
    ['Person via people', `{ people(unitCode: "VN.HCM") { edges { node { fullName } } } }`, {}],
    ['Person via position assignments', `{ positions(unitCode: "VN.HCM") { edges { node { assignments { person { fullName birthYear } } } } } }`, {}],
    ['Candidate.fullName by node', `query($id: ID!) { node(id: $id) { ... on Candidate { fullName } } }`, { id: 'Candidate' }],
    ['Candidate via vacancy applications', `{ vacancies(unitCode: "VN.HCM") { edges { node { applications { candidate { fullName } } } } } }`, {}],
    ['Offer.monthlyPay by node', `query($id: ID!) { node(id: $id) { ... on Offer { monthlyPay } } }`, { id: 'Offer' }],
    ['Offer via applications', `{ vacancies(unitCode: "VN.HCM") { edges { node { applications { offers { monthlyPay } } } } } }`, {}],
    ['CandidateMatch.candidate', `query($id: ID!) { matchCandidates(positionId: $id) { candidate { fullName } } }`, { id: 'Position' }],
    ['CandidateMatch.person', `query($id: ID!) { matchCandidates(positionId: $id) { person { fullName } } }`, { id: 'Position' }],
  ];

  for (const role of [Role.POLICYMAKER, Role.ANALYST]) {
    it.each(paths)(`${role}: %s is FORBIDDEN and absent`, async (_name, query, vars) => {
      const token = await server.token(role, 'VN.HCM');
      const variables = Object.fromEntries(Object.entries(vars).map(([k, type]) => [k, toGlobalId(type, ids[type])]));
      const res = await server.gql(query, variables, token);
      expect(errorCode(res)).toBe('FORBIDDEN');
      const text = JSON.stringify(res.data ?? null);
      expect(text).not.toMatch(/fullName"\s*:\s*"|birthYear"\s*:\s*\d|monthlyPay"\s*:\s*\d/);
    });
  }

  it.each(paths)('HR_OFFICER of the subtree reads %s', async (_name, query, vars) => {
    const token = await server.token(Role.HR_OFFICER, 'VN.HCM');
    const variables = Object.fromEntries(Object.entries(vars).map(([k, type]) => [k, toGlobalId(type, ids[type])]));
    const res = await server.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
  });

  it('answers FORBIDDEN for node(id) of every scoped type outside the subtree', async () => {
    const outsider = await server.token(Role.HR_OFFICER, 'VN.BNH');
    const one = async (type: string, sql: string) => [type, String((await server.sql<{ id: string }>(sql))[0].id)] as const;
    const inHcm = `join org_unit u on u.id = p.unit_id where u.code like 'VN.HCM.%' limit 1`;
    const cases = await Promise.all([
      one('OrgUnit', `select id from org_unit where code = 'VN.HCM.NHA_BE'`),
      one('Position', `select p.id from position p ${inHcm}`),
      one('Assignment', `select a.id from assignment a join position p on p.id = a.position_id ${inHcm}`),
      one('Person', `select a.person_id as id from assignment a join position p on p.id = a.position_id ${inHcm}`),
      one('Vacancy', `select v.id from vacancy v join position p on p.id = v.position_id ${inHcm}`),
      one('Application', `select a.id from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id ${inHcm}`),
      one(
        'Candidate',
        `select c.id from candidate c join org_unit h on h.id = c.home_unit_id where h.code like 'VN.HCM.%'
           and not exists (select 1 from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id
                           join org_unit u on u.id = p.unit_id where a.candidate_id = c.id and u.code like 'VN.BNH%') limit 1`,
      ),
      one('Offer', `select o.id from offer o join application a on a.id = o.application_id join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id ${inHcm}`),
      one('WorkloadComponent', `select w.id from workload_component w join org_unit u on u.id = w.unit_id where u.code like 'VN.HCM.%' limit 1`),
    ]);
    for (const [type, key] of cases) {
      const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId(type, key) }, outsider);
      expect({ type, code: errorCode(res), data: res.data?.node ?? null }).toEqual({ type, code: 'FORBIDDEN', data: null });
    }
    // A saved scenario is scoped by the unit it simulated.
    const admin = await server.token(Role.ADMIN);
    const saved = await server.gql(
      `mutation { savePolicyScenario(input: { name: "Thử", simulation: { unitCode: "VN.HCM", changes: { monthlyAllowanceDelta: 1000000 } } }) { policyScenario { id } userErrors { code } } }`,
      {},
      admin,
    );
    const scenarioId = saved.data.savePolicyScenario.policyScenario.id;
    const foreign = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: scenarioId }, await server.token(Role.POLICYMAKER, 'VN.BNH'));
    expect(errorCode(foreign)).toBe('FORBIDDEN');
  });
});
