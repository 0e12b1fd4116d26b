import { Client } from 'pg';
import { signToken } from '../../src/auth/token';
import { toGlobalId } from '../../src/graphql/global-id';
import { Role } from '../../src/graphql/enums';
import { ChildServer, startChildServer } from './child-server';
import { TEST_SECRET } from './harness';

export const CALLERS = 50;
export const QUOTA = 5;
const ALREADY_SEATED = 2; // so 3 seats remain
export const SEATS_LEFT = QUOTA - ALREADY_SEATED;
const START = '2030-06-01';

const ASSIGN = `mutation($input: AssignPersonInput!) {
  assignPerson(input: $input) { assignment { id } userErrors { code message } }
}`;

/**
 * The establishment rule behind a load balancer: two server processes (the real main.ts) on one
 * database, and 50 concurrent PRIMARY assignments, split between them, for 3 remaining seats.
 * `serverUrl` is where the servers connect (the database itself, or a PgBouncer in front of it);
 * `databaseUrl` is used directly, to set up and to count.
 */
export class QuotaRace {
  private constructor(
    private readonly sql: Client,
    readonly servers: ChildServer[],
    private readonly unitId: string,
    private readonly positionId: string,
    private readonly candidates: string[],
  ) {}

  static async start(databaseUrl: string, serverUrl: string = databaseUrl, env: Record<string, string> = {}): Promise<QuotaRace> {
    const sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
    const one = async (text: string, params: unknown[] = []) => String((await sql.query(text, params)).rows[0].id);
    const unitId = await one(`insert into org_unit (code, name, kind) values ('HAI', 'Tỉnh Hai Máy', 'PROVINCE') returning id`);
    await sql.query(`insert into establishment_quota (unit_id, year, category, headcount) values ($1, 2030, 'CIVIL_SERVANT', $2)`, [unitId, QUOTA]);
    const positionId = await one(
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
       values ($1, 'Chuyên viên công nghệ thông tin', 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'JUNIOR', 2.34, 100) returning id`,
      [unitId],
    );
    for (let i = 0; i < ALREADY_SEATED; i++) {
      const person = await one(`insert into person (full_name, birth_year, home_unit_id) values ($1, 1985, $2) returning id`, [`Người đương nhiệm ${i}`, unitId]);
      await sql.query(`insert into assignment (person_id, position_id, kind, start_date) values ($1, $2, 'PRIMARY', '2020-01-01')`, [person, positionId]);
    }
    const candidates: string[] = [];
    for (let i = 0; i < CALLERS; i++) {
      candidates.push(await one(`insert into person (full_name, birth_year, home_unit_id) values ($1, 1995, $2) returning id`, [`Ứng viên ${i}`, unitId]));
    }
    const serverEnv = { DATABASE_URL: serverUrl, JWT_SECRET: TEST_SECRET, RATE_LIMIT_PER_MINUTE: '0', ...env };
    const servers = await Promise.all([startChildServer(serverEnv), startChildServer(serverEnv)]);
    return new QuotaRace(sql, servers, unitId, positionId, candidates);
  }

  /** Runs the trials; returns what broke the rule (nothing, we hope) and the seats won through each instance. */
  async run(trials: number): Promise<{ violations: string[]; perServer: number[] }> {
    const token = await signToken({ subject: 'two-instances', role: Role.HR_OFFICER, unitCode: 'HAI' }, TEST_SECRET);
    const position = toGlobalId('Position', this.positionId);
    const violations: string[] = [];
    const perServer = [0, 0];
    for (let trial = 1; trial <= trials; trial++) {
      const answers = await Promise.all(
        this.candidates.map(async (personId, i) => {
          const server = i % 2;
          const response = await fetch(this.servers[server].url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: ASSIGN, variables: { input: { personId: toGlobalId('Person', personId), positionId: position, kind: 'PRIMARY', startDate: START } } }),
          });
          const body = (await response.json()) as { data?: any; errors?: any[] };
          return { server, status: response.status, errors: body.errors, payload: body.data?.assignPerson };
        }),
      );
      const won = answers.filter((a) => a.status === 200 && !a.errors && a.payload?.assignment);
      const refused = answers.filter((a) => a.payload?.userErrors?.[0]?.code === 'QUOTA_EXCEEDED');
      for (const a of won) perServer[a.server] += 1;
      const { rows } = await this.sql.query(
        `select count(*)::int as n from assignment a join position p on p.id = a.position_id
         where p.unit_id = $1 and a.kind = 'PRIMARY' and a.start_date <= $2 and (a.end_date is null or a.end_date >= $2)`,
        [this.unitId, START],
      );
      if (won.length !== SEATS_LEFT || refused.length !== CALLERS - won.length || rows[0].n !== QUOTA) {
        const other = answers.filter((a) => !won.includes(a) && !refused.includes(a)).slice(0, 3);
        violations.push(`trial ${trial}: ${won.length} succeeded, ${refused.length} QUOTA_EXCEEDED, ${rows[0].n} seated; others: ${JSON.stringify(other)}`);
      }
      // Reset for the next trial: only the trial's own assignments go.
      await this.sql.query(`delete from assignment where person_id = any($1::bigint[])`, [this.candidates]);
    }
    return { violations, perServer };
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
    await this.sql.end();
  }
}
