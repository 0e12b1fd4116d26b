import type { SqlRunner } from '../../db/sql-runner';
import { spliced, zeroWhereMissing } from '../../shared/sql';
import { scopeUnitsSql } from '../org';
import { assignmentActiveOn } from './assignment-dates.sql';

export interface SkillGapFigures {
  competency_id: string;
  seats_requiring: number;
  seats_met: number;
  people_with_skill: number;
  seats_empty: number;
  seats_held_below_level: number;
  seats_one_level_short: number;
}

/**
 * Per competency over the positions in scope (contract: SkillGap). Lists every competency that
 * some position in scope requires or some active member of staff in scope holds, largest gap first.
 */
export async function skillGapFigures(run: SqlRunner, rootId: string, includeDescendants: boolean, date: string): Promise<SkillGapFigures[]> {
  const query = spliced`with scope as (${scopeUnitsSql(rootId, includeDescendants, date)}),
     positions as (select p.id, p.headcount from position p where p.unit_id in (select unit_id from scope)),
     requirements as (
       select r.competency_id, r.position_id, r.level, pos.headcount
       from position_requirement r join positions pos on pos.id = r.position_id),
     active as (
       select a.person_id, a.position_id, a.kind from assignment a
       join positions pos on pos.id = a.position_id where ${assignmentActiveOn('a', date)}),
     seats as (select competency_id, sum(headcount)::int as seats_requiring from requirements group by competency_id),
     -- Each active PRIMARY holder of a requiring position, with the level they hold (0: none).
     held as (
       select r.competency_id, r.level as required, coalesce(pc.level, 0) as level
       from requirements r
       join active a on a.position_id = r.position_id and a.kind = 'PRIMARY'
       left join person_competency pc on pc.person_id = a.person_id and pc.competency_id = r.competency_id),
     met as (
       select competency_id,
              count(*) filter (where level >= required)::int as seats_met,
              count(*) filter (where level < required)::int as seats_held_below_level,
              count(*) filter (where level = required - 1)::int as seats_one_level_short
       from held group by competency_id),
     -- Seats that need a hire: per requiring position, its headcount less its active PRIMARY holders.
     empty as (
       select r.competency_id, sum(greatest(r.headcount - coalesce(f.filled, 0), 0))::int as seats_empty
       from requirements r
       left join (select position_id, count(*) as filled from active where kind = 'PRIMARY' group by position_id) f on f.position_id = r.position_id
       group by r.competency_id),
     holders as (
       select pc.competency_id, count(distinct a.person_id)::int as people_with_skill
       from active a join person_competency pc on pc.person_id = a.person_id
       group by pc.competency_id)
     select c.id as competency_id, ${zeroWhereMissing([
       ['s', 'seats_requiring'], ['m', 'seats_met'], ['h', 'people_with_skill'], ['e', 'seats_empty'], ['m', 'seats_held_below_level'], ['m', 'seats_one_level_short'],
     ])}
     from competency c
     left join seats s on s.competency_id = c.id
     left join met m on m.competency_id = c.id
     left join holders h on h.competency_id = c.id
     left join empty e on e.competency_id = c.id
     where s.competency_id is not null or h.competency_id is not null
     order by coalesce(s.seats_requiring, 0) - coalesce(m.seats_met, 0) desc, c.code`;
  return run<SkillGapFigures>(query.text, query.values);
}

export interface PlacementFitFigures {
  assignments_evaluated: number;
  fully_qualified: number;
}

/**
 * Over the active PRIMARY assignments in scope: how many incumbents meet every requirement of
 * their position at the required level (a position without requirements is always met).
 */
export async function placementFitFigures(run: SqlRunner, rootId: string, includeDescendants: boolean, date: string): Promise<PlacementFitFigures> {
  const query = spliced`with scope as (${scopeUnitsSql(rootId, includeDescendants, date)}),
     active as (
       select a.id, a.person_id, a.position_id from assignment a
       join position p on p.id = a.position_id
       where p.unit_id in (select unit_id from scope) and a.kind = 'PRIMARY' and ${assignmentActiveOn('a', date)}),
     judged as (
       select a.id, bool_and(coalesce(pc.level, 0) >= r.level) as qualified
       from active a
       left join position_requirement r on r.position_id = a.position_id
       left join person_competency pc on pc.person_id = a.person_id and pc.competency_id = r.competency_id
       group by a.id)
     select count(*)::int as assignments_evaluated,
            count(*) filter (where qualified is not false)::int as fully_qualified
     from judged`;
  const [row] = await run<PlacementFitFigures>(query.text, query.values);
  return row;
}
