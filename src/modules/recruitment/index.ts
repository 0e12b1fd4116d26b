/** The public surface of the recruitment module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { Application, ApplicationStageChange } from './application.entity';
export { applicationById, offerById } from './application.queries';
export { ApplicationResolver, OfferResolver } from './application.resolver';
export { CandidateCompetency } from './candidate-competency.entity';
export { Candidate } from './candidate.entity';
export { CandidateResolver } from './candidate.resolver';
export { candidateById, candidateVisible } from './candidate.service';
export { Offer } from './offer.entity';
export { CandidateMatchResolver, PlacementSuggestionResolver, RecruitmentAnalyticsResolver } from './recruitment-analytics.resolver';
export { Vacancy } from './vacancy.entity';
export { VacancyResolver } from './vacancy.resolver';
export { vacancyById } from './vacancy.service';
