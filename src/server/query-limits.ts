import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  ValueNode,
  VariableDefinitionNode,
} from 'graphql';
import type { Config } from '../config';
import { DEFAULT_PAGE_SIZE } from '../graphql/connection';
import type { RequestContext } from '../edge/context';

/**
 * Bounds on what one request may ask for, checked after parsing and before anything runs
 * (OWASP GraphQL Cheat Sheet): depth, aliases, fields, and an estimated cost that multiplies
 * along nested lists by their page size — so a query able to return a million nodes is refused
 * at once.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Largest estimated number of objects returned. */
  maxCost: number;
  /** Largest number of lexical tokens in a query document (checked by the parser). */
  maxTokens: number;
  /** Largest number of field selections once every fragment spread is expanded. */
  maxFields: number;
}

/**
 * Pairs of fields that share a response name in one selection, its fragments merged, summed
 * over the document. Validation (OverlappingFieldsCanBeMerged) compares every such pair:
 * 1,600 `a: role` cost 2.5 M comparisons and 130 ms. A Relay-style document that repeats `id`
 * forty times in each of ten selections needs 16,000.
 */
export const MAX_SAME_NAME_PAIRS = 50_000;

export function queryLimitsFrom(config: Config): QueryLimits {
  return { maxDepth: config.maxQueryDepth, maxAliases: config.maxQueryAliases, maxCost: config.maxQueryCost, maxTokens: config.maxQueryTokens, maxFields: config.maxQueryFields };
}

/** A list field without a page size is assumed to hold this many items when estimating cost. */
const ASSUMED_LIST_SIZE = DEFAULT_PAGE_SIZE;

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

/**
 * What a selection set asks for, relative to where it is spread: how many levels it nests, how
 * many aliases and fields it holds once expanded, and how many objects it can return per
 * object it is selected on. Cost is linear in the multiplier above it, so one summary per
 * fragment serves every place that spreads it: the walk is linear in the document, however
 * often fragments spread each other (F0 spreading F1 twice, F1 spreading F2 twice … would
 * otherwise be walked 2ⁿ times). Counts may grow past 2⁵³ in such a document; they stay
 * numbers (at worst Infinity) and are refused by the limits.
 */
interface Summary {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
  /** Response names at the selection's own level, with how often each occurs there. */
  names: Map<string, number>;
}

const EMPTY: Summary = { depth: 0, aliases: 0, fields: 0, cost: 0, names: new Map() };

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  variableDefaults: Map<string, ValueNode>;
  summaries: Map<string, Summary>;
  /** Fragments being summarised now: a cycle (refused by validation anyway) counts as empty. */
  open: Set<string>;
  sameNamePairs: number;
}

function literalInt(node: ValueNode | undefined): number | null {
  return node?.kind === Kind.INT ? Number(node.value) : null;
}

/**
 * The page size a list field will get, however it arrives: a literal, a variable's value, the
 * variable's default, or the argument's default in the schema.
 */
function pageSizeOf(field: FieldNode, definition: GraphQLField<unknown, unknown>, walk: Walk, fallback: number): number {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return fallback;
  const given = field.arguments?.find((a) => a.name.value === 'first')?.value;
  let size: number | null = null;
  if (given?.kind === Kind.VARIABLE) {
    const name = given.name.value;
    const value = Object.hasOwn(walk.variables, name) ? walk.variables[name] : undefined;
    if (typeof value === 'number') size = value;
    else if (value === undefined) size = literalInt(walk.variableDefaults.get(name));
  } else {
    size = literalInt(given);
  }
  if (size === null && typeof argument.defaultValue === 'number') size = argument.defaultValue;
  if (size === null || !Number.isFinite(size)) size = fallback;
  return Math.max(size, 1);
}

