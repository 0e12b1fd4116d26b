import type { SqlRunner } from '../../db/sql-runner';
import { liveVacancySql } from '../../graphql/enums';
import { NATIONAL_REGION, regionOf } from '../../shared/region';
import { allOf, dateSql, fragment, spliced, vacanciesInScopeOn } from '../../shared/sql';
import { packageValidOn } from '../attraction';
import { scopeUnitsSql, unitOpenOn } from '../org';

/**
 * The considered vacancies of a simulation, with every pay input, in one statement.
 *
 * Considered: IT-specialist positions, status OPEN, INTERVIEWING or OFFERED, in the unit's
 * scope on the date (the unit and every unit below it existing then; each vacancy on the position
 * it sat on that day, see vacanciesInScopeOn), with a PRIVATE benchmark
 * for the date (the contract's privateMedian: the unit's region, falling back to "VN").
 *
 * Vacancies whose inputs are identical (pay coefficient, private median, applicable package and
 * child unit) come as one row with their count `n`: they have the same pay ratio and the same
 * acceptance probability, so the caller weighs one computation by n instead of repeating it.
 */
export interface VacancyGroupRow {
  n: number;
  coef: number;
  p50: number;
  /** The vacancy's package when it counts on the date for the role family; else null. */
  package_id: string | null;
  monthly_allowance: number | null;
  salary_percent_allowance: number | null;
  signing_bonus: number | null;
  min_service_years: number | null;
  /** The direct child of the simulated unit (existing on the date) the vacancy sits under; null for the unit itself. */
  child_id: string | null;
}

export async function consideredVacancyGroups(run: SqlRunner, rootId: string, date: string): Promise<VacancyGroupRow[]> {
  const considered = allOf([fragment('p.is_it_specialist'), liveVacancySql('v')]);
  // Vacancies are counted per (position, package) first, so that every later join and the
  // benchmark lookups run over positions, not over each of (possibly) 100,000 vacancies.
  const query = spliced`with scope_units as (${scopeUnitsSql(rootId, true, date)}),
     root as materialized (select r.id, nlevel(r.path) as depth from org_unit r where r.id = ${rootId}),
     placed as (${vacanciesInScopeOn('scope_units', date, considered)}),
     counted as materialized (
       select position_id, incentive_package_id, count(*)::int as n
       from placed group by position_id, incentive_package_id
     ),
     vac as materialized (
       select c.n, c.incentive_package_id, p.role_family, p.seniority, p.pay_coefficient,
              ${fragment(regionOf('u.code'))} as region,
              case when nlevel(u.path) > root.depth then subpath(u.path, 0, root.depth + 1) end as child_path
       from counted c
       join position p on p.id = c.position_id
       join org_unit u on u.id = p.unit_id
       cross join root
     ),
     medians as materialized (
       select k.role_family, k.seniority, k.region, b.p50
       from (select distinct role_family, seniority, region from vac) k
       cross join lateral (
         select sb.p50 from salary_benchmark sb
         where sb.sector = 'PRIVATE' and sb.role_family = k.role_family and sb.seniority = k.seniority
           and sb.region in (k.region, ${fragment(`'${NATIONAL_REGION}'`)}) and sb.as_of <= ${dateSql(date)}
         order by (sb.region = k.region) desc, sb.as_of desc
         limit 1
       ) b
     ),
     children as materialized (
       select c.id, c.path from org_unit c join root on c.parent_id = root.id where ${unitOpenOn('c', date)}
     )
     select sum(vac.n)::int as n,
            vac.pay_coefficient::float8 as coef,
            m.p50::float8 as p50,
            k.id as package_id,
            k.monthly_allowance::float8 as monthly_allowance,
            k.salary_percent_allowance,
            k.signing_bonus::float8 as signing_bonus,
            k.min_service_years,
            ch.id as child_id
     from vac
     join medians m on m.role_family = vac.role_family and m.seniority = vac.seniority and m.region = vac.region
     left join incentive_package k on k.id = vac.incentive_package_id
          and ${packageValidOn('k', date)}
          and vac.role_family = any(k.eligible_role_families)
     left join children ch on ch.path = vac.child_path
     group by vac.pay_coefficient, m.p50, k.id, ch.id
     order by ch.id nulls first, k.id nulls first, coef, p50`;
  return run<VacancyGroupRow>(query.text, query.values);
}

export interface OfferOutcomeRow {
  pay_ratio: number;
  accepted: boolean;
}

/** Decided offers (ACCEPTED or DECLINED) with a pay ratio, of vacancies in the unit's scope on the date (where each vacancy sat then). */
export async function decidedOffersInScope(run: SqlRunner, rootId: string, date: string): Promise<OfferOutcomeRow[]> {
  const query = spliced`with scope_units as (${scopeUnitsSql(rootId, true, date)}),
     placed as (${vacanciesInScopeOn('scope_units', date)})
     select o.pay_ratio, o.status = 'ACCEPTED' as accepted
     from offer o
     join application a on a.id = o.application_id
     join placed on placed.vacancy_id = a.vacancy_id
     where o.status in ('ACCEPTED', 'DECLINED')
       and o.pay_ratio is not null
     order by o.id`;
  return run<OfferOutcomeRow>(query.text, query.values);
}

export interface PackageTermsRow {
  id: string;
  monthly_allowance: number;
  salary_percent_allowance: number;
  signing_bonus: number;
  min_service_years: number;
}

export async function packageTerms(run: SqlRunner, id: string): Promise<PackageTermsRow | null> {
  const [row] = await run<PackageTermsRow>(
    `select id, monthly_allowance::float8 as monthly_allowance, salary_percent_allowance, signing_bonus::float8 as signing_bonus, min_service_years
     from incentive_package where id = ?`,
    [id],
  );
  return row ?? null;
}

export interface SimulatedUnitRow {
  id: string;
  code: string;
}

export async function unitByCode(run: SqlRunner, code: string): Promise<SimulatedUnitRow | null> {
  const [row] = await run<SimulatedUnitRow>(`select id, code from org_unit where code = ?`, [code]);
  return row ?? null;
}

/** The direct children of a unit, for naming the byUnit entries in code order. */
export async function childUnitCodes(run: SqlRunner, parentId: string): Promise<Array<{ id: string; code: string }>> {
  return run(`select id, code from org_unit where parent_id = ?`, [parentId]);
}
