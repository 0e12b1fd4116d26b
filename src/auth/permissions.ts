import { getNamedType, GraphQLError, GraphQLResolveInfo, GraphQLObjectType, GraphQLSchema, isAbstractType, isObjectType } from 'graphql';
import { rule, shield } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';

type ShieldRule = IRule;
import { graphQLError, unauthenticated } from '../graphql/errors';
import { forbidden, forbiddenForRole, Refusal } from '../shared/domain-error';
import { Role } from '../graphql/enums';
import type { Logger } from '../logger';
import type { Viewer } from './viewer';

/** What the rules read of a request's context (src/edge/context.ts builds it): only the caller. */
interface ShieldContext {
  viewer: Viewer | null;
}

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
/** The roles each role rule admits: what lets the schema skip checks a path already made. */
const rolesOfRule = new WeakMap<ShieldRule, ReadonlySet<Role>>();

/** How a refusal names what was asked: the root field alone ("savePolicyScenario"), else Type.field. */
function fieldInWords(info: GraphQLResolveInfo): string {
  const root = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
  return root ? info.fieldName : `${info.parentType.name}.${info.fieldName}`;
}

/**
 * A rule admitting the given roles; FORBIDDEN for other roles (naming the field and the roles
 * that may), UNAUTHENTICATED without a token. Cached per request and field, so the refusal of
 * one field never names another, and a field on 50,000 rows is still decided once.
 */
function roles(...allowed: Role[]): ShieldRule {
  const name = `roles:${[...allowed].sort().join(',')}`;
  let cached = ruleCache.get(name);
  if (!cached) {
    const perField = (_p: unknown, _a: unknown, _c: unknown, info: GraphQLResolveInfo) => `${info.parentType.name}.${info.fieldName}`;
    cached = rule(name, { cache: perField })((_parent, _args, ctx: ShieldContext, info) => {
      if (!ctx.viewer) return unauthenticated();
      return allowed.includes(ctx.viewer.role) ? true : forbiddenForRole(fieldInWords(info), allowed, ctx.viewer.role);
    });
    ruleCache.set(name, cached);
    rolesOfRule.set(cached, new Set(allowed));
  }
  return cached;
}

const anyRole = roles(...EVERY_ROLE);

/** Types read whole under one rule: each of their fields is guarded by `rule`. */
function wholeTypes(rule: ShieldRule, ...typeNames: string[]): Record<string, Record<string, ShieldRule>> {
  return Object.fromEntries(typeNames.map((name) => [name, { '*': rule }]));
}

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
    turnover: anyRole,
    workforceForecast: anyRole,
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
    updatePerson: roles(...PERSONNEL),
    recordCompetency: roles(...PERSONNEL),
    updatePosition: roles(...PERSONNEL),
    transferPerson: roles(...PERSONNEL),
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
  OrgUnit: { '*': anyRole, positions: roles(...MODEL_READERS), quotas: roles(...MODEL_READERS) },
  Position: { '*': roles(...MODEL_READERS), assignments: roles(...PERSONNEL) },
  Vacancy: { '*': roles(...MODEL_READERS), applications: roles(...PERSONNEL), filledBy: roles(...PERSONNEL) },
  PayComparison: { '*': anyRole, position: roles(...MODEL_READERS) },
  ...wholeTypes(roles(ADMIN), 'AuditEvent'),
  ...wholeTypes(roles(...PERSONNEL), 'CompetencyRecord', 'Assignment', 'Person', 'Candidate', 'Application', 'Offer', 'StageChange', 'CandidateMatch', 'PlacementPlan', 'PlacementSuggestion'),
  ...wholeTypes(roles(...MODEL_READERS), 'EstablishmentQuota', 'IncentivePackage', 'BaseSalary'),
  ...wholeTypes(
    anyRole,
    'Viewer',
    'Competency',
    'CompetencyLevel',
    'SalaryBenchmark',
    'RecruitmentFunnel',
    'StageCount',
    'ReasonCount',
    'StaffingGap',
    'SkillGap',
    'PlacementFit',
    'WorkloadNeed',
    'WorkloadComponent',
    'Turnover',
    'SeparationCount',
    'WorkforceForecast',
    'ForecastYear',
    'CategoryForecast',
    'PolicySimulation',
    'UnitSimulation',
    'ScenarioOutcome',
    'AcceptanceModel',
    'PolicyCurvePoint',
    'PolicyScenario',
    'PageInfo',
    'UserError',
    'RowError',
  ),
};

/** Containers carry no data of their own: what they hold is guarded by its own type's rules. */
export function isContainerType(typeName: string): boolean {
  return /(Connection|Edge|Payload)$/.test(typeName);
}