/** The definition of a field on a type, the introspection entry points included. */
function fieldOn(parentType: GraphQLNamedType, name: string, walk: Walk): GraphQLField<unknown, unknown> | undefined {
  if (parentType === walk.schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

function summarise(selectionSet: SelectionSetNode, parentType: GraphQLNamedType, walk: Walk): Summary {
  const total: Summary = { depth: 0, aliases: 0, fields: 0, cost: 0, names: new Map() };
  const count = (name: string, times: number) => total.names.set(name, (total.names.get(name) ?? 0) + times);
  const add = (part: Summary, levelStep: number, multiplier: number, ownCost: number) => {
    total.depth = Math.max(total.depth, levelStep + part.depth);
    total.aliases += part.aliases;
    total.fields += part.fields;
    total.cost += ownCost + multiplier * part.cost;
  };
  const merge = (part: Summary) => {
    add(part, 0, 1, 0);
    for (const [name, times] of part.names) count(name, times);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total.fields += 1;
      if (selection.alias) total.aliases += 1;
      count(selection.alias?.value ?? selection.name.value, 1);
      if (!selection.selectionSet) continue;
      const definition = fieldOn(parentType, selection.name.value, walk);
      if (!definition) continue; // validation reports unknown fields
      const returned = getNamedType(definition.type);
      const inner = summarise(selection.selectionSet, returned, walk);
      // The schema's own description (introspection) is small and fixed: it counts toward
      // fields and aliases, not toward depth or the objects a query returns.
      if (returned.name.startsWith('__')) {
        add(inner, 0, 0, 0);
        continue;
      }
      const isConnection = returned.name.endsWith('Connection');
      const isEdgesOfConnection = selection.name.value === 'edges' && parentType.name.endsWith('Connection');
      let multiplier = 1;
      if (isConnection) multiplier = pageSizeOf(selection, definition, walk, DEFAULT_PAGE_SIZE);
      else if (isListType(getNullableType(definition.type)) && !isEdgesOfConnection) multiplier = pageSizeOf(selection, definition, walk, ASSUMED_LIST_SIZE);
      // A connection's `edges` and an edge's `node` are the connection's own level, not new ones:
      // Relay's wrappers would otherwise spend two levels of the budget on every hop.
      const isNodeOfEdge = selection.name.value === 'node' && parentType.name.endsWith('Edge');
      // Cost counts the objects a field can return: every item of every page, at every level.
      add(inner, isEdgesOfConnection || isNodeOfEdge ? 0 : 1, multiplier, multiplier);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typed = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) ?? parentType : parentType;
      merge(summarise(selection.selectionSet, typed, walk));
    } else {
      merge(fragmentSummary(selection.name.value, parentType, walk));
    }
  }
  for (const [name, times] of total.names) {
    walk.sameNamePairs += times * times;
    if (walk.sameNamePairs > MAX_SAME_NAME_PAIRS) {
      throw tooComplex(`The query repeats fields too often (${name} ${times > 1e6 ? 'more than a million' : times} times in one selection, its fragments expanded); ask for each field once`);
    }
  }
  return total;
}

function fragmentSummary(name: string, parentType: GraphQLNamedType, walk: Walk): Summary {
  const known = walk.summaries.get(name);
  if (known) return known;
  const fragment = walk.fragments.get(name);
  if (!fragment || walk.open.has(name)) return EMPTY;
  walk.open.add(name);
  const typed = walk.schema.getType(fragment.typeCondition.name.value) ?? parentType;
  const summary = summarise(fragment.selectionSet, typed, walk);
  walk.open.delete(name);
  walk.summaries.set(name, summary);
  return summary;
}

export interface Measure {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
}

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Iterable<FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { ...EMPTY };
  const walk: Walk = {
    schema,
    fragments: new Map([...fragments].map((f) => [f.name.value, f])),
    variables,
    variableDefaults: defaultsOf(operation.variableDefinitions ?? []),
    summaries: new Map(),
    open: new Set(),
    sameNamePairs: 0,
  };
  // Depth as graphql-depth-limit counts it: `{ me { role } }` is 1 deep.
  return summarise(operation.selectionSet, root, walk);
}

