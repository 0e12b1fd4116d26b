import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { countRows, keysetRows, runQuery, sqlRunnerFor } from '../../db/sql-runner';
import { afterCursorSql, BY_DATE_THEN_ID, BY_ID, Page, pageFrom, pageRequest } from '../../graphql/connection';
import { DaysOpenBand, isLiveVacancy, liveVacancySql, VacancyStatus } from '../../graphql/enums';
import { keyOfGlobalId } from '../../graphql/global-id';
import { DomainError, inputField } from '../../shared/domain-error';
import type { Clock } from '../../shared/today';
import { allOf, fragment, SqlFragment, spliced } from '../../shared/sql';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit';
import { IncentivePackage } from '../attraction';
import { openEndedRefusal, requireUnitForQuery, scopeUnitsSql } from '../org';
import { freeSeatsOn, Position } from '../staffing';
import { Vacancy } from './vacancy.entity';
import { readModel } from '../../db/read-model';
import { clockOf, loadById, type Deps } from '../../edge/deps';

interface VacancyRow {
  id: string;
  position_id: string;
  status: VacancyStatus;
  opened_on: string;
  filled_on: string | null;
  closed_on: string | null;
  incentive_package_id: string | null;
  filled_by_assignment_id: string | null;
  days_open: number;
  days_open_band: DaysOpenBand;
}

/**
 * How long a vacancy has been open, its one home: until today while it is live, until filledOn
 * or closedOn once it is FILLED or CANCELLED. Bands are calendar months from openedOn.
 */
function openUntil(clock: Clock): string {
  return `(case when v.status = 'FILLED' then coalesce(v.filled_on, ${clock.todaySql})
                when v.status = 'CANCELLED' then coalesce(v.closed_on, ${clock.todaySql})
                else ${clock.todaySql} end)`;
}

function daysOpenBand(clock: Clock): string {
  const until = openUntil(clock);
  return `(case when ${until} < v.opened_on + interval '3 months' then 'UNDER_3_MONTHS'
                when ${until} < v.opened_on + interval '6 months' then 'FROM_3_TO_6_MONTHS'
                when ${until} < v.opened_on + interval '9 months' then 'FROM_6_TO_9_MONTHS'
                when ${until} < v.opened_on + interval '12 months' then 'FROM_9_TO_12_MONTHS'
                else 'OVER_12_MONTHS' end)`;
}

function columns(clock: Clock): string {
  return `v.id, v.position_id, v.status, v.opened_on, v.filled_on, v.closed_on, v.incentive_package_id, v.filled_by_assignment_id,
  greatest(${openUntil(clock)} - v.opened_on, 0) as days_open, ${daysOpenBand(clock)} as days_open_band`;
}

function toEntity(deps: Deps, row: VacancyRow): Vacancy {
  const { days_open, days_open_band, ...columns } = row;
  const vacancy = readModel(deps.em, Vacancy, columns as unknown as Record<string, unknown>);
  vacancy.daysOpen = Number(days_open);
  vacancy.daysOpenBand = days_open_band;
  return vacancy;
}

export function vacancyById(deps: Deps, id: string): Promise<Vacancy | null> {
  const fetch = (ids: readonly string[]) => runQuery<VacancyRow>(deps.sql, spliced`select ${fragment(columns(deps.clock))} from vacancy v where v.id = any(${ids}::bigint[])`);
  return loadById(deps, 'vacancy.byId', id, fetch, (r) => toEntity(deps, r));
}

export interface VacancyListArgs {
  unitCode: string;
  includeDescendants: boolean;
  status?: VacancyStatus[] | null;
  itOnly?: boolean | null;
  daysOpenBand?: DaysOpenBand[] | null;
  longestOpenFirst?: boolean | null;
}

