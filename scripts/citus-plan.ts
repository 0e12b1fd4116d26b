/**
 * `npm run -s citus:plan`: the plan for running this schema on Citus, distributed by province,
 * and the DDL that applies it. test/citus-plan.test.ts holds the plan against the real schema
 * and the demo's data: every table classified, every distributed row owning one province, the
 * co-location of every foreign key, and each province's queries answering the same from its
 * shard alone. Citus is not installable here, so the DDL itself is not run; docs/scaling.md
 * explains the choices.
 */

/**
 * A unit's shard: the province of today's map its lineage belongs to. A unit coded under a
 * province of today is that province's; one under an old province (closed on 2025-06-30, with
 * today's province as successor: provinces merged whole) is its successor's. So the reform's
 * predecessor and successor links never cross shards. The nation is its own: its only rows
 * are its summary's (no seat sits on it).
 */
export const UNIT_PROVINCE_SQL = `
  create or replace function citus_plan_unit_province(unit_code text) returns text
  language sql stable as $$
    select coalesce(successor.code, province.code)
    from org_unit province
    left join org_unit successor on successor.id = province.successor_id
    where province.code = case
      when unit_code like 'VN.%' then 'VN.' || split_part(unit_code, '.', 2)
      when unit_code = 'VN' then 'VN'
      else split_part(unit_code, '.', 1) end
  $$`;

export interface DistributedTable {
  table: string;
  /** SQL giving a row's province, over the table aliased `t`; it may read other tables. */
  province: string;
  /** Why rows live there: the table its rows follow. */
  follows: string;
  /** The primary key today; on Citus it is (province, …key). */
  key: string[];
}

const ofUnit = (unitId: string) => `(select citus_plan_unit_province(u.code) from org_unit u where u.id = ${unitId})`;
const ofPosition = (positionId: string) => `(select citus_plan_unit_province(u.code) from position p join org_unit u on u.id = p.unit_id where p.id = ${positionId})`;
const ofPerson = (personId: string) => `(select citus_plan_unit_province(u.code) from person x join org_unit u on u.id = x.home_unit_id where x.id = ${personId})`;
const ofVacancy = (vacancyId: string) => `(select citus_plan_unit_province(u.code) from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id where v.id = ${vacancyId})`;
const ofApplication = (applicationId: string) => `(select citus_plan_unit_province(u.code) from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id where a.id = ${applicationId})`;

/**
 * Distributed by province and co-located, children before parents (the order rows can be
 * removed in). Seats, vacancies and the recruitment pipeline follow the position's unit; people
 * follow the unit whose HR office holds their record.
 */
