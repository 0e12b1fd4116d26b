import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { loadConfig } from '../src/config';
import { toGlobalId } from '../src/graphql/global-id';
import { Role } from '../src/graphql/enums';
import { buildBareSchema } from '../src/app/schema';
import { addOffers, buildAttractionWorld } from './helpers/attraction-world';
import type { TestServer } from './helpers/harness';
import { startConfiguredServer } from './helpers/test-database';
import { buildWorld } from './helpers/world';

/**
 * Property: whatever a client sends to a mutation or a main query — text in Vietnamese or full of
 * control characters, huge, negative or fractional numbers, impossible dates, unknown or
 * malformed IDs, oversized lists — the server never answers INTERNAL_SERVER_ERROR or a 5xx, never
 * puts a message longer than 1,000 characters in an answer (what a client sent is echoed
 * shortened), and a mutation it refuses (userErrors or an error) changes no row of any table.
 *
 * Four cases in five are generated from the schema itself (every argument, every input field, by
 * its type), with hints by field name so that most values are plausible and one or two are
 * hostile: that gets past validation into the services. IDs, codes and cursors are drawn at send
 * time from what the database holds then, so later cases use what earlier ones created. The fifth
 * is a whole hostile request of a kind that found bugs here: `after` cursors that look issued but
 * carry garbage, numbers past bigint or JSON of any shape, or are real ones from another list;
 * operation names that name nothing, two anonymous operations, subscriptions; fragments spreading
 * fragments, down to a chain F0..Fn each spreading the next twice (refused, or the same answer
 * as the fields written once); `first: $n` where only the variable's default makes it huge
 * (refused); and 100 KB – 900 KB strings in every argument, literal and name.
 *
 * Every failure is collected (not only the first), each distinct one printed once with the
 * caller's role, the operation, its variables and the response (long values shortened), and how
 * many cases failed the same way. Seeded and deterministic: the same cases run on every machine,
 * however fast (no time budget: a slow machine takes longer, it does not test less). FUZZ_SEED
 * and FUZZ_CASES reproduce or widen a run, FUZZ_VERBOSE=1 prints what every operation answered
 * (to see which paths the inputs reach).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const CASES = Number(process.env.FUZZ_CASES ?? 3_000);
/**
 * Only a guard against a hung server, never a budget: about 50 times what the run takes on an
 * idle 2-core machine, and several times what it took there under the whole suite.
 */
const HANG_GUARD_MS = 20 * 60_000;

const MUTATIONS = [
  'createOrgUnit', 'setEstablishmentQuota', 'createCompetency', 'createPosition', 'createPerson', 'assignPerson',
  'endAssignment', 'openVacancy', 'cancelVacancy', 'reopenVacancy', 'createCandidate', 'applyToVacancy', 'moveApplication',
  'makeOffer', 'decideOffer', 'hireCandidate', 'upsertSalaryBenchmark', 'createIncentivePackage', 'updateIncentivePackage',
  'setWorkloadComponent', 'savePolicyScenario', 'setBaseSalary',
];
const QUERIES = [
  'staffingGap', 'skillGaps', 'placementFit', 'orgUnits', 'people', 'vacancies', 'payGap', 'simulatePolicy', 'workloadNeed',
  'recruitmentFunnel', 'matchCandidates', 'node', 'positions', 'policyCurve', 'placementPlan', 'orgUnit', 'workloadComponents',
];
/** Error codes a hostile input may earn. Anything else (INTERNAL_SERVER_ERROR above all) is a bug. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED', 'OPERATION_RESOLUTION_FAILURE',
]);
/** No error message may be longer: a value a client sent is echoed shortened (80 characters and "…"), never whole. */
const MAX_MESSAGE_LENGTH = 1_000;

// ---------- values ----------

/** Resolved when the case is sent, against the database as it is then. */
class Pick {
  constructor(readonly pool: string, readonly at: number) {}
}

const VIETNAMESE = [
  'Nguyễn Thị Lan', 'Trần Minh Khoa', 'Phường Phú Xuân', 'Xã Phú Xuân', 'Ủy ban nhân dân huyện Nhà Bè', 'Đặng Thị Giang',
  'Chuyên viên chuyển đổi số', 'Sở Thông tin và Truyền thông', 'Nghị quyết 57-NQ/TW', 'Quyết định số 179/2025/NĐ-CP', 'Bùi Thị Inh',
  'ĐẶNG VĂN ĐỨC', 'ngô thị xuân', 'Phú Xuân', 'phu xuan',
];
const VIETNAMESE_LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĂÂĐÊÔƠƯ ';
const HOSTILE_STRINGS = [
  '', ' ', '   ', '\t\n', '\u0000', 'a\u0000b', '\u0007\u0008\u001b[31m', '\u007f', '\u2028\u2029', '\ufeff', '\u202eLTR', '\ud800', 'a\udc00b',
  '%', '_', '%_%', '\\', '\\%', "'", "''", '"', "' or 1=1 --", "Robert'); drop table person;--", '$1', '?', '??', ':name',
  '<script>alert(1)</script>', '../../etc/passwd', 'null', 'undefined', 'NaN', '0', '-1', '1e309', 'true', '{}', '[]', '🧑‍💻🇻🇳', 'ǅ', 'ﬁ',
  'A'.repeat(256), 'Ư'.repeat(1_000),
];

const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VIETNAMESE) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...VIETNAMESE_LETTERS), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 10 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'Ệ', '\u0000', '%'), fc.integer({ min: 10_000, max: 200_000 })).map(([c, n]) => c.repeat(n)) },
);

/** JSON values of the wrong kind for a field. */
const wrongKind: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(true, false, 0, -1, 1.5, 'text', [], [1, 2], {}, { a: 1 });

