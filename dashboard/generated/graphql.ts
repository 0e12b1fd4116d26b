/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, ISO 8601 in UTC, e.g. "2026-01-31T08:00:00.000Z". */
  DateTime: { input: string; output: string; }
  /** A calendar date, "YYYY-MM-DD" (ISO 8601), with no time zone. */
  LocalDate: { input: string; output: string; }
  /** An amount of Vietnamese dong: a whole number, sent as a JSON number (safe integer). */
  VND: { input: number; output: number; }
};

/** p(accept) = 1 / (1 + exp(-(intercept + slope × ln(payRatio)))). Default intercept 0, slope 4; fitted by maximum likelihood on 20 or more decided offers in scope that have a payRatio. */
export type AcceptanceModel = {
  __typename?: 'AcceptanceModel';
  /** Decided offers (ACCEPTED or DECLINED) with a payRatio in scope; 0 when there are none. */
  fittedOn: Scalars['Int']['output'];
  /** Intercept of the logistic model. */
  intercept: Scalars['Float']['output'];
  /** Why the DEFAULT model is used: too few offers, separable outcomes, or a fit that did not converge; null when FITTED. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Slope on ln(payRatio). */
  slope: Scalars['Float']['output'];
  /** FITTED when estimated from the offers, DEFAULT otherwise. */
  source: Scalars['String']['output'];
};

/** A candidate's application to a vacancy. */
export type Application = Node & {
  __typename?: 'Application';
  /** Day the application arrived. */
  appliedOn: Scalars['LocalDate']['output'];
  /** Who applied. */
  candidate: Candidate;
  /** Every stage change, oldest first. */
  history: Array<StageChange>;
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** Offers made on this application, oldest first. */
  offers: Array<Offer>;
  /** Current stage. */
  stage: ApplicationStage;
  /** The vacancy applied to. */
  vacancy: Vacancy;
};

