import { ApplicationStage, VacancyStatus } from '../../graphql/enums';

/**
 * The recruitment state machines, in one place.
 *
 * Applications: APPLIED → SCREENING → INTERVIEW → OFFER, then HIRED through hireCandidate only.
 * REJECTED or WITHDRAWN from any live stage. HIRED, REJECTED and WITHDRAWN are final.
 * Vacancies: OPEN → INTERVIEWING (an application reaches INTERVIEW) → OFFERED (an offer is made)
 * → FILLED (a hire); CANCELLED from any live status; OFFERED → back to INTERVIEWING or OPEN when
 * its offers were declined (reopenVacancy).
 */
export const LIVE_STAGES: readonly ApplicationStage[] = [ApplicationStage.APPLIED, ApplicationStage.SCREENING, ApplicationStage.INTERVIEW, ApplicationStage.OFFER];
export const FINAL_STAGES: readonly ApplicationStage[] = [ApplicationStage.HIRED, ApplicationStage.REJECTED, ApplicationStage.WITHDRAWN];
/** Stages in which a candidate is still in the running for placement planning. */
export const PLACEABLE_STAGES: readonly ApplicationStage[] = [ApplicationStage.APPLIED, ApplicationStage.SCREENING, ApplicationStage.INTERVIEW];

const NEXT_STAGE: Partial<Record<ApplicationStage, ApplicationStage>> = {
  [ApplicationStage.APPLIED]: ApplicationStage.SCREENING,
  [ApplicationStage.SCREENING]: ApplicationStage.INTERVIEW,
  [ApplicationStage.INTERVIEW]: ApplicationStage.OFFER,
};

/** Why a move from one stage to another is not allowed, or null when it is. */
export function stageMoveRefusal(from: ApplicationStage, to: ApplicationStage): string | null {
  if (to === ApplicationStage.HIRED) return 'HIRED is reached only through hireCandidate';
  if (FINAL_STAGES.includes(from)) return `The application is ${from}; that is final`;
  if (from === to) return `The application is already ${from}`;
  if (to === ApplicationStage.REJECTED || to === ApplicationStage.WITHDRAWN) return null;
  if (to === ApplicationStage.OFFER) return 'An application reaches OFFER when an offer is made (makeOffer)';
  if (NEXT_STAGE[from] !== to) return `An application moves ${from} → ${NEXT_STAGE[from] ?? 'nowhere but REJECTED or WITHDRAWN'}, not to ${to}`;
  return null;
}

export const LIVE_VACANCY: readonly VacancyStatus[] = [VacancyStatus.OPEN, VacancyStatus.INTERVIEWING, VacancyStatus.OFFERED];

/** The vacancy status once one of its applications reaches `stage`; unchanged when it does not move the vacancy on. */
export function vacancyStatusAfterStage(current: VacancyStatus, stage: ApplicationStage): VacancyStatus {
  if (stage === ApplicationStage.INTERVIEW && current === VacancyStatus.OPEN) return VacancyStatus.INTERVIEWING;
  if (stage === ApplicationStage.OFFER && (current === VacancyStatus.OPEN || current === VacancyStatus.INTERVIEWING)) return VacancyStatus.OFFERED;
  return current;
}
