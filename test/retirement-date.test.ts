import { startTestServer, TestServer } from './helpers/harness';

/**
 * The statutory retirement date, against rows of Decree 135/2020's appendices (I for men, II for
 * women: the month of birth, the age in force, the month the pension starts) and the contract's
 * worked example. The function is SQL, so it is tested where it runs.
 */
describe('retirement_date (Labour Code 2019 art. 169, Decree 135/2020)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const retirementOf = async (sex: string | null, birthDate: string | null, birthYear: number | null) => {
    const [row] = await server.sql<{ d: string | null }>(`select retirement_date(?::text, ?::date, ?::integer)::text as d`, [sex, birthDate, birthYear]);
    return row.d;
  };

  // [sex, born, the age reached (years y months m), pension from]
  const appendixRows: Array<[string, string, string, string]> = [
    ['MALE', '1960-12-10', '60y', '2021-01-01'],
    ['MALE', '1961-01-20', '60y3m', '2021-05-01'],
    ['MALE', '1961-09-01', '60y3m', '2022-01-01'],
    ['MALE', '1961-10-31', '60y6m', '2022-05-01'],
    ['MALE', '1962-09-05', '60y9m', '2023-07-01'],
    ['MALE', '1964-03-15', '61y3m', '2025-07-01'], // the contract's example
    ['MALE', '1966-01-01', '61y9m', '2027-11-01'],
    ['MALE', '1966-04-15', '62y', '2028-05-01'],
    ['MALE', '1980-07-14', '62y', '2042-08-01'],
    ['FEMALE', '1965-12-31', '55y', '2021-01-01'],
    ['FEMALE', '1966-01-02', '55y4m', '2021-06-01'],
    ['FEMALE', '1966-08-19', '55y4m', '2022-01-01'],
    ['FEMALE', '1966-09-03', '55y8m', '2022-06-01'],
    ['FEMALE', '1970-01-15', '57y4m', '2027-06-01'],
    ['FEMALE', '1975-01-15', '59y8m', '2034-10-01'],
    ['FEMALE', '1980-05-01', '60y', '2040-06-01'],
  ];

  it.each(appendixRows)('%s born %s reaches %s and retires on %s', async (sex, born, _age, retires) => {
    expect(await retirementOf(sex, born, null)).toBe(retires);
  });

  it('takes July of the birth year when only the year is known', async () => {
    // Born 1964-07: 2025's age is 61y3m, reached in 2025-10.
    expect(await retirementOf('MALE', null, 1964)).toBe('2025-11-01');
    // Born 1970-07: the 2027 age 57y4m is reached in 2027-11.
    expect(await retirementOf('FEMALE', null, 1970)).toBe('2027-12-01');
    // A birth date wins over a birth year.
    expect(await retirementOf('MALE', '1964-03-15', 1999)).toBe('2025-07-01');
  });

  it('agrees with the formula read month by month, for every birth month from 1940 to 2010', async () => {
    // The contract's words as a search over the months M >= b: the first with M - b >= age(year of M).
    const [row] = await server.sql<{ compared: number; differing: number; example: string | null }>(
      `with born as (
         select sex, y * 12 + m as b from unnest(array['MALE', 'FEMALE']) sex, generate_series(1940, 2010) y, generate_series(0, 11) m
       ),
       searched as (
         select sex, b, (select min(month) from generate_series(b, b + 900) month
                          where month - b >= retirement_age_months(sex, month / 12)) as reached
         from born
       ),
       compared as (
         select sex, b, make_date((reached + 1) / 12, (reached + 1) % 12 + 1, 1) as expected,
                retirement_date(sex, make_date(b / 12, b % 12 + 1, 15), null) as got
         from searched
       )
       select count(*)::int as compared, count(*) filter (where expected is distinct from got)::int as differing,
              min(sex || ' ' || b || ': ' || expected || ' vs ' || got) filter (where expected is distinct from got) as example
       from compared`,
    );
    expect(row).toEqual({ compared: 2 * 71 * 12, differing: 0, example: null });
  });

  it('is null without a sex, or without any birth date or year', async () => {
    expect(await retirementOf(null, '1964-03-15', 1964)).toBeNull();
    expect(await retirementOf('FEMALE', null, null)).toBeNull();
  });
});
