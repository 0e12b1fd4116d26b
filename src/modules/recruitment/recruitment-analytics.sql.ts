import type { SqlRunner } from '../../db/sql-runner';
import { dateSql, spliced, vacanciesInScopeOn } from '../../shared/sql';
import { scopeUnitsDuringSql, scopeUnitsSql } from '../org';
import { PLACEABLE_STAGES, placeableVacancySql } from './pipeline';

export interface FunnelFigures {
  applications: number;
  by_stage: Record<string, number>;
  offers: number;
  offers_accepted: number;
  offers_declined: number;
  decline_reasons: Record<string, number>;
  hires: number;
  internal_hires: number;
  median_days_to_fill: number | null;
}

/**
 * The recruitment funnel of the contract: applications whose appliedOn is in [from, to] to
 * vacancies in scope; their offers and hires; and the median filledOn - openedOn over vacancies
 * in scope filled in [from, to]. The scope of a period is the unit and the units below it that
 * exist on some day of it (a unit merged away mid-period still counts for its part), and each
 * vacancy counts once, on the position it sat on at `to`.
 * An internal hire is a hired candidate who already worked in the public sector.
 */
export async function funnelFigures(run: SqlRunner, rootId: string, from: string, to: string): Promise<FunnelFigures> {
  const [start, end] = [dateSql(from), dateSql(to)];
  const query = spliced`with scope as (${scopeUnitsDuringSql(rootId, from, to)}),
     placed as materialized (${vacanciesInScopeOn('scope', to)}),
     -- The candidate's sector matters for the hires only: joined there, not for every application
     -- (a province's 15,000 candidate lookups, about a third of the statement at full scale).
     apps as (
       select a.id, a.stage, a.candidate_id
       from application a
       join placed on placed.vacancy_id = a.vacancy_id
       where a.applied_on between ${start} and ${end}),
     offers as (select o.status, o.decline_reason from offer o join apps on apps.id = o.application_id)
     select
       (select count(*)::int from apps) as applications,
       (select coalesce(json_object_agg(stage, n), '{}'::json) from (select stage, count(*)::int as n from apps group by stage) s) as by_stage,
       (select count(*)::int from offers) as offers,
       (select count(*)::int from offers where status = 'ACCEPTED') as offers_accepted,
       (select count(*)::int from offers where status = 'DECLINED') as offers_declined,
       (select coalesce(json_object_agg(decline_reason, n), '{}'::json)
          from (select decline_reason, count(*)::int as n from offers where status = 'DECLINED' group by decline_reason) r) as decline_reasons,
       (select count(*)::int from apps where stage = 'HIRED') as hires,
       (select count(*)::int from apps join candidate c on c.id = apps.candidate_id where apps.stage = 'HIRED' and c.current_sector = 'PUBLIC') as internal_hires,
       (select percentile_cont(0.5) within group (order by v.filled_on - v.opened_on)
          from placed v where v.status = 'FILLED' and v.filled_on between ${start} and ${end}) as median_days_to_fill`;
  const [row] = await run<FunnelFigures>(query.text, query.values);
  return row;
}

export interface PlanVacancyRow {
  id: string;
  unit_id: string;
  category: string;
}

/** Vacancies a placement plan fills: placeable (pipeline.ts), in units of the scope existing on the date. */
export async function placeableVacancies(run: SqlRunner, rootId: string, date: string): Promise<PlanVacancyRow[]> {
  const query = spliced`select v.id, p.unit_id, p.category from vacancy v join position p on p.id = v.position_id
     where p.unit_id in (${scopeUnitsSql(rootId, true, date)}) and ${placeableVacancySql('v')} order by v.id`;
  return run<PlanVacancyRow>(query.text, query.values);
}

export interface PlanEdgeRow {
  vacancy_id: string;
  candidate_id: string;
  score: number;
  /** 1 for the vacancy's best candidate, by score, then candidate id */
  rank: number;
}

/**
 * The best (vacancy, candidate) pairs worth suggesting, scored in SQL: placeable vacancies in
 * scope against candidates with a live application (APPLIED, SCREENING, INTERVIEW) to any
 * vacancy in scope. Pairs scoring 0 add nothing to the total, so they are left out. Of each
 * vacancy listed in `keep` only its best `keep + 1` pairs come back (by score, then candidate
 * id): the plan is solved over the first `keep`, and the one after bounds every pair left out.
 * The top-k cut is the database's, so the pairs left out never cross the wire.
 */
export async function placementEdges(
  run: SqlRunner,
  rootId: string,
  date: string,
  minScore: number,
  keep: ReadonlyArray<{ vacancyId: string; pairs: number }>,
): Promise<PlanEdgeRow[]> {
  // The fit is summed exactly, in sixtieths (levels are 1 to 5, and 60 is a multiple of each),
  // and divided once: the same float whatever order the rows come in, so ties and the minScore
  // cut do not depend on the plan.
  // Each vacancy is scored and cut on its own (a lateral subquery per vacancy): one aggregate
  // over every pair at once holds millions of groups at national scale and spills to disk.
  // The applicants' competencies are gathered once per competency into two parallel arrays, so
  // each vacancy reads only the few rows of the competencies it requires.
  const query = spliced`with scope as (${scopeUnitsSql(rootId, true, date)}),
     keep as (select * from unnest(${keep.map((k) => k.vacancyId)}::bigint[], ${keep.map((k) => k.pairs)}::int[]) as k(vacancy_id, pairs)),
     vac as (
       select v.id, v.position_id, keep.pairs, (select count(*) from position_requirement r where r.position_id = v.position_id) as n
       from vacancy v join keep on keep.vacancy_id = v.id join position p on p.id = v.position_id
       where p.unit_id in (select unit_id from scope) and ${placeableVacancySql('v')}),
     cands as (
       select distinct a.candidate_id as id from application a
       join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id
       where p.unit_id in (select unit_id from scope) and a.stage = any(${PLACEABLE_STAGES}::text[])),
     holders as materialized (
       select cc.competency_id, array_agg(cc.candidate_id) as candidate_ids, array_agg(cc.level) as levels
       from candidate_competency cc
       where cc.candidate_id in (select id from cands)
         and cc.competency_id in (select r.competency_id from position_requirement r where r.position_id in (select position_id from vac))
       group by cc.competency_id)
     select vac.id as vacancy_id, best.candidate_id, best.score, best.rank::int as rank
     from vac cross join lateral (
       select s.candidate_id, s.score, row_number() over (order by s.score desc, s.candidate_id) as rank
       from (
         select h.candidate_id, sum(least(h.level, r.level) * (60 / r.level))::float8 / (60 * vac.n) as score
         from position_requirement r
         join holders on holders.competency_id = r.competency_id
         cross join lateral unnest(holders.candidate_ids, holders.levels) as h(candidate_id, level)
         where r.position_id = vac.position_id
         group by h.candidate_id
         having sum(least(h.level, r.level) * (60 / r.level))::float8 / (60 * vac.n) >= ${minScore}
         order by score desc, h.candidate_id
         limit vac.pairs + 1) s
     ) best
     where vac.n > 0
     union all
     -- No requirements: every applicant fits fully (1.0), best first is by id.
     select vac.id, best.id, 1.0, best.rank::int
     from vac cross join lateral (
       select c.id, row_number() over (order by c.id) as rank from cands c order by c.id limit vac.pairs + 1) best
     where vac.n = 0 and 1.0 >= ${minScore}`;
  return run<PlanEdgeRow>(query.text, query.values);
}
