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