const wildInt: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2_147_483_647, -2_147_483_648, 2_147_483_648, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, 0.5, -0.5, 2.5, -0),
  fc.double({ noNaN: true }),
);
const wildFloat: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, -1, 1e-300, 1e300, 1.7976931348623157e308, -1e308, 5e-324, 0.1 + 0.2, 2 ** 53 + 2),
);
const wildDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '0000-01-01', '0001-01-01', '0099-12-31', '9999-12-31',
    '10000-01-01', '-0001-01-01', '2026-1-1', '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', '2026-01-01 ', ' 2026-01-01', '',
    '1900-01-01', '1800-06-15', '2200-01-01', '2024-02-29',
  ),
  fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  anyString,
);
const plausibleDate: fc.Arbitrary<string> = fc
  .date({ min: new Date(Date.UTC(2023, 0, 1)), max: new Date(Date.UTC(2031, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const NODE_TYPES = [
  'OrgUnit', 'Position', 'Person', 'Assignment', 'Competency', 'Vacancy', 'Candidate', 'Application', 'Offer',
  'IncentivePackage', 'SalaryBenchmark', 'WorkloadComponent', 'PolicyScenario', 'AuditEvent',
];
/** Which kind of object an ID field names, by its name. */
const ID_FIELD_TYPES: Record<string, string> = {
  personId: 'Person', positionId: 'Position', vacancyId: 'Vacancy', candidateId: 'Candidate', applicationId: 'Application',
  offerId: 'Offer', assignmentId: 'Assignment', incentivePackageId: 'IncentivePackage',
};

/** plausible: what a careful client sends; hostile: hostile values among plausible ones; full: plausible, every optional field and one list item present. */
type Mode = 'plausible' | 'hostile' | 'full';
const unit01 = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function idArb(type: string | null, mode: Mode): fc.Arbitrary<unknown> {
  const plausible = unit01.map((at) => new Pick(`id:${type ?? 'any'}`, at));
  if (mode !== 'hostile') return plausible;
  return fc.oneof(
    { weight: 12, arbitrary: plausible },
    { weight: 2, arbitrary: unit01.map((at) => new Pick('id:any', at)) },
    { weight: 1, arbitrary: fc.tuple(type ? fc.constant(type) : fc.constantFrom(...NODE_TYPES), fc.constantFrom('999999999', '0', '-1', '1.5', '99999999999999999', '999999999999999999', '9223372036854775807', '9223372036854775808', '1e3', ' 1', '01', 'abc', '')).map(([t, key]) => toGlobalId(t, key)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('person', 'Nobody', '', 'OrgUnit:1', 'Position '), fc.constantFrom('1', '2', 'x')).map(([t, k]) => toGlobalId(t, k)) },
    { weight: 1, arbitrary: fc.constantFrom('', '=', '====', '!!', 'UGVyc29uOjE', 'UGVyc29uOjE=', 'UGVyc29uOjE ', '1', '-1', '0'.repeat(300), '%2F', 'eyJhbGciOiJub25lIn0') },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }) },
    { weight: 1, arbitrary: wrongKind },
  );
}

const vietnameseText = fc.oneof(
  fc.constantFrom(...VIETNAMESE),
  fc.string({ unit: fc.constantFrom(...VIETNAMESE_LETTERS), minLength: 2, maxLength: 40 }).filter((t) => t.trim().length > 0),
);

/** A value a careful client would send for a field of this name and type, and hostile ones. */
function leafValues(typeName: string, fieldName: string): { plausible: fc.Arbitrary<unknown>; wild: fc.Arbitrary<unknown> } {
  const name = fieldName.toLowerCase();
  const pick = (pool: string) => unit01.map((at) => new Pick(pool, at));
  switch (typeName) {
    case 'LocalDate':
      return { plausible: plausibleDate, wild: wildDate };
    case 'DateTime':
      return { plausible: fc.constantFrom('2026-01-31T08:00:00Z', '2026-01-31T08:00:00.123+07:00'), wild: anyString };
    case 'Boolean':
      return { plausible: fc.boolean(), wild: wrongKind };
    case 'VND':
      return { plausible: fc.integer({ min: 1_000_000, max: 60_000_000 }), wild: fc.oneof(wildInt, fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e20)) };
    case 'Float': {
      let plausible: fc.Arbitrary<number> = fc.double({ min: 0, max: 100_000, noNaN: true });
      if (name.includes('percent') || name.includes('reduction') || name === 'minscore') plausible = fc.double({ min: 0, max: 1, noNaN: true });
      else if (name.includes('share')) plausible = fc.double({ min: 0, max: 0.5, noNaN: true });
      else if (name.includes('coefficient')) plausible = fc.integer({ min: 100, max: 1_000 }).map((n) => n / 100);
      else if (name.includes('hours')) plausible = fc.double({ min: 1_000, max: 2_200, noNaN: true });
      else if (name.includes('minutes')) plausible = fc.double({ min: 1, max: 600, noNaN: true });
      return { plausible, wild: wildFloat };
    }
    case 'Int': {
      let plausible: fc.Arbitrary<number> = fc.integer({ min: 0, max: 20 });
      if (name === 'year') plausible = fc.integer({ min: 2024, max: 2031 });
      else if (name === 'birthyear') plausible = fc.integer({ min: 1960, max: 2006 });
      else if (name === 'level') plausible = fc.integer({ min: 1, max: 5 });
      else if (name === 'first') plausible = fc.integer({ min: 1, max: 20 });
      else if (name === 'steps') plausible = fc.integer({ min: 2, max: 11 });
      else if (name === 'population') plausible = fc.integer({ min: 1_000, max: 10_000_000 });
      else if (name === 'minserviceyears') plausible = fc.integer({ min: 1, max: 5 });
      return { plausible, wild: wildInt };
    }
    case 'String':
      if (name === 'unitcode' || name === 'parentcode') return { plausible: pick('unit'), wild: anyString };
      if (name === 'competencycode') return { plausible: pick('competency'), wild: anyString };
      if (name === 'code') {
        // A new unit's full dotted code (its parentCode + "."), or a new competency's code.
        return { plausible: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/).map((tail) => new Pick(`newcode:${tail}`, 0)), wild: fc.oneof(anyString, fc.stringMatching(/^[A-Za-z0-9_.-]{0,70}$/)) };
      }
      if (name === 'region') return { plausible: fc.constantFrom('HCM', 'VN', 'REG', 'PROV'), wild: anyString };
      if (name === 'after') return { plausible: fc.constant(undefined), wild: fc.oneof(fc.base64String({ maxLength: 24 }), anyString, fc.constantFrom('YXJyYXljb25uZWN0aW9uOjA=', 'MTA=', 'LTE=', 'OTk5OTk5OTk5OTk5OTk5OTk5OTk=')) };
      return { plausible: vietnameseText, wild: anyString };
    default:
      return { plausible: anyString, wild: fc.oneof(anyString, wildInt, wrongKind) };
  }
}