function vacancyFilter(clock: Clock, rootId: string, args: VacancyListArgs): SqlFragment {
  const where = [spliced`p.unit_id in (${scopeUnitsSql(rootId, args.includeDescendants, clock.today())})`];
  if (args.status && args.status.length) where.push(spliced`v.status = any(${args.status}::text[])`);
  if (args.itOnly) where.push(fragment('p.is_it_specialist'));
  if (args.daysOpenBand && args.daysOpenBand.length) where.push(spliced`${fragment(daysOpenBand(clock))} = any(${args.daysOpenBand}::text[])`);
  return allOf(where);
}

export async function listVacancies(deps: Deps, args: VacancyListArgs & { first?: number | null; after?: string | null }): Promise<Page<Vacancy>> {
  // Longest open first is "oldest openedOn first"; the cursor then carries (openedOn, id).
  const byAge = args.longestOpenFirst ? pageRequest(args.first, args.after, BY_DATE_THEN_ID) : null;
  const byId = byAge ? null : pageRequest(args.first, args.after, BY_ID);
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const where = vacancyFilter(deps.clock, unit.id, args);
  const from = 'vacancy v join position p on p.id = v.position_id';
  const rows = await keysetRows<VacancyRow>(deps.sql, {
    columns: columns(deps.clock),
    from,
    where,
    after: byAge ? afterCursorSql(byAge, ['v.opened_on', 'v.id']) : afterCursorSql(byId!, 'v.id'),
    orderBy: byAge ? 'v.opened_on, v.id' : 'v.id',
    limit: (byAge ?? byId)!.first + 1,
  });
  const countTotal = () => countRows(deps.sql, from, where);
  const items = rows.map((r) => toEntity(deps, r));
  return byAge ? pageFrom(items, byAge, (v) => ({ date: v.openedOn, id: v.id }), countTotal) : pageFrom(items, byId!, (v) => v.id, countTotal);
}

export async function openVacancy(em: EntityManager, viewer: Viewer, input: { positionId: string; openedOn: string; incentivePackageId?: string | null }): Promise<Vacancy> {
  const positionId = keyOfGlobalId(input.positionId, 'Position', inputField('positionId'));
  const packageId = input.incentivePackageId ? keyOfGlobalId(input.incentivePackageId, 'IncentivePackage', inputField('incentivePackageId')) : null;
  const run = sqlRunnerFor(em);
  // The position's row lock serialises openVacancy on it; the unit's share lock orders it with
  // the seats taken in the unit (which lock the unit for update).
  const [position] = await run<{ id: string; unit_code: string; valid_from: string | null; valid_to: string | null }>(
    `select p.id, u.code as unit_code, u.valid_from, u.valid_to from position p join org_unit u on u.id = p.unit_id where p.id = ? for update of p for share of u`,
    [positionId],
  );
  if (!position) throw new DomainError('NOT_FOUND', 'No position has that ID', inputField('positionId'));
  assertUnitInScope(viewer, position.unit_code);
  const refusal = openEndedRefusal({ code: position.unit_code, valid_from: position.valid_from, valid_to: position.valid_to }, input.openedOn);
  if (refusal) throw new DomainError('INVALID_STATE', refusal, inputField('openedOn'));
  if (input.openedOn > clockOf(em).today()) throw new DomainError('BAD_USER_INPUT', 'openedOn cannot be in the future', inputField('openedOn'));
  if (packageId) {
    const [found] = await run('select 1 from incentive_package where id = ?', [packageId]);
    if (!found) throw new DomainError('NOT_FOUND', 'No incentive package has that ID', inputField('incentivePackageId'));
  }
  // The vacancy rule: live vacancies, the new one included, may not exceed the free seats on openedOn.
  const seatsQuery = spliced`select (select count(*)::int from vacancy v where v.position_id = p.id and ${liveVacancySql('v')}) as live, ${freeSeatsOn('p', input.openedOn)} as free from position p where p.id = ${positionId}`;
  const [seats] = await run<{ live: number; free: number }>(seatsQuery.text, seatsQuery.values);
  if (seats.live + 1 > seats.free) {
    throw new DomainError(
      'INVALID_STATE',
      `The position has ${Math.max(seats.free, 0)} free seat${seats.free === 1 ? '' : 's'} on ${input.openedOn} and ${seats.live} live vacanc${seats.live === 1 ? 'y' : 'ies'} already`,
      inputField('positionId'),
    );
  }
  const vacancy = newEntity(em, Vacancy, {
    position: em.getReference(Position, positionId),
    status: VacancyStatus.OPEN,
    openedOn: input.openedOn,
    filledOn: null,
    incentivePackage: packageId ? em.getReference(IncentivePackage, packageId) : null,
  });
  await em.flush();
  recordAudit(em, viewer, { operation: 'openVacancy', unitCode: position.unit_code, targetId: vacancy.globalId, changes: input });
  return vacancy;
}

