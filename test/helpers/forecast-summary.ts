/**
 * The forecast's summaries (migration 20261205) against a count from scratch of what they
 * summarise: the rows on which they differ, in either direction (0 when they agree). Rows whose
 * count fell to 0 are skipped, as the readers skip them.
 */
const COHORT_FROM_SCRATCH = `
  select p.unit_id, p.category, p.is_it_specialist, forecast_retirement_year(pe.sex, pe.birth_date, pe.birth_year) as retirement_year, count(*)::int as members
    from assignment a join position p on p.id = a.position_id join person pe on pe.id = a.person_id
   where a.kind = 'PRIMARY' and a.end_date is null group by 1, 2, 3, 4`;
const COHORT_SUMMARY = `select unit_id, category, is_it_specialist, retirement_year, members from forecast_cohort where members <> 0`;
const SPANS_FROM_SCRATCH = `
  select p.unit_id, extract(year from a.start_date - 1)::int + 1 as first_january, extract(year from a.end_date)::int as last_january,
         (a.end_date is not null and (a.end_reason is null or a.end_reason not in ('TRANSFER', 'REORGANISATION'))) as separation, count(*)::int as assignments
    from assignment a join position p on p.id = a.position_id where a.kind = 'PRIMARY' group by 1, 2, 3, 4`;
const SPAN_SUMMARY = `select unit_id, first_january, last_january, separation, assignments from forecast_primary_span where assignments <> 0`;

export const FORECAST_SUMMARY_MISMATCHES_SQL = `
  select (select count(*) from ((${COHORT_SUMMARY} except ${COHORT_FROM_SCRATCH}) union all (${COHORT_FROM_SCRATCH} except ${COHORT_SUMMARY})) x)::int as cohort,
         (select count(*) from ((${SPAN_SUMMARY} except ${SPANS_FROM_SCRATCH}) union all (${SPANS_FROM_SCRATCH} except ${SPAN_SUMMARY})) x)::int as spans,
         (select coalesce(sum(members), 0) from forecast_cohort)::int as cohort_members`;

/** Rows of a per-unit count (unit_id first), summed into every unit strictly above by path. */
function rolledUp(rows: string, columns: string, count: string): string {
  const keys = columns.split(', ').map((c) => `r.${c}`).join(', ');
  return `
  select a.id as unit_id, ${keys}, sum(r.${count})::int as ${count}
    from (${rows}) r join org_unit u on u.id = r.unit_id join org_unit a on a.path @> u.path and a.id <> u.id
   group by a.id, ${keys} having sum(r.${count}) <> 0`;
}
const COHORT_BELOW_FROM_SCRATCH = rolledUp(COHORT_FROM_SCRATCH, 'category, is_it_specialist, retirement_year', 'members');
const COHORT_BELOW = `select unit_id, category, is_it_specialist, retirement_year, members from forecast_cohort_below where members <> 0`;
const SPANS_BELOW_FROM_SCRATCH = rolledUp(SPANS_FROM_SCRATCH, 'first_january, last_january, separation', 'assignments');
const SPANS_BELOW = `select unit_id, first_january, last_january, separation, assignments from forecast_primary_span_below where assignments <> 0`;

/**
 * The roll-ups (migration 20261206) against the same counts from scratch summed up the tree by
 * path, and what is left staged once every transaction has committed (0 each when all agree).
 */
export const FORECAST_ROLLUP_MISMATCHES_SQL = `
  select (select count(*) from ((${COHORT_BELOW} except ${COHORT_BELOW_FROM_SCRATCH}) union all (${COHORT_BELOW_FROM_SCRATCH} except ${COHORT_BELOW})) x)::int as cohort_below,
         (select count(*) from ((${SPANS_BELOW} except ${SPANS_BELOW_FROM_SCRATCH}) union all (${SPANS_BELOW_FROM_SCRATCH} except ${SPANS_BELOW})) x)::int as spans_below,
         ((select count(*) from forecast_cohort_below_pending) + (select count(*) from forecast_primary_span_below_pending)
           + (select count(*) from forecast_below_pending_xact))::int as staged`;
