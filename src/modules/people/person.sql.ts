import { countRows, keysetRows, type SqlRunner } from '../../db/sql-runner';
import { afterCursorSql, type PageRequest } from '../../graphql/connection';
import { allOf, fragment, likeEscape, spliced, type SqlFragment } from '../../shared/sql';
import { assignmentActiveOn } from './assignment-rule';
import { scopeUnitsSql } from '../org';
import { pathInSubtrees } from '../../auth/scope';

export interface PersonRow {
  id: string;
  full_name: string;
  birth_year: number | null;
  home_unit_id: string | null;
  national_id: string | null;
  sex: string | null;
  birth_date: string | null;
  retirement_date: string | null;
}

/** The statutory retirement date has one home, the SQL function retirement_date (its migration holds the formula). */
const COLUMNS = `p.id, p.full_name, p.birth_year, p.home_unit_id, p.national_id, p.sex, p.birth_date,
  retirement_date(p.sex, p.birth_date, p.birth_year) as retirement_date`;

export async function peopleByIds(run: SqlRunner, ids: readonly string[]): Promise<PersonRow[]> {
  return run<PersonRow>(`select ${COLUMNS} from person p where p.id = any(?::bigint[])`, [ids]);
}

/**
 * Which of these people lie in one of the subtrees: they hold (or held) an assignment there, or
 * the subtree's HR office recorded them (home unit).
 */
/** SQL: person `p` lies in one of the subtrees: a seat there (held or past), or recorded there (home unit). */
export function personInSubtrees(p: string, scopePaths: readonly string[]): SqlFragment {
  return spliced`(exists (select 1 from assignment a join position pos on pos.id = a.position_id join org_unit u on u.id = pos.unit_id
               where a.person_id = ${fragment(`${p}.id`)} and ${pathInSubtrees('u.path', scopePaths)})
       or exists (select 1 from org_unit h where h.id = ${fragment(`${p}.home_unit_id`)} and ${pathInSubtrees('h.path', scopePaths)}))`;
}

export async function peopleInSubtree(run: SqlRunner, ids: readonly string[], scopePaths: readonly string[]): Promise<Array<{ id: string }>> {
  const query = spliced`select p.id from person p where p.id = any(${ids}::bigint[]) and ${personInSubtrees('p', scopePaths)}`;
  return run(query.text, query.values);
}

export interface PeopleFilter {
  rootId: string;
  includeDescendants: boolean;
  search: string | null;
  competencyId: string | null;
  date: string;
}

/**
 * People of a scope: those with an assignment active on the date in it, plus those its HR
 * office recorded (home unit) who hold no active assignment anywhere yet.
 */
function peopleFilterSql(filter: PeopleFilter): SqlFragment {
  const scope = () => scopeUnitsSql(filter.rootId, filter.includeDescendants, filter.date);
  // Drawn from the scope's seats and its home units (both indexed), never by testing every
  // person of the country against them. As an array, not `in (subquery)`: the planner cannot
  // tell a commune's subtree from a province's, and for `order by p.id limit n` it chose a merge
  // join that walked all 2 M people by id to find a commune's two (0.4–2 s at full scale; 1.5 ms
  // this way, and no slower for a province).
  const where = [
    spliced`p.id = any(array(
       select a.person_id from assignment a join position pos on pos.id = a.position_id
       where pos.unit_id in (${scope()}) and ${assignmentActiveOn('a', filter.date)}
       union
       select h.id from person h
       where h.home_unit_id in (${scope()})
         and not exists (select 1 from assignment a2 where a2.person_id = h.id and ${assignmentActiveOn('a2', filter.date)})))`,
  ];
  if (filter.search) {
    // A CCCD number finds its person; only roles that may read nationalId reach people().
    where.push(fragment(`(search_fold(p.full_name) like '%' || search_fold(?) || '%' or p.national_id = ?)`, likeEscape(filter.search.trim()), filter.search.trim()));
  }
  if (filter.competencyId) {
    where.push(fragment('exists (select 1 from person_competency pc where pc.person_id = p.id and pc.competency_id = ?)', filter.competencyId));
  }
  return allOf(where);
}

export function peoplePage(run: SqlRunner, filter: PeopleFilter, page: PageRequest): Promise<PersonRow[]> {
  return keysetRows(run, { columns: COLUMNS, from: 'person p', where: peopleFilterSql(filter), after: afterCursorSql(page, 'p.id'), orderBy: 'p.id', limit: page.first + 1 });
}

export function peopleCount(run: SqlRunner, filter: PeopleFilter): Promise<number> {
  return countRows(run, 'person p', peopleFilterSql(filter));
}

export async function competenciesOfPeople(run: SqlRunner, ids: readonly string[]): Promise<Array<{ person_id: string; competency_id: string; level: number }>> {
  return run(`select person_id, competency_id, level from person_competency where person_id = any(?::bigint[]) order by person_id, competency_id`, [ids]);
}

export interface CompetencyRecordRow {
  person_id: string;
  competency_id: string;
  level: number;
  recorded_on: string;
  source: string;
  note: string | null;
}

/** Every level ever recorded for these people, newest first (recordedOn, then the last recorded). */
export async function competencyHistoryOfPeople(run: SqlRunner, ids: readonly string[]): Promise<CompetencyRecordRow[]> {
  return run(
    `select person_id, competency_id, level, recorded_on, source, note from competency_record
     where person_id = any(?::bigint[]) order by person_id, recorded_on desc, id desc`,
    [ids],
  );
}
