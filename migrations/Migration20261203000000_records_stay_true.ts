import { Migration } from '@mikro-orm/migrations';

/** A global ID as src/graphql/global-id.ts writes it (base64url of "Type:key"), in SQL. */
const globalIdSql = (type: string, key: string) => `translate(rtrim(encode(convert_to('${type}:' || ${key}, 'UTF8'), 'base64'), '='), '+/', '-_')`;

/**
 * The vacancy rule applied to rows that break it (see the class comment); one statement, so a
 * test can run it on a database it has put out of line.
 */
export const RECONCILE_VACANCIES_SQL = `
      do $$
      declare reconciled int;
      begin
        create temporary table vacancy_reconciliation on commit drop as
        with live as (
          select v.id, v.position_id, v.opened_on,
                 row_number() over (partition by v.position_id order by v.opened_on, v.id) as oldest_rank,
                 count(*) over (partition by v.position_id) as live_count
          from vacancy v where v.status in ('OPEN','INTERVIEWING','OFFERED')
        ),
        surplus as (
          select l.*, l.live_count - greatest(p.headcount - (
                   select count(*) from assignment a where a.position_id = p.id and a.kind = 'PRIMARY'
                     and a.start_date <= current_date and a.end_date is null), 0) as surplus
          from live l join position p on p.id = l.position_id
        ),
        holders as (
          select a.id, a.position_id, a.start_date,
                 row_number() over (partition by a.position_id order by a.start_date desc, a.id desc) as newest_rank
          from assignment a
          where a.kind = 'PRIMARY' and a.start_date <= current_date and a.end_date is null
            and not exists (select 1 from vacancy f where f.filled_by_assignment_id = a.id)
        ),
        available as (select position_id, count(*) as holders from holders group by position_id),
        paired as (
          select s.*, least(s.surplus, coalesce(av.holders, 0)) as to_fill
          from surplus s left join available av on av.position_id = s.position_id
          where s.surplus > 0
        ),
        filled as (
          select p.id as vacancy_id, h.id as assignment_id, greatest(h.start_date, p.opened_on) as filled_on
          from paired p join holders h on h.position_id = p.position_id and h.newest_rank = p.oldest_rank
          where p.oldest_rank <= p.to_fill
        ),
        cancelled as (
          select p.id as vacancy_id from paired p where p.oldest_rank > p.live_count - (p.surplus - p.to_fill)
        )
        select vacancy_id, assignment_id, filled_on from filled
        union all select vacancy_id, null::bigint, null::date from cancelled;

        update vacancy v set status = case when r.assignment_id is null then 'CANCELLED' else 'FILLED' end,
               filled_by_assignment_id = r.assignment_id, filled_on = r.filled_on,
               closed_on = case when r.assignment_id is null then current_date end
        from vacancy_reconciliation r where r.vacancy_id = v.id;

        insert into application_stage_change (application_id, from_stage, to_stage, changed_by, note)
        select a.id, a.stage, 'REJECTED', 'migration', 'the vacancy''s seat was taken outside recruitment (reconciled by migration)'
        from application a join vacancy_reconciliation r on r.vacancy_id = a.vacancy_id
        where a.stage in ('APPLIED','SCREENING','INTERVIEW','OFFER');
        update offer o set status = 'DECLINED', decline_reason = 'OTHER', decided_on = current_date
        from application a join vacancy_reconciliation r on r.vacancy_id = a.vacancy_id
        where o.application_id = a.id and o.status = 'PENDING';
        update application a set stage = 'REJECTED' from vacancy_reconciliation r
        where r.vacancy_id = a.vacancy_id and a.stage in ('APPLIED','SCREENING','INTERVIEW','OFFER');

        insert into audit_event (subject, role, operation, unit_code, target_id, changes)
        select 'migration:records_stay_true', 'ADMIN', 'reconcileVacancies', u.code,
               ${globalIdSql('Vacancy', 'v.id')},
               jsonb_build_object('before', jsonb_build_object('status', 'live'),
                                  'after', jsonb_build_object('status', v.status, 'filledOn', v.filled_on,
                                                              'filledBy', case when r.assignment_id is null then null else ${globalIdSql('Assignment', 'r.assignment_id')} end),
                                  'rule', 'live vacancies may not exceed free seats')
        from vacancy_reconciliation r join vacancy v on v.id = r.vacancy_id join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id;

        select count(*) into reconciled from vacancy_reconciliation;
        raise notice 'reconcileVacancies: % vacancies exceeded their position''s free seats and were reconciled', reconciled;
      end $$`;