function leafArb(typeName: string, fieldName: string, enumValues: string[] | null, mode: Mode, parent: string): fc.Arbitrary<unknown> {
  if (typeName === 'ID') return idArb(ID_FIELD_TYPES[fieldName] ?? (fieldName === 'id' && parent.endsWith('IncentivePackageInput') ? 'IncentivePackage' : null), mode);
  const { plausible, wild } = enumValues
    ? { plausible: fc.constantFrom(...enumValues), wild: fc.oneof(anyString, fc.constantFrom(...enumValues.map((v) => v.toLowerCase()))) }
    : leafValues(typeName, fieldName);
  if (mode !== 'hostile') return plausible;
  return fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 2, arbitrary: wild }, { weight: 1, arbitrary: wrongKind });
}

function inputArb(type: GraphQLInputType, fieldName: string, mode: Mode, depth = 0, parent = ''): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = innerArb(type.ofType, fieldName, mode, depth, parent);
    return mode !== 'hostile' ? inner : fc.oneof({ weight: 40, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const inner = innerArb(type, fieldName, mode, depth, parent);
  if (mode === 'full') return inner;
  if (mode === 'plausible') return fc.oneof({ weight: 3, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.oneof({ weight: 10, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constant(undefined) });
}

function innerArb(type: GraphQLInputType, fieldName: string, mode: Mode, depth: number, parent: string): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputArb(type, fieldName, mode, depth, parent);
  if (isListType(type)) {
    const item = inputArb(type.ofType, fieldName, mode, depth + 1, parent);
    if (mode === 'full') return item.map((one) => [one]);
    if (mode === 'plausible') return fc.array(item, { maxLength: 3 });
    return fc.oneof(
      { weight: 12, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.tuple(item, fc.integer({ min: 1_000, max: 5_000 })).map(([one, n]) => Array.from({ length: n }, () => one)) },
      { weight: 1, arbitrary: item },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) shape[field.name] = inputArb(field.type, field.name, mode, depth + 1, type.name);
    const requiredKeys = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    if (mode === 'full') return fc.record(shape);
    const record = fc.record(shape, { requiredKeys });
    if (mode === 'plausible') return record;
    return fc.oneof(
      { weight: 30, arbitrary: record },
      { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.tuple(record, anyString).map(([value, key]) => ({ ...value, [key || 'unknownField']: 1 })) },
      { weight: 1, arbitrary: wrongKind },
    );
  }
  const named = getNamedType(type);
  return leafArb(named.name, fieldName, isEnumType(named) ? named.getValues().map((v) => v.value as string) : null, mode, parent);
}

// ---------- operations ----------

function selection(type: GraphQLOutputType, depth: number, schema: GraphQLSchema): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isInterfaceType(named) || isUnionType(named)) {
    // Each implementation's own scalar fields; a name two types give different types is left
    // out (GraphQL refuses such a selection).
    const implementations = isInterfaceType(named) ? schema.getPossibleTypes(named) : named.getTypes();
    const seen = new Map<string, string>();
    const fragments = implementations.map((t) => {
      const fields = Object.values(t.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0).filter((f) => {
        const known = seen.get(f.name);
        if (known !== undefined && known !== String(f.type)) return false;
        seen.set(f.name, String(f.type));
        return true;
      });
      return `... on ${t.name} { ${fields.map((f) => f.name).join(' ') || '__typename'} }`;
    });
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
  const parts: string[] = [];
  for (const field of fields) {
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth > 1) parts.push(`${field.name} ${selection(field.type, depth - 1, schema)}`);
    else if (isObjectType(getNamedType(field.type)) && (getNamedType(field.type) as { getFields(): Record<string, unknown> }).getFields().id) parts.push(`${field.name} { id }`);
  }
  return `{ ${parts.join(' ') || '__typename'} }`;
}

interface Target {
  name: string;
  kind: 'query' | 'mutation';
  document: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
  /** Its variables in one mode only (the hostile shapes build on these). */
  variablesFor: (mode: Mode) => fc.Arbitrary<Record<string, unknown>>;
}

function targetFor(schema: GraphQLSchema, kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Target {
  const declarations = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passes = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document = `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${passes ? `(${passes})` : ''} ${selection(field.type, 3, schema)} }`;
  const variablesFor = (mode: Mode) => {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) shape[arg.name] = inputArb(arg.type, arg.name, mode);
    const requiredKeys = field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
    return mode === 'full' ? fc.record(shape) : fc.record(shape, { requiredKeys });
  };
  // A third of the cases are what a careful client would send (they get past validation into
  // the services and the database); the rest have hostile values among plausible ones.
  return { name: field.name, kind, document, variablesFor, variables: fc.oneof({ weight: 1, arbitrary: variablesFor('plausible') }, { weight: 2, arbitrary: variablesFor('hostile') }) };
}

// ---------- hostile shapes: whole requests of the kinds that found bugs here ----------

/**
 * What a shape must earn beyond the common property: refused outright (errors of these codes
 * only, and no data), or, whenever it is answered, the very answer a plain query gives.
 */
type Expectation = { refusedWith: string[] } | { sameDataAs: string };

/** One request, whole: document, variables (Picks resolved when sent) and operation name. */
interface Shape {
  /** 'schema' for the cases generated field by field from the schema; else the kind of shape. */
  family: string;
  label: string;
  kind: 'query' | 'mutation';
  /** The mutation field whose payload says whether it was refused. */
  root: string | null;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as it is, whatever JSON it is; left out when undefined. */
  operationName?: unknown;
  expect?: Expectation;
  /** A huge string to put, once the variables are resolved, at one of their leaves (`at` of them all, 0..1). */
  huge?: { at: number; text: string };
}

function shapeOf(family: string, label: string, query: string, extra: Partial<Shape> = {}): Shape {
  return { family, label, kind: 'query', root: null, query, ...extra };
}

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** What may follow "c1:" in a cursor that looks issued: garbage, numbers past bigint, JSON of every shape. */
const cursorPayload: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'abc', '1.5', '1e3', ' 1', '1 ', '0x1F', 'NaN', 'Infinity', '-0', '١٢٣', "1' or '1'='1", '1; select 1', '%', '\\', '\u0000', 'PROV.D1', '\ud800'),
  fc.integer({ min: 19, max: 300 }).map((n) => '9'.repeat(n)),
  fc.constantFrom('-1', '-9223372036854775808', '-9223372036854775809', '9223372036854775807', '9223372036854775808', '-99999999999999999999', '18446744073709551616'),
  fc.constantFrom(
    '[', ']', '[]', '{}', 'null', 'true', '"2026-01-01"', '[1]', '[1,2,3]', '["2026-01-01","1"]', '["2026-02-30","1"]', '["9999-99-99","1"]',
    '["2026-01-01","x"]', '["2026-01-01","99999999999999999999"]', '["2026-01-01",-1]', '[null,null]', '[["a"],{}]', '{"openedOn":"2026-01-01","id":"1"}',
    '["2026-01-01","1","extra"]', '["",""]', '[true,false]', '["2026-01-01T00:00:00Z","1"]',
  ),
  fc.integer({ min: 10, max: 350 }).map((n) => '['.repeat(n)),
  fc.json({ maxDepth: 3 }),
  anyString.map((t) => t.slice(0, 300)),
);

const cursorArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: cursorPayload.map((payload) => b64url(`c1:${payload}`)) },
  // A cursor this API issued, from any list: handed to another list it is some other list's key.
  { weight: 4, arbitrary: unit01.map((at) => new Pick('cursor', at)) },
  // Standard base64 ('+', '/', '='), and text that is no base64 at all.
  { weight: 1, arbitrary: cursorPayload.map((payload) => Buffer.from(`c1:${payload}`, 'utf8').toString('base64')) },
  { weight: 2, arbitrary: fc.constantFrom('not a cursor', 'c1:1', 'YzE6MQ==', ' YzE6MQ', 'YzE6M Q', '%%%', '🧭', '', '====', 'Yz/E6+MQ', 'YzA6MQ', 'QzE6MQ', 'YzE', 'YzE6'.padEnd(600, 'A')) },
);

/** Every list that takes `after`, at the top and nested, with plausible arguments and a hostile cursor. */
function cursorShapes(schema: GraphQLSchema): fc.Arbitrary<Shape> {
  const lists = Object.values(schema.getQueryType()!.getFields()).filter((f) => f.args.some((a) => a.name === 'after'));
  const top = lists.map((field) => {
    const target = targetFor(schema, 'query', field);
    return fc.tuple(target.variablesFor('plausible'), cursorArb).map(([variables, after]) => shapeOf('cursor', `after of ${field.name}`, target.document, { variables: { ...variables, after } }));
  });
  const nested = fc.tuple(unit01, cursorArb, fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined })).map(([at, after, first]) =>
    shapeOf(
      'cursor',
      'after of OrgUnit.children and OrgUnit.positions',
      'query($code: String!, $first: Int, $after: String) { orgUnit(code: $code) { children(first: $first, after: $after) { totalCount edges { cursor node { code } } } positions(first: $first, after: $after) { totalCount edges { cursor node { id title } } } } }',
      { variables: { code: new Pick('unit', at), first, after } },
    ),
  );
  return fc.oneof(...top, nested);
}

const TWO_NAMED = 'query A { me { role } } query B { me { subject } }';
const operationNameShapes: fc.Arbitrary<Shape> = fc.oneof(
  fc.constantFrom<unknown>('C', 'a', 'A ', ' A', 'Ä', 'query', '__schema', 'A\u0000', '').map((operationName) => shapeOf('operation-name', 'an unknown operationName', TWO_NAMED, { operationName })),
  fc.constant(shapeOf('operation-name', 'two named operations and no operationName', TWO_NAMED)),
  fc.constantFrom<unknown>(undefined, 'A', '').map((operationName) => shapeOf('operation-name', 'two anonymous operations in one document', '{ me { role } } { me { subject } }', { operationName })),
  fc.constantFrom<unknown>('Nope', 'me').map((operationName) => shapeOf('operation-name', 'an operationName for an anonymous operation', '{ me { role } }', { operationName })),
  fc
    .constantFrom<[string, string | undefined]>(
      ['subscription { me { role } }', undefined],
      ['subscription { __typename }', undefined],
      ['subscription S { staffingGap(unitCode: "PROV", year: 2026) { quota } }', 'S'],
      ['query Q { me { role } } subscription S { me { role } }', 'S'],
      ['subscription S { me { role } } query Q { me { role } }', undefined],
    )
    .map(([query, operationName]) => shapeOf('operation-name', 'a subscription operation', query, { operationName })),
  fc.constantFrom<unknown>(5, true, {}, [], ['A'], null).map((operationName) => shapeOf('operation-name', 'an operationName that is not a string', 'query A { me { role } }', { operationName })),
  // The mutation of a mixed document, chosen by name and refused by its rule: it writes nothing.
  fc.constant(
    shapeOf('operation-name', 'a mutation chosen by operationName', 'query Q { me { role } } mutation M { createPerson(input: { fullName: "" }) { person { id } userErrors { code } } }', {
      operationName: 'M',
      kind: 'mutation',
      root: 'createPerson',
    }),
  ),
);

