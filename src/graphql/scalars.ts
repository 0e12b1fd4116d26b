import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** True for a real calendar day written as YYYY-MM-DD ("2026-02-30" is not one). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseLocalDate(value: unknown): string {
  if (!isLocalDate(value)) {
    throw badInput(`LocalDate must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

function serializeLocalDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // Outgoing dates come from PostgreSQL date columns, real days by construction: the shape is
  // checked, the calendar is left to the input side (parseLocalDate).
  if (typeof value === 'string' && DATE_PATTERN.test(value)) return value;
  throw new GraphQLError(`LocalDate cannot represent ${JSON.stringify(value)}`);
}

export const LocalDateScalar = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A calendar date, "YYYY-MM-DD" (ISO 8601), with no time zone.',
  specifiedByURL: 'https://www.iso.org/iso-8601-date-and-time-format.html',
  serialize: serializeLocalDate,
  parseValue: parseLocalDate,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw badInput('LocalDate must be a string "YYYY-MM-DD"');
    return parseLocalDate(ast.value);
  },
});

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  // Its own output again: compiled execution coerces variables that graphql-js has coerced.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value !== 'string' || !DATE_TIME_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(`DateTime must be an ISO-8601 instant such as "2026-01-31T08:00:00Z", got ${JSON.stringify(value)}`);
  }
  return new Date(value);
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in time, ISO 8601 in UTC, e.g. "2026-01-31T08:00:00.000Z".',
  serialize(value: unknown) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});

function parseVnd(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badInput(`VND must be a whole number of dong within ±${Number.MAX_SAFE_INTEGER}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const VNDScalar = new GraphQLScalarType({
  name: 'VND',
  description: 'An amount of Vietnamese dong: a whole number, sent as a JSON number (safe integer).',
  serialize(value: unknown) {
    const number = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
      throw new GraphQLError(`VND cannot represent ${String(value)}`);
    }
    return number;
  },
  parseValue: parseVnd,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.INT) throw badInput('VND must be a whole number');
    return parseVnd(Number(ast.value));
  },
});
