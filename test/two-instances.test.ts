import { CALLERS, QuotaRace, SEATS_LEFT } from './helpers/quota-race';
import { createTestDatabase, TestDatabase } from './helpers/test-database';

const TRIALS = 20;

/** Two server processes on one database race for the last seats of a quota (see QuotaRace). */
describe('two instances on one database', () => {
  let db: TestDatabase;
  let race: QuotaRace;

  beforeAll(async () => {
    db = await createTestDatabase();
    race = await QuotaRace.start(db.url);
  }, 120_000);

  afterAll(async () => {
    await race?.stop();
    await db?.drop();
  });

  it(`lets exactly ${SEATS_LEFT} of ${CALLERS} concurrent assignments through, in each of ${TRIALS} trials`, async () => {
    const { violations, perServer } = await race.run(TRIALS);
    expect(violations).toEqual([]);
    // Both processes really took part.
    expect(perServer[0] + perServer[1]).toBe(TRIALS * SEATS_LEFT);
    console.log(
      `two instances: ${TRIALS} trials × ${CALLERS} concurrent assignPerson (PRIMARY) for ${SEATS_LEFT} seats, no violation; ` +
        `seats won through instance A ${perServer[0]}, through instance B ${perServer[1]}`,
    );
  }, 180_000);
});
