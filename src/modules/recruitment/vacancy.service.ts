import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { VacancyStatus } from '../../graphql/enums';
import { keyOfGlobalId } from '../../graphql/global-id';
import { byKey } from '../../graphql/loaders';
import { DomainError, inputField } from '../../graphql/user-error';
import type { RequestContext } from '../../server/context';
import { today } from '../../shared/today';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit/audit.service';
import { IncentivePackage } from '../attraction/incentive-package.entity';
import { requireUnitForQuery, unitLiveOn } from '../org/org-unit.service';
import { scopeUnitsSql } from '../staffing/scope.sql';
import { Position } from '../staffing/position.entity';
import { Vacancy } from './vacancy.entity';

interface VacancyRow {
  id: string;
  position_id: string;
  status: VacancyStatus;
  opened_on: string;
  filled_on: string | null;
  closed_on: string | null;
  incentive_package_id: string | null;
}

const COLUMNS = 'v.id, v.position_id, v.status, v.opened_on, v.filled_on, v.closed_on, v.incentive_package_id';

function toEntity(ctx: RequestContext, row: VacancyRow): Vacancy {
  return ctx.em.map(Vacancy, row as unknown as Record<string, unknown>);
}

export function vacancyById(ctx: RequestContext, id: string): Promise<Vacancy | null> {
  return ctx.loaders
    .get<string, Vacancy | null>('vacancy.byId', async (ids) =>
      byKey(ids, await ctx.sql<VacancyRow>(`select ${COLUMNS} from vacancy v where v.id = any(?::bigint[])`, [ids]), (r) => String(r.id), (r) => toEntity(ctx, r), null),
    )
    .load(id);
}

export function incentivePackageById(ctx: RequestContext, id: string): Promise<IncentivePackage | null> {
  return ctx.loaders
    .get<string, IncentivePackage | null>('incentivePackage.byId', async (ids) => {
      const rows = await ctx.sql<Record<string, unknown>>(
        `select id, name, legal_basis, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years,
                eligible_role_families, valid_from, valid_to from incentive_package where id = any(?::bigint[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => String(r.id), (r) => ctx.em.map(IncentivePackage, r), null);
    })
    .load(id);
}

export interface VacancyListArgs {
  unitCode: string;
  includeDescendants: boolean;
  status?: VacancyStatus[] | null;
  itOnly?: boolean | null;
}

function vacancyFilterSql(rootId: string, args: VacancyListArgs): { sql: string; params: unknown[] } {
  const scope = scopeUnitsSql(rootId, args.includeDescendants, today());
  const where = [`p.unit_id in (${scope.sql})`];
  const params: unknown[] = [...scope.params];
  if (args.status && args.status.length) {
    where.push('v.status = any(?::text[])');
    params.push(args.status);
  }
  if (args.itOnly) where.push('p.is_it_specialist');
  return { sql: where.join(' and '), params };
}

export async function listVacancies(ctx: RequestContext, args: VacancyListArgs, page: PageRequest): Promise<Page<Vacancy>> {
  const unit = await requireUnitForQuery(ctx, args.unitCode);
  const filter = vacancyFilterSql(unit.id, args);
  const params = [...filter.params];
  let where = filter.sql;
  if (page.afterKey !== null) {
    where += ' and v.id > ?';
    params.push(page.afterKey);
  }
  params.push(page.first + 1);
  const rows = await ctx.sql<VacancyRow>(`select ${COLUMNS} from vacancy v join position p on p.id = v.position_id where ${where} order by v.id limit ?`, params);
  const countTotal = async () => {
    const [row] = await ctx.sql<{ n: number }>(`select count(*)::int as n from vacancy v join position p on p.id = v.position_id where ${filter.sql}`, filter.params);
    return row.n;
  };
  return pageFrom(rows.map((r) => toEntity(ctx, r)), page, (v) => v.id, countTotal);
}

export async function openVacancy(em: EntityManager, viewer: Viewer, input: { positionId: string; openedOn: string; incentivePackageId?: string | null }): Promise<Vacancy> {
  const positionId = keyOfGlobalId(input.positionId, 'Position', inputField('positionId'));
  const packageId = input.incentivePackageId ? keyOfGlobalId(input.incentivePackageId, 'IncentivePackage', inputField('incentivePackageId')) : null;
  const run = sqlRunnerFor(em);
  const [position] = await run<{ id: string; unit_code: string; valid_from: string | null; valid_to: string | null }>(
    `select p.id, u.code as unit_code, u.valid_from, u.valid_to from position p join org_unit u on u.id = p.unit_id where p.id = ? for share of u`,
    [positionId],
  );
  if (!position) throw new DomainError('NOT_FOUND', 'No position has that ID', inputField('positionId'));
  assertUnitInScope(viewer, position.unit_code);
  if (!unitLiveOn(position, input.openedOn)) {
    throw new DomainError('INVALID_STATE', `Unit ${position.unit_code} does not exist on ${input.openedOn}`, inputField('openedOn'));
  }
  if (input.openedOn > today()) throw new DomainError('BAD_USER_INPUT', 'openedOn cannot be in the future', inputField('openedOn'));
  if (packageId) {
    const [found] = await run('select 1 from incentive_package where id = ?', [packageId]);
    if (!found) throw new DomainError('NOT_FOUND', 'No incentive package has that ID', inputField('incentivePackageId'));
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
