import 'reflect-metadata';
import { GraphQLFieldResolver, GraphQLObjectType, GraphQLScalarType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchemaSync, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { fieldsCheckedOnTheWay, permissions } from '../auth/permissions';
import { canonicaliseUnitCodeArguments } from '../graphql/unit-code-arguments';
import { isReadModel } from '../db/read-model';
import type { Logger } from '../logger';
import { OrgUnitResolver } from '../modules/org';
import { CompetencyLevelResolver, CompetencyRecordResolver, CompetencyResolver, PersonResolver } from '../modules/people';
import { ApplicationResolver, OfferResolver, CandidateResolver, CandidateMatchResolver, PlacementSuggestionResolver, RecruitmentAnalyticsResolver, VacancyResolver, AssignmentPayloadVacancyResolver } from '../modules/recruitment';
import { AssignmentResolver, PositionResolver, QuotaResolver, PlacementFitResolver, SkillGapResolver, StaffingGapResolver, RosterImportResolver, OrgUnitStaffingResolver, PersonStaffingResolver } from '../modules/staffing';
import { WorkloadResolver } from '../modules/workload';
import { ForecastResolver } from '../modules/forecast';
import { AuditResolver } from '../modules/audit';
import { ReorganisationResolver } from '../modules/reorganisation';
import { NodeResolver } from './node.resolver';
import { AttractionResolver, PayComparisonResolver } from '../modules/attraction';
import { PolicyScenarioResolver, PolicySimulationResolver, UnitSimulationResolver } from '../modules/simulation';

// eslint-disable-next-line @typescript-eslint/ban-types
const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  AuditResolver,
  RosterImportResolver,
  ReorganisationResolver,
  OrgUnitResolver,
  OrgUnitStaffingResolver,
  QuotaResolver,
  PositionResolver,
  AssignmentResolver,
  PersonResolver,
  PersonStaffingResolver,
  CompetencyResolver,
  CompetencyLevelResolver,
  CompetencyRecordResolver,
  VacancyResolver,
  AssignmentPayloadVacancyResolver,
  CandidateResolver,
  ApplicationResolver,
  OfferResolver,
  RecruitmentAnalyticsResolver,
  ForecastResolver,
  CandidateMatchResolver,
  PlacementSuggestionResolver,
  StaffingGapResolver,
  SkillGapResolver,
  PlacementFitResolver,
  WorkloadResolver,
  AttractionResolver,
  PayComparisonResolver,
  PolicySimulationResolver,
  UnitSimulationResolver,
  PolicyScenarioResolver,
];

/**
 * Plain fields read their property directly. type-graphql otherwise wraps each in a resolver
 * that builds resolver data and runs the middleware chain; this service registers no
 * type-graphql middleware or auth checker (graphql-shield guards the schema), so that chain is
 * always empty, and at 200,000 fields an answer the wrappers' garbage is a tenth of the CPU.
 * graphql's default resolver reads a field by its GraphQL name, so a field whose property is
 * named otherwise (`Node.id` is the `globalId` getter) keeps type-graphql's resolver.
 */
function readPlainFieldsDirectly(): void {
  const storage = getMetadataStorage();
  // Direct reads would skip them: make adding one a start-up failure, not a silent bypass.
  if (storage.middlewares.length || storage.authorizedFields.length || storage.authorizedResolver.length) {
    throw new Error('type-graphql middleware or @Authorized found: plain fields would skip it; guard fields in src/auth/permissions.ts instead');
  }
  for (const field of storage.fields) if (field.schemaName !== field.name) field.simple = false;
  for (const type of storage.objectTypes) type.simpleResolvers ??= true;
}

/**
 * Field resolvers that run once per row of a long list (Position.assignments: once for each of
 * thousands of positions an answer). type-graphql's handler passes every argument through an
 * async validation (a no-op under `validate: false`) and then Promise.all, four promises a call,
 * each tracked by the async hooks; here the method is called with the same parameters directly.
 * Permissions are untouched: graphql-shield wraps this resolver as it wrapped type-graphql's.
 */
const DIRECT_FIELD_RESOLVERS = ['Position.assignments'];

/** What type-graphql's getParams would pass, for parameters whose conversion is the identity. */
type DirectParam = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

function callFieldResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const key of DIRECT_FIELD_RESOLVERS) {
    const [typeName, fieldName] = key.split('.');
    const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName];
    const metadata = storage.fieldResolvers.find((r) => r.schemaName === fieldName && storage.objectTypes.find((t) => t.target === r.getObjectType?.())?.name === typeName);
    if (!metadata) throw new Error(`${key} has no type-graphql field resolver`);
    let rootType: Function | undefined;
    const params: DirectParam[] = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index).map((param) => {
      if (param.kind === 'root' && !param.propertyName) {
        rootType = param.getType?.() as Function | undefined;
        return (root) => root;
      }
      if (param.kind === 'context' && !param.propertyName) return (_root, _args, context) => context;
      if (param.kind === 'info') return (_root, _args, _context, info) => info;
      // A scalar argument converts to itself and validates as a no-op (validate: false above).
      const type = param.kind === 'arg' ? (param.getType() as unknown) : undefined;
      if (param.kind === 'arg' && !param.validateFn && param.validateSettings === undefined && (type === Boolean || type === Number || type === String || type instanceof GraphQLScalarType)) {
        const name = param.name;
        return (_root, args) => args[name];
      }
      throw new Error(`${key}: parameter ${param.index} (${param.kind}) may not be passed directly`);
    });
    const target = metadata.target as new () => Record<string, (...values: unknown[]) => unknown>;
    const instance = new target();
    const method = instance[metadata.methodName];
    const viaTypeGraphql = field.resolve!;
    field.resolve = (root, args, context, info) => {
      // type-graphql would turn any other root into an instance of the class first.
      if (rootType && !(root instanceof rootType)) return viaTypeGraphql(root, args, context, info);
      return method.apply(instance, params.map((param) => param(root, args, context, info)));
    };
  }
}

/** The schema as type-graphql builds it from the code, before permissions wrap it. */
export function buildBareSchema(): GraphQLSchema {
  readPlainFieldsDirectly();
  const schema = buildSchemaSync({ resolvers, validate: false, emitSchemaFile: false });
  callFieldResolversDirectly(schema);
  // type-graphql has no decorator for the root types' own descriptions.
  Object.assign(schema.getQueryType()!, { description: 'Reads: the workforce model of your subtree and the analytics over it.' });
  Object.assign(schema.getMutationType()!, {
    description: 'Writes. Each takes one `input` and returns a payload with the changed object and `userErrors`; on a userError nothing changes.',
  });
  return schema;
}

/** The served schema: every field behind the graphql-shield permission layer (deny by default). */
export function buildAppSchema(logger: Logger): GraphQLSchema {
  const schema = buildBareSchema();
  canonicaliseUnitCodeArguments(schema);
  const unguarded = new Map<string, GraphQLFieldResolver<unknown, unknown> | undefined>();
  for (const key of fieldsCheckedOnTheWay(schema)) {
    const [typeName, fieldName] = key.split('.');
    unguarded.set(key, (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName].resolve);
  }
  const guarded = applyMiddleware(schema, permissions(logger, Object.keys(schema.getTypeMap())));
  // Fields whose role rule every path to them has already enforced get their own resolver back:
  // re-checking it for each of 50,000 rows costs a promise per field and buys nothing.
  for (const [key, resolve] of unguarded) {
    const [typeName, fieldName] = key.split('.');
    (guarded.getType(typeName) as GraphQLObjectType).getFields()[fieldName].resolve = resolve;
  }
  // A relation a list fetched whole with its rows is answered as it is, without a trip through
  // type-graphql's parameter and middleware machinery for each of 50,000 rows. Only where no
  // permission check sits on the field, so that nothing is skipped but that machinery.
  for (const key of PREFETCHED_RELATIONS) {
    if (!unguarded.has(key)) throw new Error(`${key} carries a permission check; it may not take the prefetched fast path`);
    const [typeName, fieldName] = key.split('.');
    const field = (guarded.getType(typeName) as GraphQLObjectType).getFields()[fieldName];
    const resolve = field.resolve!;
    field.resolve = (root, args, context, info) => {
      const value = (root as Record<string, unknown> | null)?.[fieldName];
      return isReadModel(value) ? value : resolve(root, args, context, info);
    };
  }
  return guarded;
}

/** Relation fields whose rows a list may fetch with its own (Position.assignments fetches the person). */
const PREFETCHED_RELATIONS = ['Assignment.person'];

/** The SDL committed as schema/schema.graphql; sorted so that diffs show real changes only. */
export function printAppSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildBareSchema()))}\n`;
}
