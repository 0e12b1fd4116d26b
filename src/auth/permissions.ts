import { GraphQLError } from 'graphql';
import { allow, rule, shield } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';

type ShieldRule = IRule;
import { forbidden, graphQLError, unauthenticated } from '../graphql/errors';
import { Role } from '../graphql/enums';
import type { Logger } from '../logger';
import type { RequestContext } from '../server/context';

/**
 * The role table of the contract, as graphql-shield rules. Every field is denied unless a rule
 * below allows it (fallbackRule: deny), payload, connection and edge types included. Whether
 * a named unit lies in the caller's subtree is decided in the services, which know the unit.
 */
const { ADMIN, HR_OFFICER, POLICYMAKER, ANALYST } = Role;
const EVERY_ROLE = [ADMIN, HR_OFFICER, POLICYMAKER, ANALYST];
/** Who may read the workforce model itself: units, positions, vacancies, packages. */
const MODEL_READERS = [ADMIN, HR_OFFICER, POLICYMAKER];
/** Who may read and write personal data and the staffing records. */
const PERSONNEL = [ADMIN, HR_OFFICER];

const ruleCache = new Map<string, ShieldRule>();

/** A rule admitting the given roles; FORBIDDEN for other roles, UNAUTHENTICATED without a token. */
function roles(...allowed: Role[]): ShieldRule {
  const name = `roles:${[...allowed].sort().join(',')}`;
  let cached = ruleCache.get(name);
  if (!cached) {
    cached = rule(name, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
      if (!ctx.viewer) return unauthenticated();
      return allowed.includes(ctx.viewer.role) ? true : forbidden(`Your role ${ctx.viewer.role} may not read or do this`);
    });
    ruleCache.set(name, cached);
  }
  return cached;
}

const anyRole = roles(...EVERY_ROLE);

