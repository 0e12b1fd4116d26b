import { registerEnumType } from 'type-graphql';
import { fragment, SqlFragment } from '../shared/sql';

/** The enum object graphqlEnum makes: each name stands for itself. */
type SelfNamed<Name extends string> = { readonly [Value in Name]: Value };

/** The union of an enum object's values: the type that goes with a graphqlEnum of the same name. */
export type EnumValue<Enum> = Enum[keyof Enum];

/**
 * A string enum whose values are its names, registered with type-graphql as `name`: the names
 * are written once, not as `NAME = 'NAME'` each, and the registration sits with the list. Give
 * the names as a list, or as an object from each name to that value's description.
 */
function graphqlEnum<const Names extends readonly string[]>(name: string, description: string, names: Names): SelfNamed<Names[number]>;
function graphqlEnum<const Described extends Record<string, string>>(name: string, description: string, described: Described): SelfNamed<keyof Described & string>;
function graphqlEnum(name: string, description: string, names: readonly string[] | Record<string, string>): Record<string, string> {
  const list = Array.isArray(names) ? names : Object.keys(names);
  const values = Object.freeze(Object.fromEntries(list.map((value) => [value, value])));
  if (Array.isArray(names)) {
    registerEnumType(values, { name, description });
  } else {
    const valuesConfig = Object.fromEntries(Object.entries(names).map(([value, valueDescription]) => [value, { description: valueDescription }]));
    registerEnumType(values, { name, description, valuesConfig });
  }
  return values;
}

/** Kinds of administrative unit; the hierarchy itself has no fixed depth. */
export const OrgUnitKind = graphqlEnum('OrgUnitKind', 'Kind of administrative unit (tỉnh, quận/huyện, phường/xã, sở/ban/ngành …).', [
  'NATION', 'PROVINCE', 'CITY', 'DISTRICT', 'WARD', 'COMMUNE', 'TOWNSHIP', 'DEPARTMENT', 'AGENCY', 'PUBLIC_SERVICE_UNIT',
]);
export type OrgUnitKind = EnumValue<typeof OrgUnitKind>;
/** công chức, viên chức, hợp đồng. */
export const StaffCategory = graphqlEnum('StaffCategory', 'Staff category: công chức (CIVIL_SERVANT), viên chức (PUBLIC_EMPLOYEE), hợp đồng (CONTRACT).', [
  'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'CONTRACT',
]);
export type StaffCategory = EnumValue<typeof StaffCategory>;
export const Seniority = graphqlEnum('Seniority', 'Seniority band of a position or salary benchmark.', [
  'JUNIOR', 'MID', 'SENIOR', 'LEAD',
]);
export type Seniority = EnumValue<typeof Seniority>;
export const RoleFamily = graphqlEnum('RoleFamily', 'Job family; every family except GENERAL_ADMINISTRATION is IT-specialist work.', [
  'SOFTWARE_ENGINEER', 'DATA_SCIENTIST', 'AI_ENGINEER', 'INFORMATION_SECURITY', 'NETWORK_ENGINEER', 'SYSTEM_ADMINISTRATOR', 'IT_SUPPORT', 'DIGITAL_TRANSFORMATION_OFFICER', 'GENERAL_ADMINISTRATION',
]);
export type RoleFamily = EnumValue<typeof RoleFamily>;
/** The one place that says which role families are IT-specialist work. */
export function isItRoleFamily(family: RoleFamily): boolean {
  return family !== RoleFamily.GENERAL_ADMINISTRATION;
}
export const AssignmentKind = graphqlEnum('AssignmentKind', 'PRIMARY: the person\'s own job (chính thức). CONCURRENT: a seat covered next to it (kiêm nhiệm).', [
  'PRIMARY', 'CONCURRENT',
]);
export type AssignmentKind = EnumValue<typeof AssignmentKind>;
export const Sector = graphqlEnum('Sector', 'Public or private sector.', [
  'PUBLIC', 'PRIVATE',
]);
export type Sector = EnumValue<typeof Sector>;
export const Sex = graphqlEnum('Sex', 'Sex as recorded on the citizen identity card (personal data).', [
  'MALE', 'FEMALE',
]);
export type Sex = EnumValue<typeof Sex>;
export const CompetencySource = graphqlEnum('CompetencySource', 'How a competency level came to be recorded.', [
  'TRAINING', 'CERTIFICATE', 'ASSESSMENT', 'IMPORT', 'HIRE',
]);
export type CompetencySource = EnumValue<typeof CompetencySource>;
export const SeparationReason = graphqlEnum('SeparationReason', 'Why an assignment ended: nghỉ hưu, thôi việc, luân chuyển/điều động, sắp xếp tổ chức, kỷ luật, từ trần, hết hợp đồng.', [
  'RETIREMENT', 'RESIGNATION', 'TRANSFER', 'REORGANISATION', 'DISMISSAL', 'DEATH', 'CONTRACT_END', 'OTHER',
]);
export type SeparationReason = EnumValue<typeof SeparationReason>;
export const VacancyStatus = graphqlEnum('VacancyStatus', 'Life cycle of a vacancy: OPEN → INTERVIEWING → OFFERED → FILLED, or CANCELLED.', [
  'OPEN', 'INTERVIEWING', 'OFFERED', 'FILLED', 'CANCELLED',
]);
export type VacancyStatus = EnumValue<typeof VacancyStatus>;
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
export const DaysOpenBand = graphqlEnum('DaysOpenBand', 'How long a vacancy has been open (until today, or until it was filled or cancelled), in calendar months.', {
  UNDER_3_MONTHS: 'Less than 3 months.',
  FROM_3_TO_6_MONTHS: '3 months or more, less than 6.',
  FROM_6_TO_9_MONTHS: '6 months or more, less than 9.',
  FROM_9_TO_12_MONTHS: '9 months or more, less than 12.',
  OVER_12_MONTHS: '12 months or more.',
});
export type DaysOpenBand = EnumValue<typeof DaysOpenBand>;
export const ApplicationStage = graphqlEnum('ApplicationStage', 'Stage of an application in the recruitment pipeline.', [
  'APPLIED', 'SCREENING', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN',
]);
export type ApplicationStage = EnumValue<typeof ApplicationStage>;
export const OfferStatus = graphqlEnum('OfferStatus', 'Decision on an offer.', [
  'PENDING', 'ACCEPTED', 'DECLINED',
]);
export type OfferStatus = EnumValue<typeof OfferStatus>;
export const DeclineReason = graphqlEnum('DeclineReason', 'Why a candidate declined an offer.', [
  'PAY', 'LOCATION', 'WORKLOAD', 'CAREER', 'OTHER',
]);
export type DeclineReason = EnumValue<typeof DeclineReason>;

/** Where a rate came from: given by the caller, observed in the history, or the default. */
export const RateSource = graphqlEnum('RateSource', 'GIVEN by the caller, OBSERVED in the last three years, or the DEFAULT (0) when there is no history.', [
  'GIVEN', 'OBSERVED', 'DEFAULT',
]);
export type RateSource = EnumValue<typeof RateSource>;

export const Role = graphqlEnum('Role', 'Access role carried by the token.', {
  ADMIN: 'Everything, everywhere.',
  HR_OFFICER: 'Reads and writes everything in their unit\'s subtree, personal data included.',
  POLICYMAKER: 'Reads aggregates, positions, vacancies, benchmarks, packages and workload in their subtree; manages packages, benchmarks and scenarios; never personal data.',
  ANALYST: 'Reads aggregates in their subtree, nothing else.',
});
export type Role = EnumValue<typeof Role>;
