import { AuditEvent } from '../modules/audit/audit-event.entity';
import { BaseSalary } from '../modules/attraction/base-salary.entity';
import { IncentivePackage } from '../modules/attraction/incentive-package.entity';
import { SalaryBenchmark } from '../modules/attraction/salary-benchmark.entity';
import { OrgUnit } from '../modules/org/org-unit.entity';
import { Competency } from '../modules/people/competency.entity';
import { CandidateCompetency, PersonCompetency, PositionRequirement } from '../modules/people/competency-level';
import { Person } from '../modules/people/person.entity';
import { Application, ApplicationStageChange } from '../modules/recruitment/application.entity';
import { Candidate } from '../modules/recruitment/candidate.entity';
import { Offer } from '../modules/recruitment/offer.entity';
import { Vacancy } from '../modules/recruitment/vacancy.entity';
import { PolicyScenario } from '../modules/simulation/policy-scenario.entity';
import { Assignment } from '../modules/staffing/assignment.entity';
import { EstablishmentQuota } from '../modules/staffing/establishment-quota.entity';
import { Position } from '../modules/staffing/position.entity';
import { WorkloadComponent } from '../modules/workload/workload-component.entity';

/** Every entity, listed explicitly: no folder scanning, so the compiled and the ts-jest builds agree. */
export const entities = [
  OrgUnit, EstablishmentQuota, Competency, Position, PositionRequirement, Person, PersonCompetency,
  Assignment, BaseSalary, SalaryBenchmark, IncentivePackage, Vacancy, Candidate, CandidateCompetency,
  Application, ApplicationStageChange, Offer, PolicyScenario, WorkloadComponent, AuditEvent,
];
