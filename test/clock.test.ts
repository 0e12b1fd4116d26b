import { ConfigError, loadConfig } from '../src/config';
import { Role } from '../src/graphql/enums';
import { clockIn, DEFAULT_TIME_ZONE } from '../src/shared/today';
import { errorCode, TestServer } from './helpers/harness';
import { startConfiguredServer } from './helpers/test-database';

/*
 * "Today" is the day in APP_TIME_ZONE, for the services' JavaScript and their SQL alike. Of the
 * two zones furthest from Asia/Ho_Chi_Minh (UTC+14 and UTC−11), at every moment one is on
 * another day than it; the server runs in that one, so an answer taken from the default zone
 * (or from the machine's) differs from what the zone says.
 */
const defaultToday = clockIn(DEFAULT_TIME_ZONE).today();
const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find((z) => clockIn(z).today() !== defaultToday)!;
const zoneToday = clockIn(zone).today();

test('APP_TIME_ZONE is a setting, validated: Asia/Ho_Chi_Minh unless set, and a zone Intl does not know is refused', () => {
  expect(loadConfig({}).timeZone).toBe('Asia/Ho_Chi_Minh');
  expect(loadConfig({ APP_TIME_ZONE: 'Europe/Paris' }).timeZone).toBe('Europe/Paris');
  expect(() => loadConfig({ APP_TIME_ZONE: "Asia/Ho_Chi_Minh'; drop table person; --" })).toThrow(ConfigError);
  expect(() => loadConfig({ APP_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/APP_TIME_ZONE/);
});

describe(`a server in ${zone}`, () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startConfiguredServer({ APP_TIME_ZONE: zone, RATE_LIMIT_PER_MINUTE: '0' });
    admin = await server.token(Role.ADMIN);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads today in its zone in SQL as in JavaScript', async () => {
    const [row] = await server.sql<{ day: string }>(`select ${clockIn(zone).todaySql}::text as day`);
    expect(row.day).toBe(zoneToday);
  });

  it('lists the units that exist on its today, and refuses a birth date after it', async () => {
    const CREATE = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { code } userErrors { code message } } }`;
    for (const [code, validFrom] of [['TZCLOCKA', zoneToday], ['TZCLOCKB', defaultToday]]) {
      const created = await server.gql(CREATE, { input: { code, name: `Clock ${code}`, kind: 'PROVINCE', validFrom } }, admin);
      expect(created.data.createOrgUnit).toEqual({ orgUnit: { code }, userErrors: [] });
    }
    const listed = await server.gql(`{ orgUnits(search: "TZCLOCK") { edges { node { code } } } }`, {}, admin);
    const expected = [['TZCLOCKA', zoneToday], ['TZCLOCKB', defaultToday]].filter(([, from]) => from <= zoneToday).map(([code]) => ({ node: { code } }));
    expect(listed.data.orgUnits.edges).toEqual(expected);

    // The later of the two days is the future only where the zone is behind.
    const later = zoneToday > defaultToday ? zoneToday : defaultToday;
    const person = await server.gql(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { fullName } userErrors { code field } } }`,
      { input: { fullName: 'Nguyễn Văn Đồng Hồ', birthDate: later } },
      admin,
    );
    expect(errorCode(person)).toBeUndefined();
    expect(person.data.createPerson).toEqual(
      later === zoneToday
        ? { person: { fullName: 'Nguyễn Văn Đồng Hồ' }, userErrors: [] }
        : { person: null, userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'birthDate'] }] },
    );
  });
});
