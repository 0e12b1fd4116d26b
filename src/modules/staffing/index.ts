/** The public surface of the staffing module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { assignmentActiveDuring, assignmentActiveOn, assignmentNotEndedBefore, assignmentRunningInto, assignmentStraddles, freeSeatsOn } from './assignment-dates.sql';
export { Assignment } from './assignment.entity';
export { AssignmentPayload, AssignmentResolver } from './assignment.resolver';
export { assignmentById } from './assignment.service';
export { EstablishmentQuota } from './establishment-quota.entity';
export { quotaLeftForGroups } from './establishment-rule';
export { PositionRequirement } from './position-requirement.entity';
export { JobGrade, Position } from './position.entity';
export { PositionResolver } from './position.resolver';
export { positionById, positionInViewerScope } from './position.service';
export { QuotaResolver } from './quota.resolver';
export { RosterImportResolver } from './roster-import.resolver';
export { SeatRefusal, SeatTaken, SeatToTake, VacancyRule, checkSeats, insertSeats, registerVacancyRule, takeSeat } from './seat';
export { PlacementFitResolver, SkillGapResolver, StaffingGapResolver } from './staffing-analytics.resolver';
export { OrgUnitStaffingResolver, PersonStaffingResolver } from './staffing-of.resolver';
