import type { SqlRunner } from '../../db/sql-runner';
import { dateSql, fragment, spliced, vacanciesInScopeOn } from '../../shared/sql';
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

/** 6^0 … 6^23: a tuple of up to 24 levels (0 to 5) as one bigint. */
const POWERS_OF_6 = Array.from({ length: 24 }, (_, j) => (6n ** BigInt(j)).toString());

export interface PlanProfileRow {
  /** the vacancies asked about whose positions require exactly this profile, in id order */
  vacancy_ids: string[];
  /** the profile's best candidates, best first (by score, then candidate id) … */
  candidate_ids: string[];
  /** … and their scores */
  scores: number[];
}

/**
 * The best candidates worth suggesting, per requirement profile, scored in SQL: placeable
 * vacancies in scope against candidates with a live application (APPLIED, SCREENING, INTERVIEW)
 * to any vacancy in scope. Pairs scoring 0 add nothing to the total, so they are left out.
 * A pair's score depends only on the position's requirements (the set of competency and level)
 * and the candidate, so vacancies whose positions require the same are scored once, together,
 * and share one ranked list; a vacancy listed in `keep` takes the first `pairs + 1` of it (the
 * plan is solved over the first `pairs`, and the one after bounds every pair left out). Each list
 * is as long as its profile's longest ask. The cut is the database's, so the pairs left out never
 * cross the wire.
 */