/** Rules by type and field. Types not named here are denied, except the containers below. */
export const ruleTable: Record<string, Record<string, ShieldRule>> = {
  Query: {
    node: anyRole,
    me: anyRole,
    auditEvents: roles(ADMIN),
    orgUnit: roles(...MODEL_READERS),
    orgUnits: roles(...MODEL_READERS),
    positions: roles(...MODEL_READERS),
    vacancies: roles(...MODEL_READERS),
    competencies: roles(...MODEL_READERS),
    people: roles(...PERSONNEL),
    staffingGap: anyRole,
    skillGaps: anyRole,
    placementFit: anyRole,
    workloadNeed: anyRole,
    workloadComponents: anyRole,
    recruitmentFunnel: anyRole,
    matchCandidates: roles(...PERSONNEL),
    placementPlan: roles(...PERSONNEL),
    payGap: anyRole,
    simulatePolicy: anyRole,
    policyCurve: anyRole,
    salaryBenchmarks: roles(...MODEL_READERS),
    incentivePackages: roles(...MODEL_READERS),
    baseSalaries: roles(...MODEL_READERS),
    policyScenarios: anyRole,
  },
  Mutation: {
    createOrgUnit: roles(...PERSONNEL),
    reorganizeUnits: roles(ADMIN),
    dissolveOrgUnit: roles(ADMIN),
    setEstablishmentQuota: roles(...PERSONNEL),
    createCompetency: roles(...PERSONNEL),
    createPosition: roles(...PERSONNEL),
    createPerson: roles(...PERSONNEL),
    assignPerson: roles(...PERSONNEL),
    endAssignment: roles(...PERSONNEL),
    importRoster: roles(...PERSONNEL),
    openVacancy: roles(...PERSONNEL),
    setWorkloadComponent: roles(...PERSONNEL),
    cancelVacancy: roles(...PERSONNEL),
    reopenVacancy: roles(...PERSONNEL),
    createCandidate: roles(...PERSONNEL),
    applyToVacancy: roles(...PERSONNEL),
    moveApplication: roles(...PERSONNEL),
    makeOffer: roles(...PERSONNEL),
    decideOffer: roles(...PERSONNEL),
    hireCandidate: roles(...PERSONNEL),
    upsertSalaryBenchmark: roles(ADMIN, POLICYMAKER),
    createIncentivePackage: roles(ADMIN, POLICYMAKER),
    updateIncentivePackage: roles(ADMIN, POLICYMAKER),
    savePolicyScenario: roles(ADMIN, POLICYMAKER),
    setBaseSalary: roles(ADMIN),
  },
  Viewer: { '*': anyRole },
  AuditEvent: { '*': roles(ADMIN) },
  OrgUnit: { '*': anyRole, positions: roles(...MODEL_READERS), quotas: roles(...MODEL_READERS) },
  EstablishmentQuota: { '*': roles(...MODEL_READERS) },
  Competency: { '*': anyRole },
  CompetencyLevel: { '*': anyRole },
  Position: { '*': roles(...MODEL_READERS), assignments: roles(...PERSONNEL) },
  Assignment: { '*': roles(...PERSONNEL) },
  Person: { '*': roles(...PERSONNEL) },
  Vacancy: { '*': roles(...MODEL_READERS), applications: roles(...PERSONNEL) },
  IncentivePackage: { '*': roles(...MODEL_READERS) },
  SalaryBenchmark: { '*': anyRole },
  Candidate: { '*': roles(...PERSONNEL) },
  Application: { '*': roles(...PERSONNEL) },
  Offer: { '*': roles(...PERSONNEL) },
  StageChange: { '*': roles(...PERSONNEL) },
  RecruitmentFunnel: { '*': anyRole },
  StageCount: { '*': anyRole },
  ReasonCount: { '*': anyRole },
  CandidateMatch: { '*': roles(...PERSONNEL) },
  PlacementPlan: { '*': roles(...PERSONNEL) },
  PlacementSuggestion: { '*': roles(...PERSONNEL) },
  StaffingGap: { '*': anyRole },
  SkillGap: { '*': anyRole },
  PlacementFit: { '*': anyRole },
  WorkloadNeed: { '*': anyRole },
  WorkloadComponent: { '*': anyRole },
  PayComparison: { '*': anyRole },
  BaseSalary: { '*': roles(...MODEL_READERS) },
  PolicySimulation: { '*': anyRole },
  UnitSimulation: { '*': anyRole },
  ScenarioOutcome: { '*': anyRole },
  AcceptanceModel: { '*': anyRole },
  PolicyCurvePoint: { '*': anyRole },
  PolicyScenario: { '*': anyRole },
  PageInfo: { '*': anyRole },
  UserError: { '*': anyRole },
  RowError: { '*': anyRole },
};

/** Containers carry no data of their own: what they hold is guarded by its own type's rules. */
export function isContainerType(typeName: string): boolean {
  return /(Connection|Edge|Payload)$/.test(typeName);
}

export function permissions(logger: Logger, typeNames: readonly string[] = []) {
  const table: IRules = { ...ruleTable } as IRules;
  for (const name of typeNames) {
    if (isContainerType(name) && !(name in table)) (table as Record<string, unknown>)[name] = { '*': anyRole };
  }
  return shield(table, {
    fallbackRule: rule('deny', { cache: 'contextual' })((_p, _a, ctx: RequestContext) => (ctx?.viewer ? forbidden() : unauthenticated())),
    // Errors thrown by resolvers pass through untouched (they carry their own codes); errors
    // thrown inside a rule are logged here and answered as INTERNAL_SERVER_ERROR, never hidden.
    allowExternalErrors: true,
    // debug: errors thrown inside rules and resolvers are rethrown to formatError, which logs them
    // with the request id and answers INTERNAL_SERVER_ERROR without details (shield would answer FORBIDDEN).
    debug: true,
    fallbackError: (thrown: unknown) => {
      if (thrown instanceof GraphQLError) return thrown;
      if (thrown) {
        logger.error({ err: thrown }, 'permission rule failed');
        return graphQLError('INTERNAL_SERVER_ERROR', 'Internal server error');
      }
      return forbidden();
    },
  });
}

export { allow };
