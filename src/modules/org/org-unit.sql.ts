import { countRows, keysetRows, type SqlRunner } from '../../db/sql-runner';
import { afterCursorSql, type PageRequest } from '../../graphql/connection';
import { OrgUnitKind } from '../../graphql/enums';
import { pathInSubtrees } from '../../auth/scope';
import { allOf, fragment, likeEscape, spliced, type SqlFragment } from '../../shared/sql';
import { unitOpenOn } from './unit-dates.sql';

export interface OrgUnitRow {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent_id: string | null;
  population: number | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: string | null;
}

const COLUMNS = 'u.id, u.code, u.name, u.kind, u.parent_id, u.population, u.valid_from, u.valid_to, u.successor_id';

export interface OrgUnitFilter {
  /** Only units in these subtrees (the viewer's scope); null: everywhere. */
  scopePaths: string[] | null;
  parentId?: string | null;
  /** Only units without a parent. */
  topLevel?: boolean;
  kind?: OrgUnitKind | null;
  search?: string | null;
  activeOn: string;
}

function filterSql(filter: OrgUnitFilter): SqlFragment {
  const where = [unitOpenOn('u', filter.activeOn)];
  if (filter.scopePaths) where.push(pathInSubtrees('u.path', filter.scopePaths));
  if (filter.parentId) where.push(fragment('u.parent_id = ?', filter.parentId));
  if (filter.topLevel) where.push(fragment('u.parent_id is null'));
  if (filter.kind) where.push(fragment('u.kind = ?', filter.kind));
  if (filter.search) {
    // Folding both sides (case and diacritics) makes "phu xuan" find "Phú Xuân"; the
    // trigram index on search_fold(name) serves the LIKE.
    const search = filter.search.trim();
    where.push(fragment(`(search_fold(u.name) like '%' || search_fold(?) || '%' or lower(u.code) like ?)`, likeEscape(search), `%${likeEscape(search.toLowerCase())}%`));
  }
  return allOf(where);
}

export function orgUnitPage(run: SqlRunner, filter: OrgUnitFilter, page: PageRequest): Promise<OrgUnitRow[]> {
  return keysetRows(run, { columns: COLUMNS, from: 'org_unit u', where: filterSql(filter), after: afterCursorSql(page, 'u.code'), orderBy: 'u.code', limit: page.first + 1 });
}

export function orgUnitCount(run: SqlRunner, filter: OrgUnitFilter): Promise<number> {
  return countRows(run, 'org_unit u', filterSql(filter));
}

export async function orgUnitsByIds(run: SqlRunner, ids: readonly string[]): Promise<OrgUnitRow[]> {
  return run<OrgUnitRow>(`select ${COLUMNS} from org_unit u where u.id = any(?::bigint[])`, [ids]);
}

export async function orgUnitsByCodes(run: SqlRunner, codes: readonly string[]): Promise<OrgUnitRow[]> {
  return run<OrgUnitRow>(`select ${COLUMNS} from org_unit u where u.code = any(?::text[])`, [codes]);
}

export interface ChildPageRequest extends PageRequest {
  /** Only children existing on this date; null: every child, ended ones too. */
  activeOn: string | null;
  scopePaths: string[] | null;
}

/** Children of many parents: those existing on the date (when given) and in the viewer's scope. */
function childrenSql(parentIds: readonly string[], request: Pick<ChildPageRequest, 'activeOn' | 'scopePaths'>): SqlFragment {
  const where = [fragment('u.parent_id = any(?::bigint[])', parentIds)];
  if (request.activeOn) where.push(unitOpenOn('u', request.activeOn));
  if (request.scopePaths) where.push(pathInSubtrees('u.path', request.scopePaths));
  return allOf(where);
}

/** One page of children for each of many parents, in one statement (DataLoader batch). */
export async function childPages(run: SqlRunner, parentIds: readonly string[], request: ChildPageRequest): Promise<OrgUnitRow[]> {
  const query = spliced`select * from (
       select ${fragment(COLUMNS)}, row_number() over (partition by u.parent_id order by u.code) as rank
       from org_unit u where ${childrenSql(parentIds, request)} and ${afterCursorSql(request, 'u.code')}
     ) ranked where rank <= ${request.first + 1} order by parent_id, code`;
  return run<OrgUnitRow>(query.text, query.values);
}

export async function childCounts(
  run: SqlRunner,
  parentIds: readonly string[],
  request: Pick<ChildPageRequest, 'activeOn' | 'scopePaths'>,
): Promise<Array<{ parent_id: string; n: number }>> {
  const query = spliced`select u.parent_id, count(*)::int as n from org_unit u where ${childrenSql(parentIds, request)} group by u.parent_id`;
  return run(query.text, query.values);
}

/** Units merged into each of the given units (their successor). */
export async function predecessorsOf(run: SqlRunner, unitIds: readonly string[]): Promise<OrgUnitRow[]> {
  return run<OrgUnitRow>(`select ${COLUMNS} from org_unit u where u.successor_id = any(?::bigint[]) order by u.code`, [unitIds]);
}
