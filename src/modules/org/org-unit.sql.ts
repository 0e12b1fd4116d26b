import type { SqlRunner } from '../../db/sql-runner';
import { afterCursorSql, type PageRequest } from '../../graphql/connection';
import { OrgUnitKind } from '../../graphql/enums';
import { likeEscape, unitExistsOn } from '../../shared/sql';

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

function filterSql(filter: OrgUnitFilter): { where: string[]; params: unknown[] } {
  const where = [unitExistsOn('u')];
  const params: unknown[] = [filter.activeOn, filter.activeOn];
  if (filter.scopePaths) {
    where.push('u.path <@ any(?::ltree[])');
    params.push(filter.scopePaths);
  }
  if (filter.parentId) {
    where.push('u.parent_id = ?');
    params.push(filter.parentId);
  }
  if (filter.topLevel) where.push('u.parent_id is null');
  if (filter.kind) {
    where.push('u.kind = ?');
    params.push(filter.kind);
  }
  if (filter.search) {
    // Folding both sides (case and diacritics) makes "phu xuan" find "Phú Xuân"; the
    // trigram index on search_fold(name) serves the LIKE.
    where.push(`(search_fold(u.name) like '%' || search_fold(?) || '%' or lower(u.code) like ?)`);
    params.push(likeEscape(filter.search.trim()), `%${likeEscape(filter.search.trim().toLowerCase())}%`);
  }
  return { where, params };
}

export async function orgUnitPage(run: SqlRunner, filter: OrgUnitFilter, page: PageRequest): Promise<OrgUnitRow[]> {
  const { where, params } = filterSql(filter);
  const after = afterCursorSql(page, 'u.code');
  where.push(after.text);
  params.push(...after.values);
  params.push(page.first + 1);
  return run<OrgUnitRow>(`select ${COLUMNS} from org_unit u where ${where.join(' and ')} order by u.code limit ?`, params);
}

export async function orgUnitCount(run: SqlRunner, filter: OrgUnitFilter): Promise<number> {
  const { where, params } = filterSql(filter);
  const [row] = await run<{ n: number }>(`select count(*)::int as n from org_unit u where ${where.join(' and ')}`, params);
  return row.n;
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

/** One page of children for each of many parents, in one statement (DataLoader batch). */
export async function childPages(run: SqlRunner, parentIds: readonly string[], request: ChildPageRequest): Promise<OrgUnitRow[]> {
  const where = ['u.parent_id = any(?::bigint[])'];
  const params: unknown[] = [parentIds];
  if (request.activeOn) {
    where.push(unitExistsOn('u'));
    params.push(request.activeOn, request.activeOn);
  }
  if (request.scopePaths) {
    where.push('u.path <@ any(?::ltree[])');
    params.push(request.scopePaths);
  }
  const after = afterCursorSql(request, 'u.code');
  where.push(after.text);
  params.push(...after.values);
  params.push(request.first + 1);
  return run<OrgUnitRow>(
    `select * from (
       select ${COLUMNS}, row_number() over (partition by u.parent_id order by u.code) as rank
       from org_unit u where ${where.join(' and ')}
     ) ranked where rank <= ? order by parent_id, code`,
    params,
  );
}

export async function childCounts(
  run: SqlRunner,
  parentIds: readonly string[],
  request: Pick<ChildPageRequest, 'activeOn' | 'scopePaths'>,
): Promise<Array<{ parent_id: string; n: number }>> {
  const where = ['u.parent_id = any(?::bigint[])'];
  const params: unknown[] = [parentIds];
  if (request.activeOn) {
    where.push(unitExistsOn('u'));
    params.push(request.activeOn, request.activeOn);
  }
  if (request.scopePaths) {
    where.push('u.path <@ any(?::ltree[])');
    params.push(request.scopePaths);
  }
  return run(`select u.parent_id, count(*)::int as n from org_unit u where ${where.join(' and ')} group by u.parent_id`, params);
}

/** Units merged into each of the given units (their successor). */
export async function predecessorsOf(run: SqlRunner, unitIds: readonly string[]): Promise<OrgUnitRow[]> {
  return run<OrgUnitRow>(`select ${COLUMNS} from org_unit u where u.successor_id = any(?::bigint[]) order by u.code`, [unitIds]);
}