/**
 * Records that stay true (contract v2): identity (CCCD, sex, birth date), competency history,
 * why an assignment ended, which assignment filled a vacancy, and the recorded reason when an
 * application is closed by something other than a recruiter's move.
 *
 * It also reconciles existing vacancies with the seats they stand for (the contract's rule: a
 * position's live vacancies may not exceed its free seats), as the fill rule would have: the
 * oldest surplus vacancies are FILLED by the newest holders not already filling one; a surplus
 * with no holder left to pair is CANCELLED, newest first (openVacancy would have refused it).
 * Each reconciled vacancy gets an AuditEvent (operation "reconcileVacancies"), and the count is
 * reported as a NOTICE.
 */
export class Migration20261203000000_records_stay_true extends Migration {
  async up(): Promise<void> {
    this.addSql(`
      alter table person
        add column national_id text check (national_id ~ '^[0-9]{12}$'),
        add column sex text check (sex in ('MALE','FEMALE')),
        add column birth_date date,
        add constraint person_birth_date_year check (birth_date is null or birth_year is not distinct from extract(year from birth_date)::int)`);
    this.addSql(`create unique index person_national_id on person (national_id) where national_id is not null`);

    this.addSql(`
      create table competency_record (
        id bigint generated always as identity primary key,
        person_id bigint not null references person(id) on delete cascade,
        competency_id bigint not null references competency(id),
        level smallint not null check (level between 0 and 5),
        recorded_on date not null,
        source text not null check (source in ('TRAINING','CERTIFICATE','ASSESSMENT','IMPORT','HIRE')),
        note text check (length(note) <= 500),
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index competency_record_person on competency_record (person_id, competency_id, recorded_on desc, id desc)`);
    // Levels recorded before history was kept become its first entries, dated when the person was recorded.
    this.addSql(`
      insert into competency_record (person_id, competency_id, level, recorded_on, source, note)
      select pc.person_id, pc.competency_id, pc.level, p.created_at::date, 'ASSESSMENT', 'recorded before competency history was kept'
      from person_competency pc join person p on p.id = pc.person_id order by pc.person_id, pc.competency_id`);

    this.addSql(`
      alter table assignment
        add column end_reason text check (end_reason in ('RETIREMENT','RESIGNATION','TRANSFER','REORGANISATION','DISMISSAL','DEATH','CONTRACT_END','OTHER')),
        add column destination_sector text check (destination_sector in ('PUBLIC','PRIVATE')),
        add constraint assignment_end_reason_needs_end check (end_date is not null or (end_reason is null and destination_sector is null))`);

    this.addSql(`alter table vacancy add column filled_by_assignment_id bigint references assignment(id)`);
    this.addSql(`create index vacancy_filled_by on vacancy (filled_by_assignment_id) where filled_by_assignment_id is not null`);
    this.addSql(`alter table application_stage_change add column note text`);

    this.addSql(RECONCILE_VACANCIES_SQL);
  }

  async down(): Promise<void> {
    this.addSql(`alter table application_stage_change drop column note`);
    this.addSql(`alter table vacancy drop column filled_by_assignment_id`);
    this.addSql(`alter table assignment drop constraint assignment_end_reason_needs_end, drop column destination_sector, drop column end_reason`);
    this.addSql(`drop table competency_record`);
    this.addSql(`drop index person_national_id`);
    this.addSql(`alter table person drop constraint person_birth_date_year, drop column birth_date, drop column sex, drop column national_id`);
  }
}
