import { ApplicationStage, VacancyStatus } from '../../graphql/enums';
import { fragment, type SqlFragment } from '../../shared/sql';

/**
 * The recruitment state machines, in one place.
 *
 * Applications move forward only, along APPLIED → SCREENING → INTERVIEW → OFFER, and may skip
 * stages (APPLIED → INTERVIEW; an offer straight from APPLIED or SCREENING, as a direct intake —
 * tiếp nhận, xét tuyển đặc cách — allows). OFFER is reached only through makeOffer, HIRED only
 * through hireCandidate. REJECTED or WITHDRAWN from any live stage. HIRED, REJECTED and WITHDRAWN
 * are final. A move to the stage the application is already at is refused, so that every
 * recorded stage change is a real one.
 * Vacancies: OPEN → INTERVIEWING (an application reaches INTERVIEW) → OFFERED (an offer is made)
 * → FILLED (a hire); CANCELLED from any live status; OFFERED → back to INTERVIEWING or OPEN when
 * its offers were declined (reopenVacancy). Which vacancies are live is graphql/enums.ts's rule.
 */
export const LIVE_STAGES: readonly ApplicationStage[] = [ApplicationStage.APPLIED, ApplicationStage.SCREENING, ApplicationStage.INTERVIEW, ApplicationStage.OFFER];
export const FINAL_STAGES: readonly ApplicationStage[] = [ApplicationStage.HIRED, ApplicationStage.REJECTED, ApplicationStage.WITHDRAWN];
/** Stages in which a candidate is still in the running for placement planning. */
export const PLACEABLE_STAGES: readonly ApplicationStage[] = [ApplicationStage.APPLIED, ApplicationStage.SCREENING, ApplicationStage.INTERVIEW];

/**
 * Live vacancies with no offer out: the ones a placement plan may fill, and the ones an offer
 * moves to OFFERED. An OFFERED vacancy waits for its candidate's answer.
 */
export const PLACEABLE_VACANCY_STATUSES: readonly VacancyStatus[] = [VacancyStatus.OPEN, VacancyStatus.INTERVIEWING];

export function isPlaceableVacancy(status: VacancyStatus): boolean {
  return PLACEABLE_VACANCY_STATUSES.includes(status);
}

/** The vacancy `alias` is placeable, as SQL (literals, as liveVacancySql writes them, so plans see them). */
export function placeableVacancySql(alias: string): SqlFragment {
  return fragment(`${alias}.status in (${PLACEABLE_VACANCY_STATUSES.map((status) => `'${status}'`).join(', ')})`);
}

/** Why a move from one stage to another is not allowed, or null when it is. */
export function stageMoveRefusal(from: ApplicationStage, to: ApplicationStage): string | null {
  if (to === ApplicationStage.HIRED) return 'HIRED is reached only through hireCandidate';
  if (FINAL_STAGES.includes(from)) return `The application is ${from}; that is final`;
  if (from === to) return `The application is already ${from}`;
  if (to === ApplicationStage.REJECTED || to === ApplicationStage.WITHDRAWN) return null;
  if (to === ApplicationStage.OFFER) return 'An application reaches OFFER when an offer is made (makeOffer)';
  if (LIVE_STAGES.indexOf(to) < LIVE_STAGES.indexOf(from)) {
    return `An application moves only forward: it is at ${from}, which comes after ${to}`;
  }
  return null;
}

/** Why an offer cannot be made on an application at `stage`, or null when it can: any live stage (at OFFER, a new offer after a declined one). */
export function offerRefusal(stage: ApplicationStage): string | null {
  return LIVE_STAGES.includes(stage) ? null : `The application is ${stage}; that is final, so it takes no offer`;
}

/** The vacancy status once one of its applications reaches `stage`; unchanged when it does not move the vacancy on. */
export function vacancyStatusAfterStage(current: VacancyStatus, stage: ApplicationStage): VacancyStatus {
  if (stage === ApplicationStage.INTERVIEW && current === VacancyStatus.OPEN) return VacancyStatus.INTERVIEWING;
  if (stage === ApplicationStage.OFFER && isPlaceableVacancy(current)) return VacancyStatus.OFFERED;
  return current;
}
