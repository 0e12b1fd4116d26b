import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, GraphQLSchema, isEnumType, printSchema, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { RequestContext } from '../edge/context';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];
type GatewayRequest = Parameters<NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>>[0];

/**
 * Executes operations as JavaScript compiled for each of them by graphql-jit, instead of
 * graphql-js walking the document field by field. graphql-js builds a resolve-info object, an
 * argument map and a path entry for every field of the answer: for the nested list's 300,000
 * fields that was half of the server's CPU, most of it garbage. Compiled, a plain field is a
 * property read and the answer is the same, byte for byte (a test runs both executors over
 * the same operations).
 *
 * Variables are coerced by graphql-js first, so a bad value gets graphql-js's message and
 * code exactly as without compilation, and input fields get their defaults (graphql-jit 0.8
 * refuses a missing non-null input field even when it has a default). The compiled query then
 * coerces the coerced values once more, which is why every custom scalar's parseValue accepts
 * its own output and every enum's value is its name (checked here at start-up).
 *
 * Apollo Server takes a custom executor only through its gateway interface; here the gateway
 * serves the one local schema, and Apollo still parses, validates and applies the query limits
 * before anything is compiled.
 */
export function compiledExecution(schema: GraphQLSchema, options: { maxCompiledOperations: number }): Gateway {
  assertEnumValuesAreNames(schema);
  const compiled = new Map<string, CompiledQuery>();

  function compiledFor(request: GatewayRequest): CompiledQuery | ExecutionResult {
    const key = `${request.queryHash}\u0000${request.operationName ?? ''}`;
    const hit = compiled.get(key);
    if (hit) {
      // Least recently used goes first: re-inserting moves a hit to the end.
      compiled.delete(key);
      compiled.set(key, hit);
      return hit;
    }
    const result = compileQuery(schema, request.document, request.operationName ?? undefined);
    if (!isCompiledQuery(result)) return result;
    compiled.set(key, result);
    if (compiled.size > options.maxCompiledOperations) compiled.delete(compiled.keys().next().value!);
    return result;
  }

  async function executor(request: GatewayRequest): Promise<ExecutionResult> {
    const operation = request.operation as OperationDefinitionNode | undefined;
    // No operation to run (an unknown operationName, two anonymous ones): graphql-js words the
    // error without running anything, and Apollo answers it as OPERATION_RESOLUTION_FAILURE (400).
    if (!operation) return execute({ schema, document: request.document, operationName: request.request.operationName }) as ExecutionResult;
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.request.variables ?? {}, { maxErrors: 50 });
    if (variables.errors) return { errors: variables.errors };
    const query = compiledFor(request);
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, request.context, variables.coerced);
    return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
  }

  return {
    async load() {
      return { executor: executor as never };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit reports a resolver's plain Error as its own GraphQLError without `extensions`,
 * which Apollo's error formatting reads: rebuilt as graphql-js would have built it.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  return Object.assign(rebuilt, { locations: error.locations });
}

/** A coerced enum value goes through coercion again, which takes names: they must coincide. */
function assertEnumValuesAreNames(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__')) continue;
    for (const value of type.getValues()) {
      if (value.value !== value.name) {
        throw new Error(`Enum ${type.name}.${value.name} has the internal value ${JSON.stringify(value.value)}; compiled execution needs it to be its name`);
      }
    }
  }
}
