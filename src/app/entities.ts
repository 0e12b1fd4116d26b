import { AuditEvent } from '../modules/audit';
import { BaseSalary, IncentivePackage, SalaryBenchmark } from '../modules/attraction';
import { OrgUnit } from '../modules/org';
import { Competency, PersonCompetency, Person } from '../modules/people';
import { PositionRequirement, Assignment, EstablishmentQuota, Position } from '../modules/staffing';
import { CandidateCompetency, Application, ApplicationStageChange, Candidate, Offer, Vacancy } from '../modules/recruitment';
import { PolicyScenario } from '../modules/simulation';
import { WorkloadComponent } from '../modules/workload';

/** Every entity, listed explicitly: no folder scanning, so the compiled and the ts-jest builds agree. */
export const entities = [
  OrgUnit, EstablishmentQuota, Competency, Position, PositionRequirement, Person, PersonCompetency,
  Assignment, BaseSalary, SalaryBenchmark, IncentivePackage, Vacancy, Candidate, CandidateCompetency,
  Application, ApplicationStageChange, Offer, PolicyScenario, WorkloadComponent, AuditEvent,
];