async function lockVacancyInScope(em: EntityManager, viewer: Viewer, vacancyGlobalId: string): Promise<{ id: string; status: VacancyStatus; unit_code: string; opened_on: string }> {
  const vacancyId = keyOfGlobalId(vacancyGlobalId, 'Vacancy', inputField('vacancyId'));
  const [row] = await sqlRunnerFor(em)<{ id: string; status: VacancyStatus; unit_code: string; opened_on: string }>(
    `select v.id, v.status, u.code as unit_code, v.opened_on from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id
     where v.id = ? for update of v`,
    [vacancyId],
  );
  if (!row) throw new DomainError('NOT_FOUND', 'No vacancy has that ID', inputField('vacancyId'));
  assertUnitInScope(viewer, row.unit_code);
  return row;
}

/** Stops recruiting for a live vacancy. */
export async function cancelVacancy(em: EntityManager, viewer: Viewer, input: { vacancyId: string; closedOn?: string | null }): Promise<Vacancy> {
  const row = await lockVacancyInScope(em, viewer, input.vacancyId);
  if (!isLiveVacancy(row.status)) {
    throw new DomainError('INVALID_STATE', `The vacancy is ${row.status}; only a live vacancy can be cancelled`, inputField('vacancyId'));
  }
  const closedOn = input.closedOn ?? clockOf(em).today();
  if (closedOn < row.opened_on) throw new DomainError('BAD_USER_INPUT', 'closedOn is before the vacancy opened', inputField('closedOn'));
  const vacancy = await em.findOneOrFail(Vacancy, row.id);
  vacancy.status = VacancyStatus.CANCELLED;
  vacancy.closedOn = closedOn;
  await em.flush();
  recordAudit(em, viewer, { operation: 'cancelVacancy', unitCode: row.unit_code, targetId: vacancy.globalId, changes: input });
  return vacancy;
}

/**
 * Puts an OFFERED vacancy whose offers were all declined back into recruitment: INTERVIEWING
 * when someone is still at interview, OPEN otherwise.
 */
export async function reopenVacancy(em: EntityManager, viewer: Viewer, input: { vacancyId: string }): Promise<Vacancy> {
  const row = await lockVacancyInScope(em, viewer, input.vacancyId);
  if (row.status !== VacancyStatus.OFFERED) throw new DomainError('INVALID_STATE', `Only an OFFERED vacancy can be reopened; it is ${row.status}`, inputField('vacancyId'));
  const run = sqlRunnerFor(em);
  const live = await run(
    `select 1 from offer o join application a on a.id = o.application_id where a.vacancy_id = ? and o.status in ('PENDING', 'ACCEPTED') limit 1`,
    [row.id],
  );
  if (live.length) throw new DomainError('INVALID_STATE', 'The vacancy still has a pending or accepted offer', inputField('vacancyId'));
  const interviewing = await run(`select 1 from application where vacancy_id = ? and stage = 'INTERVIEW' limit 1`, [row.id]);
  const vacancy = await em.findOneOrFail(Vacancy, row.id);
  vacancy.status = interviewing.length ? VacancyStatus.INTERVIEWING : VacancyStatus.OPEN;
  await em.flush();
  recordAudit(em, viewer, { operation: 'reopenVacancy', unitCode: row.unit_code, targetId: vacancy.globalId, changes: input });
  return vacancy;
}
