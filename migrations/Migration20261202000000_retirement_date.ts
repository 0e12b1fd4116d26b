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
    this.addSql(`
      create function retirement_date(sex text, birth_date date, birth_year integer) returns date
      language sql immutable parallel safe as $$
        with born as (
          select coalesce(extract(year from birth_date)::integer, birth_year) * 12
               + coalesce(extract(month from birth_date)::integer, 7) - 1 as month
        ),
        reached as (
          select min(greatest(born.month + retirement_age_months(sex, y), y * 12)) as month
          from born, generate_series(born.month / 12 + 50, born.month / 12 + 65) as y
          -- greatest() passes over a null: without a known sex there is no age, and no answer.
          where retirement_age_months(sex, y) is not null
            and greatest(born.month + retirement_age_months(sex, y), y * 12) <= y * 12 + 11
        )
        select make_date((month + 1) / 12, (month + 1) % 12 + 1, 1) from reached
      $$`);
  }

  async down(): Promise<void> {
    this.addSql(`drop function if exists retirement_date(text, date, integer)`);
    this.addSql(`drop function if exists retirement_age_months(text, integer)`);
  }
}
