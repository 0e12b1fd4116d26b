/** The public surface of the org module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { OrgUnit } from './org-unit.entity';
export { CreateOrgUnitInput, OrgUnitPayload, OrgUnitResolver } from './org-unit.resolver';
export { CreateOrgUnitCommand, checkNewOrgUnit, insertOrgUnit, lockUnitForWrite, openEndedRefusal, requireUnitForQuery, unitById } from './org-unit.service';
export { orgUnitsByIds } from './org-unit.sql';
export { scopeUnitsDuringSql, scopeUnitsSql } from './unit-scope.sql';
export { unitNotEndedBefore, unitOpenDuring, unitOpenEnded, unitOpenOn } from './unit-dates.sql';
