import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { newEntity } from '../../db/new-entity';
import { SqlRunner, sqlRunnerFor } from '../../db/sql-runner';
import { DomainError, forbidden, inputField } from '../../shared/domain-error';
import { ApplicationStage, AssignmentKind, CompetencySource, DeclineReason, OfferStatus, StaffCategory, VacancyStatus, isLiveVacancy } from '../../graphql/enums';
import { keyOfGlobalId } from '../../graphql/global-id';
import { clockOf } from '../../edge/deps';
import { recordAudit } from '../audit';
import { privateMediansFor, IncentivePackage, payRatio } from '../attraction';
import { openEndedRefusal } from '../org';
import { insertPeople } from '../people';
import { Assignment, takeSeat } from '../staffing';
import { closeLiveApplications, declinePendingOffers } from './vacancy-seats';
import { Application, ApplicationStageChange } from './application.entity';
import { Candidate } from './candidate.entity';
import { Offer } from './offer.entity';
import { offerRefusal, stageMoveRefusal, vacancyStatusAfterStage } from './pipeline';
import { candidatesInScope } from './recruitment-scope';
import { Vacancy } from './vacancy.entity';

/** A vacancy row locked for the rest of the transaction, with what the rules need to know. */
/** What the recruiter states with an offer: its pay, the package offered with it, and its day (default today). */
export interface MakeOfferCommand {
  applicationId: string;
  monthlyPay: number;
  incentivePackageId?: string | null;
  offeredOn?: string | null;
}

/** The candidate's answer: a declined offer names its reason. */
export interface DecideOfferCommand {
  offerId: string;
  accepted: boolean;
  declineReason?: DeclineReason | null;
  decidedOn?: string | null;
}