/** F0 spreads F1 twice, F1 spreads F2 twice, …, Fn holds `leaf`: 2^n paths to one field. */
function fragmentChain(n: number, on: string, leaf: string): string {
  return `${Array.from({ length: n }, (_, i) => `fragment F${i} on ${on} { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${n} on ${on} { ${leaf} }`;
}
const QUERY_LEAVES = ['me { role }', 'me { subject }', 'competencies { code }', 'orgUnits(first: 2) { totalCount }', 'incentivePackages { name }', '__typename'];

const fragmentShapes: fc.Arbitrary<Shape> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.integer({ min: 12, max: 20 }).map((n) =>
      shapeOf('fragments', `a chain F0..F${n}, each spreading the next twice`, `query { ...F0 } ${fragmentChain(n, 'Query', 'me { role }')}`, { expect: { sameDataAs: '{ me { role } }' } }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 12, max: 20 }).map((n) =>
      shapeOf('fragments', `a chain F0..F${n} on OrgUnit, inside a list`, `query { orgUnits(first: 5) { edges { node { ...F0 } } } } ${fragmentChain(n, 'OrgUnit', 'code name')}`, {
        expect: { sameDataAs: '{ orgUnits(first: 5) { edges { node { code name } } } }' },
      }),
    ),
  },
  {
    // Fragments spreading later ones (each the next, and up to two more, maybe twice): the
    // answer is the one of all their fields written inline.
    weight: 3,
    arbitrary: fc.array(fc.tuple(fc.subarray(QUERY_LEAVES, { maxLength: 2 }), fc.array(fc.nat(), { maxLength: 2 })), { minLength: 2, maxLength: 12 }).map((defs) => {
      const last = defs.length - 1;
      const fields = new Set<string>();
      const fragments = defs.map(([leaves, extra], i) => {
        const spreads = i === last ? [] : [i + 1, ...extra.map((e) => i + 1 + (e % (last - i)))];
        const own = leaves.length || spreads.length ? leaves : ['__typename'];
        for (const leaf of own) fields.add(leaf);
        return `fragment F${i} on Query { ${[...own, ...spreads.map((j) => `...F${j}`)].join(' ')} }`;
      });
      return shapeOf('fragments', 'fragments spreading others', `query { ...F0 } ${fragments.join(' ')}`, { expect: { sameDataAs: `{ ${[...fields].join(' ')} }` } });
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        ['a cycle of fragments', 'query { ...A } fragment A on Query { me { role } ...B } fragment B on Query { ...A }'],
        ['a fragment spreading itself', 'query { ...A } fragment A on Query { me { role } ...A }'],
        ['a spread of an unknown fragment', 'query { ...Missing }'],
        ['an unused fragment', 'query { me { role } } fragment U on Query { me { subject } }'],
        ['a fragment on a type it cannot be', 'query { ...M } fragment M on Mutation { __typename }'],
        ['two fragments of one name', 'query { ...A } fragment A on Query { me { role } } fragment A on Query { me { subject } }'],
      )
      .map(([label, query]) => shapeOf('fragments', label, query, { expect: { refusedWith: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX'] } })),
  },
);

/**
 * `first: $n` where $n only has a default, down three nested lists under k aliases: refused
 * before it runs, whether the default or a value sent says how much. Only cases whose nodes
 * alone (n + n² + n³ per alias) exceed the server's cost limit are made; with n over 100
 * (more than a page may hold) any size is refused.
 */
function variableDefaultShapes(maxCost: number): fc.Arbitrary<Shape> {
  const refused: Expectation = { refusedWith: ['QUERY_TOO_COMPLEX', 'BAD_USER_INPUT'] };
  const units = (k: number) =>
    Array.from({ length: k }, (_, i) => `a${i}: orgUnits(first: $n) { edges { node { children(first: $n) { edges { node { positions(first: $n) { edges { node { id } } } } } } } } }`).join(' ');
  const positions = (k: number) =>
    Array.from({ length: k }, (_, i) => `a${i}: positions(unitCode: $u, first: $n) { edges { node { unit { children(first: $n) { edges { node { positions(first: $n) { edges { node { id } } } } } } } } } }`).join(' ');
  const nodes = (n: number) => n + n * n + n * n * n;
  return fc.oneof(
    fc
      .tuple(fc.integer({ min: 50, max: 100 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.constantFrom(false, false, false, true), fc.boolean())
      .filter(([n, k]) => k * nodes(n) > maxCost)
      .map(([n, k, nonNull, sent, overPositions]) =>
        shapeOf(
          'variable-default',
          `first: $n ${sent ? 'sent' : 'from its default'}, ${k} aliases${overPositions ? ' over positions' : ''}`,
          overPositions ? `query($n: Int${nonNull ? '!' : ''} = ${n}, $u: String!) { ${positions(k)} }` : `query($n: Int${nonNull ? '!' : ''} = ${n}) { ${units(k)} }`,
          { variables: { ...(sent ? { n } : {}), ...(overPositions ? { u: 'PROV' } : {}) }, expect: refused },
        ),
      ),
    fc
      .tuple(fc.constantFrom(101, 500, 1_000, 2_147_483_647), fc.integer({ min: 1, max: 30 }))
      .map(([n, k]) => shapeOf('variable-default', `first: $n from its default ${n}, ${k} aliases`, `query($n: Int = ${n}) { ${units(k)} }`, { variables: {}, expect: refused })),
  );
}

/** 100 KB to 900 KB (over 1 MB once encoded, for some: then the body limit answers). */
const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 100_000, max: 900_000 }), fc.constantFrom('x', 'x', 'x', 'x', '9', 'ab ', 'Ư', 'Ệ', '"'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
/** As long, and a GraphQL name. */
const hugeName: fc.Arbitrary<string> = fc.integer({ min: 100_000, max: 900_000 }).map((n) => 'x'.repeat(n));

/** A huge string in every argument of every operation fuzzed, and in the document's literals and names. */
function hugeShapes(targets: Target[]): fc.Arbitrary<Shape> {
  const inVariables = targets.map((t) =>
    fc.tuple(t.variablesFor('full'), unit01, hugeText).map(([variables, at, text]) =>
      shapeOf('huge-string', `${t.name}`, t.document, { kind: t.kind, root: t.kind === 'mutation' ? t.name : null, variables, huge: { at, text } }),
    ),
  );
  const literal = hugeText.map((text) => JSON.stringify(text));
  const inDocument = fc.oneof(
    literal.map((s) => shapeOf('huge-string', 'a String literal', `{ orgUnit(code: ${s}) { id } }`)),
    literal.map((s) => shapeOf('huge-string', 'a search literal', `{ people(unitCode: "PROV", search: ${s}) { totalCount } }`)),
    literal.map((s) => shapeOf('huge-string', 'a LocalDate literal', `{ staffingGap(unitCode: "PROV", year: 2026, asOf: ${s}) { quota } }`)),
    literal.map((s) => shapeOf('huge-string', 'a mutation input literal', `mutation { createPerson(input: { fullName: ${s} }) { person { id } userErrors { message } } }`, { kind: 'mutation', root: 'createPerson' })),
    fc.integer({ min: 100_000, max: 900_000 }).map((n) => shapeOf('huge-string', 'an Int literal', `{ staffingGap(unitCode: "PROV", year: ${'9'.repeat(n)}) { quota } }`)),
    hugeName.map((name) => shapeOf('huge-string', 'an enum literal', `{ vacancies(unitCode: "PROV", status: [${name}]) { totalCount } }`)),
    hugeName.map((name) => shapeOf('huge-string', 'an unknown field', `{ ${name} }`)),
    hugeName.map((name) => shapeOf('huge-string', 'an unknown argument', `{ orgUnit(code: "PROV", ${name}: 1) { id } }`)),
    hugeName.map((name) => shapeOf('huge-string', 'an unknown variable type', `query($v: ${name}) { me { role } }`)),
    hugeName.map((name) => shapeOf('huge-string', 'an unknown directive', `{ me @${name} { role } }`)),
    hugeName.map((name) => shapeOf('huge-string', 'an unknown fragment', `{ ...${name} }`)),
    hugeText.map((text) => shapeOf('huge-string', 'the operationName', '{ me { role } }', { operationName: text })),
  );
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...inVariables) }, { weight: 1, arbitrary: inDocument });
}

/** Puts `text` at one leaf of the variables (strings, numbers, booleans, nulls alike); says which. */
function placeHuge(variables: Record<string, unknown>, at: number, text: string): { variables: Record<string, unknown>; path: string } {
  const leaves: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, String(i)]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    else if (value !== undefined) leaves.push(path);
  };
  walk(variables, []);
  if (!leaves.length) return { variables, path: '(no argument)' };
  const path = leaves[Math.floor(at * leaves.length)];
  const copy = structuredClone(variables);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = text;
  return { variables: copy, path: path.join('.') };
}

// ---------- the database ----------

async function pools(server: TestServer, admin: string): Promise<Record<string, string[]>> {
  const ids = async (table: string) => (await server.sql<{ id: string }>(`select id from ${table} order by id`)).map((r) => String(r.id));
  const result: Record<string, string[]> = {};
  const tables: Record<string, string> = {
    OrgUnit: 'org_unit', Position: 'position', Person: 'person', Assignment: 'assignment', Competency: 'competency', Vacancy: 'vacancy',
    Candidate: 'candidate', Application: 'application', Offer: 'offer', IncentivePackage: 'incentive_package',
    SalaryBenchmark: 'salary_benchmark', WorkloadComponent: 'workload_component', PolicyScenario: 'policy_scenario', AuditEvent: 'audit_event',
  };
  result['id:any'] = [];
  for (const [type, table] of Object.entries(tables)) {
    result[`id:${type}`] = (await ids(table)).map((key) => toGlobalId(type, key));
    result['id:any'].push(...result[`id:${type}`]);
  }
  result.unit = (await server.sql<{ code: string }>('select code from org_unit order by id')).map((r) => r.code);
  result.competency = (await server.sql<{ code: string }>('select code from competency order by id')).map((r) => r.code);
  result.cursor = await issuedCursors(server, admin);
  return result;
}

/** Cursors the API itself hands out, from every list (a list refused here adds none). */
async function issuedCursors(server: TestServer, admin: string): Promise<string[]> {
  const lists = [
    '{ list: orgUnits(first: 3) { edges { cursor } } }',
    '{ list: positions(unitCode: "PROV", first: 3) { edges { cursor } } }',
    '{ list: people(unitCode: "PROV", first: 3) { edges { cursor } } }',
    '{ list: vacancies(unitCode: "PROV", first: 3) { edges { cursor } } }',
    '{ list: vacancies(unitCode: "PROV", first: 3, longestOpenFirst: true) { edges { cursor } } }',
    '{ list: policyScenarios(first: 3) { edges { cursor } } }',
    '{ list: auditEvents(first: 3) { edges { cursor } } }',
    '{ orgUnit(code: "PROV") { list: children(first: 3) { edges { cursor } } } }',
    '{ orgUnit(code: "PROV.D1.W1") { list: positions(first: 3) { edges { cursor } } } }',
  ];
  const answers = await Promise.all(lists.map((query) => server.gql(query, {}, admin)));
  return answers.flatMap((answer) => {
    const list = answer.data?.list ?? answer.data?.orgUnit?.list;
    return (list?.edges ?? []).map((edge: { cursor: string }) => edge.cursor);
  });
}

function resolvePicks(value: unknown, pool: Record<string, string[]>, serial: number): unknown {
  if (value instanceof Pick) {
    if (value.pool.startsWith('newcode:')) return `${value.pool.slice('newcode:'.length)}_${serial}`;
    const list = pool[value.pool] ?? [];
    return list.length ? list[Math.floor(value.at * list.length)] : 'bm8tc3VjaC1pZA';
  }
  if (Array.isArray(value)) return value.map((v) => resolvePicks(v, pool, serial));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolvePicks(v, pool, serial);
    // A new unit's code is its parent's code and one more segment.
    const code = (value as Record<string, unknown>).code;
    if (code instanceof Pick && typeof out.parentCode === 'string') out.code = `${out.parentCode}.${out.code}`;
    return out;
  }
  return value;
}

/**
 * Caps what is sent at about `budget` characters: an oversized list of a huge string would
 * otherwise be gigabytes of JSON. Lists are cut to what fits; anything over 1 MB still tests the
 * server's body limit (413).
 */
function capSize(value: unknown, budget = 3_000_000): unknown {
  let used = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      used += v.length;
      return v;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const item of v) {
        if (used > budget) break;
        out.push(walk(item));
      }
      return out;
    }
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item);
      return out;
    }
    used += 8;
    return v;
  };
  return walk(value);
}

/** One row per table: its row count and a hash of its rows. Equal before and after = nothing written. */
async function checksumSql(server: TestServer): Promise<string> {
  const tables = (
    await server.sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by table_name`,
    )
  ).map((r) => r.table_name);
  return tables.map((t) => `select '${t}' as t, count(*)::int as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${t}" x`).join(' union all ');
}

