/** The public surface of the recruitment module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { Application, ApplicationStageChange } from './application.entity';
export { applicationById, offerById } from './application-reads.service';
export { ApplicationResolver, OfferResolver } from './application.resolver';
export { CandidateCompetency } from './candidate-competency.entity';
export { Candidate } from './candidate.entity';
export { CandidateResolver } from './candidate.resolver';
export { candidateById, candidateVisible } from './candidate.service';
export { Offer } from './offer.entity';
export { CandidateMatchResolver, PlacementSuggestionResolver, RecruitmentAnalyticsResolver } from './recruitment-analytics.resolver';
export { Vacancy } from './vacancy.entity';
export { AssignmentPayloadVacancyResolver, VacancyResolver } from './vacancy.resolver';
// Registers the vacancy rule with staffing's take-a-seat command (staffing cannot import this module).
export { fillVacanciesForSeats } from './vacancy-seats';
export { vacancyById } from './vacancy.service';
