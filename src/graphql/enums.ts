import { registerEnumType } from 'type-graphql';
import { fragment, SqlFragment } from '../shared/sql';

/** Kinds of administrative unit; the hierarchy itself has no fixed depth. */
export enum OrgUnitKind {
  NATION = 'NATION',
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  WARD = 'WARD',
  COMMUNE = 'COMMUNE',
  TOWNSHIP = 'TOWNSHIP',
  DEPARTMENT = 'DEPARTMENT',
  AGENCY = 'AGENCY',
  PUBLIC_SERVICE_UNIT = 'PUBLIC_SERVICE_UNIT',
}
/** công chức, viên chức, hợp đồng. */
export enum StaffCategory {
  CIVIL_SERVANT = 'CIVIL_SERVANT',
  PUBLIC_EMPLOYEE = 'PUBLIC_EMPLOYEE',
  CONTRACT = 'CONTRACT',
}
export enum Seniority {
  JUNIOR = 'JUNIOR',
  MID = 'MID',
  SENIOR = 'SENIOR',
  LEAD = 'LEAD',
}
export enum RoleFamily {
  SOFTWARE_ENGINEER = 'SOFTWARE_ENGINEER',
  DATA_SCIENTIST = 'DATA_SCIENTIST',
  AI_ENGINEER = 'AI_ENGINEER',
  INFORMATION_SECURITY = 'INFORMATION_SECURITY',
  NETWORK_ENGINEER = 'NETWORK_ENGINEER',
  SYSTEM_ADMINISTRATOR = 'SYSTEM_ADMINISTRATOR',
  IT_SUPPORT = 'IT_SUPPORT',
  DIGITAL_TRANSFORMATION_OFFICER = 'DIGITAL_TRANSFORMATION_OFFICER',
  GENERAL_ADMINISTRATION = 'GENERAL_ADMINISTRATION',
}
/** The one place that says which role families are IT-specialist work. */
export function isItRoleFamily(family: RoleFamily): boolean {
  return family !== RoleFamily.GENERAL_ADMINISTRATION;
}
export enum AssignmentKind {
  PRIMARY = 'PRIMARY',
  CONCURRENT = 'CONCURRENT',
}
export enum Sector {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}
export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
export enum CompetencySource {
  TRAINING = 'TRAINING',
  CERTIFICATE = 'CERTIFICATE',
  ASSESSMENT = 'ASSESSMENT',
  IMPORT = 'IMPORT',
  HIRE = 'HIRE',
}
export enum SeparationReason {
  RETIREMENT = 'RETIREMENT',
  RESIGNATION = 'RESIGNATION',
  TRANSFER = 'TRANSFER',
  REORGANISATION = 'REORGANISATION',
  DISMISSAL = 'DISMISSAL',
  DEATH = 'DEATH',
  CONTRACT_END = 'CONTRACT_END',
  OTHER = 'OTHER',
}
export enum VacancyStatus {
  OPEN = 'OPEN',
  INTERVIEWING = 'INTERVIEWING',
  OFFERED = 'OFFERED',
  FILLED = 'FILLED',
  CANCELLED = 'CANCELLED',
}
/**
 * Statuses in which a vacancy still waits for someone: a live vacancy. The one home of the rule,
 * kept with its enum because staffing (the gap's openVacancies) sits below recruitment.
 */
export const LIVE_VACANCY_STATUSES: readonly VacancyStatus[] = [VacancyStatus.OPEN, VacancyStatus.INTERVIEWING, VacancyStatus.OFFERED];

export function isLiveVacancy(status: string): boolean {
  return (LIVE_VACANCY_STATUSES as readonly string[]).includes(status);
}

