import type { SqlRunner } from '../../db/sql-runner';
import { pathInSubtree } from '../../auth/scope';
import { fragment, joined, spliced, type SqlFragment } from '../../shared/sql';
import { assignmentActiveOn } from '../staffing';

/*
 * The contract's fit of a candidate or person for a position: the mean over the position's
 * requirements of min(have / required, 1), 1.0 without requirements. Levels are 1 to 5, so each
 * term is a whole number of sixtieths (60 is a multiple of each level): the sum is exact and
 * divided once, so the score is the formula's value rounded once, the same whatever order the
 * rows come in, and equal fits tie exactly (then CANDIDATE before PERSON, then by id).
 *
 * Ranking a national talent pool by scoring every candidate costs a pass over all of them. Two
 * facts make the top k cheap instead:
 * - No fit exceeds 1.0, and ties go by kind, then id. So when at least k candidates the caller
 *   may match meet every requirement in full, the answer is the k of them with the smallest ids,
 *   whatever anyone else scores: `fullyFitCandidates` walks the holders of one requirement at
 *   its level or above in id order (index candidate_competency_holders) and stops at the k-th.
 * - Otherwise only holders of some required competency score above 0: `rankedMatches` scores
 *   just them, candidates and staff alike, from the holders' indexes (candidate_competency_holders,
 *   person_competency_holders), and takes the others (all 0) by id only when the holders are too
 *   few.
 * - Staff enter only by beating the k-th candidate, which bounds how many requirements they must
 *   hold, and so how few requirements' holders need reading (rankedMatches).
 */

/** Sixtieths of fit a holding at `have` earns against a requirement at `required` (both SQL, each with its values). */
function fitSixtieths(have: SqlFragment, required: SqlFragment): SqlFragment {
  return spliced`least(${have}, ${required}) * (60 / ${required})`;
}

/** The candidate row `c` may be matched: the caller may see them, and they are not hired yet. */
function matchable(candidateVisible: SqlFragment): SqlFragment {
  return spliced`(${candidateVisible} and not exists (select 1 from application hired where hired.candidate_id = c.id and hired.stage = 'HIRED'))`;
}

/**
 * A filter on the row whose candidate id is `candidateId`, run for that row alone: a scalar
 * subquery, which the planner cannot turn into a join over the whole talent pool, so a scan that
 * stops at the k-th match tests no more candidates than it reads.
 */
function matchableRow(candidateId: string, candidateVisible: SqlFragment): SqlFragment {
  return spliced`coalesce((select true from candidate c where c.id = ${fragment(candidateId)} and ${matchable(candidateVisible)}), false)`;
}

/**
 * How many of the lead requirement's holders the walk for full fits reads per match asked for,
 * at most. Giving up early stays exact: a full fit it did not reach has a larger id than those it
 * read, so fewer than k found means ranking in full, which is exact anyway. Without the cap, a
 * position that few or none meet in full reads every holder for nothing (50,000 for an HR office
 * of Hồ Chí Minh City: 350 ms); the bench's position finds its 10 among 1,382. At 500 per match
 * the walk that finds none (an HR office's IT position at full scale: 5,000 holders) cost 25 ms
 * alone and 55 ms under the mixed load, 6 % of the database's time there, for nothing.
 */
const HOLDERS_WALKED_PER_MATCH = 200;

/**
 * How many of the best candidate holders by score alone are tested for the caller per match asked
 * for, before testing all of them. Exact either way (rankedMatches); most of the pool is visible
 * and not hired, so the k best the caller may match are nearly always among the first few.
 */
const CANDIDATE_HOLDERS_TESTED_PER_MATCH = 50;

export interface CandidateMatchOptions {
  positionId: string;
  limit: number;
  /** Who the caller may see: a predicate on the candidate row `c`, with its values (candidateVisibleSql). */
  candidateVisible: SqlFragment;
}

/** A requirement of the position: a competency at a level from 1 to 5. */
export interface Requirement {
  competencyId: string;
  level: number;
}

/**
 * The first `limit` candidates by id, among those the caller may match, who meet every
 * requirement of the position in full (every candidate, without requirements): each fits 1.0
 * and misses nothing. When there are `limit` of them, they are the best matches. With them, the
 * position's requirements as this statement read them, for rankedMatches to score by.
 *
 * The walk follows the requirement at the highest level (fewest holders, as a rule) and tests
 * each holder against the others, an index lookup each, for at most HOLDERS_WALKED_PER_MATCH
 * holders per match; without requirements it walks the candidates.
 */