function defaultsOf(definitions: readonly VariableDefinitionNode[]): Map<string, ValueNode> {
  const defaults = new Map<string, ValueNode>();
  for (const definition of definitions) if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  return defaults;
}

export function assertWithinLimits(measure: Measure, limits: QueryLimits): void {
  if (measure.depth > limits.maxDepth) throw tooComplex(`The query is nested ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed`);
  if (measure.aliases > limits.maxAliases) throw tooComplex(`The query uses more than ${limits.maxAliases} aliases`);
  if (measure.fields > limits.maxFields) throw tooComplex(`The query selects more than ${limits.maxFields} fields once its fragments are expanded`);
  if (measure.cost > limits.maxCost) throw tooComplex(`The query could return more than ${limits.maxCost} objects; ask for smaller pages or fewer levels`);
}

/** True when every root field of the operation is introspection (`__schema`, `__type`, `__typename`). */
export function isIntrospectionOnly(operation: OperationDefinitionNode, fragments: Iterable<FragmentDefinitionNode>): boolean {
  const byName = new Map([...fragments].map((f) => [f.name.value, f]));
  const seen = new Set<string>();
  const onlyMeta = (set: SelectionSetNode): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
      if (selection.kind === Kind.INLINE_FRAGMENT) return onlyMeta(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return true;
      seen.add(name);
      const fragment = byName.get(name);
      return !fragment || onlyMeta(fragment.selectionSet);
    });
  return operation.operation === 'query' && onlyMeta(operation.selectionSet);
}

function requestError(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * The checks every document passes before anything costs more than parsing it: who asks (a
 * caller without a token may only introspect, and only outside production), then its size,
 * for every operation it holds. Throws GraphQL errors carrying their HTTP status.
 */
export function gateDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  callerHasToken: boolean,
  limits: QueryLimits,
): void {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  if (!callerHasToken && !operations.every((operation) => isIntrospectionOnly(operation, fragments))) {
    throw requestError('A valid bearer token is required', 'UNAUTHENTICATED', 401);
  }
  for (const operation of operations) assertWithinLimits(measureOperation(schema, operation, fragments, variables), limits);
}

/** Parsed documents by their text, so the gate parses a repeated query once. */
const MAX_CACHED_DOCUMENTS = 1_000;
const MAX_CACHED_TEXT = 20_000;

/**
 * The gate in front of Apollo (http.ts calls it with the request's text): Apollo validates a
 * document before any plugin may refuse it, and validation is worse than linear on some
 * documents (F0…Fn spreading each other, thousands of fields sharing a name). A document that
 * does not parse is left to Apollo, which words that error.
 */
export class RequestGate {
  private readonly parsed = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: QueryLimits,
  ) {}

  check(query: unknown, variables: unknown, callerHasToken: boolean): void {
    if (typeof query !== 'string') return;
    const document = this.documentOf(query);
    if (!document) return;
    const given = variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {};
    gateDocument(this.schema, document, given, callerHasToken, this.limits);
  }

  private documentOf(query: string): DocumentNode | null {
    const known = this.parsed.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.limits.maxTokens, noLocation: true });
    } catch {
      return null;
    }
    if (query.length <= MAX_CACHED_TEXT) {
      this.parsed.set(query, document);
      if (this.parsed.size > MAX_CACHED_DOCUMENTS) this.parsed.delete(this.parsed.keys().next().value!);
    }
    return document;
  }
}

/**
 * The same gate inside Apollo, once the operation is known: a persisted query arrives as a hash
 * that only Apollo resolves to text, and its variables may differ from the ones it was first
 * checked with. Then what the operation is: this server has no subscriptions.
 */
export function operationGatePlugin(limits: QueryLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema, contextValue }) {
          if (!operation) return;
          gateDocument(schema, document, request.variables ?? {}, contextValue.viewer !== null, limits);
          if (operation.operation === 'subscription') {
            throw requestError('This server has no subscriptions: send a query or a mutation', 'BAD_REQUEST', 400);
          }
        },
      };
    },
  };
}
