/** The public surface of the people module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { CompetencyLevel, CompetencyLevelInput, PersonCompetency } from './competency-level';
export { Competency } from './competency.entity';
export { CompetencyLevelResolver, CompetencyResolver } from './competency.resolver';
export { MAX_LEVEL, MIN_LEVEL, collectCompetencyLevels, competencyById, levelOf } from './competency.service';
export { Person } from './person.entity';
export { PersonResolver } from './person.resolver';
export { personById, personVisible } from './person.service';
export { ProfileInput, checkProfile, profileProblems } from './profile';
export { peopleInSubtree } from './person.sql';