function fullTable(typeNames: readonly string[]): Record<string, Record<string, ShieldRule>> {
  const table: Record<string, Record<string, ShieldRule>> = { ...ruleTable };
  for (const name of typeNames) {
    if (isContainerType(name) && !(name in table)) table[name] = { '*': anyRole };
  }
  return table;
}

/** The roles that may read objects of a type at all (its `'*'` rule); null when that rule is not a role rule. */
function rolesOfType(typeName: string): ReadonlySet<Role> | null {
  const rule = ruleTable[typeName]?.['*'];
  return rule ? (rolesOfRule.get(rule) ?? null) : new Set();
}

/** Whether `node(id)` may hand an object of this type to the viewer: the type's own rule, checked once for the object. */
export function roleMayReadType(role: Role, typeName: string): boolean {
  const allowed = rolesOfType(typeName);
  return allowed === null || allowed.has(role);
}

const ANONYMOUS = 'ANONYMOUS';
type Reach = Set<string>;

/**
 * Fields whose check the path to them has already made. Every rule here is a role rule, a pure
 * function of the caller's role, so a field need not check again when every way of reaching its
 * type already admitted only roles its rule admits: Person.fullName (ADMIN, HR_OFFICER) under
 * Assignment.person (ADMIN, HR_OFFICER). Computed as a fixed point of "which roles can reach
 * type T" from the root types, where any caller (even without a token) starts; `node(id)`
 * narrows that to the roles of the object's type, which it checks itself (roleMayReadType).
 * A field whose rule is not a role rule, and every root field, keeps its check. Skipping these
 * per-object checks is what keeps a 50,000-row list from costing 250,000 rule evaluations.
 */
export function fieldsCheckedOnTheWay(schema: GraphQLSchema, table: Record<string, Record<string, ShieldRule>> = fullTable(Object.keys(schema.getTypeMap()))): Set<string> {
  const everyone: Reach = new Set([...EVERY_ROLE, ANONYMOUS]);
  const reach = new Map<string, Reach>();
  const ruleOf = (type: string, field: string): ShieldRule | undefined => table[type]?.[field] ?? table[type]?.['*'];
  const admitted = (rule: ShieldRule | undefined, from: Reach): Reach => {
    const roles = rule ? rolesOfRule.get(rule) : new Set<Role>(); // no rule: the deny fallback
    return roles ? new Set([...from].filter((r) => roles.has(r as Role))) : new Set(from);
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) reach.set(root.name, new Set(everyone));
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [typeName, from] of [...reach]) {
      const type = schema.getType(typeName);
      if (!(type instanceof GraphQLObjectType)) continue;
      for (const field of Object.values(type.getFields())) {
        const through = admitted(ruleOf(typeName, field.name), from);
        const target = getNamedType(field.type);
        const targets = isAbstractType(target) ? schema.getPossibleTypes(target).map((t) => t.name) : isObjectType(target) ? [target.name] : [];
        for (const name of targets) {
          const into = type === schema.getQueryType() && field.name === 'node'
            ? [...through].filter((r) => r !== ANONYMOUS && roleMayReadType(r as Role, name))
            : [...through];
          const current = reach.get(name);
          if (!current) {
            reach.set(name, new Set(into));
            changed = true;
          } else {
            for (const r of into) if (!current.has(r)) (current.add(r), (changed = true));
          }
        }
      }
    }
  }
  const skipped = new Set<string>();
  for (const [typeName, from] of reach) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType) || typeName === schema.getQueryType()?.name || typeName === schema.getMutationType()?.name) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf(typeName, field.name);
      const roles = rule && rolesOfRule.get(rule);
      if (roles && [...from].every((r) => roles.has(r as Role))) skipped.add(`${typeName}.${field.name}`);
    }
  }
  return skipped;
}

export function permissions(logger: Logger, typeNames: readonly string[] = []) {
  const table = fullTable(typeNames) as IRules;
  return shield(table, {
    fallbackRule: rule('deny', { cache: 'contextual' })((_p, _a, ctx: ShieldContext) => (ctx?.viewer ? forbiddenForRole('This field', [], ctx.viewer.role) : unauthenticated())),
    // Errors thrown by resolvers pass through untouched (they carry their own codes); errors
    // thrown inside a rule are logged here and answered as INTERNAL_SERVER_ERROR, never hidden.
    // A refusing rule returns a Refusal, which formatError answers like a service's.
    allowExternalErrors: true,
    // debug: errors thrown inside rules and resolvers are rethrown to formatError, which logs them
    // with the request id and answers INTERNAL_SERVER_ERROR without details (shield would answer FORBIDDEN).
    debug: true,
    fallbackError: (thrown: unknown) => {
      if (thrown instanceof GraphQLError || thrown instanceof Refusal) return thrown;
      if (thrown) {
        logger.error({ err: thrown }, 'permission rule failed');
        return graphQLError('INTERNAL_SERVER_ERROR', 'Internal server error');
      }
      return forbidden();
    },
  });
}