export async function placementEdges(
  run: SqlRunner,
  rootId: string,
  date: string,
  minScore: number,
  keep: ReadonlyArray<{ vacancyId: string; pairs: number }>,
): Promise<PlanProfileRow[]> {
  const scope = scopeUnitsSql(rootId, true, date);
  const keepIds = fragment('?::bigint[]', keep.map((k) => k.vacancyId));
  const keepPairs = fragment('?::int[]', keep.map((k) => k.pairs));
  const stages = fragment('?::text[]', PLACEABLE_STAGES);
  const atLeast = fragment('?::float8', minScore);
  const powersOf6 = fragment('?::bigint[]', POWERS_OF_6);
  // The fit is summed exactly, in sixtieths (levels are 1 to 5, and 60 is a multiple of each),
  // and divided once: the same float whatever order the rows come in, so ties and the minScore
  // cut do not depend on the plan.
  // Profiles that require the same competencies (at any levels) share the work: per competency
  // set, each applicant holding some of them is reduced to one number, its levels in them
  // (digit j in base 6 is its level in the set's j-th competency, 0 if not held), and applicants
  // with the same number form a tuple, listed once with its candidates by id. A profile then
  // scores each tuple of its set (a few hundred, not thousands of applicants), keeps the tuples
  // of the score tiers it needs to reach `pairs + 1`, and only their candidates are ranked.
  // The number fits a bigint up to 24 competencies; a larger set counts in numeric (slower).
  const query = spliced`with scope as (${scope}),
     keep as (select * from unnest(${keepIds}, ${keepPairs}) as k(vacancy_id, pairs)),
     vac as (
       select v.id, v.position_id, keep.pairs,
              coalesce((select array_agg(r.competency_id order by r.competency_id) from position_requirement r where r.position_id = v.position_id), '{}') as competencies,
              coalesce((select array_agg(r.level order by r.competency_id) from position_requirement r where r.position_id = v.position_id), '{}') as levels
       from vacancy v join keep on keep.vacancy_id = v.id join position p on p.id = v.position_id
       where p.unit_id in (select unit_id from scope) and ${placeableVacancySql('v')}),
     profiles as materialized (
       select competencies, levels, cardinality(competencies) as n, max(vac.pairs) as pairs, array_agg(vac.id order by vac.id) as vacancy_ids
       from vac group by competencies, levels),
     competency_sets as materialized (
       select row_number() over () as set_no, competencies, cardinality(competencies) as n
       from (select distinct competencies from profiles where n > 0) s),
     cands as (
       select distinct a.candidate_id as id from application a
       join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id
       where p.unit_id in (select unit_id from scope) and a.stage = any(${stages})),
     held as (
       select s.set_no, cc.candidate_id,
              (sum(cc.level * (${powersOf6})[x.j]) filter (where s.n <= 24))::bigint as code,
              sum(cc.level * 6::numeric ^ (x.j - 1)) filter (where s.n > 24) as big_code
       from competency_sets s cross join lateral unnest(s.competencies) with ordinality as x(competency_id, j)
       join candidate_competency cc on cc.competency_id = x.competency_id
       where cc.candidate_id in (select id from cands)
       group by s.set_no, cc.candidate_id),
     tuples as materialized (
       select g.*, (sum(g.size) over (partition by g.set_no order by g.code, g.big_code) - g.size)::int as offs
       from (select set_no, code, big_code, count(*)::int as size, array_agg(candidate_id order by candidate_id) as candidate_ids
             from held group by set_no, code, big_code) g),
     -- Per set, its tuples as parallel arrays, and their candidates in one array (tuple i's are
     -- the slice after offsets[i]): a profile reads its set's row, not a scan of every tuple.
     sets as materialized (
       select t.set_no, cs.competencies, array_agg(t.code order by t.offs) as codes, array_agg(t.big_code order by t.offs) as big_codes,
              array_agg(t.size order by t.offs) as sizes, array_agg(t.offs order by t.offs) as offsets,
              (select array_agg(c.id order by o.offs, c.id) from tuples o cross join lateral unnest(o.candidate_ids) as c(id) where o.set_no = t.set_no) as candidate_ids
       from tuples t
       join competency_sets cs on cs.set_no = t.set_no
       group by t.set_no, cs.competencies)
     select pr.vacancy_ids, coalesce(array_to_string(best.candidate_ids, ','), '') as candidate_ids, coalesce(array_to_string(best.scores, ','), '') as scores
     from profiles pr join sets on sets.competencies = pr.competencies
     cross join lateral (
       select array_agg(s.candidate_id order by s.score desc, s.candidate_id) as candidate_ids, array_agg(s.score order by s.score desc, s.candidate_id) as scores
       from (
         select c.candidate_id, tier.score
         from (
           -- above: how many candidates score more than this tier
           select scored.offs, scored.size, scored.score,
                  sum(scored.size) over (order by scored.score desc) - sum(scored.size) over (partition by scored.score) as above
           from (
             select t.offs, t.size,
                    sum(least(coalesce(((t.code / (${powersOf6})[l.j]) % 6)::int, (trunc(t.big_code / 6::numeric ^ (l.j - 1)) % 6)::int), l.level) * (60 / l.level))::float8 / (60 * pr.n) as score
             from unnest(sets.codes, sets.big_codes, sets.sizes, sets.offsets) as t(code, big_code, size, offs)
             cross join unnest(pr.levels) with ordinality as l(level, j)
             group by t.offs, t.size) scored
           where scored.score >= ${atLeast}) tier
         cross join lateral unnest(sets.candidate_ids[tier.offs + 1 : tier.offs + tier.size]) as c(candidate_id)
         where tier.above < pr.pairs + 1
         order by tier.score desc, c.candidate_id
         limit pr.pairs + 1) s
     ) best
     union all
     -- No requirements: every applicant fits fully (1.0), best first is by id.
     select pr.vacancy_ids, array_to_string(best.candidate_ids, ','), array_to_string(array_fill(1.0::float8, array[cardinality(best.candidate_ids)]), ',')
     from profiles pr cross join lateral (
       select coalesce(array_agg(c.id order by c.id), '{}') as candidate_ids from (select c.id from cands c order by c.id limit pr.pairs + 1) c) best
     where pr.n = 0 and 1.0 >= ${atLeast}`;
  // The lists come as comma-separated text: splitting it costs a fifth of the driver's array
  // parser at 60,000 elements, and float8's text is its shortest exact form, so Number() reads
  // back the same double.
  const rows = await run<{ vacancy_ids: string[]; candidate_ids: string; scores: string }>(query.text, query.values);
  return rows.map((r) => ({
    vacancy_ids: r.vacancy_ids,
    candidate_ids: r.candidate_ids === '' ? [] : r.candidate_ids.split(','),
    scores: r.scores === '' ? [] : r.scores.split(',').map(Number),
  }));
}