/** Variables as JSON, with long strings and lists shortened (their length said). */
function describeValue(value: unknown, keep = 40): string {
  return String(
    JSON.stringify(value, (_k, v) => {
      if (typeof v === 'string' && v.length > 120) return clip(v, keep);
      if (Array.isArray(v) && v.length > 8) return [...v.slice(0, 3), `…[${v.length} items]`];
      return v;
    }),
  );
}

/** Text with every run of one character (or of a short unit) over 30 long told by its length, then cut to `max`. */
function clip(text: string, max: number): string {
  const folded = text.replace(/(.{1,3}?)\1{30,}/gsu, (run, unit: string) => `${unit}…[${run.length} chars of ${JSON.stringify(unit)}]`);
  return folded.length > max ? `${folded.slice(0, max)}…[${text.length} chars in all]` : folded;
}

/** A response body for a report: JSON with long strings shortened, cut to `max`. */
function describeResponse(text: string, max = 900): string {
  try {
    return clip(describeValue(JSON.parse(text), 240), max);
  } catch {
    return clip(text, max);
  }
}

/** JSON with object keys sorted: two answers that differ only in field order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

// ---------- the run ----------

interface Caller {
  weight: number;
  token: string;
  role: string;
}

interface Answer {
  status: number;
  text: string;
  body: { data?: any; errors?: Array<{ message: string; path?: unknown; extensions?: { code?: string } }> };
}

async function post(url: string, request: Record<string, unknown>, token: string): Promise<Answer> {
  let status = 0;
  let text = '';
  let body: Answer['body'] = {};
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
    status = response.status;
    text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
  } catch (error) {
    body = { errors: [{ message: `request failed: ${String(error)}` }] };
  }
  return { status, text, body };
}

/** What went wrong, without the values (runs, quoted text, numbers) that vary case to case. */
function withoutValues(problem: string, max: number): string {
  return problem.replace(/(.{1,3}?)\1{10,}/gsu, '…').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, max);
}

