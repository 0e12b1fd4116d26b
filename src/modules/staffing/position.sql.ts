import type { SqlRunner } from '../../db/sql-runner';
import type { PageRequest } from '../../graphql/connection';
import { assignmentActiveOn } from '../../shared/sql';
import { scopeUnitsSql } from './scope.sql';

export interface PositionRow {
  id: string;
  unit_id: string;
  title: string;
  category: string;
  role_family: string;
  seniority: string;
  pay_coefficient: string;
  headcount: number;
}

const COLUMNS = 'p.id, p.unit_id, p.title, p.category, p.role_family, p.seniority, p.pay_coefficient, p.headcount';

export async function positionsByIds(run: SqlRunner, ids: readonly string[]): Promise<PositionRow[]> {
  return run<PositionRow>(`select ${COLUMNS} from position p where p.id = any(?::bigint[])`, [ids]);
}

/** One page of positions for each of many units (OrgUnit.positions), in one statement. */
export async function positionPagesOfUnits(run: SqlRunner, unitIds: readonly string[], itOnly: boolean, page: PageRequest): Promise<PositionRow[]> {
  const params: unknown[] = [unitIds];
  let where = 'p.unit_id = any(?::bigint[])';
  if (itOnly) where += ' and p.is_it_specialist';
  if (page.afterKey !== null) {
    where += ' and p.id > ?';
    params.push(page.afterKey);
  }
  params.push(page.first + 1);
  return run<PositionRow>(
    `select * from (select ${COLUMNS}, row_number() over (partition by p.unit_id order by p.id) as rank
       from position p where ${where}) ranked where rank <= ? order by unit_id, id`,
    params,
  );
}

export async function positionCountsOfUnits(run: SqlRunner, unitIds: readonly string[], itOnly: boolean): Promise<Array<{ unit_id: string; n: number }>> {
  return run(
    `select p.unit_id, count(*)::int as n from position p where p.unit_id = any(?::bigint[]) ${itOnly ? 'and p.is_it_specialist' : ''} group by p.unit_id`,
    [unitIds],
  );
}

export interface PositionScopeFilter {
  rootId: string;
  includeDescendants: boolean;
  itOnly: boolean;
  date: string;
}

function scopeFilter(filter: PositionScopeFilter): { sql: string; params: unknown[] } {
  const scope = scopeUnitsSql(filter.rootId, filter.includeDescendants, filter.date);
  return {
    sql: `p.unit_id in (${scope.sql})${filter.itOnly ? ' and p.is_it_specialist' : ''}`,
    params: scope.params,
  };
}

export async function positionPageInScope(run: SqlRunner, filter: PositionScopeFilter, page: PageRequest): Promise<PositionRow[]> {
  const { sql, params } = scopeFilter(filter);
  let where = sql;
  if (page.afterKey !== null) {
    where += ' and p.id > ?';
    params.push(page.afterKey);
  }
  params.push(page.first + 1);
  return run<PositionRow>(`select ${COLUMNS} from position p where ${where} order by p.id limit ?`, params);
}

export async function positionCountInScope(run: SqlRunner, filter: PositionScopeFilter): Promise<number> {
  const { sql, params } = scopeFilter(filter);
  const [row] = await run<{ n: number }>(`select count(*)::int as n from position p where ${sql}`, params);
  return row.n;
}

export interface RequirementRow {
  position_id: string;
  competency_id: string;
  level: number;
}

export async function requirementsOfPositions(run: SqlRunner, positionIds: readonly string[]): Promise<RequirementRow[]> {
  return run<RequirementRow>(
    `select r.position_id, r.competency_id, r.level from position_requirement r where r.position_id = any(?::bigint[]) order by r.position_id, r.competency_id`,
    [positionIds],
  );
}

export interface AssignmentRow {
  id: string;
  person_id: string;
  position_id: string;
  kind: string;
  start_date: string;
  end_date: string | null;
}

const ASSIGNMENT_COLUMNS = 'a.id, a.person_id, a.position_id, a.kind, a.start_date, a.end_date';

/** The holder's columns, fetched with the assignment when a query asks for the person anyway. */
const HOLDER_COLUMNS = 'h.id as holder_id, h.full_name as holder_full_name, h.birth_year as holder_birth_year, h.home_unit_id as holder_home_unit_id';

export interface AssignmentWithHolderRow extends AssignmentRow {
  holder_id?: string;
  holder_full_name?: string;
  holder_birth_year?: number | null;
  holder_home_unit_id?: string | null;
}

/**
 * Assignments of many positions; `activeOn` keeps only those active that day, `first` (when
 * given) the first that many of each position in start-date order, cut per position in SQL;
 * `withHolder` joins the person's columns (holder_*), saving a statement and a load per row.
 */
export async function assignmentsOfPositions(
  run: SqlRunner,
  positionIds: readonly string[],
  activeOn: string | null,
  first: number | null = null,
  withHolder = false,
): Promise<AssignmentWithHolderRow[]> {
  const params: unknown[] = [positionIds];
  let where = 'a.position_id = any(?::bigint[])';
  if (activeOn) {
    where += ` and ${assignmentActiveOn('a')}`;
    params.push(activeOn, activeOn);
  }
  let source = 'assignment a';
  if (first !== null) {
    source = `(select a.*, row_number() over (partition by a.position_id order by a.start_date, a.id) as rank from assignment a where ${where}) a`;
    where = 'a.rank <= ?';
    params.push(first);
  }
  const holder = withHolder ? `, ${HOLDER_COLUMNS}` : '';
  const join = withHolder ? 'join person h on h.id = a.person_id' : '';
  return run<AssignmentWithHolderRow>(`select ${ASSIGNMENT_COLUMNS}${holder} from ${source} ${join} where ${where} order by a.position_id, a.start_date, a.id`, params);
}

/** Assignments of many people, limited to positions in the viewer's subtrees (null: everywhere). */
export async function assignmentsOfPeople(run: SqlRunner, personIds: readonly string[], activeOn: string | null, scopePaths: string[] | null): Promise<AssignmentRow[]> {
  const params: unknown[] = [personIds];
  let where = 'a.person_id = any(?::bigint[])';
  if (activeOn) {
    where += ` and ${assignmentActiveOn('a')}`;
    params.push(activeOn, activeOn);
  }
  let join = '';
  if (scopePaths) {
    join = 'join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id';
    where += ' and u.path <@ any(?::ltree[])';
    params.push(scopePaths);
  }
  return run<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignment a ${join} where ${where} order by a.person_id, a.start_date, a.id`, params);
}

export async function assignmentsByIds(run: SqlRunner, ids: readonly string[]): Promise<AssignmentRow[]> {
  return run<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignment a where a.id = any(?::bigint[])`, [ids]);
}
