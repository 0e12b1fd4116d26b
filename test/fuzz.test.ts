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
import { toGlobalId } from '../src/graphql/global-id';
import { Role } from '../src/graphql/enums';
import { buildBareSchema } from '../src/graphql/schema';
import { addOffers, buildAttractionWorld } from './helpers/attraction-world';
import type { TestServer } from './helpers/harness';
import { startConfiguredServer } from './helpers/test-database';
import { buildWorld } from './helpers/world';

/**
 * Property: whatever a client sends to a mutation or a main query — text in Vietnamese or full of
 * control characters, huge, negative or fractional numbers, impossible dates, unknown or
 * malformed IDs, oversized lists — the server never answers INTERNAL_SERVER_ERROR or a 5xx, and a
 * mutation it refuses (userErrors or an error) changes no row of any table.
 *
 * Inputs are generated from the schema itself (every argument, every input field, by its type),
 * with hints by field name so that most values are plausible and one or two are hostile: that
 * gets past validation into the services. IDs and codes are drawn at send time from what the
 * database holds then, so later cases use what earlier ones created.
 *
 * Every failure is collected (not only the first), each distinct one printed with the operation,
 * the caller's role and the variables that caused it. Seeded and deterministic: the same cases
 * run on every machine, however fast (no time budget: a slow machine takes longer, it does not
 * test less). FUZZ_SEED and FUZZ_CASES reproduce or widen a run, FUZZ_VERBOSE=1 prints what every
 * operation answered (to see which paths the inputs reach).
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
]);

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

type Mode = 'plausible' | 'hostile';
const unit01 = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function idArb(type: string | null, mode: Mode): fc.Arbitrary<unknown> {
  const plausible = unit01.map((at) => new Pick(`id:${type ?? 'any'}`, at));
  if (mode === 'plausible') return plausible;
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
  if (mode === 'plausible') return plausible;
  return fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 2, arbitrary: wild }, { weight: 1, arbitrary: wrongKind });
}

function inputArb(type: GraphQLInputType, fieldName: string, mode: Mode, depth = 0, parent = ''): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = innerArb(type.ofType, fieldName, mode, depth, parent);
    return mode === 'plausible' ? inner : fc.oneof({ weight: 40, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const inner = innerArb(type, fieldName, mode, depth, parent);
  if (mode === 'plausible') return fc.oneof({ weight: 3, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.oneof({ weight: 10, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constant(undefined) });
}

function innerArb(type: GraphQLInputType, fieldName: string, mode: Mode, depth: number, parent: string): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputArb(type, fieldName, mode, depth, parent);
  if (isListType(type)) {
    const item = inputArb(type.ofType, fieldName, mode, depth + 1, parent);
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
}

function targetFor(schema: GraphQLSchema, kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Target {
  const declarations = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passes = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document = `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${passes ? `(${passes})` : ''} ${selection(field.type, 3, schema)} }`;
  const variablesFor = (mode: Mode) => {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) shape[arg.name] = inputArb(arg.type, arg.name, mode);
    const requiredKeys = field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
    return fc.record(shape, { requiredKeys });
  };
  // A third of the cases are what a careful client would send (they get past validation into
  // the services and the database); the rest have hostile values among plausible ones.
  return { name: field.name, kind, document, variables: fc.oneof({ weight: 1, arbitrary: variablesFor('plausible') }, { weight: 2, arbitrary: variablesFor('hostile') }) };
}

// ---------- the database ----------

async function pools(server: TestServer): Promise<Record<string, string[]>> {
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
  return result;
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
function describeValue(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === 'string' && v.length > 120) return `${v.slice(0, 40)}…[${v.length} chars]`;
    if (Array.isArray(v) && v.length > 8) return [...v.slice(0, 3), `…[${v.length} items]`];
    return v;
  });
}

// ---------- the run ----------

describe('fuzzing every mutation and the main queries', () => {
  let server: TestServer;
  let tokens: Array<{ weight: number; token: string; role: string }>;

  beforeAll(async () => {
    server = await startConfiguredServer({ RATE_LIMIT_PER_MINUTE: '0' });
    await buildWorld(server.sql);
    const attraction = await buildAttractionWorld(server.sql);
    await addOffers(server.sql, attraction.vacancy.v1, [
      { ratio: 0.8, status: 'ACCEPTED' },
      { ratio: 0.5, status: 'DECLINED' },
      { ratio: 0.9, status: 'PENDING' },
    ]);
    const admin = await server.token(Role.ADMIN);
    // A workload component and a saved scenario, so that their IDs exist too.
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

  it('never answers INTERNAL_SERVER_ERROR or 5xx, and a refused mutation writes nothing', async () => {
    const schema = buildBareSchema();
    const mutationFields = schema.getMutationType()!.getFields();
    const queryFields = schema.getQueryType()!.getFields();
    const targets: Target[] = [
      ...MUTATIONS.filter((m) => mutationFields[m]).map((m) => targetFor(schema, 'mutation', mutationFields[m])),
      ...QUERIES.filter((q) => queryFields[q]).map((q) => targetFor(schema, 'query', queryFields[q])),
    ];
    const missing = [...MUTATIONS.filter((m) => !mutationFields[m]), ...QUERIES.filter((q) => !queryFields[q])];
    expect(missing).toEqual([]);

    const caseArb = fc.tuple(
      fc.oneof(...targets.map((t) => ({ weight: t.kind === 'mutation' ? 3 : 2, arbitrary: fc.constant(t) }))).chain((t) => fc.tuple(fc.constant(t), t.variables)),
      fc.oneof(...tokens.map((t) => ({ weight: t.weight, arbitrary: fc.constant(t) }))),
    );
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: CASES });

    const sumSql = await checksumSql(server);
    const checksum = async () => JSON.stringify(await server.sql(sumSql));
    // Nothing can have been written unless a transaction with an id completed since the last look
    // (a write needs a transaction id; reads take none): then the full row checksum is skipped.
    const lastXid = async () => (await server.sql<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x'))[0].x;
    let xidBefore = await lastXid();
    let pool = await pools(server);
    let before = await checksum();
    const failures = new Map<string, string>();
    const tally = new Map<string, { cases: number; ok: number; userErrors: number; errors: number; ms: number }>();
    const verbose = new Map<string, number>();
    let requestMs = 0;
    let checksumMs = 0;
    const started = Date.now();
    let ran = 0;

    for (const [[target, rawVariables], caller] of cases) {
      if (ran % 100 === 0) pool = await pools(server);
      const variables = capSize(resolvePicks(rawVariables, pool, ran)) as Record<string, unknown>;
      ran += 1;
      const stats = tally.get(target.name) ?? { cases: 0, ok: 0, userErrors: 0, errors: 0, ms: 0 };
      tally.set(target.name, stats);
      stats.cases += 1;

      const sentAt = performance.now();
      let status = 0;
      let body: { data?: any; errors?: Array<{ message: string; path?: unknown; extensions?: { code?: string } }> } = {};
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
          body: JSON.stringify({ query: target.document, variables }),
        });
        status = response.status;
        const text = await response.text();
        try {
          body = JSON.parse(text);
        } catch {
          body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
        }
      } catch (error) {
        body = { errors: [{ message: `request failed: ${String(error)}` }] };
      }

      const answeredAt = performance.now();
      requestMs += answeredAt - sentAt;
      stats.ms += answeredAt - sentAt;
      const xidAfter = await lastXid();
      const after = xidAfter === xidBefore ? before : await checksum();
      xidBefore = xidAfter;
      checksumMs += performance.now() - answeredAt;
      const payload = body.data?.[target.name];
      const userErrors: unknown[] = target.kind === 'mutation' && payload && Array.isArray(payload.userErrors) ? payload.userErrors : [];
      const refused = !!body.errors?.length || !payload || userErrors.length > 0;
      if (process.env.FUZZ_VERBOSE) {
        const what = body.errors?.length ? `error ${body.errors[0].extensions?.code}: ${body.errors[0].message}` : userErrors.length ? `userError ${(userErrors[0] as { code: string; message: string }).code}: ${(userErrors[0] as { message: string }).message}` : 'accepted';
        const key = `${target.name} ${what.replace(/\d+/g, 'N').slice(0, 140)}`;
        verbose.set(key, (verbose.get(key) ?? 0) + 1);
      }
      if (body.errors?.length) stats.errors += 1;
      else if (userErrors.length) stats.userErrors += 1;
      else stats.ok += 1;

      const problems: string[] = [];
      if (status >= 500 || status === 0) problems.push(`HTTP ${status}`);
      for (const error of body.errors ?? []) {
        const code = error.extensions?.code;
        if (!code || !EXPECTED_CODES.has(code)) problems.push(`error ${code ?? 'without a code'} at ${JSON.stringify(error.path ?? null)}: ${error.message}`);
      }
      if (target.kind === 'query' && after !== before) {
        problems.push('a query wrote to the database');
      } else if (refused && after !== before) {
        const was = JSON.parse(before) as Array<{ t: string; n: number; h: string }>;
        const now = JSON.parse(after) as Array<{ t: string; n: number; h: string }>;
        const changed = now.filter((row, i) => row.n !== was[i]?.n || row.h !== was[i]?.h).map((row) => `${row.t} (${was.find((w) => w.t === row.t)?.n ?? '?'} → ${row.n} rows)`);
        problems.push(`refused, yet wrote: ${changed.join(', ')}`);
      }
      if (problems.length) {
        const key = `${target.name}: ${problems.map((p) => p.replace(/\d+/g, 'N')).join(' | ')}`;
        if (!failures.has(key)) {
          failures.set(key, `${target.name} as ${caller.role} → HTTP ${status}; ${problems.join('; ')}\n    variables: ${describeValue(variables)}`);
        }
      }
      before = after;
    }

    const seconds = (Date.now() - started) / 1000;
    const lines = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, s]) => `  ${name.padEnd(24)} ${String(s.cases).padStart(4)} cases: ${s.ok} accepted, ${s.userErrors} userErrors, ${s.errors} errors; ${Math.round(s.ms / s.cases)} ms a case`);
    console.log(
      `fuzz: ${ran} cases (seed ${SEED}) over ${targets.length} operations in ${seconds.toFixed(1)} s (requests ${(requestMs / 1000).toFixed(1)} s, row checksums ${(checksumMs / 1000).toFixed(1)} s)\n${lines.join('\n')}` +
        (failures.size ? `\n${failures.size} distinct failures:\n${[...failures.values()].join('\n')}` : ''),
    );
    if (process.env.FUZZ_VERBOSE) console.log([...verbose.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${String(n).padStart(4)} ${k}`).join('\n'));
    expect(ran).toBe(CASES);
    expect([...failures.values()]).toEqual([]);
  }, HANG_GUARD_MS);
});