export const DISTRIBUTED: DistributedTable[] = [
  { table: 'application_stage_change', province: ofApplication('t.application_id'), follows: 'application', key: ['id'] },
  { table: 'offer', province: ofApplication('t.application_id'), follows: 'application', key: ['id'] },
  { table: 'application', province: ofVacancy('t.vacancy_id'), follows: 'vacancy', key: ['id'] },
  { table: 'vacancy_move', province: ofVacancy('t.vacancy_id'), follows: 'vacancy', key: ['id'] },
  { table: 'vacancy', province: ofPosition('t.position_id'), follows: 'position', key: ['id'] },
  { table: 'assignment', province: ofPosition('t.position_id'), follows: 'position', key: ['id'] },
  { table: 'position_requirement', province: ofPosition('t.position_id'), follows: 'position', key: ['position_id', 'competency_id'] },
  { table: 'position', province: ofUnit('t.unit_id'), follows: 'org_unit (its unit)', key: ['id'] },
  { table: 'establishment_quota', province: ofUnit('t.unit_id'), follows: 'org_unit (its unit)', key: ['id'] },
  { table: 'workload_component', province: ofUnit('t.unit_id'), follows: 'org_unit (its unit)', key: ['id'] },
  // The summaries the triggers keep per unit (migrations 20261204, 20261205): with their unit's
  // rows, so a trigger's recount stays on one worker.
  { table: 'staffing_gap_unit', province: ofUnit('t.unit_id'), follows: 'org_unit (its unit)', key: ['unit_id'] },
  { table: 'staffing_gap_quota', province: ofUnit('t.unit_id'), follows: 'org_unit (its unit)', key: ['year', 'unit_id'] },
  { table: 'forecast_cohort', province: ofUnit('t.unit_id'), follows: 'org_unit (its unit)', key: [] },
  { table: 'forecast_primary_span', province: ofUnit('t.unit_id'), follows: 'org_unit (its unit)', key: [] },
  // Their roll-ups up the tree (migration 20261206), with the ancestor unit they count for (the
  // nation's on its own shard); a write below a province changes rows on the province's shard
  // and on the nation's, in one distributed transaction. The staged changes follow the same unit.
  { table: 'forecast_cohort_below', province: ofUnit('t.unit_id'), follows: 'org_unit (the ancestor it counts for)', key: [] },
  { table: 'forecast_primary_span_below', province: ofUnit('t.unit_id'), follows: 'org_unit (the ancestor it counts for)', key: [] },
  { table: 'forecast_cohort_below_pending', province: ofUnit('t.unit_id'), follows: 'org_unit (the ancestor it counts for)', key: [] },
  { table: 'forecast_primary_span_below_pending', province: ofUnit('t.unit_id'), follows: 'org_unit (the ancestor it counts for)', key: [] },
  { table: 'person_competency', province: ofPerson('t.person_id'), follows: 'person', key: ['person_id', 'competency_id'] },
  { table: 'competency_record', province: ofPerson('t.person_id'), follows: 'person', key: ['id'] },
  { table: 'person', province: ofUnit('t.home_unit_id'), follows: 'org_unit (home unit)', key: ['id'] },
];

/**
 * Replicated to every node: small, read by nearly every statement, written rarely. The unit tree
 * is one (about 14,000 rows for the whole country, old and new), so a subtree's `path <@` filter
 * and its ancestors' lookups run on the worker that holds the province's rows. Candidates are
 * another: a candidate recorded in one province applies to vacancies in others (the demo has
 * them), and the funnel, matching and the placement plan join applications to candidates, so
 * distributing candidates by their office would make those joins cross shards. They are
 * written once per application at most, and read by every pipeline question.
 */
export const REFERENCE = ['org_unit', 'competency', 'base_salary', 'salary_benchmark', 'incentive_package', 'candidate', 'candidate_competency'];

/**
 * On the coordinator only: written by the API itself, read whole by ADMIN or by id; and the
 * roll-ups' one row per writing transaction (its id), which queues their apply at its commit.
 */
export const COORDINATOR_LOCAL = ['audit_event', 'policy_scenario', 'mikro_orm_migrations', 'forecast_below_pending_xact'];

/**
 * Foreign keys between distributed tables whose two rows may lie in different provinces, and
 * what Citus does with them. Every other such key joins rows of one province.
 */
export const CROSS_PROVINCE_KEYS: Array<{ from: string; to: string; why: string }> = [
  {
    from: 'assignment',
    to: 'person',
    why: 'a concurrent post (kiêm nhiệm) or a secondment in another province: the seat lives with the position, the person with the office that holds their record; reads join them by person id through a repartition join, and the people of a scope are found from its seats',
  },
  {
    from: 'vacancy_move',
    to: 'position',
    why: 'a vacancy moved by a reorganisation stays with its vacancy; both positions lie in one province, because provinces merged whole',
  },
];

/**
 * Facts of a distributed table that a question of another province needs, and that the plan
 * therefore keeps on every shard. matchCandidates leaves out candidates hired anywhere, which
 * reads every province's applications: on Citus that fact becomes a column of the candidate (a
 * reference table), written by the hire command, so the pool's anti-join stays on one worker.
 * The test emulates it by keeping those rows in every shard.
 */
export const FACTS_ON_EVERY_SHARD: Array<{ table: string; rows: string; why: string }> = [
  { table: 'application', rows: `t.stage = 'HIRED'`, why: 'which candidates are hired already (matchCandidates leaves them out of the pool)' },
];

/**
 * Citus enforces a unique or exclusion constraint of a distributed table only when it includes
 * the distribution column. Each one of the schema's, and what it becomes.
 */
