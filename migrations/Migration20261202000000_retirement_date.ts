import { Migration } from '@mikro-orm/migrations';

/**
 * The statutory retirement date (Labour Code 2019 art. 169, Decree 135/2020, normal conditions)
 * as SQL functions, so that Person.retirementDate, the workforce forecast and any report compute
 * it the one way, inside the statement that needs it. The formula is the contract's:
 * - the age in force in calendar year Y, in months: MALE 720 until 2020, +3 a year, 744 from 2028;
 *   FEMALE 660 until 2020, +4 a year, 720 from 2035;
 * - birth month b = the birth date's month, or July of the birth year;
 * - the first month M >= b with M - b >= age(year of M); the date is the first day after M.
 * Months are counted as year * 12 + (month - 1). Within one year Y the first such month is
 * max(b + age(Y), January of Y), when that still lies in Y; the answer is the earliest over Y.
 */
export class Migration20261202000000_retirement_date extends Migration {
  async up(): Promise<void> {
    this.addSql(`
      create function retirement_age_months(sex text, year integer) returns integer
      language sql immutable parallel safe as $$
        select case sex
          when 'MALE' then case when year <= 2020 then 720 when year <= 2027 then 720 + 3 * (year - 2020) else 744 end
          when 'FEMALE' then case when year <= 2020 then 660 when year <= 2034 then 660 + 4 * (year - 2020) else 720 end
        end
      $$`);
    // One expression, no FROM: PostgreSQL inlines it into the calling statement, so a cohort of
    // millions costs arithmetic, not a function call and a generate_series per person. The age
    // is 720/660 months until 2020, then rises by r = 3/4 a year until E = 2027/2034, then stays
    // at 744/720; in each of those three pieces the first year Y with b + age(Y) <= 12Y + 11 has a
    // closed form (a ceiling), and the earliest of the three that lies in its piece is the answer.
    this.addSql(`
      create function retirement_year_reached(sex text, birth_month integer) returns integer
      language sql immutable parallel safe as $$
        select least(
          case when (birth_month + retirement_age_months(sex, 2020)) / 12 <= 2020
               then (birth_month + retirement_age_months(sex, 2020)) / 12 end,
          case when greatest((birth_month + retirement_age_months(sex, 2020)
                              - 2021 * (case sex when 'MALE' then 3 when 'FEMALE' then 4 end))
                             / (12 - case sex when 'MALE' then 3 when 'FEMALE' then 4 end), 2021)
                    <= case sex when 'MALE' then 2027 when 'FEMALE' then 2034 end
               then greatest((birth_month + retirement_age_months(sex, 2020)
                              - 2021 * (case sex when 'MALE' then 3 when 'FEMALE' then 4 end))
                             / (12 - case sex when 'MALE' then 3 when 'FEMALE' then 4 end), 2021) end,
          greatest((birth_month + retirement_age_months(sex, 2100)) / 12,
                   case sex when 'MALE' then 2028 when 'FEMALE' then 2035 end))
      $$`);
    this.addSql(`
      create function retirement_month(sex text, birth_month integer) returns integer
      language sql immutable parallel safe as $$
        -- greatest() and least() pass over nulls: without a sex or a birth month there is no answer.
        select case when birth_month is not null and retirement_age_months(sex, 2020) is not null then
          greatest(birth_month + retirement_age_months(sex, retirement_year_reached(sex, birth_month)),
                   retirement_year_reached(sex, birth_month) * 12) end
      $$`);
    this.addSql(`
      create function retirement_date(sex text, birth_date date, birth_year integer) returns date
      language sql immutable parallel safe as $$
        select make_date((retirement_month(sex, coalesce(extract(year from birth_date)::integer, birth_year) * 12
                                                 + coalesce(extract(month from birth_date)::integer, 7) - 1) + 1) / 12,
                         (retirement_month(sex, coalesce(extract(year from birth_date)::integer, birth_year) * 12
                                                 + coalesce(extract(month from birth_date)::integer, 7) - 1) + 1) % 12 + 1,
                         1)
      $$`);
  }

  async down(): Promise<void> {
    this.addSql(`drop function if exists retirement_date(text, date, integer)`);
    this.addSql(`drop function if exists retirement_month(text, integer)`);
    this.addSql(`drop function if exists retirement_year_reached(text, integer)`);
    this.addSql(`drop function if exists retirement_age_months(text, integer)`);
  }
}
