/** The public surface of the people module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { registerAssignmentActiveRule } from './assignment-rule';
export { CompetencyLevel, CompetencyLevelInput, CompetencyRecord, PersonCompetency } from './competency-level';
export { Competency } from './competency.entity';
export { CompetencyLevelResolver, CompetencyRecordResolver, CompetencyResolver } from './competency.resolver';
export { MAX_LEVEL, MIN_LEVEL, collectCompetencyLevels, competencyById, levelOf } from './competency.service';
export { Person } from './person.entity';
export { NewPersonFields, PersonResolver } from './person.resolver';
export { personById, personVisible } from './person.service';
export { peopleInSubtree, personInSubtrees } from './person.sql';
export { IdentityInput, NATIONAL_ID_PATTERN, ProfileInput, assertNationalIdFree, birthYearOf, checkProfile, identityProblems, profileProblems } from './profile.service';
export { LevelRecord, NewPerson, insertPeople, recordLevels } from './person.write';