/** What a case did wrong: `text` for the report, `key` to tell distinct failures apart. */
interface Problem {
  text: string;
  key: string;
  /** A message too long: one place builds it, whichever operation reached it. */
  echo?: boolean;
}
const problem = (text: string): Problem => ({ text, key: withoutValues(text, 160) });

/** A failure's key, so that each distinct failure is reported once, with how many cases failed so. */
function failureKey(shape: Shape, problems: Problem[]): string {
  if (problems.every((p) => p.echo)) return `echoed whole: ${problems[0].key}`;
  const what = shape.family === 'schema' ? shape.label : `${shape.family}, ${shape.label.replace(/\d+/g, 'N')}`;
  return `${what}: ${problems.map((p) => p.key).join(' | ')}`;
}

describe('fuzzing every mutation and the main queries', () => {
  let server: TestServer;
  let tokens: Caller[];
  let admin: string;

  beforeAll(async () => {
    server = await startConfiguredServer({ RATE_LIMIT_PER_MINUTE: '0' });
    await buildWorld(server.sql);
    const attraction = await buildAttractionWorld(server.sql);
    await addOffers(server.sql, attraction.vacancy.v1, [
      { ratio: 0.8, status: 'ACCEPTED' },
      { ratio: 0.5, status: 'DECLINED' },
      { ratio: 0.9, status: 'PENDING' },
    ]);
    admin = await server.token(Role.ADMIN);
    // A workload component and a saved scenario, so that their IDs (and cursors) exist too.
    await server.gql(`mutation { setWorkloadComponent(input: { unitCode: "PROV.D1", name: "Hồ sơ một cửa", category: CIVIL_SERVANT, annualVolume: 12000, minutesPerItem: 20, digitisable: true }) { userErrors { code } } }`, {}, admin);
    await server.gql(`mutation { savePolicyScenario(input: { name: "Phụ cấp +2 triệu", simulation: { unitCode: "REG", changes: { monthlyAllowanceDelta: 2000000 } } }) { userErrors { code } } }`, {}, admin);
    tokens = [
      { weight: 16, token: admin, role: 'ADMIN' },
      { weight: 2, token: await server.token(Role.HR_OFFICER, 'PROV.D1'), role: 'HR_OFFICER PROV.D1' },
      { weight: 1, token: await server.token(Role.POLICYMAKER, 'REG'), role: 'POLICYMAKER REG' },
      { weight: 1, token: await server.token(Role.ANALYST, 'PROV'), role: 'ANALYST PROV' },
    ];
  }, HANG_GUARD_MS);
  afterAll(() => server?.close());

  it('never answers INTERNAL_SERVER_ERROR or 5xx, never echoes a huge value, and a refused mutation writes nothing', async () => {
    const schema = buildBareSchema();
    const mutationFields = schema.getMutationType()!.getFields();
    const queryFields = schema.getQueryType()!.getFields();
    const targets: Target[] = [
      ...MUTATIONS.filter((m) => mutationFields[m]).map((m) => targetFor(schema, 'mutation', mutationFields[m])),
      ...QUERIES.filter((q) => queryFields[q]).map((q) => targetFor(schema, 'query', queryFields[q])),
    ];
    const missing = [...MUTATIONS.filter((m) => !mutationFields[m]), ...QUERIES.filter((q) => !queryFields[q])];
    expect(missing).toEqual([]);

    const fromSchema = fc
      .oneof(...targets.map((t) => ({ weight: t.kind === 'mutation' ? 3 : 2, arbitrary: fc.constant(t) })))
      .chain((t) => t.variables.map((variables): Shape => ({ family: 'schema', label: t.name, kind: t.kind, root: t.name, query: t.document, variables })));
    const hostile = fc.oneof(
      { weight: 30, arbitrary: cursorShapes(schema) },
      { weight: 12, arbitrary: operationNameShapes },
      { weight: 5, arbitrary: fragmentShapes },
      { weight: 10, arbitrary: variableDefaultShapes(loadConfig({ NODE_ENV: 'test' }).maxQueryCost) },
      { weight: 30, arbitrary: hugeShapes(targets) },
    );
    // One case in five is a whole hostile request; the rest are the schema's operations.
    const caseArb = fc.tuple(fc.oneof({ weight: 4, arbitrary: fromSchema }, { weight: 1, arbitrary: hostile }), fc.oneof(...tokens.map((t) => ({ weight: t.weight, arbitrary: fc.constant(t) }))));
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: CASES });

    const sumSql = await checksumSql(server);
    const checksum = async () => JSON.stringify(await server.sql(sumSql));
    // Nothing can have been written unless a transaction with an id completed since the last look
    // (a write needs a transaction id; reads take none): then the full row checksum is skipped.
    const lastXid = async () => (await server.sql<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x'))[0].x;
    let xidBefore = await lastXid();
    let pool = await pools(server, admin);
    // Real cursors to hand to other lists: without them that generator would test nothing.
    expect(pool.cursor.length).toBeGreaterThanOrEqual(5);
    let before = await checksum();
    const failures = new Map<string, { report: string; count: number; labels: Set<string> }>();
    const tally = new Map<string, { cases: number; ok: number; userErrors: number; errors: number; ms: number; slowest: number; slowestLabel: string }>();
    const verbose = new Map<string, number>();
    let requestMs = 0;
    let checksumMs = 0;
    const started = Date.now();
    let ran = 0;

    for (const [shape, caller] of cases) {
      if (ran % 100 === 0) pool = await pools(server, admin);
      let variables = shape.variables === undefined ? undefined : (capSize(resolvePicks(shape.variables, pool, ran)) as Record<string, unknown>);
      let label = shape.label;
      if (shape.huge && variables) {
        const placed = placeHuge(variables, shape.huge.at, shape.huge.text);
        variables = placed.variables;
        label = `${shape.label} ${placed.path}`;
      }
      ran += 1;
      const tallyKey = shape.family === 'schema' ? shape.label : `[${shape.family}]`;
      const stats = tally.get(tallyKey) ?? { cases: 0, ok: 0, userErrors: 0, errors: 0, ms: 0, slowest: 0, slowestLabel: '' };
      tally.set(tallyKey, stats);
      stats.cases += 1;

      const request: Record<string, unknown> = { query: shape.query };
      if (variables !== undefined) request.variables = variables;
      if (shape.operationName !== undefined) request.operationName = shape.operationName;
      const sentAt = performance.now();
      const { status, text, body } = await post(server.url, request, caller.token);
      const answeredAt = performance.now();
      const ms = answeredAt - sentAt;
      requestMs += ms;
      stats.ms += ms;
      if (ms > stats.slowest) {
        stats.slowest = ms;
        stats.slowestLabel = label;
      }

      const payload = shape.root ? body.data?.[shape.root] : undefined;
      const userErrors: Array<{ code?: string; message?: unknown }> = shape.kind === 'mutation' && payload && Array.isArray(payload.userErrors) ? payload.userErrors : [];
      const refused = !!body.errors?.length || !payload || userErrors.length > 0;
      if (body.errors?.length) stats.errors += 1;
      else if (userErrors.length) stats.userErrors += 1;
      else stats.ok += 1;

      const problems: Problem[] = [];
      const tooLong = (what: string, code: unknown, message: unknown) => {
        if (typeof message !== 'string' || message.length <= MAX_MESSAGE_LENGTH) return;
        problems.push({ text: `${what} of ${message.length} characters (${code}): ${clip(message, 120)}`, key: `${what} (${code}): ${withoutValues(message.slice(0, 400), 70)}`, echo: true });
      };
      if (status >= 500 || status === 0) problems.push(problem(`HTTP ${status}`));
      for (const error of body.errors ?? []) {
        const code = error.extensions?.code;
        if (!code || !EXPECTED_CODES.has(code)) problems.push(problem(`error ${code ?? 'without a code'} at ${JSON.stringify(error.path ?? null)}: ${clip(String(error.message), 200)}`));
        tooLong('an error message', code, error.message);
      }
      for (const userError of userErrors) tooLong('a userError message', userError.code, userError.message);
      const expectation = shape.expect;
      if (expectation && 'refusedWith' in expectation) {
        const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'none');
        const answered = !!body.data && Object.values(body.data).some((v) => v !== null);
        if (!codes.length || answered) problems.push(problem(`answered where it must be refused (${expectation.refusedWith.join(' or ')})`));
        else if (codes.some((c) => !expectation.refusedWith.includes(c))) problems.push(problem(`refused with ${codes.join(', ')}, not ${expectation.refusedWith.join(' or ')}`));
      }
      if (expectation && 'sameDataAs' in expectation && !body.errors?.length) {
        const reference = await post(server.url, { query: expectation.sameDataAs }, caller.token);
        if (canonical(reference.body.data) !== canonical(body.data)) {
          problems.push(problem(`answered ${clip(JSON.stringify(body.data), 200)}, where ${expectation.sameDataAs} answers ${clip(JSON.stringify(reference.body.data), 200)}`));
        }
      }

      const xidAfter = await lastXid();
      const after = xidAfter === xidBefore ? before : await checksum();
      xidBefore = xidAfter;
      checksumMs += performance.now() - answeredAt;
      if (process.env.FUZZ_VERBOSE) {
        const what = body.errors?.length
          ? `error ${body.errors[0].extensions?.code}: ${body.errors[0].message}`
          : userErrors.length
            ? `userError ${userErrors[0].code}: ${userErrors[0].message}`
            : 'accepted';
        const key = `${tallyKey} ${clip(what, 140).replace(/\d+/g, 'N')}`;
        verbose.set(key, (verbose.get(key) ?? 0) + 1);
      }
      if (shape.kind === 'query' && after !== before) {
        problems.push(problem('a query wrote to the database'));
      } else if (refused && after !== before) {
        const was = JSON.parse(before) as Array<{ t: string; n: number; h: string }>;
        const now = JSON.parse(after) as Array<{ t: string; n: number; h: string }>;
        const changed = now.filter((row, i) => row.n !== was[i]?.n || row.h !== was[i]?.h).map((row) => `${row.t} (${was.find((w) => w.t === row.t)?.n ?? '?'} → ${row.n} rows)`);
        problems.push({ text: `refused, yet wrote: ${changed.join(', ')}`, key: `refused, yet wrote: ${changed.map((c) => c.split(' ')[0]).join(', ')}` });
      }
      if (problems.length) {
        const key = failureKey(shape, problems);
        const seen = failures.get(key);
        if (seen) {
          seen.count += 1;
          seen.labels.add(label);
        } else {
          const lines = [
            `${label} as ${caller.role} → HTTP ${status}; ${problems.map((p) => p.text).join('; ')}`,
            `    operation: ${clip(shape.query, 400)}`,
            ...(shape.operationName !== undefined ? [`    operationName: ${clip(String(JSON.stringify(shape.operationName)), 120)}`] : []),
            `    variables: ${clip(describeValue(variables), 600)}`,
            `    response: ${describeResponse(text)}`,
          ];
          failures.set(key, { report: lines.join('\n'), count: 1, labels: new Set([label]) });
        }
      }
      before = after;
    }

    const seconds = (Date.now() - started) / 1000;
    const lines = [...tally.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, s]) => `  ${name.padEnd(24)} ${String(s.cases).padStart(4)} cases: ${s.ok} accepted, ${s.userErrors} userErrors, ${s.errors} errors; ${Math.round(s.ms / s.cases)} ms a case, slowest ${Math.round(s.slowest)} ms (${clip(s.slowestLabel, 60)})`);
    const reports = [...failures.values()].map((f) => `${f.report}${f.count > 1 ? `\n    (${f.count} cases like it: ${clip([...f.labels].slice(0, 12).join(', '), 400)})` : ''}`);
    console.log(
      `fuzz: ${ran} cases (seed ${SEED}) over ${targets.length} operations and the hostile shapes in ${seconds.toFixed(1)} s (requests ${(requestMs / 1000).toFixed(1)} s, row checksums ${(checksumMs / 1000).toFixed(1)} s)\n${lines.join('\n')}` +
        (failures.size ? `\n${failures.size} distinct failures:\n${reports.join('\n')}` : ''),
    );
    if (process.env.FUZZ_VERBOSE) console.log([...verbose.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${String(n).padStart(4)} ${k}`).join('\n'));
    expect(ran).toBe(CASES);
    // The keys only: the full reports, with operation, variables and response, are printed above.
    expect([...failures.keys()]).toEqual([]);
  }, HANG_GUARD_MS);
});
