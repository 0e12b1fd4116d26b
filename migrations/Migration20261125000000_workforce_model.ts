import { Migration } from '@mikro-orm/migrations';

/**
 * The whole workforce model of the public contract, designed once so that later features
 * (recruitment, attraction, reorganisation, workload) add behaviour, not tables.
 *
 * Conventions: bigint identity keys; enums as text with CHECK constraints (readable in psql,
 * cheap to extend in a later migration); money in whole VND as bigint; dates as `date`.
 */
export class Migration20261125000000_workforce_model extends Migration {
  async up(): Promise<void> {
    this.addSql(`create extension if not exists ltree`);
    this.addSql(`create extension if not exists unaccent`);
    this.addSql(`create extension if not exists pg_trgm`);
    this.addSql(`create extension if not exists btree_gist`);

    // unaccent() is STABLE (it reads a dictionary), so it cannot back an index directly.
    // Pinning the dictionary makes the result deterministic, which is what IMMUTABLE promises.
    // đ/Đ are letters of their own, not accented d, so unaccent keeps them: fold them by hand.
    this.addSql(`
      create or replace function search_fold(value text) returns text
      language sql immutable parallel safe strict as
      $$ select translate(lower(public.unaccent('public.unaccent'::regdictionary, value)), 'đ', 'd') $$`);

    this.addSql(`
      create table org_unit (
        id bigint generated always as identity primary key,
        code text not null unique check (code ~ '^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$' and length(code) <= 255),
        path ltree generated always as (code::ltree) stored,
        name text not null check (length(name) between 1 and 300),
        kind text not null check (kind in ('NATION','PROVINCE','CITY','DISTRICT','WARD','COMMUNE','TOWNSHIP','DEPARTMENT','AGENCY','PUBLIC_SERVICE_UNIT')),
        parent_id bigint references org_unit(id),
        population integer check (population >= 0),
        valid_from date,
        valid_to date,
        successor_id bigint references org_unit(id),
        created_at timestamptz not null default now(),
        check (valid_to is null or valid_from is null or valid_to >= valid_from - 1)
      )`);
    this.addSql(`create index org_unit_path_gist on org_unit using gist (path)`);
    this.addSql(`create index org_unit_parent on org_unit (parent_id, code)`);
    this.addSql(`create index org_unit_successor on org_unit (successor_id)`);
    this.addSql(`create index org_unit_name_search on org_unit using gin (search_fold(name) gin_trgm_ops)`);

    this.addSql(`
      create table establishment_quota (
        id bigint generated always as identity primary key,
        unit_id bigint not null references org_unit(id),
        year integer not null check (year between 1900 and 2200),
        category text not null check (category in ('CIVIL_SERVANT','PUBLIC_EMPLOYEE','CONTRACT')),
        headcount integer not null check (headcount >= 0),
        unique (unit_id, year, category)
      )`);

    this.addSql(`
      create table competency (
        id bigint generated always as identity primary key,
        code text not null unique check (length(code) between 1 and 64),
        name text not null check (length(name) between 1 and 300),
        is_digital boolean not null
      )`);

    this.addSql(`
      create table position (
        id bigint generated always as identity primary key,
        unit_id bigint not null references org_unit(id),
        title text not null check (length(title) between 1 and 300),
        category text not null check (category in ('CIVIL_SERVANT','PUBLIC_EMPLOYEE','CONTRACT')),
        role_family text not null check (role_family in ('SOFTWARE_ENGINEER','DATA_SCIENTIST','AI_ENGINEER','INFORMATION_SECURITY','NETWORK_ENGINEER','SYSTEM_ADMINISTRATOR','IT_SUPPORT','DIGITAL_TRANSFORMATION_OFFICER','GENERAL_ADMINISTRATION')),
        is_it_specialist boolean generated always as (role_family <> 'GENERAL_ADMINISTRATION') stored,
        seniority text not null check (seniority in ('JUNIOR','MID','SENIOR','LEAD')),
        pay_coefficient numeric(6,3) not null check (pay_coefficient > 0 and pay_coefficient <= 20),
        headcount integer not null check (headcount >= 0),
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index position_unit on position (unit_id, id)`);
    this.addSql(`create index position_unit_title on position (unit_id, title)`);

    this.addSql(`
      create table position_requirement (
        position_id bigint not null references position(id) on delete cascade,
        competency_id bigint not null references competency(id),
        level smallint not null check (level between 1 and 5),
        primary key (position_id, competency_id)
      )`);
    this.addSql(`create index position_requirement_competency on position_requirement (competency_id)`);

    this.addSql(`
      create table person (
        id bigint generated always as identity primary key,
        full_name text not null check (length(full_name) between 1 and 200),
        birth_year integer check (birth_year between 1900 and 2100),
        home_unit_id bigint references org_unit(id),
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index person_name_search on person using gin (search_fold(full_name) gin_trgm_ops)`);
    this.addSql(`create index person_home_unit on person (home_unit_id)`);

    this.addSql(`
      create table person_competency (
        person_id bigint not null references person(id) on delete cascade,
        competency_id bigint not null references competency(id),
        level smallint not null check (level between 1 and 5),
        primary key (person_id, competency_id)
      )`);
    this.addSql(`create index person_competency_competency on person_competency (competency_id, level)`);

    this.addSql(`
      create table assignment (
        id bigint generated always as identity primary key,
        person_id bigint not null references person(id),
        position_id bigint not null references position(id),
        kind text not null check (kind in ('PRIMARY','CONCURRENT')),
        start_date date not null,
        end_date date,
        created_at timestamptz not null default now(),
        check (end_date is null or end_date >= start_date),
        -- The one-PRIMARY rule, enforced by the database as well as by the service.
        constraint assignment_one_primary exclude using gist (
          person_id with =, daterange(start_date, end_date, '[]') with &&
        ) where (kind = 'PRIMARY')
      )`);
    this.addSql(`create index assignment_position on assignment (position_id, start_date)`);
    this.addSql(`create index assignment_person on assignment (person_id)`);

    this.addSql(`
      create table base_salary (
        id bigint generated always as identity primary key,
        effective_from date not null unique,
        monthly_amount bigint not null check (monthly_amount > 0),
        legal_basis text
      )`);

    this.addSql(`
      create table salary_benchmark (
        id bigint generated always as identity primary key,
        role_family text not null,
        seniority text not null check (seniority in ('JUNIOR','MID','SENIOR','LEAD')),
        sector text not null check (sector in ('PUBLIC','PRIVATE')),
        region text not null check (length(region) between 1 and 64),
        p25 bigint check (p25 >= 0),
        p50 bigint not null check (p50 > 0),
        p75 bigint check (p75 >= 0),
        source text not null check (length(source) between 1 and 500),
        as_of date not null,
        unique (role_family, seniority, sector, region, as_of)
      )`);

    this.addSql(`
      create table incentive_package (
        id bigint generated always as identity primary key,
        name text not null check (length(name) between 1 and 300),
        legal_basis text,
        monthly_allowance bigint not null check (monthly_allowance >= 0),
        salary_percent_allowance double precision not null check (salary_percent_allowance >= 0),
        signing_bonus bigint not null check (signing_bonus >= 0),
        min_service_years integer not null check (min_service_years >= 0),
        eligible_role_families text[] not null default '{}',
        valid_from date not null,
        valid_to date,
        created_at timestamptz not null default now(),
        check (valid_to is null or valid_to >= valid_from),
        check (signing_bonus = 0 or min_service_years >= 1)
      )`);

    this.addSql(`
      create table vacancy (
        id bigint generated always as identity primary key,
        position_id bigint not null references position(id),
        status text not null check (status in ('OPEN','INTERVIEWING','OFFERED','FILLED','CANCELLED')),
        opened_on date not null,
        filled_on date,
        closed_on date,
        incentive_package_id bigint references incentive_package(id),
        created_at timestamptz not null default now(),
        check (filled_on is null or filled_on >= opened_on)
      )`);
    this.addSql(`create index vacancy_position on vacancy (position_id, status)`);

    this.addSql(`
      create table candidate (
        id bigint generated always as identity primary key,
        full_name text not null check (length(full_name) between 1 and 200),
        current_sector text check (current_sector in ('PUBLIC','PRIVATE')),
        created_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table candidate_competency (
        candidate_id bigint not null references candidate(id) on delete cascade,
        competency_id bigint not null references competency(id),
        level smallint not null check (level between 1 and 5),
        primary key (candidate_id, competency_id)
      )`);
    this.addSql(`create index candidate_competency_competency on candidate_competency (competency_id, level)`);

    this.addSql(`
      create table application (
        id bigint generated always as identity primary key,
        candidate_id bigint not null references candidate(id),
        vacancy_id bigint not null references vacancy(id),
        stage text not null check (stage in ('APPLIED','SCREENING','INTERVIEW','OFFER','HIRED','REJECTED','WITHDRAWN')),
        applied_on date not null,
        created_at timestamptz not null default now(),
        unique (candidate_id, vacancy_id)
      )`);
    this.addSql(`create index application_vacancy on application (vacancy_id, stage)`);

    this.addSql(`
      create table application_stage_change (
        id bigint generated always as identity primary key,
        application_id bigint not null references application(id),
        from_stage text,
        to_stage text not null,
        changed_at timestamptz not null default now(),
        changed_by text
      )`);
    this.addSql(`create index application_stage_change_application on application_stage_change (application_id, changed_at)`);

    this.addSql(`
      create table offer (
        id bigint generated always as identity primary key,
        application_id bigint not null references application(id),
        monthly_pay bigint not null check (monthly_pay > 0),
        incentive_package_id bigint references incentive_package(id),
        status text not null check (status in ('PENDING','ACCEPTED','DECLINED')),
        decline_reason text check (decline_reason in ('PAY','LOCATION','WORKLOAD','CAREER','OTHER')),
        pay_ratio double precision,
        offered_on date not null,
        decided_on date,
        created_at timestamptz not null default now(),
        check (status <> 'DECLINED' or decline_reason is not null)
      )`);
    this.addSql(`create index offer_application on offer (application_id)`);

    this.addSql(`
      create table policy_scenario (
        id bigint generated always as identity primary key,
        name text not null check (length(name) between 1 and 300),
        input jsonb not null,
        result jsonb not null,
        scope_unit_id bigint references org_unit(id),
        created_at timestamptz not null default now(),
        created_by text not null
      )`);

    this.addSql(`
      create table workload_component (
        id bigint generated always as identity primary key,
        unit_id bigint not null references org_unit(id),
        name text not null check (length(name) between 1 and 300),
        category text not null check (category in ('CIVIL_SERVANT','PUBLIC_EMPLOYEE','CONTRACT')),
        annual_volume double precision not null check (annual_volume >= 0 and annual_volume < 'Infinity'),
        minutes_per_item double precision not null check (minutes_per_item >= 0 and minutes_per_item < 'Infinity'),
        digitisable boolean not null,
        unique (unit_id, name)
      )`);

    this.addSql(`
      create table audit_event (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        subject text not null,
        role text not null,
        operation text not null,
        unit_code text,
        target_id text,
        changes jsonb not null
      )`);
    this.addSql(`create index audit_event_subject on audit_event (subject, id desc)`);
    this.addSql(`create index audit_event_unit on audit_event (unit_code, id desc)`);
  }

  async down(): Promise<void> {
    for (const table of [
      'audit_event', 'workload_component', 'policy_scenario', 'offer', 'application_stage_change',
      'application', 'candidate_competency', 'candidate', 'vacancy', 'incentive_package',
      'salary_benchmark', 'base_salary', 'assignment', 'person_competency', 'person',
      'position_requirement', 'position', 'competency', 'establishment_quota', 'org_unit',
    ]) {
      this.addSql(`drop table if exists ${table} cascade`);
    }
    this.addSql(`drop function if exists search_fold(text)`);
  }
}