/** Result of a mutation on an application. */
export type ApplicationPayload = {
  __typename?: 'ApplicationPayload';
  /** The application, when the mutation succeeded. */
  application?: Maybe<Application>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** Stage of an application in the recruitment pipeline. */
export type ApplicationStage =
  | 'APPLIED'
  | 'HIRED'
  | 'INTERVIEW'
  | 'OFFER'
  | 'REJECTED'
  | 'SCREENING'
  | 'WITHDRAWN';

/** A candidate applies to a vacancy. */
export type ApplyInput = {
  /** Day the application arrived; not before the vacancy opened, not in the future. */
  appliedOn: Scalars['LocalDate']['input'];
  /** The candidate. */
  candidateId: Scalars['ID']['input'];
  /** The vacancy (OPEN, INTERVIEWING or OFFERED). */
  vacancyId: Scalars['ID']['input'];
};

/** Puts a person in a seat of a position from a date. */
export type AssignPersonInput = {
  /** PRIMARY (checked against the establishment quota) or CONCURRENT. */
  kind: AssignmentKind;
  /** The person. */
  personId: Scalars['ID']['input'];
  /** The position. */
  positionId: Scalars['ID']['input'];
  /** First day of the assignment. */
  startDate: Scalars['LocalDate']['input'];
};

/** A person holding a seat of a position, as PRIMARY job or CONCURRENT post (kiêm nhiệm). */
export type Assignment = Node & {
  __typename?: 'Assignment';
  /** Where a leaver went, when known. */
  destinationSector?: Maybe<Sector>;
  /** Last day of the assignment; null while open-ended. */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Why it ended (transferPerson: TRANSFER, reorganizeUnits: REORGANISATION); null while open or when not recorded. */
  endReason?: Maybe<SeparationReason>;
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** PRIMARY or CONCURRENT. */
  kind: AssignmentKind;
  /** Who holds the seat. */
  person: Person;
  /** The position whose seat is held. */
  position: Position;
  /** First day of the assignment. */
  startDate: Scalars['LocalDate']['output'];
};

/** PRIMARY: the person's own job (chính thức). CONCURRENT: a seat covered next to it (kiêm nhiệm). */
export type AssignmentKind =
  | 'CONCURRENT'
  | 'PRIMARY';

/** Result of a mutation on an assignment. */
export type AssignmentPayload = {
  __typename?: 'AssignmentPayload';
  /** The assignment, when the mutation succeeded. */
  assignment?: Maybe<Assignment>;
  /** The vacancy this PRIMARY assignment filled (the vacancy rule), if any. */
  filledVacancy?: Maybe<Vacancy>;
  /** Business failures (QUOTA_EXCEEDED, CONFLICT …); when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** One successful change, appended in the same transaction as the change itself. */
export type AuditEvent = Node & {
  __typename?: 'AuditEvent';
  /** When the change was committed. */
  at: Scalars['DateTime']['output'];
  /** The mutation's input, as JSON. */
  changes: Scalars['String']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** The mutation's field name, e.g. "assignPerson". */
  operation: Scalars['String']['output'];
  /** The role they made it in. */
  role: Role;
  /** Who made it (the token's `sub`). */
  subject: Scalars['String']['output'];
  /** Global ID of the object created or changed. */
  targetId?: Maybe<Scalars['ID']['output']>;
  /** The unit the change concerns, where there is one. */
  unitCode?: Maybe<Scalars['String']['output']>;
};

/** A page of AuditEvent items (Relay connection). */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** The items of this page with their cursors. */
  edges: Array<AuditEventEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a AuditEvent connection. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The AuditEvent. */
  node: AuditEvent;
};

/** The base salary (lương cơ sở) from a date on: the amount in force on a day is the one with the latest effectiveFrom on or before it. */
export type BaseSalary = {
  __typename?: 'BaseSalary';
  /** First day the amount is in force. */
  effectiveFrom: Scalars['LocalDate']['output'];
  /** The decree that set it, e.g. "Decree 73/2024/NĐ-CP". */
  legalBasis?: Maybe<Scalars['String']['output']>;
  /** Monthly base salary in VND; coefficient pay = round(base × payCoefficient). */
  monthlyAmount: Scalars['VND']['output'];
};

/** Result of setBaseSalary. */
export type BaseSalaryPayload = {
  __typename?: 'BaseSalaryPayload';
  /** The base salary, when the mutation succeeded. */
  baseSalary?: Maybe<BaseSalary>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** Stops recruiting for a live vacancy. */
export type CancelVacancyInput = {
  /** Day recruitment stopped; default today. */
  closedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The vacancy. */
  vacancyId: Scalars['ID']['input'];
};

/** A job candidate. fullName is personal data. */
export type Candidate = Node & {
  __typename?: 'Candidate';
  /** The candidate's applications to vacancies in your subtree, oldest first. */
  applications: Array<Application>;
  /** Competencies held, with levels. */
  competencies: Array<CompetencyLevel>;
  /** Sector the candidate works in now, if any. */
  currentSector?: Maybe<Sector>;
  /** Full name (personal data). */
  fullName: Scalars['String']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
};

/** How well a candidate or an internal person fits a position: mean over its requirements of min(have / required, 1). */
export type CandidateMatch = {
  __typename?: 'CandidateMatch';
  /** The outside candidate, when the match is one. */
  candidate?: Maybe<Candidate>;
  /** Requirements not met, at the level the position requires. */
  missing: Array<CompetencyLevel>;
  /** The internal person, when the match is one. */
  person?: Maybe<Person>;
  /** Fit from 0 to 1; 1.0 when the position has no requirements. */
  score: Scalars['Float']['output'];
};

/** Result of createCandidate. */
export type CandidatePayload = {
  __typename?: 'CandidatePayload';
  /** The candidate, when the mutation succeeded. */
  candidate?: Maybe<Candidate>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** The forecast of one staff category, against that category's quota. */
export type CategoryForecast = {
  __typename?: 'CategoryForecast';
  /** The staff category. */
  category: StaffCategory;
  /** Members of the cohort in this category. */
  cohort: Scalars['Int']['output'];
  /** The years of the forecast, against this category's quota. */
  years: Array<ForecastYear>;
};

/** A skill in the competency taxonomy (data, not an enum). */
export type Competency = Node & {
  __typename?: 'Competency';
  /** Stable code, e.g. "DATA_ANALYSIS". */
  code: Scalars['String']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** True for digital skills (software, data, AI, security …). */
  isDigital: Scalars['Boolean']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** A competency at a level from 1 (basic) to 5 (expert). */
export type CompetencyLevel = {
  __typename?: 'CompetencyLevel';
  /** The competency. */
  competency: Competency;
  /** Level from 1 (basic) to 5 (expert). */
  level: Scalars['Int']['output'];
};

/** A competency, by code, at a level from 1 to 5. */
export type CompetencyLevelInput = {
  /** Code of an existing competency. */
  competencyCode: Scalars['String']['input'];
  /** Level from 1 (basic) to 5 (expert). */
  level: Scalars['Int']['input'];
};

/** Result of createCompetency. */
export type CompetencyPayload = {
  __typename?: 'CompetencyPayload';
  /** The competency, when the mutation succeeded. */
  competency?: Maybe<Competency>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** A competency level recorded for a person on a date (personal data); level 0 removed the competency. */
export type CompetencyRecord = {
  __typename?: 'CompetencyRecord';
  /** The competency. */
  competency: Competency;
  /** Level from 0 (removed) to 5 (expert). */
  level: Scalars['Int']['output'];
  /** Free text, e.g. the course or certificate. */
  note?: Maybe<Scalars['String']['output']>;
  /** When the level was established (a course finished, a certificate issued, an assessment held). */
  recordedOn: Scalars['LocalDate']['output'];
  /** How the level came to be recorded. */
  source: CompetencySource;
};

/** How a competency level came to be recorded. */
export type CompetencySource =
  | 'ASSESSMENT'
  | 'CERTIFICATE'
  | 'HIRE'
  | 'IMPORT'
  | 'TRAINING';

/** A new job candidate. */
export type CreateCandidateInput = {
  /** Competencies held, with levels. */
  competencies?: InputMaybe<Array<CompetencyLevelInput>>;
  /** Sector the candidate works in now, if any. */
  currentSector?: InputMaybe<Sector>;
  /** Full name, 1 to 200 characters. */
  fullName: Scalars['String']['input'];
  /** Unit whose HR office records the candidate, in your subtree (default: your unit); the candidate is visible to the HR offices of that unit and those above it, and wherever they apply. An ADMIN who leaves it out puts the candidate in the national pool, which every HR office sees. */
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

/** A new competency of the taxonomy. */
export type CreateCompetencyInput = {
  /** Stable code, 1 to 64 letters, digits, "_", "." or "-". */
  code: Scalars['String']['input'];
  /** True for a digital skill. */
  isDigital: Scalars['Boolean']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
};

/** A new incentive package. */
export type CreateIncentivePackageInput = {
  /** Role families it applies to; at least one. */
  eligibleRoleFamilies: Array<RoleFamily>;
  /** Legal basis, e.g. the decree or resolution. */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Service commitment in years; at least 1 when signingBonus > 0. */
  minServiceYears: Scalars['Int']['input'];
  /** Fixed extra per month; 0 or more. */
  monthlyAllowance: Scalars['VND']['input'];
  /** Name, 1 to 300 characters. */
  name: Scalars['String']['input'];
  /** Share of coefficient pay added: 0.5 means +50 %; 0 or more. */
  salaryPercentAllowance: Scalars['Float']['input'];
  /** One-off bonus; 0 or more. */
  signingBonus: Scalars['VND']['input'];
  /** First day it applies. */
  validFrom: Scalars['LocalDate']['input'];
  /** Last day it applies, not before validFrom; null: open-ended. */
  validTo?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** A new unit. code is the full dotted code and starts with parentCode + ".". */
export type CreateOrgUnitInput = {
  /** Full dotted code, e.g. "VN.HCM.NHA_BE". */
  code: Scalars['String']['input'];
  /** Kind of unit. */
  kind: OrgUnitKind;
  /** Vietnamese name with diacritics. */
  name: Scalars['String']['input'];
  /** Code of the parent unit; null for a top-level unit (ADMIN only). */
  parentCode?: InputMaybe<Scalars['String']['input']>;
  /** Inhabitants, where known. */
  population?: InputMaybe<Scalars['Int']['input']>;
  /** First day the unit exists; null: before records began. */
  validFrom?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** A new member of staff. */
export type CreatePersonInput = {
  /** Date of birth; sets birthYear (which, if given too, must agree). */
  birthDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Year of birth. */
  birthYear?: InputMaybe<Scalars['Int']['input']>;
  /** Competencies held, with levels. */
  competencies?: InputMaybe<Array<CompetencyLevelInput>>;
  /** Full name, 1 to 200 characters. */
  fullName: Scalars['String']['input'];
  /** CCCD number: exactly 12 digits, unique (CONFLICT when another person has it). */
  nationalId?: InputMaybe<Scalars['String']['input']>;
  /** Sex as on the identity card. */
  sex?: InputMaybe<Sex>;
  /** Unit whose HR office records the person (default: your unit); scopes them until they are assigned. */
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

/** A new position (vị trí việc làm) in a unit. */
export type CreatePositionInput = {
  /** Staff category of the seats. */
  category: StaffCategory;
  /** Planned seats, 0 or more. */
  headcount: Scalars['Int']['input'];
  /** Pay coefficient (hệ số lương), above 0 and at most 20. */
  payCoefficient: Scalars['Float']['input'];
  /** Required competencies and levels. */
  requirements?: InputMaybe<Array<CompetencyLevelInput>>;
  /** Job family. */
  roleFamily: RoleFamily;
  /** Seniority band. */
  seniority: Seniority;
  /** Job title. */
  title: Scalars['String']['input'];
  /** Unit the position belongs to. */
  unitCode: Scalars['String']['input'];
};

/** How long a vacancy has been open (until today, or until it was filled or cancelled), in calendar months. */
export type DaysOpenBand =
  /** 3 months or more, less than 6. */
  | 'FROM_3_TO_6_MONTHS'
  /** 6 months or more, less than 9. */
  | 'FROM_6_TO_9_MONTHS'
  /** 9 months or more, less than 12. */
  | 'FROM_9_TO_12_MONTHS'
  /** 12 months or more. */
  | 'OVER_12_MONTHS'
  /** Less than 3 months. */
  | 'UNDER_3_MONTHS';

/** Records the candidate's decision on a PENDING offer. */
export type DecideOfferInput = {
  /** True when the candidate accepted. */
  accepted: Scalars['Boolean']['input'];
  /** Day of the decision; default today. */
  decidedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Required when not accepted. */
  declineReason?: InputMaybe<DeclineReason>;
  /** The offer. */
  offerId: Scalars['ID']['input'];
};

/** Why a candidate declined an offer. */
export type DeclineReason =
  | 'CAREER'
  | 'LOCATION'
  | 'OTHER'
  | 'PAY'
  | 'WORKLOAD';

/** Ends a unit that has nothing live in it or below it. */
export type DissolveOrgUnitInput = {
  /** Code of the unit to end. */
  code: Scalars['String']['input'];
  /** The first day without the unit: its validTo becomes the day before. */
  effectiveOn: Scalars['LocalDate']['input'];
};

/** Ends an assignment on a date (its last day). */
export type EndAssignmentInput = {
  /** The assignment. */
  assignmentId: Scalars['ID']['input'];
  /** Where a leaver went, when known. */
  destinationSector?: InputMaybe<Sector>;
  /** Last day of the assignment; not before its start. */
  endDate: Scalars['LocalDate']['input'];
  /** Why it ends (TRANSFER and REORGANISATION are recorded by transferPerson and reorganizeUnits). */
  reason?: InputMaybe<SeparationReason>;
};

/** Establishment quota (biên chế): approved headcount of a unit for a year and staff category. */
export type EstablishmentQuota = {
  __typename?: 'EstablishmentQuota';
  /** Staff category the quota counts. */
  category: StaffCategory;
  /** Approved headcount. */
  headcount: Scalars['Int']['output'];
  /** The unit the quota belongs to. */
  unit: OrgUnit;
  /** Calendar year the quota applies to. */
  year: Scalars['Int']['output'];
};

/** One year of a workforce forecast, with no hiring assumed. */
export type ForecastYear = {
  __typename?: 'ForecastYear';
  /** startHeadcount - retirements - otherSeparations. */
  endHeadcount: Scalars['Float']['output'];
  /** 90th percentile of the end headcount, in the same model. */
  endHeadcountHigh: Scalars['Float']['output'];
  /** 10th percentile of the end headcount when each member stays or leaves independently. */
  endHeadcountLow: Scalars['Float']['output'];
  /** End headcount on IT-specialist posts. */
  itEndHeadcount: Scalars['Float']['output'];
  /** Retirements from IT-specialist posts. */
  itRetirements: Scalars['Float']['output'];
  /** (startHeadcount - retirements) × a. */
  otherSeparations: Scalars['Float']['output'];
  /** quota - endHeadcount. */
  projectedGap: Scalars['Float']['output'];
  /** The scope's quota for the year (sum over categories), or the latest earlier year's. */
  quota: Scalars['Int']['output'];
  /** True when no quota row exists for the year and an earlier year's is used. */
  quotaCarriedForward: Scalars['Boolean']['output'];
  /** Members retiring in the year, weighted (1 - a)^(k-1). */
  retirements: Scalars['Float']['output'];
  /** Sum over members in service at the start of the year of (1 - a)^(k-1). */
  startHeadcount: Scalars['Float']['output'];
  /** The forecast year. */
  year: Scalars['Int']['output'];
};

/** Hires the candidate of an application with an ACCEPTED offer. */
export type HireCandidateInput = {
  /** The application. */
  applicationId: Scalars['ID']['input'];
  /** First day of work; becomes the vacancy's filledOn. */
  startDate: Scalars['LocalDate']['input'];
};

/** How the 90 % interval of the hires was computed. */
export type HiresIntervalMethod =
  /** The exact Poisson-binomial distribution (up to 2000 vacancies): its 5th and 95th percentiles, whole numbers. */
  | 'EXACT'
  /** The normal approximation (more than 2000 vacancies): mean ± 1.645 sd, clamped to [0, vacancies]. */
  | 'NORMAL';

/** A roster as CSV text with the header row unit_code,full_name,birth_year,position_title,assignment_kind,start_date,competencies and optionally national_id,sex,birth_date; competencies as "CODE:level;CODE:level". */
export type ImportRosterInput = {
  /** The CSV text (UTF-8; a byte-order mark is fine). */
  csv: Scalars['String']['input'];
  /** Check every row and report what would be created, writing nothing. */
  dryRun?: Scalars['Boolean']['input'];
};

/** Result of importRoster: all rows or none. */
export type ImportRosterPayload = {
  __typename?: 'ImportRosterPayload';
  /** Assignments created (or that a dry run would create). */
  assignmentsCreated: Scalars['Int']['output'];
  /** Rows whose assignment already exists (same person, position, kind and start date), left as they are. */
  assignmentsUnchanged: Scalars['Int']['output'];
  /** People created (or that a dry run would create). */
  peopleCreated: Scalars['Int']['output'];
  /** Rows' people already recorded (by national_id, or by name and birth year in your subtree); counted once each. */
  peopleMatched: Scalars['Int']['output'];
  /** Every bad row, by line; when present, nothing was written. */
  rowErrors: Array<RowError>;
  /** Problems with the input as a whole. */
  userErrors: Array<UserError>;
};

/** An incentive package: allowances and bonuses on top of coefficient pay. */
export type IncentivePackage = Node & {
  __typename?: 'IncentivePackage';
  /** Role families the package applies to. */
  eligibleRoleFamilies: Array<RoleFamily>;
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** Legal basis, e.g. the decree or resolution that created it. */
  legalBasis?: Maybe<Scalars['String']['output']>;
  /** Service commitment in years; at least 1 when signingBonus > 0. */
  minServiceYears: Scalars['Int']['output'];
  /** Fixed extra pay per month. */
  monthlyAllowance: Scalars['VND']['output'];
  /** Name of the package. */
  name: Scalars['String']['output'];
  /** Extra pay as a share of coefficient pay: 0.5 means +50 %. */
  salaryPercentAllowance: Scalars['Float']['output'];
  /** One-off bonus, amortised over the service commitment. */
  signingBonus: Scalars['VND']['output'];
  /** First day the package applies. */
  validFrom: Scalars['LocalDate']['output'];
  /** Last day the package applies; null: open-ended. */
  validTo?: Maybe<Scalars['LocalDate']['output']>;
};

/** Result of a mutation on an incentive package. */
export type IncentivePackagePayload = {
  __typename?: 'IncentivePackagePayload';
  /** The package, when the mutation succeeded. */
  incentivePackage?: Maybe<IncentivePackage>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** Makes an offer; moves the application to OFFER and the vacancy to OFFERED. */
export type MakeOfferInput = {
  /** The application, at any live stage: APPLIED, SCREENING or INTERVIEW (a direct intake needs no interview round), or OFFER after a declined offer. */
  applicationId: Scalars['ID']['input'];
  /** Incentive package offered. */
  incentivePackageId?: InputMaybe<Scalars['ID']['input']>;
  /** Offered monthly pay, above 0. */
  monthlyPay: Scalars['VND']['input'];
  /** Day of the offer; default today. Its payRatio uses the benchmark in force that day. */
  offeredOn?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Moves an application forward (APPLIED → SCREENING → INTERVIEW, skipping stages if need be), or to REJECTED or WITHDRAWN from any live stage. Never back, never to the stage it is at; OFFER comes with makeOffer, HIRED with hireCandidate. */
export type MoveApplicationInput = {
  /** The application. */
  applicationId: Scalars['ID']['input'];
  /** The new stage (any but HIRED). */
  stage: ApplicationStage;
};

/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type Mutation = {
  __typename?: 'Mutation';
  /** A candidate applies to a vacancy; one application per candidate and vacancy. */
  applyToVacancy: ApplicationPayload;
  /** Assigns a person to a position. PRIMARY assignments obey the establishment quota and the one-PRIMARY rule, even under concurrent requests. */
  assignPerson: AssignmentPayload;
  /** Cancels a live vacancy (status CANCELLED). */
  cancelVacancy: VacancyPayload;
  /** Records a job candidate. */
  createCandidate: CandidatePayload;
  /** Adds a competency to the taxonomy. */
  createCompetency: CompetencyPayload;
  /** Creates an incentive package (ADMIN, POLICYMAKER). */
  createIncentivePackage: IncentivePackagePayload;
  /** Creates a unit under a parent in your subtree (top-level units: ADMIN). */
  createOrgUnit: OrgUnitPayload;
  /** Records a member of staff. */
  createPerson: PersonPayload;
  /** Creates a position in a unit of your subtree. */
  createPosition: PositionPayload;
  /** Records whether the candidate accepted; a decline needs its reason. */
  decideOffer: OfferPayload;
  /** ADMIN. Ends a unit (validTo = effectiveOn - 1 day) when nothing is live in it or below it on effectiveOn; otherwise INVALID_STATE naming what is still there. */
  dissolveOrgUnit: OrgUnitPayload;
  /** Ends an open assignment on its last day. */
  endAssignment: AssignmentPayload;
  /** Creates the Person (with the candidate's competencies) and a PRIMARY assignment, moves the application to HIRED and fills the vacancy, in one transaction under the establishment rule. */
  hireCandidate: AssignmentPayload;
  /** Imports a roster of people and their assignments in one transaction, all or nothing, under the rules of assignPerson (HR_OFFICER in their subtree, or ADMIN). */
  importRoster: ImportRosterPayload;
  /** Makes an offer; stores its payRatio against the private median on its date. */
  makeOffer: OfferPayload;
  /** Moves an application through the pipeline; the vacancy becomes INTERVIEWING when one reaches INTERVIEW. */
  moveApplication: ApplicationPayload;
  /** Opens a vacancy on a position in your subtree. */
  openVacancy: VacancyPayload;
  /** Records a competency level on a date, keeping the history; the latest record is the current level, and level 0 removes it. */
  recordCompetency: PersonPayload;
  /** Reopens an OFFERED vacancy whose offers were all declined: INTERVIEWING when someone is still at interview, else OPEN. */
  reopenVacancy: VacancyPayload;
  /** ADMIN. Merges units into a new unit on a date, in one transaction: the merged units and the units below them end the day before, positions are recreated in the new unit, assignments active on the date end the day before and restart there, live vacancies move, quotas from that year on are summed. */
  reorganizeUnits: ReorganizeUnitsPayload;
  /** Runs a simulation and saves its input and result, with when and who (ADMIN, POLICYMAKER; your subtree only). */
  savePolicyScenario: PolicyScenarioPayload;
  /** Sets the base salary (lương cơ sở) from a date on, replacing one that starts the same day (ADMIN). */
  setBaseSalary: BaseSalaryPayload;
  /** Sets the establishment quota (biên chế) of a unit in your subtree for a year and category. */
  setEstablishmentQuota: QuotaPayload;
  /** Sets a workload component of a unit in your subtree (upsert on unit and name). */
  setWorkloadComponent: WorkloadComponentPayload;
  /** Luân chuyển, điều động, in one transaction: ends the PRIMARY assignment active on effectiveOn the day before (TRANSFER) and starts a PRIMARY on the new position under its unit's establishment rule. Refused: nothing changes. */
  transferPerson: AssignmentPayload;
  /** Changes an incentive package (ADMIN, POLICYMAKER); vacancies under it see the change. */
  updateIncentivePackage: IncentivePackagePayload;
  /** Corrects a person: only the fields given change; null clears a nullable field. The AuditEvent holds the values before and after. */
  updatePerson: PersonPayload;
  /** Corrects a position of your subtree; the AuditEvent holds the values before and after. */
  updatePosition: PositionPayload;
  /** Adds a salary benchmark, or replaces the one with the same roleFamily, seniority, sector, region and asOf (ADMIN, POLICYMAKER). */
  upsertSalaryBenchmark: SalaryBenchmarkPayload;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationApplyToVacancyArgs = {
  input: ApplyInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationAssignPersonArgs = {
  input: AssignPersonInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationCancelVacancyArgs = {
  input: CancelVacancyInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationCreateCandidateArgs = {
  input: CreateCandidateInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationCreateCompetencyArgs = {
  input: CreateCompetencyInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationCreateIncentivePackageArgs = {
  input: CreateIncentivePackageInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationCreateOrgUnitArgs = {
  input: CreateOrgUnitInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationCreatePersonArgs = {
  input: CreatePersonInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationCreatePositionArgs = {
  input: CreatePositionInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationDecideOfferArgs = {
  input: DecideOfferInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationDissolveOrgUnitArgs = {
  input: DissolveOrgUnitInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationEndAssignmentArgs = {
  input: EndAssignmentInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationHireCandidateArgs = {
  input: HireCandidateInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationImportRosterArgs = {
  input: ImportRosterInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationMakeOfferArgs = {
  input: MakeOfferInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationMoveApplicationArgs = {
  input: MoveApplicationInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationOpenVacancyArgs = {
  input: OpenVacancyInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationRecordCompetencyArgs = {
  input: RecordCompetencyInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationReopenVacancyArgs = {
  input: ReopenVacancyInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationReorganizeUnitsArgs = {
  input: ReorganizeUnitsInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationSavePolicyScenarioArgs = {
  input: SavePolicyScenarioInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationSetBaseSalaryArgs = {
  input: SetBaseSalaryInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationSetEstablishmentQuotaArgs = {
  input: SetQuotaInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationSetWorkloadComponentArgs = {
  input: SetWorkloadComponentInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationTransferPersonArgs = {
  input: TransferPersonInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationUpdateIncentivePackageArgs = {
  input: UpdateIncentivePackageInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationUpdatePersonArgs = {
  input: UpdatePersonInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationUpdatePositionArgs = {
  input: UpdatePositionInput;
};


/** Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes. */
export type MutationUpsertSalaryBenchmarkArgs = {
  input: SalaryBenchmarkInput;
};

/** An object with an opaque global ID; Query.node(id) fetches any of them. */
export type Node = {
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
};

/** A job offer. monthlyPay is personal data. */
export type Offer = Node & {
  __typename?: 'Offer';
  /** The application the offer was made on. */
  application: Application;
  /** Why the candidate declined; set when DECLINED. */
  declineReason?: Maybe<DeclineReason>;
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** Incentive package offered. */
  incentivePackage?: Maybe<IncentivePackage>;
  /** Offered monthly pay (personal data). */
  monthlyPay: Scalars['VND']['output'];
  /** monthlyPay / privateMedian of the vacancy's position on the offer's date; null without a benchmark. */
  payRatio?: Maybe<Scalars['Float']['output']>;
  /** PENDING until the candidate decides. */
  status: OfferStatus;
};

/** Result of a mutation on an offer. */
export type OfferPayload = {
  __typename?: 'OfferPayload';
  /** The offer, when the mutation succeeded. */
  offer?: Maybe<Offer>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** Decision on an offer. */
export type OfferStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PENDING';

/** Opens a vacancy on a position. */
export type OpenVacancyInput = {
  /** Incentive package offered with it. */
  incentivePackageId?: InputMaybe<Scalars['ID']['input']>;
  /** First day the vacancy is open; not in the future. */
  openedOn: Scalars['LocalDate']['input'];
  /** The position. */
  positionId: Scalars['ID']['input'];
};

/** An administrative unit: province, district, commune, department … */
export type OrgUnit = Node & {
  __typename?: 'OrgUnit';
  /** Direct child units existing on activeOn (default today); hierarchy depth is not fixed. */
  children: OrgUnitConnection;
  /** Unique, stable dotted path of the ancestors' codes, e.g. "VN.HCM.NHA_BE". */
  code: Scalars['String']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** Kind of unit. */
  kind: OrgUnitKind;
  /** Vietnamese name with diacritics, e.g. "Xã Nhà Bè". */
  name: Scalars['String']['output'];
  /** The parent unit; null at the top or when it lies outside your subtree. */
  parent?: Maybe<OrgUnit>;
  /** Inhabitants, where known. */
  population?: Maybe<Scalars['Int']['output']>;
  /** Positions of this unit itself (not its subtree). */
  positions: PositionConnection;
  /** The units merged into it. */
  predecessors: Array<OrgUnit>;
  /** Establishment quotas (biên chế) of this unit for a year, one per category set. */
  quotas: Array<EstablishmentQuota>;
  /** The unit it was merged into. */
  successor?: Maybe<OrgUnit>;
  /** First day the unit exists; null: before records began. */
  validFrom?: Maybe<Scalars['LocalDate']['output']>;
  /** Last day the unit exists; null while it exists. */
  validTo?: Maybe<Scalars['LocalDate']['output']>;
};


/** An administrative unit: province, district, commune, department … */
export type OrgUnitChildrenArgs = {
  activeOn?: InputMaybe<Scalars['LocalDate']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeEnded?: Scalars['Boolean']['input'];
};


/** An administrative unit: province, district, commune, department … */
export type OrgUnitPositionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  itOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** An administrative unit: province, district, commune, department … */
export type OrgUnitQuotasArgs = {
  year: Scalars['Int']['input'];
};

/** A page of OrgUnit items (Relay connection). */
export type OrgUnitConnection = {
  __typename?: 'OrgUnitConnection';
  /** The items of this page with their cursors. */
  edges: Array<OrgUnitEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a OrgUnit connection. */
export type OrgUnitEdge = {
  __typename?: 'OrgUnitEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The OrgUnit. */
  node: OrgUnit;
};

/** Kind of administrative unit (tỉnh, quận/huyện, phường/xã, sở/ban/ngành …). */
export type OrgUnitKind =
  | 'AGENCY'
  | 'CITY'
  | 'COMMUNE'
  | 'DEPARTMENT'
  | 'DISTRICT'
  | 'NATION'
  | 'PROVINCE'
  | 'PUBLIC_SERVICE_UNIT'
  | 'TOWNSHIP'
  | 'WARD';

/** Result of a mutation on an org unit. */
export type OrgUnitPayload = {
  __typename?: 'OrgUnitPayload';
  /** The unit, when the mutation succeeded. */
  orgUnit?: Maybe<OrgUnit>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow the last edge. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede the first edge (an `after` cursor was given). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Public monthly pay of a position against the private market, as of a date. publicMonthly = round(coefficient × (1 + salaryPercentAllowance)) + monthlyAllowance + round(signingBonus / (12 × max(minServiceYears, 1))), coefficient = round(base × payCoefficient) with the base salary in force on the date; ratio = publicMonthly / privateMedian. */
export type PayComparison = {
  __typename?: 'PayComparison';
  /** The date of the comparison (asOf, default today). */
  asOf: Scalars['LocalDate']['output'];
  /** The base salary (lương cơ sở) in force on the date. */
  baseSalary: Scalars['VND']['output'];
  /** The PRIVATE benchmark whose p50 is the private median. */
  benchmark?: Maybe<SalaryBenchmark>;
  /** Coefficient pay: round(baseSalary × payCoefficient). */
  coefficientPay: Scalars['VND']['output'];
  /** The package priced in: null when none was asked for, or when it does not count on the date or for the role family. */
  incentivePackage?: Maybe<IncentivePackage>;
  /** The position compared. */
  position: Position;
  /** p50 of the PRIVATE benchmark for the position's role family and seniority in the unit's region, the latest with asOf <= the date, falling back to region "VN"; null when there is none. */
  privateMedian?: Maybe<Scalars['VND']['output']>;
  /** Public monthly pay under the package (coefficient pay when none counts). */
  publicMonthly: Scalars['VND']['output'];
  /** publicMonthly / privateMedian; null without a benchmark. */
  ratio?: Maybe<Scalars['Float']['output']>;
  /** The unit's region: the code of its top-level ancestor, e.g. "HCM" (the benchmark itself may be the national "VN" one). */
  region: Scalars['String']['output'];
};

/** A member of staff. fullName, birthYear, nationalId, sex, birthDate, retirementDate and competencyHistory are personal data. */
export type Person = Node & {
  __typename?: 'Person';
  /** The person's assignments in your subtree; by default only those active today. */
  assignments: Array<Assignment>;
  /** Date of birth (personal data); when set, birthYear is its year. */
  birthDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Year of birth (personal data). */
  birthYear?: Maybe<Scalars['Int']['output']>;
  /** Competencies held, with levels. */
  competencies: Array<CompetencyLevel>;
  /** Every level ever recorded for this person, newest first (personal data). */
  competencyHistory: Array<CompetencyRecord>;
  /** Full name (personal data). */
  fullName: Scalars['String']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** CCCD number, 12 digits (personal data). */
  nationalId?: Maybe<Scalars['String']['output']>;
  /** Statutory retirement date (Labour Code 2019 art. 169, Decree 135/2020, normal conditions), from sex and birth date or, without one, July of the birth year; null without sex or birth year (personal data). */
  retirementDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Sex as on the identity card (personal data). */
  sex?: Maybe<Sex>;
};


/** A member of staff. fullName, birthYear, nationalId, sex, birthDate, retirementDate and competencyHistory are personal data. */
export type PersonAssignmentsArgs = {
  activeOnly?: Scalars['Boolean']['input'];
};

/** A page of Person items (Relay connection). */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** The items of this page with their cursors. */
  edges: Array<PersonEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a Person connection. */
export type PersonEdge = {
  __typename?: 'PersonEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Person. */
  node: Person;
};

/** Result of a mutation on a person. */
export type PersonPayload = {
  __typename?: 'PersonPayload';
  /** The person, when the mutation succeeded. */
  person?: Maybe<Person>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** "Right person, right job": how many incumbents of active PRIMARY assignments in scope meet every requirement of their position. */
export type PlacementFit = {
  __typename?: 'PlacementFit';
  /** Active PRIMARY assignments in scope. */
  assignmentsEvaluated: Scalars['Int']['output'];
  /** fullyQualified / assignmentsEvaluated; null when nothing was evaluated. */
  fitRate?: Maybe<Scalars['Float']['output']>;
  /** Of those, incumbents holding every required competency at the required level or above. */
  fullyQualified: Scalars['Int']['output'];
  /** assignmentsEvaluated - fullyQualified. */
  mismatched: Scalars['Int']['output'];
  /** The unit analysed. */
  unit: OrgUnit;
};

/** The one-to-one pairing of placeable vacancies and live candidates with the largest total fit that keeps every unit within its quota. */
export type PlacementPlan = {
  __typename?: 'PlacementPlan';
  /** Pairs, by vacancy. */
  suggestions: Array<PlacementSuggestion>;
  /** Sum of the pairs' scores: the largest possible. */
  totalScore: Scalars['Float']['output'];
  /** Placeable vacancies (OPEN or INTERVIEWING) in scope left without a pair. */
  unplacedVacancies: Scalars['Int']['output'];
};

/** One pair of an optimum placement plan. */
export type PlacementSuggestion = {
  __typename?: 'PlacementSuggestion';
  /** The candidate suggested for it. */
  candidate: Candidate;
  /** The candidate's fit to the vacancy's position. */
  score: Scalars['Float']['output'];
  /** The vacancy. */
  vacancy: Vacancy;
};

/** The changes of a what-if. */
export type PolicyChangeInput = {
  /** A different base salary (lương cơ sở) for the scenario; above 0. */
  baseSalary?: InputMaybe<Scalars['VND']['input']>;
  /** The package the changes apply to: only vacancies under it (where it counts) change. Null: every considered vacancy gets, on top of its own package, an extra package whose values are the deltas. */
  incentivePackageId?: InputMaybe<Scalars['ID']['input']>;
  /** Change of the monthly allowance, VND. No package may end up with a negative allowance. */
  monthlyAllowanceDelta?: Scalars['VND']['input'];
  /** Change of the share of coefficient pay (0.1 = +10 points). No package may end up negative. */
  salaryPercentAllowanceDelta?: Scalars['Float']['input'];
  /** Change of the signing bonus, VND, amortised over the service commitment of the package it lands on (1 year without one). No package may end up negative. */
  signingBonusDelta?: Scalars['VND']['input'];
};

/** One point of an "allowance vs hires" chart: the scenario at a fraction of the changes. */
export type PolicyCurvePoint = {
  __typename?: 'PolicyCurvePoint';
  /** Annual incentive cost of the scenario at this fraction. */
  annualIncentiveCost: Scalars['VND']['output'];
  /** Mean pay ratio of the scenario at this fraction. */
  averagePayRatio: Scalars['Float']['output'];
  /** The base salary at this fraction, rounded to whole VND. */
  baseSalary: Scalars['VND']['output'];
  /** Expected fill rate of the scenario at this fraction. */
  expectedFillRate: Scalars['Float']['output'];
  /** Expected hires of the scenario at this fraction. */
  expectedHires: Scalars['Float']['output'];
  /** k / (steps − 1): the share of the deltas applied (and of the way from the base in force to changes.baseSalary). */
  fraction: Scalars['Float']['output'];
};

/** A saved what-if: the simulation's input and its result as it stood when saved, with when and by whom. */
export type PolicyScenario = Node & {
  __typename?: 'PolicyScenario';
  /** When it was saved. */
  createdAt: Scalars['DateTime']['output'];
  /** Who saved it: the subject of their token. */
  createdBy: Scalars['String']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** The SimulatePolicyInput as JSON, with its defaults filled in and asOf resolved. */
  input: Scalars['String']['output'];
  /** Name given when saving. */
  name: Scalars['String']['output'];
  /** The result as it stood when the scenario was saved. */
  result: PolicySimulation;
  /** The unit simulated. */
  unit?: Maybe<OrgUnit>;
};

/** A page of PolicyScenario items (Relay connection). */
export type PolicyScenarioConnection = {
  __typename?: 'PolicyScenarioConnection';
  /** The items of this page with their cursors. */
  edges: Array<PolicyScenarioEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a PolicyScenario connection. */
export type PolicyScenarioEdge = {
  __typename?: 'PolicyScenarioEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The PolicyScenario. */
  node: PolicyScenario;
};

/** Result of savePolicyScenario. */
export type PolicyScenarioPayload = {
  __typename?: 'PolicyScenarioPayload';
  /** The saved scenario, when the mutation succeeded. */
  policyScenario?: Maybe<PolicyScenario>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** What a pay policy change would do to IT recruitment in a unit's scope. Considered: IT-specialist vacancies in scope (the unit and every unit below it existing on the date) whose status is OPEN, INTERVIEWING or OFFERED and whose position has a private benchmark. A vacancy's package counts only while the date is within its validity and the role family is eligible. */
export type PolicySimulation = {
  __typename?: 'PolicySimulation';
  /** The date of the simulation (asOf, default today). */
  asOf: Scalars['LocalDate']['output'];
  /** The base salary in force on the date (baseline). */
  baseSalary: Scalars['VND']['output'];
  /** Under the rules in force. */
  baseline: ScenarioOutcome;
  /** One per direct child unit (existing on the date) with considered vacancies, each over that child's subtree, in code order. */
  byUnit: Array<UnitSimulation>;
  /** round((scenario − baseline annualIncentiveCost) / deltaExpectedHires); null when the delta is 0 or less. */
  costPerAdditionalHire?: Maybe<Scalars['VND']['output']>;
  /** scenario.expectedHires − baseline.expectedHires. */
  deltaExpectedHires: Scalars['Float']['output'];
  /** The acceptance model used. */
  model: AcceptanceModel;
  /** Under the changes. */
  scenario: ScenarioOutcome;
  /** The base salary of the scenario: changes.baseSalary, or the one in force. */
  scenarioBaseSalary: Scalars['VND']['output'];
  /** The unit simulated. */
  unit: OrgUnit;
  /** Vacancies considered. */
  vacanciesConsidered: Scalars['Int']['output'];
};

/** A position (vị trí việc làm): a job in a unit with its requirements, grade and planned seats. */
export type Position = Node & {
  __typename?: 'Position';
  /** People holding seats of this position; by default only those active today. */
  assignments: Array<Assignment>;
  /** Staff category of the seats. */
  category: StaffCategory;
  /** Planned seats. */
  headcount: Scalars['Int']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** True when roleFamily is one of the IT families (all but GENERAL_ADMINISTRATION). */
  isItSpecialist: Scalars['Boolean']['output'];
  /** Pay coefficient (hệ số lương), e.g. 2.34; monthly coefficient pay = base salary × coefficient. */
  payCoefficient: Scalars['Float']['output'];
  /** Required competencies with their minimum level. */
  requirements: Array<CompetencyLevel>;
  /** Job family. */
  roleFamily: RoleFamily;
  /** Seniority band. */
  seniority: Seniority;
  /** Job title. */
  title: Scalars['String']['output'];
  /** The unit the position belongs to. */
  unit: OrgUnit;
};


/** A position (vị trí việc làm): a job in a unit with its requirements, grade and planned seats. */
export type PositionAssignmentsArgs = {
  activeOnly?: Scalars['Boolean']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Position items (Relay connection). */
export type PositionConnection = {
  __typename?: 'PositionConnection';
  /** The items of this page with their cursors. */
  edges: Array<PositionEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a Position connection. */
export type PositionEdge = {
  __typename?: 'PositionEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Position. */
  node: Position;
};

/** Result of a mutation on a position. */
export type PositionPayload = {
  __typename?: 'PositionPayload';
  /** The position, when the mutation succeeded. */
  position?: Maybe<Position>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** Reads: the workforce model of your subtree and the analytics over it. */
export type Query = {
  __typename?: 'Query';
  /** The audit trail, newest first (ADMIN only). */
  auditEvents: AuditEventConnection;
  /** The base salary (lương cơ sở) history, oldest first. */
  baseSalaries: Array<BaseSalary>;
  /** The competency taxonomy, by code. */
  competencies: Array<Competency>;
  /** Incentive packages valid on activeOn (validFrom <= activeOn <= validTo, open end), or all of them when it is absent; oldest first. */
  incentivePackages: Array<IncentivePackage>;
  /** Who fits a position best, best first: every candidate you may see who is not hired yet (those recorded in or applied to your subtree, and the national pool) and, by default, internal staff of its province-level subtree. */
  matchCandidates: Array<CandidateMatch>;
  /** The caller, as their token identifies them. */
  me: Viewer;
  /** Any object by its global ID; null when none exists, FORBIDDEN outside your subtree. */
  node?: Maybe<Node>;
  /** A unit by code, ended ones included; FORBIDDEN outside your subtree. */
  orgUnit?: Maybe<OrgUnit>;
  /** Units existing on activeOn (default today) in your subtree, ordered by code. */
  orgUnits: OrgUnitConnection;
  /** How public pay for a position compares with the private market, under an optional incentive package, on a date (default today). The package counts only while the date is within its validity and the position's role family is eligible; otherwise the position is taken as having none. */
  payGap: PayComparison;
  /** Staff of a unit: people with an active assignment in scope, and people its HR office recorded who are not yet assigned. */
  people: PersonConnection;
  /** How many incumbents in scope meet their position's requirements. */
  placementFit: PlacementFit;
  /** "Right person, right job" across a subtree: the optimum one-to-one pairing of OPEN/INTERVIEWING vacancies with candidates holding a live application in scope, within each unit's quota left. */
  placementPlan: PlacementPlan;
  /** The scenario at fractions 0, 1/(steps−1), …, 1 of the changes: the deltas scaled (VND deltas rounded to whole VND) and a baseSalary moved linearly from the one in force to it (rounded to whole VND). The data of an "allowance vs hires" chart. */
  policyCurve: Array<PolicyCurvePoint>;
  /** Saved scenarios of units in your subtree, newest first. */
  policyScenarios: PolicyScenarioConnection;
  /** Positions of a unit and (by default) of every unit below it that exists today. */
  positions: PositionConnection;
  /** The recruitment funnel of a unit's subtree over a period. */
  recruitmentFunnel: RecruitmentFunnel;
  /** Salary benchmarks matching every filter given, every asOf, newest first within each series. */
  salaryBenchmarks: Array<SalaryBenchmark>;
  /** What a pay policy change would do to the expected IT hires in a unit's scope, and what it would cost. Your unit's subtree only. */
  simulatePolicy: PolicySimulation;
  /** Skill shortages over the positions in scope, largest gap first. */
  skillGaps: Array<SkillGap>;
  /** Where a unit is short: quota against filled seats, IT seats and concurrent cover, in a year as of a date. */
  staffingGap: StaffingGap;
  /** Separations by reason, transfers out, the IT split and leavers to the private sector over a period. */
  turnover: Turnover;
  /** Vacancies of a unit and (by default) of every unit below it that exists today. */
  vacancies: VacancyConnection;
  /** Retirements, other separations and headcount against quota in each coming year (years 1..30; attritionRate 0..1). */
  workforceForecast: WorkforceForecast;
  /** Workload components of a unit and (by default) of the units below it that exist today. */
  workloadComponents: Array<WorkloadComponent>;
  /** Workload-based staffing need per staff category with workload or staff in scope (WHO WISN), with the digitisation that would keep headcount at the quota. */
  workloadNeed: Array<WorkloadNeed>;
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  unitCode?: InputMaybe<Scalars['String']['input']>;
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryIncentivePackagesArgs = {
  activeOn?: InputMaybe<Scalars['LocalDate']['input']>;
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryMatchCandidatesArgs = {
  first?: Scalars['Int']['input'];
  includeInternal?: Scalars['Boolean']['input'];
  positionId: Scalars['ID']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryOrgUnitArgs = {
  code: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryOrgUnitsArgs = {
  activeOn?: InputMaybe<Scalars['LocalDate']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<OrgUnitKind>;
  parentCode?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  topLevel?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryPayGapArgs = {
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  incentivePackageId?: InputMaybe<Scalars['ID']['input']>;
  positionId: Scalars['ID']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  competencyCode?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDescendants?: Scalars['Boolean']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryPlacementFitArgs = {
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  includeDescendants?: Scalars['Boolean']['input'];
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryPlacementPlanArgs = {
  minScore?: Scalars['Float']['input'];
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryPolicyCurveArgs = {
  input: SimulatePolicyInput;
  steps?: Scalars['Int']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryPolicyScenariosArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryPositionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDescendants?: Scalars['Boolean']['input'];
  itOnly?: InputMaybe<Scalars['Boolean']['input']>;
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryRecruitmentFunnelArgs = {
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QuerySalaryBenchmarksArgs = {
  region?: InputMaybe<Scalars['String']['input']>;
  roleFamily?: InputMaybe<RoleFamily>;
  sector?: InputMaybe<Sector>;
  seniority?: InputMaybe<Seniority>;
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QuerySimulatePolicyArgs = {
  input: SimulatePolicyInput;
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QuerySkillGapsArgs = {
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  includeDescendants?: Scalars['Boolean']['input'];
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryStaffingGapArgs = {
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  includeDescendants?: Scalars['Boolean']['input'];
  unitCode: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryTurnoverArgs = {
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryVacanciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  daysOpenBand?: InputMaybe<Array<DaysOpenBand>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDescendants?: Scalars['Boolean']['input'];
  itOnly?: InputMaybe<Scalars['Boolean']['input']>;
  longestOpenFirst?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<Array<VacancyStatus>>;
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryWorkforceForecastArgs = {
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  attritionRate?: InputMaybe<Scalars['Float']['input']>;
  unitCode: Scalars['String']['input'];
  years?: Scalars['Int']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryWorkloadComponentsArgs = {
  includeDescendants?: Scalars['Boolean']['input'];
  unitCode: Scalars['String']['input'];
};


/** Reads: the workforce model of your subtree and the analytics over it. */
export type QueryWorkloadNeedArgs = {
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  availableHoursPerYear?: Scalars['Float']['input'];
  digitisationReduction?: Scalars['Float']['input'];
  includeDescendants?: Scalars['Boolean']['input'];
  supportShare?: Scalars['Float']['input'];
  unitCode: Scalars['String']['input'];
};

/** Result of setEstablishmentQuota. */
export type QuotaPayload = {
  __typename?: 'QuotaPayload';
  /** The quota, when the mutation succeeded. */
  quota?: Maybe<EstablishmentQuota>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** GIVEN by the caller, OBSERVED in the last three years, or the DEFAULT (0) when there is no history. */
export type RateSource =
  | 'DEFAULT'
  | 'GIVEN'
  | 'OBSERVED';

/** How many offers were declined for a reason. */
export type ReasonCount = {
  __typename?: 'ReasonCount';
  /** Declined offers giving it. */
  count: Scalars['Int']['output'];
  /** The reason. */
  reason: DeclineReason;
};

/** A competency level established on a date; the latest record is the person's current level. */
export type RecordCompetencyInput = {
  /** Code of an existing competency. */
  competencyCode: Scalars['String']['input'];
  /** Level from 0 to 5; 0 removes the competency. */
  level: Scalars['Int']['input'];
  /** Free text, at most 500 characters (the course, the certificate). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The person. */
  personId: Scalars['ID']['input'];
  /** When it was established: not in the future, not before the person was born. */
  recordedOn: Scalars['LocalDate']['input'];
  /** How it was established. */
  source: CompetencySource;
};

/** Applications whose appliedOn is in [from, to] to vacancies in scope, and what became of them. */
export type RecruitmentFunnel = {
  __typename?: 'RecruitmentFunnel';
  /** offersAccepted / (offersAccepted + offersDeclined); null when none was decided. */
  acceptanceRate?: Maybe<Scalars['Float']['output']>;
  /** Applications in the period. */
  applications: Scalars['Int']['output'];
  /** Current stage of each of those applications (every stage listed). */
  byStage: Array<StageCount>;
  /** Declined offers by reason (every reason listed). */
  declineReasons: Array<ReasonCount>;
  /** hires - internalHires. */
  externalHires: Scalars['Int']['output'];
  /** Applications that ended HIRED. */
  hires: Scalars['Int']['output'];
  /** Hires of candidates who already worked in the public sector (currentSector PUBLIC). */
  internalHires: Scalars['Int']['output'];
  /** Median of filledOn - openedOn, in days, over vacancies in scope filled in [from, to]; null when none. */
  medianDaysToFill?: Maybe<Scalars['Float']['output']>;
  /** Offers made on those applications. */
  offers: Scalars['Int']['output'];
  /** Of those, accepted. */
  offersAccepted: Scalars['Int']['output'];
  /** Of those, declined. */
  offersDeclined: Scalars['Int']['output'];
};

/** Puts an OFFERED vacancy whose offers were declined back into recruitment. */
export type ReopenVacancyInput = {
  /** The vacancy. */
  vacancyId: Scalars['ID']['input'];
};

/** A merger: the merged units end the day before effectiveOn and newUnit takes over what was live in them. */
export type ReorganizeUnitsInput = {
  /** First day of newUnit; the merged units' last day is the day before. */
  effectiveOn: Scalars['LocalDate']['input'];
  /** Codes of the units merged into newUnit, each with every unit below it; a single code moves a unit under a new parent, under a new code. */
  mergedUnitCodes: Array<Scalars['String']['input']>;
  /** The successor unit, created with validFrom = effectiveOn (createOrgUnit's rules for its code and parent). */
  newUnit: CreateOrgUnitInput;
};

/** Result of a reorganisation, with what moved. */
export type ReorganizeUnitsPayload = {
  __typename?: 'ReorganizeUnitsPayload';
  /** Assignments moved: those active on effectiveOn (ended the day before and restarted on the recreated position) and those beginning later. */
  assignmentsMoved: Scalars['Int']['output'];
  /** The new unit, when the reorganisation succeeded. */
  orgUnit?: Maybe<OrgUnit>;
  /** Positions recreated in the new unit. */
  positionsMoved: Scalars['Int']['output'];
  /** Business failures (NOT_FOUND, INVALID_STATE, CONFLICT …); when present, nothing changed. */
  userErrors: Array<UserError>;
  /** OPEN, INTERVIEWING and OFFERED vacancies moved to a recreated position. */
  vacanciesMoved: Scalars['Int']['output'];
};

/** Access role carried by the token. */
export type Role =
  /** Everything, everywhere. */
  | 'ADMIN'
  /** Reads aggregates in their subtree, nothing else. */
  | 'ANALYST'
  /** Reads and writes everything in their unit's subtree, personal data included. */
  | 'HR_OFFICER'
  /** Reads aggregates, positions, vacancies, benchmarks, packages and workload in their subtree; manages packages, benchmarks and scenarios; never personal data. */
  | 'POLICYMAKER';

/** Job family; every family except GENERAL_ADMINISTRATION is IT-specialist work. */
export type RoleFamily =
  | 'AI_ENGINEER'
  | 'DATA_SCIENTIST'
  | 'DIGITAL_TRANSFORMATION_OFFICER'
  | 'GENERAL_ADMINISTRATION'
  | 'INFORMATION_SECURITY'
  | 'IT_SUPPORT'
  | 'NETWORK_ENGINEER'
  | 'SOFTWARE_ENGINEER'
  | 'SYSTEM_ADMINISTRATOR';

/** A problem with one row of an imported roster. */
export type RowError = {
  __typename?: 'RowError';
  /** The column at fault, when one is. */
  column?: Maybe<Scalars['String']['output']>;
  /** Line of the row in the file; the header is line 1. */
  line: Scalars['Int']['output'];
  /** What is wrong. */
  message: Scalars['String']['output'];
};

/** Monthly pay percentiles for a role family and seniority in a sector and region. */
export type SalaryBenchmark = Node & {
  __typename?: 'SalaryBenchmark';
  /** Date the figures describe. */
  asOf: Scalars['LocalDate']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** 25th percentile of monthly pay. */
  p25?: Maybe<Scalars['VND']['output']>;
  /** Median monthly pay. */
  p50: Scalars['VND']['output'];
  /** 75th percentile of monthly pay. */
  p75?: Maybe<Scalars['VND']['output']>;
  /** Region: the code of a top-level unit (e.g. "HCM"), or "VN" for the whole country. */
  region: Scalars['String']['output'];
  /** Job family. */
  roleFamily: RoleFamily;
  /** PUBLIC or PRIVATE. */
  sector: Sector;
  /** Seniority band. */
  seniority: Seniority;
  /** Where the figures come from. */
  source: Scalars['String']['output'];
};

/** A salary benchmark; upserted on (roleFamily, seniority, sector, region, asOf). */
export type SalaryBenchmarkInput = {
  /** Date the figures describe. */
  asOf: Scalars['LocalDate']['input'];
  /** 25th percentile; 0 or more and at most p50. */
  p25?: InputMaybe<Scalars['VND']['input']>;
  /** Median; above 0. */
  p50: Scalars['VND']['input'];
  /** 75th percentile; at least p50. */
  p75?: InputMaybe<Scalars['VND']['input']>;
  /** "VN" or the code of a top-level unit, e.g. "HCM". */
  region: Scalars['String']['input'];
  /** Job family. */
  roleFamily: RoleFamily;
  /** PUBLIC or PRIVATE. */
  sector: Sector;
  /** Seniority band. */
  seniority: Seniority;
  /** Where the figures come from (1 to 500 characters). */
  source: Scalars['String']['input'];
};

/** Result of upsertSalaryBenchmark. */
export type SalaryBenchmarkPayload = {
  __typename?: 'SalaryBenchmarkPayload';
  /** The benchmark, when the mutation succeeded. */
  salaryBenchmark?: Maybe<SalaryBenchmark>;
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
};

/** A what-if to simulate and keep. */
export type SavePolicyScenarioInput = {
  /** Name, 1 to 300 characters. */
  name: Scalars['String']['input'];
  /** The simulation to run and store. */
  simulation: SimulatePolicyInput;
};

/** Expected recruitment over the considered vacancies under one set of pay rules. */
export type ScenarioOutcome = {
  __typename?: 'ScenarioOutcome';
  /** round(sum over the vacancies of p × 12 × (publicMonthly − round(base × payCoefficient))). */
  annualIncentiveCost: Scalars['VND']['output'];
  /** Mean payRatio of the vacancies (0 when none). */
  averagePayRatio: Scalars['Float']['output'];
  /** expectedHires / vacanciesConsidered (0 when none). */
  expectedFillRate: Scalars['Float']['output'];
  /** Sum over the vacancies of p(accept). */
  expectedHires: Scalars['Float']['output'];
  /** Upper end (95th percentile) of the central 90 % interval of the number of hires. Hires are a sum of independent Bernoulli trials, one per vacancy (a Poisson-binomial count): up to 2000 vacancies the exact distribution is computed (an O(n²) recurrence) and its percentiles are whole numbers; beyond, where that cost grows and the count is close to normal, mean ± 1.645 sd is used (not rounded, clamped to [0, n]). See method. */
  expectedHiresHigh: Scalars['Float']['output'];
  /** Lower end (5th percentile) of the central 90 % interval of the number of hires. Hires are a sum of independent Bernoulli trials, one per vacancy (a Poisson-binomial count): up to 2000 vacancies the exact distribution is computed (an O(n²) recurrence) and its percentiles are whole numbers; beyond, where that cost grows and the count is close to normal, mean ± 1.645 sd is used (not rounded, clamped to [0, n]). See method. */
  expectedHiresLow: Scalars['Float']['output'];
  /** EXACT or NORMAL: how expectedHiresLow and expectedHiresHigh were computed. */
  method: HiresIntervalMethod;
};

/** Public or private sector. */
export type Sector =
  | 'PRIVATE'
  | 'PUBLIC';

/** Seniority band of a position or salary benchmark. */
export type Seniority =
  | 'JUNIOR'
  | 'LEAD'
  | 'MID'
  | 'SENIOR';

/** Separations of one reason; reason null: ended without a recorded reason. */
export type SeparationCount = {
  __typename?: 'SeparationCount';
  /** How many separations had this reason. */
  count: Scalars['Int']['output'];
  /** Why; null: ended without a recorded reason. */
  reason?: Maybe<SeparationReason>;
};

/** Why an assignment ended: nghỉ hưu, thôi việc, luân chuyển/điều động, sắp xếp tổ chức, kỷ luật, từ trần, hết hợp đồng. */
export type SeparationReason =
  | 'CONTRACT_END'
  | 'DEATH'
  | 'DISMISSAL'
  | 'OTHER'
  | 'REORGANISATION'
  | 'RESIGNATION'
  | 'RETIREMENT'
  | 'TRANSFER';

/** A base salary (lương cơ sở) from a date on; upserted on effectiveFrom. */
export type SetBaseSalaryInput = {
  /** First day the amount is in force. */
  effectiveFrom: Scalars['LocalDate']['input'];
  /** The decree that set it. */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Monthly amount; above 0. */
  monthlyAmount: Scalars['VND']['input'];
};

/** Sets (inserts or replaces) the quota of a unit, year and category. */
export type SetQuotaInput = {
  /** Staff category. */
  category: StaffCategory;
  /** Approved headcount, 0 or more. */
  headcount: Scalars['Int']['input'];
  /** The unit. */
  unitCode: Scalars['String']['input'];
  /** Calendar year. */
  year: Scalars['Int']['input'];
};

/** Sets (inserts or replaces) a unit's workload component, by unit and name. */
export type SetWorkloadComponentInput = {
  /** Items per year, 0 or more. */
  annualVolume: Scalars['Float']['input'];
  /** Staff category that does it. */
  category: StaffCategory;
  /** True when a digital process can shrink it. */
  digitisable: Scalars['Boolean']['input'];
  /** Minutes per item, 0 or more. */
  minutesPerItem: Scalars['Float']['input'];
  /** Name of the work, 1 to 300 characters. */
  name: Scalars['String']['input'];
  /** The unit. */
  unitCode: Scalars['String']['input'];
};

/** Sex as recorded on the citizen identity card (personal data). */
export type Sex =
  | 'FEMALE'
  | 'MALE';

/** A what-if over the IT vacancies of a unit's scope. */
export type SimulatePolicyInput = {
  /** Date of the base salary, packages' validity, benchmarks and scope; default today. */
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The changes. */
  changes: PolicyChangeInput;
  /** The unit whose scope (the unit and every unit below it existing on the date) is simulated; it must be in your subtree. */
  unitCode: Scalars['String']['input'];
};

/** Seats requiring a competency against incumbents who meet it, over positions in scope. */
export type SkillGap = {
  __typename?: 'SkillGap';
  /** The competency. */
  competency: Competency;
  /** seatsRequiring - seatsMet. */
  gap: Scalars['Int']['output'];
  /** Distinct people with an active assignment (either kind) in scope who hold the competency at any level. */
  peopleWithSkill: Scalars['Int']['output'];
  /** Seats that need a hire: sum over positions requiring it of max(headcount - active PRIMARY, 0). */
  seatsEmpty: Scalars['Int']['output'];
  /** Seats whose holder needs training: active PRIMARY assignments to such positions whose person's level < required. */
  seatsHeldBelowLevel: Scalars['Int']['output'];
  /** Active PRIMARY assignments to such positions whose person has level >= required. */
  seatsMet: Scalars['Int']['output'];
  /** Of seatsHeldBelowLevel, those whose person's level = required - 1 (one course away). */
  seatsOneLevelShort: Scalars['Int']['output'];
  /** Sum of headcount of positions that require it. */
  seatsRequiring: Scalars['Int']['output'];
};

/** Staff category: công chức (CIVIL_SERVANT), viên chức (PUBLIC_EMPLOYEE), hợp đồng (CONTRACT). */
export type StaffCategory =
  | 'CIVIL_SERVANT'
  | 'CONTRACT'
  | 'PUBLIC_EMPLOYEE';

/** Quota against staff for a unit's scope in a year, as of a date. Scope: the unit and, with includeDescendants, every unit below it that exists on the date. */
export type StaffingGap = {
  __typename?: 'StaffingGap';
  /** The date assignments and units were judged on. */
  asOf: Scalars['LocalDate']['output'];
  /** One per direct child unit existing on the date, each over that child's own subtree. */
  children: Array<StaffingGap>;
  /** Active CONCURRENT assignments (kiêm nhiệm) in scope. */
  concurrentCoverage: Scalars['Int']['output'];
  /** Active PRIMARY assignments in scope. */
  filled: Scalars['Int']['output'];
  /** quota - filled (negative: over quota). */
  gap: Scalars['Int']['output'];
  /** itSeatsPlanned - itSeatsFilled. */
  itGap: Scalars['Int']['output'];
  /** IT-specialist seats held only by a concurrent post: sum over IT positions of min(activeConcurrent, max(headcount - activePrimary, 0)). */
  itSeatsCoveredConcurrently: Scalars['Int']['output'];
  /** Active PRIMARY assignments to IT-specialist positions in scope. */
  itSeatsFilled: Scalars['Int']['output'];
  /** Sum of headcount of IT-specialist positions in scope. */
  itSeatsPlanned: Scalars['Int']['output'];
  /** Vacancies OPEN, INTERVIEWING or OFFERED in scope. */
  openVacancies: Scalars['Int']['output'];
  /** Sum of EstablishmentQuota.headcount for the year in scope. */
  quota: Scalars['Int']['output'];
  /** The unit analysed. */
  unit: OrgUnit;
  /** Units in scope with active PRIMARY assignments on the date but no quota row for the year: their filled seats count against a quota of 0, so a negative gap there means "no quota set", not overstaffing. */
  unitsWithoutQuota: Scalars['Int']['output'];
  /** The year whose quotas are counted. */
  year: Scalars['Int']['output'];
};

/** One step of an application through the pipeline. */
export type StageChange = {
  __typename?: 'StageChange';
  /** When it changed. */
  changedAt: Scalars['DateTime']['output'];
  /** Who changed it (token subject). */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** Stage before; null for the first. */
  fromStage?: Maybe<ApplicationStage>;
  /** Why, when the service closed it itself (its vacancy filled another way). */
  note?: Maybe<Scalars['String']['output']>;
  /** Stage after. */
  toStage: ApplicationStage;
};

/** How many applications are at a stage. */
export type StageCount = {
  __typename?: 'StageCount';
  /** Applications currently at it. */
  count: Scalars['Int']['output'];
  /** The stage. */
  stage: ApplicationStage;
};

/** Luân chuyển, điều động: moves a person's PRIMARY assignment to another position from a date. */
export type TransferPersonInput = {
  /** First day on the new position; the old assignment ends the day before (endReason TRANSFER). */
  effectiveOn: Scalars['LocalDate']['input'];
  /** The person; they must hold a PRIMARY assignment active on effectiveOn. */
  personId: Scalars['ID']['input'];
  /** The new position (not the one they hold), in your subtree. */
  toPositionId: Scalars['ID']['input'];
};

/** Who left a subtree over a period. Scope: the unit and every unit below it that existed at any time in [from, to]. */
export type Turnover = {
  __typename?: 'Turnover';
  /** (active PRIMARY in scope on from + active PRIMARY in scope on to) / 2. */
  averageHeadcount: Scalars['Float']['output'];
  /** Those separations per reason, every reason with a count above 0, nulls included. */
  byReason: Array<SeparationCount>;
  /** First day of the period. */
  from: Scalars['LocalDate']['output'];
  /** Separations from IT-specialist positions. */
  itSeparations: Scalars['Int']['output'];
  /** Separations with destinationSector PRIVATE. */
  lostToPrivate: Scalars['Int']['output'];
  /** separations / averageHeadcount; null when averageHeadcount is 0. */
  rate?: Maybe<Scalars['Float']['output']>;
  /** PRIMARY assignments in scope with endDate in [from, to], endReason not TRANSFER or REORGANISATION. */
  separations: Scalars['Int']['output'];
  /** Last day of the period. */
  to: Scalars['LocalDate']['output'];
  /** PRIMARY assignments in scope ended in [from, to] with endReason TRANSFER whose person's next PRIMARY lies outside the scope. */
  transfersOut: Scalars['Int']['output'];
  /** The unit whose subtree is counted. */
  unit: OrgUnit;
};

/** A simulation over one direct child unit's subtree. */
export type UnitSimulation = {
  __typename?: 'UnitSimulation';
  /** Under the rules in force. */
  baseline: ScenarioOutcome;
  /** round((scenario − baseline annualIncentiveCost) / deltaExpectedHires); null when the delta is 0 or less. */
  costPerAdditionalHire?: Maybe<Scalars['VND']['output']>;
  /** scenario.expectedHires − baseline.expectedHires. */
  deltaExpectedHires: Scalars['Float']['output'];
  /** Under the changes. */
  scenario: ScenarioOutcome;
  /** The direct child unit. */
  unit: OrgUnit;
  /** Considered vacancies in the child's subtree. */
  vacanciesConsidered: Scalars['Int']['output'];
};

/** Changes to an incentive package. Absent fields keep their value, and so does null on a field that cannot be empty; null clears legalBasis and validTo. */
export type UpdateIncentivePackageInput = {
  /** New eligible role families; at least one. */
  eligibleRoleFamilies?: InputMaybe<Array<RoleFamily>>;
  /** The package. */
  id: Scalars['ID']['input'];
  /** New legal basis; null clears it. */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** New service commitment in years. */
  minServiceYears?: InputMaybe<Scalars['Int']['input']>;
  /** New monthly allowance; 0 or more. */
  monthlyAllowance?: InputMaybe<Scalars['VND']['input']>;
  /** New name, 1 to 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New share of coefficient pay; 0 or more. */
  salaryPercentAllowance?: InputMaybe<Scalars['Float']['input']>;
  /** New signing bonus; 0 or more. */
  signingBonus?: InputMaybe<Scalars['VND']['input']>;
  /** New first day. */
  validFrom?: InputMaybe<Scalars['LocalDate']['input']>;
  /** New last day; null makes it open-ended. */
  validTo?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** A correction to a person: only the fields given change; null clears a nullable field. */
export type UpdatePersonInput = {
  /** Date of birth; sets birthYear. */
  birthDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Year of birth; must agree with birthDate when one is recorded. */
  birthYear?: InputMaybe<Scalars['Int']['input']>;
  /** Full name, 1 to 200 characters (cannot be cleared). */
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** The person. */
  id: Scalars['ID']['input'];
  /** CCCD number: exactly 12 digits, unique. */
  nationalId?: InputMaybe<Scalars['String']['input']>;
  /** Sex as on the identity card. */
  sex?: InputMaybe<Sex>;
};

/** A correction to a position: only the fields given change; requirements given replace the whole list. Unit, category and role family never change. */
export type UpdatePositionInput = {
  /** Planned seats, 0 or more; not below today's active PRIMARY holders (INVALID_STATE). */
  headcount?: InputMaybe<Scalars['Int']['input']>;
  /** The position. */
  id: Scalars['ID']['input'];
  /** Pay coefficient (hệ số lương), above 0 and at most 20. */
  payCoefficient?: InputMaybe<Scalars['Float']['input']>;
  /** Required competencies and levels: the whole new list (null or [] clears it). */
  requirements?: InputMaybe<Array<CompetencyLevelInput>>;
  /** Seniority band. */
  seniority?: InputMaybe<Seniority>;
  /** Job title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** An expected business failure of a mutation; when present, nothing was changed. */
export type UserError = {
  __typename?: 'UserError';
  /** BAD_USER_INPUT, NOT_FOUND, QUOTA_EXCEEDED, CONFLICT or INVALID_STATE. */
  code: Scalars['String']['output'];
  /** Path to the input field at fault, e.g. ["input", "startDate"]. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

/** A seat of a position being recruited for. */
export type Vacancy = Node & {
  __typename?: 'Vacancy';
  /** Applications to this vacancy, oldest first. */
  applications: Array<Application>;
  /** Days open: until today while live, until filledOn or the cancellation once FILLED or CANCELLED. */
  daysOpen: Scalars['Int']['output'];
  /** daysOpen as the calendar-month band HR vacancy reports use. */
  daysOpenBand: DaysOpenBand;
  /** The assignment that filled it: a hire, or any PRIMARY seat taken on its position while it had more live vacancies than free seats. */
  filledBy?: Maybe<Assignment>;
  /** Day the hire started; null until FILLED. */
  filledOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** Incentive package offered with the vacancy. */
  incentivePackage?: Maybe<IncentivePackage>;
  /** First day the vacancy was open. */
  openedOn: Scalars['LocalDate']['output'];
  /** The position being recruited for. */
  position: Position;
  /** Where the vacancy is in its life cycle. */
  status: VacancyStatus;
};

/** A page of Vacancy items (Relay connection). */
export type VacancyConnection = {
  __typename?: 'VacancyConnection';
  /** The items of this page with their cursors. */
  edges: Array<VacancyEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a Vacancy connection. */
export type VacancyEdge = {
  __typename?: 'VacancyEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The Vacancy. */
  node: Vacancy;
};

/** Result of a mutation on a vacancy. */
export type VacancyPayload = {
  __typename?: 'VacancyPayload';
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
  /** The vacancy, when the mutation succeeded. */
  vacancy?: Maybe<Vacancy>;
};

/** Life cycle of a vacancy: OPEN → INTERVIEWING → OFFERED → FILLED, or CANCELLED. */
export type VacancyStatus =
  | 'CANCELLED'
  | 'FILLED'
  | 'INTERVIEWING'
  | 'OFFERED'
  | 'OPEN';

/** The caller, as their token identifies them. */
export type Viewer = {
  __typename?: 'Viewer';
  /** When the caller's token expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The caller's role. */
  role: Role;
  /** Roots of the caller's scope: the token's unit and, once it has ended, its successors (the units it was merged into); null for ADMIN (everything). */
  scopeUnitCodes?: Maybe<Array<Scalars['String']['output']>>;
  /** Who the caller is (the token's `sub`). */
  subject: Scalars['String']['output'];
  /** Root of the caller's scope; null for ADMIN (everything). */
  unitCode?: Maybe<Scalars['String']['output']>;
};

/** Headcount, retirements and separations in the coming years, with no hiring assumed. Scope as for staffingGap on asOf. */
export type WorkforceForecast = {
  __typename?: 'WorkforceForecast';
  /** The day the cohort is taken on; its year is Y0. */
  asOf: Scalars['LocalDate']['output'];
  /** The attrition rate a used: the given one, else the observed one (at most 1). */
  attritionRate: Scalars['Float']['output'];
  /** Where attritionRate came from. */
  attritionSource: RateSource;
  /** The same forecast per staff category. */
  byCategory: Array<CategoryForecast>;
  /** People with an active PRIMARY assignment in scope on asOf. */
  cohort: Scalars['Int']['output'];
  /** Members whose retirementDate is on or before 1 January of the first forecast year. */
  retiringBeforeStart: Scalars['Int']['output'];
  /** The unit whose scope is forecast. */
  unit: OrgUnit;
  /** Y0+1 … Y0+years. */
  years: Array<ForecastYear>;
};

/** A recurring piece of a unit's work, measured as items per year and minutes per item (WHO's WISN method). */
export type WorkloadComponent = Node & {
  __typename?: 'WorkloadComponent';
  /** Items per year. */
  annualVolume: Scalars['Float']['output'];
  /** Staff category that does this work. */
  category: StaffCategory;
  /** True for work a digital process can shrink (online dossiers, e-signed documents). */
  digitisable: Scalars['Boolean']['output'];
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
  /** Minutes of work per item. */
  minutesPerItem: Scalars['Float']['output'];
  /** Name of the work, unique within the unit, e.g. "Văn bản đi / đến". */
  name: Scalars['String']['output'];
  /** The unit whose work it is. */
  unit: OrgUnit;
};

/** Result of setWorkloadComponent. */
export type WorkloadComponentPayload = {
  __typename?: 'WorkloadComponentPayload';
  /** Business failures; when present, nothing changed. */
  userErrors: Array<UserError>;
  /** The component, when the mutation succeeded. */
  workloadComponent?: Maybe<WorkloadComponent>;
};

/** Workload-based staffing need (WHO WISN) of a scope for one staff category, as of a date, next to its quota. */
export type WorkloadNeed = {
  __typename?: 'WorkloadNeed';
  /** Active PRIMARY assignments in scope to positions of this category on the date. */
  actualStaff: Scalars['Int']['output'];
  /** Staff category. */
  category: StaffCategory;
  /** actualStaff − requiredStaff (negative: understaffed for the work). */
  difference: Scalars['Float']['output'];
  /** Establishment quota (biên chế) in scope for the date's year. */
  quota: Scalars['Int']['output'];
  /** The "smart ward" answer: the digitisationReduction at which requiredStaff falls to the quota, so headcount can stay fixed. Null when no reduction is needed or none is enough; reductionToMeetQuotaExplanation says which. */
  reductionToMeetQuota?: Maybe<Scalars['Float']['output']>;
  /** Why reductionToMeetQuota is what it is, in words. */
  reductionToMeetQuotaExplanation: Scalars['String']['output'];
  /** workloadHours / availableHoursPerYear / (1 − supportShare). */
  requiredStaff: Scalars['Float']['output'];
  /** actualStaff / requiredStaff; null when requiredStaff is 0. */
  wisnRatio?: Maybe<Scalars['Float']['output']>;
  /** Σ annualVolume × minutesPerItem / 60 over components in scope; digitisable ones × (1 − digitisationReduction). */
  workloadHours: Scalars['Float']['output'];
};

export type PayGapQueryVariables = Exact<{
  positionId: Scalars['ID']['input'];
  incentivePackageId?: InputMaybe<Scalars['ID']['input']>;
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
}>;


export type PayGapQuery = { __typename?: 'Query', payGap: { __typename?: 'PayComparison', publicMonthly: number, privateMedian?: number | null, ratio?: number | null, benchmark?: { __typename?: 'SalaryBenchmark', source: string, asOf: string, region: string } | null } };

export type WhatIfQueryVariables = Exact<{
  input: SimulatePolicyInput;
}>;


export type WhatIfQuery = { __typename?: 'Query', simulatePolicy: { __typename?: 'PolicySimulation', vacanciesConsidered: number, deltaExpectedHires: number, costPerAdditionalHire?: number | null, model: { __typename?: 'AcceptanceModel', intercept: number, slope: number, fittedOn: number, source: string }, baseline: { __typename?: 'ScenarioOutcome', expectedHires: number, expectedFillRate: number, averagePayRatio: number, annualIncentiveCost: number }, scenario: { __typename?: 'ScenarioOutcome', expectedHires: number, expectedFillRate: number, averagePayRatio: number, annualIncentiveCost: number }, byUnit: Array<{ __typename?: 'UnitSimulation', vacanciesConsidered: number, unit: { __typename?: 'OrgUnit', code: string, name: string }, baseline: { __typename?: 'ScenarioOutcome', expectedHires: number }, scenario: { __typename?: 'ScenarioOutcome', expectedHires: number } }> } };

export type PolicyCurveQueryVariables = Exact<{
  input: SimulatePolicyInput;
  steps?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PolicyCurveQuery = { __typename?: 'Query', policyCurve: Array<{ __typename?: 'PolicyCurvePoint', fraction: number, expectedHires: number, annualIncentiveCost: number }> };

export type DashboardViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardViewerQuery = { __typename?: 'Query', me: { __typename?: 'Viewer', role: Role, unitCode?: string | null, scopeUnitCodes?: Array<string> | null } };

export type VacancyBandCountsQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
}>;


export type VacancyBandCountsQuery = { __typename?: 'Query', under3: { __typename?: 'VacancyConnection', totalCount: number }, from3to6: { __typename?: 'VacancyConnection', totalCount: number }, from6to9: { __typename?: 'VacancyConnection', totalCount: number }, from9to12: { __typename?: 'VacancyConnection', totalCount: number }, over12: { __typename?: 'VacancyConnection', totalCount: number }, longest: { __typename?: 'VacancyConnection', edges: Array<{ __typename?: 'VacancyEdge', node: { __typename?: 'Vacancy', daysOpen: number, position: { __typename?: 'Position', title: string, unit: { __typename?: 'OrgUnit', name: string } } } }> } };

export type IncentivePackageListQueryVariables = Exact<{
  activeOn?: InputMaybe<Scalars['LocalDate']['input']>;
}>;


export type IncentivePackageListQuery = { __typename?: 'Query', incentivePackages: Array<{ __typename?: 'IncentivePackage', id: string, name: string, monthlyAllowance: number, salaryPercentAllowance: number }> };

export type DashboardTopUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardTopUnitsQuery = { __typename?: 'Query', orgUnits: { __typename?: 'OrgUnitConnection', totalCount: number, edges: Array<{ __typename?: 'OrgUnitEdge', node: { __typename?: 'OrgUnit', code: string, name: string, kind: OrgUnitKind } }> } };

export type DashboardGapLevelQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  year: Scalars['Int']['input'];
}>;


export type DashboardGapLevelQuery = { __typename?: 'Query', staffingGap: { __typename?: 'StaffingGap', quota: number, filled: number, gap: number, openVacancies: number, itGap: number, itSeatsCoveredConcurrently: number, unitsWithoutQuota: number, unit: { __typename?: 'OrgUnit', code: string, name: string, kind: OrgUnitKind }, children: Array<{ __typename?: 'StaffingGap', quota: number, filled: number, gap: number, openVacancies: number, itGap: number, itSeatsCoveredConcurrently: number, unitsWithoutQuota: number, unit: { __typename?: 'OrgUnit', code: string, name: string, kind: OrgUnitKind } }> } };

export type DashboardGapSummaryQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  year: Scalars['Int']['input'];
}>;


export type DashboardGapSummaryQuery = { __typename?: 'Query', staffingGap: { __typename?: 'StaffingGap', quota: number, filled: number, gap: number, openVacancies: number, itGap: number, itSeatsCoveredConcurrently: number, unitsWithoutQuota: number, unit: { __typename?: 'OrgUnit', code: string, name: string, kind: OrgUnitKind } } };

export type DashboardUnitNameQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type DashboardUnitNameQuery = { __typename?: 'Query', orgUnit?: { __typename?: 'OrgUnit', code: string, name: string } | null };

export type DashboardGapFiguresFragment = { __typename?: 'StaffingGap', quota: number, filled: number, gap: number, openVacancies: number, itGap: number, itSeatsCoveredConcurrently: number, unitsWithoutQuota: number };

export type DashboardTurnoverQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
}>;


export type DashboardTurnoverQuery = { __typename?: 'Query', turnover: { __typename?: 'Turnover', from: string, to: string, separations: number, transfersOut: number, averageHeadcount: number, rate?: number | null, itSeparations: number, lostToPrivate: number, byReason: Array<{ __typename?: 'SeparationCount', reason?: SeparationReason | null, count: number }> } };

export type DashboardForecastQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  years: Scalars['Int']['input'];
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  attritionRate?: InputMaybe<Scalars['Float']['input']>;
}>;


export type DashboardForecastQuery = { __typename?: 'Query', workforceForecast: { __typename?: 'WorkforceForecast', asOf: string, attritionRate: number, attritionSource: RateSource, cohort: number, retiringBeforeStart: number, years: Array<{ __typename?: 'ForecastYear', year: number, retirements: number, itRetirements: number, endHeadcount: number, endHeadcountLow: number, endHeadcountHigh: number, itEndHeadcount: number, quota: number, quotaCarriedForward: boolean }> } };

export type VacanciesByDaysOpenQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  bands?: InputMaybe<Array<DaysOpenBand> | DaysOpenBand>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type VacanciesByDaysOpenQuery = { __typename?: 'Query', vacancies: { __typename?: 'VacancyConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'VacancyEdge', node: { __typename?: 'Vacancy', id: string, status: VacancyStatus, openedOn: string, daysOpen: number, daysOpenBand: DaysOpenBand, position: { __typename?: 'Position', title: string, isItSpecialist: boolean, unit: { __typename?: 'OrgUnit', code: string, name: string } } } }> } };

export type RecruitmentFunnelQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
}>;


export type RecruitmentFunnelQuery = { __typename?: 'Query', recruitmentFunnel: { __typename?: 'RecruitmentFunnel', applications: number, offers: number, offersAccepted: number, offersDeclined: number, acceptanceRate?: number | null, hires: number, internalHires: number, externalHires: number, medianDaysToFill?: number | null, byStage: Array<{ __typename?: 'StageCount', stage: ApplicationStage, count: number }>, declineReasons: Array<{ __typename?: 'ReasonCount', reason: DeclineReason, count: number }> } };

export type HireCandidateMutationVariables = Exact<{
  applicationId: Scalars['ID']['input'];
  startDate: Scalars['LocalDate']['input'];
}>;


export type HireCandidateMutation = { __typename?: 'Mutation', hireCandidate: { __typename?: 'AssignmentPayload', assignment?: { __typename?: 'Assignment', id: string, kind: AssignmentKind, startDate: string, person: { __typename?: 'Person', id: string, fullName: string }, position: { __typename?: 'Position', id: string, title: string, unit: { __typename?: 'OrgUnit', code: string, name: string } } } | null, userErrors: Array<{ __typename?: 'UserError', field?: Array<string> | null, message: string, code: string }> } };

export type StaffingGapTreeQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  year: Scalars['Int']['input'];
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
}>;


export type StaffingGapTreeQuery = { __typename?: 'Query', staffingGap: { __typename?: 'StaffingGap', quota: number, filled: number, gap: number, concurrentCoverage: number, openVacancies: number, itSeatsPlanned: number, itSeatsFilled: number, itSeatsCoveredConcurrently: number, itGap: number, unitsWithoutQuota: number, unit: { __typename?: 'OrgUnit', code: string, name: string, kind: OrgUnitKind }, children: Array<{ __typename?: 'StaffingGap', quota: number, filled: number, gap: number, concurrentCoverage: number, openVacancies: number, itSeatsPlanned: number, itSeatsFilled: number, itSeatsCoveredConcurrently: number, itGap: number, unitsWithoutQuota: number, unit: { __typename?: 'OrgUnit', code: string, name: string, kind: OrgUnitKind }, children: Array<{ __typename?: 'StaffingGap', quota: number, filled: number, gap: number, concurrentCoverage: number, openVacancies: number, itSeatsPlanned: number, itSeatsFilled: number, itSeatsCoveredConcurrently: number, itGap: number, unitsWithoutQuota: number, unit: { __typename?: 'OrgUnit', code: string, name: string, kind: OrgUnitKind } }> }> } };

export type GapFiguresFragment = { __typename?: 'StaffingGap', quota: number, filled: number, gap: number, concurrentCoverage: number, openVacancies: number, itSeatsPlanned: number, itSeatsFilled: number, itSeatsCoveredConcurrently: number, itGap: number, unitsWithoutQuota: number };

export type SkillGapsQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
}>;


export type SkillGapsQuery = { __typename?: 'Query', skillGaps: Array<{ __typename?: 'SkillGap', seatsRequiring: number, seatsMet: number, gap: number, peopleWithSkill: number, competency: { __typename?: 'Competency', code: string, name: string, isDigital: boolean } }> };

export type WorkloadNeedQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
  digitisationReduction?: InputMaybe<Scalars['Float']['input']>;
}>;


export type WorkloadNeedQuery = { __typename?: 'Query', workloadNeed: Array<{ __typename?: 'WorkloadNeed', category: StaffCategory, workloadHours: number, requiredStaff: number, actualStaff: number, quota: number, wisnRatio?: number | null, reductionToMeetQuota?: number | null, reductionToMeetQuotaExplanation: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DashboardGapFiguresFragmentDoc = new TypedDocumentString(`
    fragment DashboardGapFigures on StaffingGap {
  quota
  filled
  gap
  openVacancies
  itGap
  itSeatsCoveredConcurrently
  unitsWithoutQuota
}
    `, {"fragmentName":"DashboardGapFigures"}) as unknown as TypedDocumentString<DashboardGapFiguresFragment, unknown>;
export const GapFiguresFragmentDoc = new TypedDocumentString(`
    fragment GapFigures on StaffingGap {
  quota
  filled
  gap
  concurrentCoverage
  openVacancies
  itSeatsPlanned
  itSeatsFilled
  itSeatsCoveredConcurrently
  itGap
  unitsWithoutQuota
}
    `, {"fragmentName":"GapFigures"}) as unknown as TypedDocumentString<GapFiguresFragment, unknown>;
export const PayGapDocument = new TypedDocumentString(`
    query PayGap($positionId: ID!, $incentivePackageId: ID, $asOf: LocalDate) {
  payGap(
    positionId: $positionId
    incentivePackageId: $incentivePackageId
    asOf: $asOf
  ) {
    publicMonthly
    privateMedian
    ratio
    benchmark {
      source
      asOf
      region
    }
  }
}
    `) as unknown as TypedDocumentString<PayGapQuery, PayGapQueryVariables>;
export const WhatIfDocument = new TypedDocumentString(`
    query WhatIf($input: SimulatePolicyInput!) {
  simulatePolicy(input: $input) {
    vacanciesConsidered
    model {
      intercept
      slope
      fittedOn
      source
    }
    baseline {
      expectedHires
      expectedFillRate
      averagePayRatio
      annualIncentiveCost
    }
    scenario {
      expectedHires
      expectedFillRate
      averagePayRatio
      annualIncentiveCost
    }
    deltaExpectedHires
    costPerAdditionalHire
    byUnit {
      unit {
        code
        name
      }
      vacanciesConsidered
      baseline {
        expectedHires
      }
      scenario {
        expectedHires
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WhatIfQuery, WhatIfQueryVariables>;
export const PolicyCurveDocument = new TypedDocumentString(`
    query PolicyCurve($input: SimulatePolicyInput!, $steps: Int = 11) {
  policyCurve(input: $input, steps: $steps) {
    fraction
    expectedHires
    annualIncentiveCost
  }
}
    `) as unknown as TypedDocumentString<PolicyCurveQuery, PolicyCurveQueryVariables>;
export const DashboardViewerDocument = new TypedDocumentString(`
    query DashboardViewer {
  me {
    role
    unitCode
    scopeUnitCodes
  }
}
    `) as unknown as TypedDocumentString<DashboardViewerQuery, DashboardViewerQueryVariables>;
export const VacancyBandCountsDocument = new TypedDocumentString(`
    query VacancyBandCounts($unitCode: String!) {
  under3: vacancies(
    unitCode: $unitCode
    status: [OPEN, INTERVIEWING, OFFERED]
    daysOpenBand: [UNDER_3_MONTHS]
    first: 1
  ) {
    totalCount
  }
  from3to6: vacancies(
    unitCode: $unitCode
    status: [OPEN, INTERVIEWING, OFFERED]
    daysOpenBand: [FROM_3_TO_6_MONTHS]
    first: 1
  ) {
    totalCount
  }
  from6to9: vacancies(
    unitCode: $unitCode
    status: [OPEN, INTERVIEWING, OFFERED]
    daysOpenBand: [FROM_6_TO_9_MONTHS]
    first: 1
  ) {
    totalCount
  }
  from9to12: vacancies(
    unitCode: $unitCode
    status: [OPEN, INTERVIEWING, OFFERED]
    daysOpenBand: [FROM_9_TO_12_MONTHS]
    first: 1
  ) {
    totalCount
  }
  over12: vacancies(
    unitCode: $unitCode
    status: [OPEN, INTERVIEWING, OFFERED]
    daysOpenBand: [OVER_12_MONTHS]
    first: 1
  ) {
    totalCount
  }
  longest: vacancies(
    unitCode: $unitCode
    status: [OPEN, INTERVIEWING, OFFERED]
    longestOpenFirst: true
    first: 1
  ) {
    edges {
      node {
        daysOpen
        position {
          title
          unit {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VacancyBandCountsQuery, VacancyBandCountsQueryVariables>;
export const IncentivePackageListDocument = new TypedDocumentString(`
    query IncentivePackageList($activeOn: LocalDate) {
  incentivePackages(activeOn: $activeOn) {
    id
    name
    monthlyAllowance
    salaryPercentAllowance
  }
}
    `) as unknown as TypedDocumentString<IncentivePackageListQuery, IncentivePackageListQueryVariables>;
export const DashboardTopUnitsDocument = new TypedDocumentString(`
    query DashboardTopUnits {
  orgUnits(topLevel: true, first: 100) {
    totalCount
    edges {
      node {
        code
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardTopUnitsQuery, DashboardTopUnitsQueryVariables>;
export const DashboardGapLevelDocument = new TypedDocumentString(`
    query DashboardGapLevel($unitCode: String!, $year: Int!) {
  staffingGap(unitCode: $unitCode, year: $year) {
    ...DashboardGapFigures
    unit {
      code
      name
      kind
    }
    children {
      ...DashboardGapFigures
      unit {
        code
        name
        kind
      }
    }
  }
}
    fragment DashboardGapFigures on StaffingGap {
  quota
  filled
  gap
  openVacancies
  itGap
  itSeatsCoveredConcurrently
  unitsWithoutQuota
}`) as unknown as TypedDocumentString<DashboardGapLevelQuery, DashboardGapLevelQueryVariables>;
export const DashboardGapSummaryDocument = new TypedDocumentString(`
    query DashboardGapSummary($unitCode: String!, $year: Int!) {
  staffingGap(unitCode: $unitCode, year: $year) {
    ...DashboardGapFigures
    unit {
      code
      name
      kind
    }
  }
}
    fragment DashboardGapFigures on StaffingGap {
  quota
  filled
  gap
  openVacancies
  itGap
  itSeatsCoveredConcurrently
  unitsWithoutQuota
}`) as unknown as TypedDocumentString<DashboardGapSummaryQuery, DashboardGapSummaryQueryVariables>;
export const DashboardUnitNameDocument = new TypedDocumentString(`
    query DashboardUnitName($code: String!) {
  orgUnit(code: $code) {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<DashboardUnitNameQuery, DashboardUnitNameQueryVariables>;
export const DashboardTurnoverDocument = new TypedDocumentString(`
    query DashboardTurnover($unitCode: String!, $from: LocalDate!, $to: LocalDate!) {
  turnover(unitCode: $unitCode, from: $from, to: $to) {
    from
    to
    separations
    byReason {
      reason
      count
    }
    transfersOut
    averageHeadcount
    rate
    itSeparations
    lostToPrivate
  }
}
    `) as unknown as TypedDocumentString<DashboardTurnoverQuery, DashboardTurnoverQueryVariables>;
export const DashboardForecastDocument = new TypedDocumentString(`
    query DashboardForecast($unitCode: String!, $years: Int!, $asOf: LocalDate, $attritionRate: Float) {
  workforceForecast(
    unitCode: $unitCode
    years: $years
    asOf: $asOf
    attritionRate: $attritionRate
  ) {
    asOf
    attritionRate
    attritionSource
    cohort
    retiringBeforeStart
    years {
      year
      retirements
      itRetirements
      endHeadcount
      endHeadcountLow
      endHeadcountHigh
      itEndHeadcount
      quota
      quotaCarriedForward
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardForecastQuery, DashboardForecastQueryVariables>;
export const VacanciesByDaysOpenDocument = new TypedDocumentString(`
    query VacanciesByDaysOpen($unitCode: String!, $bands: [DaysOpenBand!], $first: Int = 20, $after: String) {
  vacancies(
    unitCode: $unitCode
    status: [OPEN, INTERVIEWING, OFFERED]
    daysOpenBand: $bands
    longestOpenFirst: true
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        status
        openedOn
        daysOpen
        daysOpenBand
        position {
          title
          isItSpecialist
          unit {
            code
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VacanciesByDaysOpenQuery, VacanciesByDaysOpenQueryVariables>;
export const RecruitmentFunnelDocument = new TypedDocumentString(`
    query RecruitmentFunnel($unitCode: String!, $from: LocalDate!, $to: LocalDate!) {
  recruitmentFunnel(unitCode: $unitCode, from: $from, to: $to) {
    applications
    byStage {
      stage
      count
    }
    offers
    offersAccepted
    offersDeclined
    acceptanceRate
    hires
    internalHires
    externalHires
    medianDaysToFill
    declineReasons {
      reason
      count
    }
  }
}
    `) as unknown as TypedDocumentString<RecruitmentFunnelQuery, RecruitmentFunnelQueryVariables>;
export const HireCandidateDocument = new TypedDocumentString(`
    mutation HireCandidate($applicationId: ID!, $startDate: LocalDate!) {
  hireCandidate(input: {applicationId: $applicationId, startDate: $startDate}) {
    assignment {
      id
      kind
      startDate
      person {
        id
        fullName
      }
      position {
        id
        title
        unit {
          code
          name
        }
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<HireCandidateMutation, HireCandidateMutationVariables>;
export const StaffingGapTreeDocument = new TypedDocumentString(`
    query StaffingGapTree($unitCode: String!, $year: Int!, $asOf: LocalDate) {
  staffingGap(unitCode: $unitCode, year: $year, asOf: $asOf) {
    ...GapFigures
    unit {
      code
      name
      kind
    }
    children {
      ...GapFigures
      unit {
        code
        name
        kind
      }
      children {
        ...GapFigures
        unit {
          code
          name
          kind
        }
      }
    }
  }
}
    fragment GapFigures on StaffingGap {
  quota
  filled
  gap
  concurrentCoverage
  openVacancies
  itSeatsPlanned
  itSeatsFilled
  itSeatsCoveredConcurrently
  itGap
  unitsWithoutQuota
}`) as unknown as TypedDocumentString<StaffingGapTreeQuery, StaffingGapTreeQueryVariables>;
export const SkillGapsDocument = new TypedDocumentString(`
    query SkillGaps($unitCode: String!) {
  skillGaps(unitCode: $unitCode) {
    competency {
      code
      name
      isDigital
    }
    seatsRequiring
    seatsMet
    gap
    peopleWithSkill
  }
}
    `) as unknown as TypedDocumentString<SkillGapsQuery, SkillGapsQueryVariables>;
export const WorkloadNeedDocument = new TypedDocumentString(`
    query WorkloadNeed($unitCode: String!, $digitisationReduction: Float = 0) {
  workloadNeed(unitCode: $unitCode, digitisationReduction: $digitisationReduction) {
    category
    workloadHours
    requiredStaff
    actualStaff
    quota
    wisnRatio
    reductionToMeetQuota
    reductionToMeetQuotaExplanation
  }
}
    `) as unknown as TypedDocumentString<WorkloadNeedQuery, WorkloadNeedQueryVariables>;