/** The vacancy `alias` is live, as SQL (the statuses are code constants, written as literals so partial indexes and plans see them). */
export function liveVacancySql(alias: string): SqlFragment {
  return fragment(`${alias}.status in (${LIVE_VACANCY_STATUSES.map((status) => `'${status}'`).join(', ')})`);
}
/** How long a vacancy has been (or was) open, in calendar months: the bands HR vacancy reports use. */
export enum DaysOpenBand {
  UNDER_3_MONTHS = 'UNDER_3_MONTHS',
  FROM_3_TO_6_MONTHS = 'FROM_3_TO_6_MONTHS',
  FROM_6_TO_9_MONTHS = 'FROM_6_TO_9_MONTHS',
  FROM_9_TO_12_MONTHS = 'FROM_9_TO_12_MONTHS',
  OVER_12_MONTHS = 'OVER_12_MONTHS',
}
export enum ApplicationStage {
  APPLIED = 'APPLIED',
  SCREENING = 'SCREENING',
  INTERVIEW = 'INTERVIEW',
  OFFER = 'OFFER',
  HIRED = 'HIRED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
export enum OfferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
export enum DeclineReason {
  PAY = 'PAY',
  LOCATION = 'LOCATION',
  WORKLOAD = 'WORKLOAD',
  CAREER = 'CAREER',
  OTHER = 'OTHER',
}
export enum Role {
  ADMIN = 'ADMIN',
  HR_OFFICER = 'HR_OFFICER',
  POLICYMAKER = 'POLICYMAKER',
  ANALYST = 'ANALYST',
}

/** Where a rate came from: given by the caller, observed in the history, or the default. */
export enum RateSource {
  GIVEN = 'GIVEN',
  OBSERVED = 'OBSERVED',
  DEFAULT = 'DEFAULT',
}

registerEnumType(OrgUnitKind, { name: 'OrgUnitKind', description: 'Kind of administrative unit (tỉnh, quận/huyện, phường/xã, sở/ban/ngành …).' });
registerEnumType(StaffCategory, { name: 'StaffCategory', description: 'Staff category: công chức (CIVIL_SERVANT), viên chức (PUBLIC_EMPLOYEE), hợp đồng (CONTRACT).' });
registerEnumType(Seniority, { name: 'Seniority', description: 'Seniority band of a position or salary benchmark.' });
registerEnumType(RoleFamily, { name: 'RoleFamily', description: 'Job family; every family except GENERAL_ADMINISTRATION is IT-specialist work.' });
registerEnumType(AssignmentKind, { name: 'AssignmentKind', description: 'PRIMARY: the person\'s own job (chính thức). CONCURRENT: a seat covered next to it (kiêm nhiệm).' });
registerEnumType(Sector, { name: 'Sector', description: 'Public or private sector.' });
registerEnumType(Sex, { name: 'Sex', description: 'Sex as recorded on the citizen identity card (personal data).' });
registerEnumType(CompetencySource, { name: 'CompetencySource', description: 'How a competency level came to be recorded.' });
registerEnumType(SeparationReason, { name: 'SeparationReason', description: 'Why an assignment ended: nghỉ hưu, thôi việc, luân chuyển/điều động, sắp xếp tổ chức, kỷ luật, từ trần, hết hợp đồng.' });
registerEnumType(VacancyStatus, { name: 'VacancyStatus', description: 'Life cycle of a vacancy: OPEN → INTERVIEWING → OFFERED → FILLED, or CANCELLED.' });
registerEnumType(DaysOpenBand, {
  name: 'DaysOpenBand',
  description: 'How long a vacancy has been open (until today, or until it was filled or cancelled), in calendar months.',
  valuesConfig: {
    UNDER_3_MONTHS: { description: 'Less than 3 months.' },
    FROM_3_TO_6_MONTHS: { description: '3 months or more, less than 6.' },
    FROM_6_TO_9_MONTHS: { description: '6 months or more, less than 9.' },
    FROM_9_TO_12_MONTHS: { description: '9 months or more, less than 12.' },
    OVER_12_MONTHS: { description: '12 months or more.' },
  },
});
registerEnumType(ApplicationStage, { name: 'ApplicationStage', description: 'Stage of an application in the recruitment pipeline.' });
registerEnumType(OfferStatus, { name: 'OfferStatus', description: 'Decision on an offer.' });
registerEnumType(DeclineReason, { name: 'DeclineReason', description: 'Why a candidate declined an offer.' });
registerEnumType(Role, {
  name: 'Role',
  description: 'Access role carried by the token.',
  valuesConfig: {
    ADMIN: { description: 'Everything, everywhere.' },
    HR_OFFICER: { description: 'Reads and writes everything in their unit\'s subtree, personal data included.' },
    POLICYMAKER: { description: 'Reads aggregates, positions, vacancies, benchmarks, packages and workload in their subtree; manages packages, benchmarks and scenarios; never personal data.' },
    ANALYST: { description: 'Reads aggregates in their subtree, nothing else.' },
  },
});
registerEnumType(RateSource, { name: 'RateSource', description: 'GIVEN by the caller, OBSERVED in the last three years, or the DEFAULT (0) when there is no history.' });