export async function fullyFitCandidates(run: SqlRunner, options: CandidateMatchOptions): Promise<{ ids: string[]; requirements: Requirement[] }> {
  const limit = fragment('?', options.limit);
  const walked = fragment('?', options.limit * HOLDERS_WALKED_PER_MATCH);
  // `>=`, not `=`: the same rows (a candidate holds a competency once), and the planner does not
  // take the test for a rare equality, so it sees the walk stop early and keeps the plan cheap.
  const query = spliced`with req as (select competency_id, level from position_requirement where position_id = ${fragment('?', options.positionId)}),
     lead as (select competency_id, level from req order by level desc, competency_id limit 1),
     fits as (
       (select cc.candidate_id as id from (
          select candidate_id from candidate_competency
          where competency_id = (select competency_id from lead) and level >= (select level from lead)
          order by candidate_id
          limit ${walked}) cc
        where (select count(*) from req r join candidate_competency o on o.candidate_id = cc.candidate_id and o.competency_id = r.competency_id and o.level >= r.level)
              >= (select count(*) from req)
          and ${matchableRow('cc.candidate_id', options.candidateVisible)}
        order by cc.candidate_id
        limit ${limit})
       union all
       (select c.id from candidate c
        where not exists (select 1 from req) and ${matchable(options.candidateVisible)}
        order by c.id
        limit ${limit}))
     select coalesce((select array_agg(id::text order by id) from fits), '{}') as ids,
            coalesce((select json_agg(json_build_object('competencyId', competency_id::text, 'level', level) order by competency_id) from req), '[]'::json) as requirements`;
  const [row] = await run<{ ids: string[]; requirements: Requirement[] }>(query.text, query.values);
  return row;
}

export interface MatchRow {
  kind: 'CANDIDATE' | 'PERSON';
  id: string;
  score: number;
  /** The requirements not met, by competency id: [{ competency_id, level }]. */
  missing: Array<{ competency_id: string; level: number }>;
}

/**
 * Best matches for a position, best first (score, then CANDIDATE before PERSON, then id), each
 * with the requirements it falls short of. Candidates are the whole talent pool the caller may
 * see who are not hired yet; internal people, as the contract says, are those with an active
 * assignment in the position's province-level subtree (`regionCode`), not already on it.
 *
 * Candidates who hold a required competency are scored from its holders and tested for the
 * caller best first, until `limit` pass; the rest of the pool scores 0 (1.0 without
 * requirements) and is read by id, only when those were fewer than `limit`. Staff likewise: those
 * holding a required competency are scored from its holders, the others read by id only when
 * everyone before them is fewer than `limit`.
 */
