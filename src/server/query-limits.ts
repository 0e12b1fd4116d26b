import type { ApolloServerPlugin } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../graphql/connection';
import type { RequestContext } from './context';

/**
 * Bounds on what one request may ask for, checked after parsing and before anything runs
 * (OWASP GraphQL Cheat Sheet): depth, aliases, and an estimated cost that multiplies along
 * nested lists by their `first` — so a query able to return a million nodes is refused at once.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Largest estimated number of objects returned. */
  maxCost: number;
  /** Largest number of lexical tokens in a query document (checked by the parser). */
  maxTokens: number;
}

/** A list field without `first` is assumed to hold this many items when estimating cost. */
const ASSUMED_LIST_SIZE = DEFAULT_PAGE_SIZE;

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : null;
  }
  return null;
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Walks the selection tree once, with the schema's types. Cost = Σ over object-returning fields
 * of how many objects they can return: the product of the page sizes down to them. A connection
 * multiplies by its `first` (default 20; its `edges` are that same page), any other list by its
 * `first` or ASSUMED_LIST_SIZE.
 */
function measure(
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  walk: Walk,
  depth: number,
  multiplier: number,
  seenFragments: Set<string>,
): void {
  const { acc, limits } = walk;
  if (depth > acc.depth) acc.depth = depth;
  if (acc.depth > limits.maxDepth) throw tooComplex(`The query is nested ${acc.depth} levels deep; at most ${limits.maxDepth} are allowed`);
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as FieldNode;
      if (field.alias) acc.aliases += 1;
      if (acc.aliases > limits.maxAliases) throw tooComplex(`The query uses more than ${limits.maxAliases} aliases`);
      if (!field.selectionSet) continue;
      const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[field.name.value] : undefined;
      if (!definition) continue; // validation reports unknown fields
      const returned = getNamedType(definition.type);
      const first = intValue(field.arguments?.find((a) => a.name.value === 'first')?.value, walk.variables);
      let childMultiplier = multiplier;
      const isConnection = returned.name.endsWith('Connection');
      const isEdgesOfConnection = field.name.value === 'edges' && parentType.name.endsWith('Connection');
      if (isConnection) childMultiplier *= Math.max(first ?? DEFAULT_PAGE_SIZE, 1);
      else if (isListType(getNullableType(definition.type)) && !isEdgesOfConnection) childMultiplier *= Math.max(first ?? ASSUMED_LIST_SIZE, 1);
      // Cost counts the objects a field can return: every item of every page, at every level.
      acc.cost += childMultiplier;
      if (acc.cost > limits.maxCost) throw tooComplex(`The query could return more than ${limits.maxCost} objects; ask for smaller pages or fewer levels`);
      // A connection's `edges` and an edge's `node` are the connection's own level, not new ones:
      // Relay's wrappers would otherwise spend two levels of the budget on every hop.
      const isNodeOfEdge = field.name.value === 'node' && parentType.name.endsWith('Edge');
      const nextDepth = isEdgesOfConnection || isNodeOfEdge ? depth : depth + 1;
      measure(field.selectionSet, returned, walk, nextDepth, childMultiplier, seenFragments);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typed = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) ?? parentType : parentType;
      measure(selection.selectionSet, typed, walk, depth, multiplier, seenFragments);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      if (!fragment || seenFragments.has(fragment.name.value)) continue;
      const typed = walk.schema.getType(fragment.typeCondition.name.value) ?? parentType;
      measure(fragment.selectionSet, typed, walk, depth, multiplier, new Set(seenFragments).add(fragment.name.value));
    }
  }
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: QueryLimits;
  acc: Measure;
}

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): Measure {
  const acc: Measure = { depth: 0, aliases: 0, cost: 0 };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  // Depth as graphql-depth-limit counts it: `{ me { role } }` is 1 deep.
  if (root) measure(operation.selectionSet, root, { schema, fragments, variables, limits, acc }, 0, 1, new Set());
  return acc;
}

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          measureOperation(schema, operation, fragments, request.variables ?? {}, limits);
        },
      };
    },
  };
}
