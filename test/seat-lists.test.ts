import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { startTestServer, TestServer } from './helpers/harness';

/**
 * Position.assignments with `person` is served from one tuple per seat that carries only the
 * columns the query asks for (seatTupleLayout): each selection must still put every column in
 * its field. Checked against the database, for selections that take each column or leave it out.
 */
describe('seat lists with holders answer what the database holds, whatever the selection', () => {
  let server: TestServer;
  let admin: string;
  type Seat = { id: string; kind: string; start_date: string; end_date: string | null; end_reason: string | null; destination_sector: string | null; person_id: string; full_name: string; birth_year: number | null };
  let expected: Map<string, Seat[]>;

  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
    admin = await server.token(Role.ADMIN);
    // An ended seat with its separation, so that those columns hold values, not only nulls.
    await server.sql(
      `update assignment set end_date = start_date + 30, end_reason = 'RESIGNATION', destination_sector = 'PRIVATE'
       where id = (select a.id from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
                   where u.code like 'VN.HCM%' and a.kind = 'PRIMARY' and a.end_date is null order by a.id limit 1)`,
    );
    const rows = await server.sql<Seat & { position_id: string }>(
      `select a.position_id::text, a.id::text, a.kind, a.start_date::text, a.end_date::text, a.end_reason, a.destination_sector,
              a.person_id::text, pe.full_name, pe.birth_year
       from assignment a join person pe on pe.id = a.person_id join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
       where u.path <@ 'VN.HCM' and u.valid_to is null order by a.position_id, a.start_date, a.id`,
    );
    expected = new Map();
    for (const row of rows) {
      const key = toGlobalId('Position', row.position_id);
      if (!expected.has(key)) expected.set(key, []);
      expected.get(key)!.push(row);
    }
  }, 120_000);
  afterAll(() => server.close());

  const selections: Array<[string, string, (s: Seat) => Record<string, unknown>]> = [
    ['kind, start and name', 'kind startDate person { fullName }', (s) => ({ kind: s.kind, startDate: s.start_date, person: { fullName: s.full_name } })],
    [
      'every column',
      'id kind startDate endDate endReason destinationSector person { id fullName birthYear }',
      (s) => ({
        id: toGlobalId('Assignment', s.id), kind: s.kind, startDate: s.start_date, endDate: s.end_date, endReason: s.end_reason, destinationSector: s.destination_sector,
        person: { id: toGlobalId('Person', s.person_id), fullName: s.full_name, birthYear: s.birth_year },
      }),
    ],
    ['the end date and birth year alone', 'endDate person { birthYear }', (s) => ({ endDate: s.end_date, person: { birthYear: s.birth_year } })],
    ['the separation and the holder id', 'destinationSector endReason person { id }', (s) => ({ destinationSector: s.destination_sector, endReason: s.end_reason, person: { id: toGlobalId('Person', s.person_id) } })],
    ['the seat id before the name', 'person { fullName } id', (s) => ({ person: { fullName: s.full_name }, id: toGlobalId('Assignment', s.id) })],
  ];

  it.each(selections)('%s', async (_name, selection, project) => {
    const res = await server.gql(`{ positions(unitCode: "VN.HCM", first: 100) { edges { node { id assignments(activeOnly: false) { ${selection} } } } } }`, {}, admin);
    expect(res.errors).toBeUndefined();
    const edges = res.data.positions.edges as Array<{ node: { id: string; assignments: unknown[] } }>;
    const withSeats = edges.filter((e) => e.node.assignments.length);
    // A selection that reached no seats, or none with a separation, would check nothing.
    expect(withSeats.length).toBeGreaterThan(3);
    for (const { node } of edges) expect(node.assignments).toEqual((expected.get(node.id) ?? []).map(project));
    if (selection.includes('endReason')) expect(withSeats.flatMap((e) => e.node.assignments)).toContainEqual(expect.objectContaining({ endReason: 'RESIGNATION' }));
  });
});