export async function rankedMatches(
  run: SqlRunner,
  options: CandidateMatchOptions & { requirements: readonly Requirement[]; regionCode: string; includeInternal: boolean; date: string },
): Promise<MatchRow[]> {
  const limit = fragment('?', options.limit);
  const { requirements } = options;
  const req = requirements.length
    ? spliced`select * from (values ${joined(requirements.map((r) => fragment('(?::bigint, ?::int)', r.competencyId, r.level)), ', ')}) r(competency_id, level)`
    : fragment('select null::bigint as competency_id, null::int as level where false');
  // Each requirement's holders come in candidate order from candidate_competency_holders and are
  // merged, so their scores add up as the ids go by: hashing 150,000 holdings into 125,000 groups
  // (an HR office's IT position at full scale) took 60 % of the candidates' part.
  const holdings = requirements.length
    ? joined(
        requirements.map((r) =>
          spliced`(select candidate_id as id, ${fitSixtieths(fragment('level'), fragment('?::int', r.level))} as sixtieths
                   from candidate_competency where competency_id = ${fragment('?::bigint', r.competencyId)} order by candidate_id)`,
        ),
        ' union all ',
      )
    : fragment('select null::bigint as id, 0 as sixtieths where false');
  const topHolders = fragment('?', options.limit * CANDIDATE_HOLDERS_TESTED_PER_MATCH);
  const positionId = fragment('?', options.positionId);
  // The staff who may be matched: active today in the province-level subtree, not on the position.
  // A person with two such assignments appears twice; every use below tolerates that. Those
  // already on the position are a handful, gathered once: tested per staff member instead, they
  // were an index probe each (60,000 for a province: most of the statement).
  const staff = options.includeInternal
    ? spliced`select a.person_id as id from assignment a join position p on p.id = a.position_id
       where p.unit_id in (select u.id from org_unit u where ${pathInSubtree('u.path', options.regionCode)}) and ${assignmentActiveOn('a', options.date)}
         and a.person_id <> all(array(select mine.person_id from assignment mine where mine.position_id = ${positionId} and ${assignmentActiveOn('mine', options.date)}))`
    : fragment('select null::bigint as id where false');
  const query = spliced`with req as (${req}),
     total as (select count(*)::int as n from req),
     -- Not materialized: the top-N sort reads the aggregate as it comes (writing 125,000 rows to
     -- a tuplestore and reading them back cost about 25 ms at full scale); the fallback below,
     -- which rarely runs, computes it again.
     holder_fit as not materialized (
       select h.id, sum(h.sixtieths) as sixtieths from (select * from (${holdings}) u order by id) h group by h.id),
     -- The best holders by score alone, a top-N sort: the caller's test then runs on these few.
     top_holders as materialized (select id, sixtieths from holder_fit order by sixtieths desc, id limit ${topHolders}),
     best_of_top as materialized (
       select h.id, h.sixtieths from (select id, sixtieths from top_holders order by sixtieths desc, id) h
       where ${matchableRow('h.id', options.candidateVisible)}
       limit ${limit}),
     -- Exact either way: the top holders hold the k best the caller may match unless fewer than k
     -- of them passed and there are holders beyond them; only then are all holders tested.
     best_holders as materialized (
       select id, sixtieths from best_of_top
       where (select count(*) from best_of_top) = ${limit} or (select count(*) from top_holders) < ${topHolders}
       union all
       select h.id, h.sixtieths from (select id, sixtieths from holder_fit order by sixtieths desc, id) h
       where (select count(*) from best_of_top) < ${limit} and (select count(*) from top_holders) = ${topHolders}
         and ${matchableRow('h.id', options.candidateVisible)}
       limit ${limit}),
     non_holders as materialized (
       select c.id from candidate c
       where (select count(*) from best_holders) < ${limit} and ${matchable(options.candidateVisible)}
         and not exists (select 1 from req r join candidate_competency o on o.candidate_id = c.id and o.competency_id = r.competency_id)
       order by c.id
       limit ${limit}),
     -- A person enters the top k only by scoring above the k-th candidate (candidates win ties):
     -- above -1 (anyone) when the candidates are fewer than k. Each requirement gives at most 60,
     -- so such a person holds at least floor(bar / 60) + 1 of them, and so at least one of any
     -- n - that + 1 requirements: only those requirements' holders need reading.
     bar as (
       select case when (select count(*) from best_holders) = ${limit} then (select min(sixtieths) from best_holders)
                   when (select count(*) from best_holders) + (select count(*) from non_holders) >= ${limit} then 0
                   else -1 end as sixtieths),
     lead_req as (
       select r.competency_id from req r
       order by r.level desc, r.competency_id
       limit greatest((select n from total) - (floor((select sixtieths from bar) / 60.0)::int + 1) + 1, 0)),
     staff as materialized (${staff}),
     -- The staff holding a lead requirement, from its holders (index person_competency_holders)
     -- kept when in the staff: a hashed test, written so that it stays one (the planner would
     -- turn a plain IN into probing each person's competencies, one by one: seconds for a large
     -- province); then each is scored on every requirement.
     lead_people as materialized (
       select distinct pc.person_id as id
       from lead_req l join person_competency pc on pc.competency_id = l.competency_id
       where coalesce(pc.person_id in (select id from staff), false)),
     -- Scored on every requirement from the primary key (person, competency) include (level):
     -- one index-only descent per lead person reads their few rows together (35 ms for 8,800
     -- people at full scale, where a pass per requirement over the holders' index took 60 ms).
     best_people as materialized (
       select pc.person_id as id, sum(${fitSixtieths(fragment('pc.level'), fragment('r.level'))}) as sixtieths
       from person_competency pc join req r on r.competency_id = pc.competency_id
       where pc.person_id = any(array(select id from lead_people order by id)) and pc.competency_id = any(array(select competency_id from req))
       group by pc.person_id
       having sum(${fitSixtieths(fragment('pc.level'), fragment('r.level'))}) > (select sixtieths from bar)
       order by sixtieths desc, pc.person_id
       limit ${limit}),
     -- The staff holding none (0; 1.0 without requirements) rank after every candidate and every
     -- holder: read by id only when those are fewer than k.
     people_holding_none as (
       select s.id from (select distinct id from staff order by id) s
       where (select count(*) from best_holders) + (select count(*) from non_holders) + (select count(*) from best_people) < ${limit}
         and not exists (select 1 from req r join person_competency o on o.person_id = s.id and o.competency_id = r.competency_id)
       order by s.id
       limit ${limit}),
     ranked as (
       select 'CANDIDATE' as kind, id, sixtieths::float8 / (60 * (select n from total)) as score from best_holders
       union all
       select 'CANDIDATE', id, case when (select n from total) = 0 then 1.0::float8 else 0.0::float8 end from non_holders
       union all
       select 'PERSON', id, sixtieths::float8 / (60 * (select n from total)) from best_people
       union all
       select 'PERSON', id, case when (select n from total) = 0 then 1.0::float8 else 0.0::float8 end from people_holding_none
       order by score desc, kind, id
       limit ${limit})
     select ranked.kind, ranked.id, ranked.score,
       (select coalesce(json_agg(json_build_object('competency_id', r.competency_id::text, 'level', r.level) order by r.competency_id), '[]'::json)
        from req r
        where coalesce(case when ranked.kind = 'CANDIDATE'
                         then (select o.level from candidate_competency o where o.candidate_id = ranked.id and o.competency_id = r.competency_id)
                         else (select pc.level from person_competency pc where pc.person_id = ranked.id and pc.competency_id = r.competency_id) end, 0) < r.level) as missing
     from ranked
     order by ranked.score desc, ranked.kind, ranked.id`;
  return run<MatchRow>(query.text, query.values);
}