interface LockedVacancy {
  id: string;
  status: VacancyStatus;
  opened_on: string;
  position_id: string;
  category: StaffCategory;
  unit_id: string;
  unit_code: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** Refuses recruiting into a vacancy whose unit has ended (a reorganisation moves live vacancies; one left behind is history). */
function assertUnitRecruits(vacancy: LockedVacancy, today: string, field: string[]): void {
  const refusal = openEndedRefusal({ code: vacancy.unit_code, valid_from: vacancy.valid_from, valid_to: vacancy.valid_to }, today);
  if (refusal) throw new DomainError('INVALID_STATE', refusal, field);
}

async function lockVacancy(run: SqlRunner, vacancyId: string): Promise<LockedVacancy | null> {
  const [row] = await run<LockedVacancy>(
    `select v.id, v.status, v.opened_on, v.position_id, p.category, p.unit_id, u.code as unit_code, u.valid_from, u.valid_to
     from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id
     where v.id = ? for update of v`,
    [vacancyId],
  );
  return row ?? null;
}

interface LockedApplication {
  id: string;
  stage: ApplicationStage;
  applied_on: string;
  candidate_id: string;
  vacancy_id: string;
  unit_code: string;
}

async function lockApplication(run: SqlRunner, applicationId: string, viewer: Viewer): Promise<LockedApplication> {
  const [row] = await run<LockedApplication>(
    `select a.id, a.stage, a.applied_on, a.candidate_id, a.vacancy_id, u.code as unit_code
     from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id
     where a.id = ? for update of a`,
    [applicationId],
  );
  if (!row) throw new DomainError('NOT_FOUND', 'No application has that ID', inputField('applicationId'));
  assertUnitInScope(viewer, row.unit_code);
  return row;
}

function recordStage(em: EntityManager, viewer: Viewer, applicationId: string, from: ApplicationStage | null, to: ApplicationStage): void {
  newEntity(em, ApplicationStageChange, {
    application: em.getReference(Application, applicationId),
    fromStage: from,
    toStage: to,
    changedAt: new Date(),
    changedBy: viewer.subject,
  });
}

async function setApplicationStage(em: EntityManager, viewer: Viewer, application: LockedApplication, to: ApplicationStage): Promise<Application> {
  const entity = await em.findOneOrFail(Application, application.id);
  entity.stage = to;
  recordStage(em, viewer, application.id, application.stage, to);
  return entity;
}

async function setVacancyStatus(em: EntityManager, vacancyId: string, status: VacancyStatus, changes: Partial<Vacancy> = {}): Promise<Vacancy> {
  const vacancy = await em.findOneOrFail(Vacancy, vacancyId);
  vacancy.status = status;
  Object.assign(vacancy, changes);
  return vacancy;
}

/** The day a step of recruitment happened: the one given, else today; never after today. */
function dayOfStep(em: EntityManager, given: string | null | undefined, field: string): string {
  const today = clockOf(em).today();
  const day = given ?? today;
  if (day > today) throw new DomainError('BAD_USER_INPUT', `${field} cannot be in the future`, inputField(field));
  return day;
}

export async function applyToVacancy(em: EntityManager, viewer: Viewer, input: { candidateId: string; vacancyId: string; appliedOn: string }): Promise<Application> {
  const candidateId = keyOfGlobalId(input.candidateId, 'Candidate', inputField('candidateId'));
  const vacancyId = keyOfGlobalId(input.vacancyId, 'Vacancy', inputField('vacancyId'));
  const run = sqlRunnerFor(em);
  const vacancy = await lockVacancy(run, vacancyId);
  if (!vacancy) throw new DomainError('NOT_FOUND', 'No vacancy has that ID', inputField('vacancyId'));
  assertUnitInScope(viewer, vacancy.unit_code);
  const [candidate] = await run('select id from candidate where id = ?', [candidateId]);
  if (!candidate) throw new DomainError('NOT_FOUND', 'No candidate has that ID', inputField('candidateId'));
  if (!(await candidatesInScope(run, viewer, [candidateId])).has(candidateId)) throw forbidden('That candidate is outside your scope');
  if (!isLiveVacancy(vacancy.status)) throw new DomainError('INVALID_STATE', `The vacancy is ${vacancy.status}; it takes no applications`, inputField('vacancyId'));
  assertUnitRecruits(vacancy, clockOf(em).today(), inputField('vacancyId'));
  if (input.appliedOn < vacancy.opened_on) throw new DomainError('BAD_USER_INPUT', `appliedOn is before the vacancy opened (${vacancy.opened_on})`, inputField('appliedOn'));
  dayOfStep(em, input.appliedOn, 'appliedOn');
  const existing = await run('select 1 from application where candidate_id = ? and vacancy_id = ?', [candidateId, vacancyId]);
  if (existing.length) throw new DomainError('CONFLICT', 'The candidate has already applied to this vacancy', inputField('vacancyId'));
  const application = newEntity(em, Application, {
    candidate: em.getReference(Candidate, candidateId),
    vacancy: em.getReference(Vacancy, vacancyId),
    stage: ApplicationStage.APPLIED,
    appliedOn: input.appliedOn,
  });
  await em.flush();
  recordStage(em, viewer, application.id, null, ApplicationStage.APPLIED);
  recordAudit(em, viewer, { operation: 'applyToVacancy', unitCode: vacancy.unit_code, targetId: application.globalId, changes: input });
  return application;
}

export async function moveApplication(em: EntityManager, viewer: Viewer, input: { applicationId: string; stage: ApplicationStage }): Promise<Application> {
  const applicationId = keyOfGlobalId(input.applicationId, 'Application', inputField('applicationId'));
  const run = sqlRunnerFor(em);
  const application = await lockApplication(run, applicationId, viewer);
  const refusal = stageMoveRefusal(application.stage, input.stage);
  if (refusal) throw new DomainError('INVALID_STATE', refusal, inputField('stage'));
  const vacancy = (await lockVacancy(run, application.vacancy_id))!;
  const entity = await setApplicationStage(em, viewer, application, input.stage);
  const nextStatus = vacancyStatusAfterStage(vacancy.status, input.stage);
  if (nextStatus !== vacancy.status) await setVacancyStatus(em, vacancy.id, nextStatus);
  if (input.stage === ApplicationStage.WITHDRAWN || input.stage === ApplicationStage.REJECTED) {
    await declinePendingOffers(em, [applicationId]);
  }
  await em.flush();
  recordAudit(em, viewer, { operation: 'moveApplication', unitCode: application.unit_code, targetId: entity.globalId, changes: input });
  return entity;
}

export async function makeOffer(em: EntityManager, viewer: Viewer, input: MakeOfferCommand): Promise<Offer> {
  const applicationId = keyOfGlobalId(input.applicationId, 'Application', inputField('applicationId'));
  const packageId = input.incentivePackageId ? keyOfGlobalId(input.incentivePackageId, 'IncentivePackage', inputField('incentivePackageId')) : null;
  if (!Number.isSafeInteger(input.monthlyPay) || input.monthlyPay <= 0) {
    throw new DomainError('BAD_USER_INPUT', 'monthlyPay must be a positive whole number of VND', inputField('monthlyPay'));
  }
  const offeredOn = dayOfStep(em, input.offeredOn, 'offeredOn');
  const run = sqlRunnerFor(em);
  const application = await lockApplication(run, applicationId, viewer);
  const refusal = offerRefusal(application.stage);
  if (refusal) throw new DomainError('INVALID_STATE', refusal, inputField('applicationId'));
  if (offeredOn < application.applied_on) throw new DomainError('BAD_USER_INPUT', 'offeredOn is before the application', inputField('offeredOn'));
  const open = await run<{ status: OfferStatus }>(`select status from offer where application_id = ? and status in ('PENDING', 'ACCEPTED')`, [applicationId]);
  if (open.length) throw new DomainError('CONFLICT', `The application already has a ${open[0].status} offer`, inputField('applicationId'));
  const vacancy = (await lockVacancy(run, application.vacancy_id))!;
  if (!isLiveVacancy(vacancy.status)) throw new DomainError('INVALID_STATE', `The vacancy is ${vacancy.status}`, inputField('applicationId'));
  assertUnitRecruits(vacancy, clockOf(em).today(), inputField('applicationId'));
  if (packageId) {
    const [found] = await run('select 1 from incentive_package where id = ?', [packageId]);
    if (!found) throw new DomainError('NOT_FOUND', 'No incentive package has that ID', inputField('incentivePackageId'));
  }
  const [median] = await privateMediansFor(run, [vacancy.position_id], offeredOn);
  const offer = newEntity(em, Offer, {
    application: em.getReference(Application, applicationId),
    monthlyPay: input.monthlyPay,
    incentivePackage: packageId ? em.getReference(IncentivePackage, packageId) : null,
    status: OfferStatus.PENDING,
    declineReason: null,
    payRatio: payRatio(input.monthlyPay, median?.p50 ?? null),
    offeredOn,
    decidedOn: null,
  });
  if (application.stage !== ApplicationStage.OFFER) await setApplicationStage(em, viewer, application, ApplicationStage.OFFER);
  const nextStatus = vacancyStatusAfterStage(vacancy.status, ApplicationStage.OFFER);
  if (nextStatus !== vacancy.status) await setVacancyStatus(em, vacancy.id, nextStatus);
  await em.flush();
  recordAudit(em, viewer, { operation: 'makeOffer', unitCode: application.unit_code, targetId: offer.globalId, changes: input });
  return offer;
}

export async function decideOffer(em: EntityManager, viewer: Viewer, input: DecideOfferCommand): Promise<Offer> {
  const offerId = keyOfGlobalId(input.offerId, 'Offer', inputField('offerId'));
  if (!input.accepted && !input.declineReason) throw new DomainError('BAD_USER_INPUT', 'A declined offer needs its declineReason', inputField('declineReason'));
  if (input.accepted && input.declineReason) throw new DomainError('BAD_USER_INPUT', 'An accepted offer has no declineReason', inputField('declineReason'));
  const run = sqlRunnerFor(em);
  const [row] = await run<{ id: string; status: OfferStatus; offered_on: string; application_id: string }>(
    'select id, status, offered_on, application_id from offer where id = ? for update',
    [offerId],
  );
  if (!row) throw new DomainError('NOT_FOUND', 'No offer has that ID', inputField('offerId'));
  const application = await lockApplication(run, String(row.application_id), viewer);
  if (row.status !== OfferStatus.PENDING) throw new DomainError('INVALID_STATE', `The offer was already ${row.status}`, inputField('offerId'));
  if (application.stage !== ApplicationStage.OFFER) throw new DomainError('INVALID_STATE', `The application is ${application.stage}`, inputField('offerId'));
  const decidedOn = dayOfStep(em, input.decidedOn, 'decidedOn');
  if (decidedOn < row.offered_on) throw new DomainError('BAD_USER_INPUT', 'decidedOn is before the offer was made', inputField('decidedOn'));
  const offer = await em.findOneOrFail(Offer, offerId);
  offer.status = input.accepted ? OfferStatus.ACCEPTED : OfferStatus.DECLINED;
  offer.declineReason = input.accepted ? null : input.declineReason!;
  offer.decidedOn = decidedOn;
  await em.flush();
  recordAudit(em, viewer, { operation: 'decideOffer', unitCode: application.unit_code, targetId: offer.globalId, changes: input });
  return offer;
}

/**
 * Hires the candidate of an application with an ACCEPTED offer: a new Person with the
 * candidate's competencies, a PRIMARY assignment under the establishment rule, the application
 * HIRED and the vacancy FILLED — all in the caller's transaction, so a refusal leaves nothing.
 */
export async function hireCandidate(em: EntityManager, viewer: Viewer, input: { applicationId: string; startDate: string }): Promise<{ assignment: Assignment; filledVacancyId: string }> {
  const applicationId = keyOfGlobalId(input.applicationId, 'Application', inputField('applicationId'));
  const run = sqlRunnerFor(em);
  const application = await lockApplication(run, applicationId, viewer);
  if (application.stage !== ApplicationStage.OFFER) throw new DomainError('INVALID_STATE', `Only an application at OFFER can be hired; it is ${application.stage}`, inputField('applicationId'));
  const accepted = await run(`select 1 from offer where application_id = ? and status = 'ACCEPTED'`, [applicationId]);
  if (!accepted.length) throw new DomainError('INVALID_STATE', 'The application has no ACCEPTED offer', inputField('applicationId'));
  const vacancy = (await lockVacancy(run, application.vacancy_id))!;
  if (vacancy.status === VacancyStatus.FILLED || vacancy.status === VacancyStatus.CANCELLED) {
    throw new DomainError('INVALID_STATE', `The vacancy is already ${vacancy.status}`, inputField('applicationId'));
  }
  if (input.startDate < vacancy.opened_on) throw new DomainError('BAD_USER_INPUT', `startDate is before the vacancy opened (${vacancy.opened_on})`, inputField('startDate'));
  const [candidate] = await run<{ full_name: string }>('select full_name from candidate where id = ?', [application.candidate_id]);
  const competencies = await run<{ competencyId: string; level: number }>(
    'select competency_id::text as "competencyId", level from candidate_competency where candidate_id = ? order by competency_id',
    [application.candidate_id],
  );
  const [personId] = await insertPeople(
    run,
    [{ fullName: candidate.full_name, birthYear: null, homeUnitId: String(vacancy.unit_id), competencies }],
    CompetencySource.HIRE,
    clockOf(em).today(),
  );
  // This vacancy is the one the hire fills: no longer live when the seat is taken, so that the
  // vacancy rule fills another only if the position still has more live vacancies than seats.
  await run(`update vacancy set status = 'FILLED', filled_on = ? where id = ?`, [input.startDate, vacancy.id]);
  const taken = await takeSeat(em, { personId, positionId: String(vacancy.position_id), kind: AssignmentKind.PRIMARY, startDate: input.startDate }, {
    startDate: inputField('startDate'), positionId: inputField('applicationId'), kind: inputField('startDate'), quota: inputField('startDate'),
  });
  await run(`update vacancy set filled_by_assignment_id = ? where id = ?`, [taken.assignmentId, vacancy.id]);
  await setApplicationStage(em, viewer, application, ApplicationStage.HIRED);
  await closeLiveApplications(em, vacancy.id, 'the vacancy was filled by another candidate\'s hire', application.id);
  await em.flush();
  const assignment = await em.findOneOrFail(Assignment, taken.assignmentId);
  recordAudit(em, viewer, { operation: 'hireCandidate', unitCode: vacancy.unit_code, targetId: assignment.globalId, changes: input });
  return { assignment, filledVacancyId: String(vacancy.id) };
}