export const UNIQUE_RULES: Array<{ table: string; constraint: string; becomes: string; ddl: string[] }> = [
  {
    table: 'establishment_quota',
    constraint: 'establishment_quota_unit_id_year_category_key',
    becomes: '(province, unit_id, year, category): the unit fixes the province, so nothing is lost',
    ddl: [`alter table establishment_quota drop constraint establishment_quota_unit_id_year_category_key, add unique (province, unit_id, year, category)`],
  },
  {
    table: 'workload_component',
    constraint: 'workload_component_unit_id_name_key',
    becomes: '(province, unit_id, name): the unit fixes the province',
    ddl: [`alter table workload_component drop constraint workload_component_unit_id_name_key, add unique (province, unit_id, name)`],
  },
  ...(
    [
      ['forecast_cohort', 'category, is_it_specialist, retirement_year'],
      ['forecast_primary_span', 'first_january, last_january, separation'],
      ['forecast_cohort_below', 'category, is_it_specialist, retirement_year'],
      ['forecast_primary_span_below', 'first_january, last_january, separation'],
    ] as const
  ).map(([table, keys]) => ({
    table,
    constraint: `${table}_key`,
    becomes: `(province, unit_id, ${keys}): the unit fixes the province`,
    ddl: [`alter table ${table} drop constraint ${table}_key, add constraint ${table}_key unique nulls not distinct (province, unit_id, ${keys})`],
  })),
  {
    table: 'application',
    constraint: 'application_candidate_id_vacancy_id_key',
    becomes: '(province, candidate_id, vacancy_id): the vacancy fixes the province',
    ddl: [`alter table application drop constraint application_candidate_id_vacancy_id_key, add unique (province, candidate_id, vacancy_id)`],
  },
  {
    table: 'assignment',
    constraint: 'assignment_one_primary',
    becomes:
      'one PRIMARY at a time per person, enforced per province by (province WITH =, person_id WITH =, dates WITH &&); a transfer between provinces is the one write that spans two shards, and it ends the old seat before it starts the new one in one distributed transaction',
    ddl: [
      `alter table assignment drop constraint assignment_one_primary`,
      `alter table assignment add constraint assignment_one_primary exclude using gist (province with =, person_id with =, daterange(start_date, end_date, '[]') with &&) where (kind = 'PRIMARY')`,
    ],
  },
  {
    table: 'person',
    constraint: 'person_national_id',
    becomes:
      'national ids unique across the country, which no per-province constraint can hold: a table person_national_id (national_id primary key, province, person_id) distributed by national_id, written in the same transaction as the person',
    ddl: [
      `drop index person_national_id`,
      `create table person_national_id (national_id text primary key, province text not null, person_id bigint not null)`,
      `insert into person_national_id select national_id, province, id from person where national_id is not null`,
      `select create_distributed_table('person_national_id', 'national_id')`,
    ],
  },
];

/** The DDL that applies the plan on a Citus coordinator, in order. */
export function citusDdl(): string[] {
  const ddl: string[] = [UNIT_PROVINCE_SQL.trim()];
  for (const table of REFERENCE) ddl.push(`select create_reference_table('${table}')`);
  // Parents first: a table's province is read through its parents' rows.
  for (const { table, province, key } of [...DISTRIBUTED].reverse()) {
    ddl.push(`alter table ${table} add column province text`);
    ddl.push(`update ${table} t set province = ${province}`);
    ddl.push(`alter table ${table} alter column province set not null`);
    if (key.length) ddl.push(`alter table ${table} drop constraint ${table}_pkey, add primary key (province, ${key.join(', ')})`);
  }
  for (const rule of UNIQUE_RULES) ddl.push(...rule.ddl);
  const [first, ...rest] = [...DISTRIBUTED].reverse();
  ddl.push(`select create_distributed_table('${first.table}', 'province')`);
  for (const { table } of rest) ddl.push(`select create_distributed_table('${table}', 'province', colocate_with => '${first.table}')`);
  return ddl;
}

if (require.main === module) {
  process.stdout.write(`-- workforce-graph on Citus, distributed by province (docs/scaling.md)\n${citusDdl().map((s) => `${s};`).join('\n')}\n`);
}
