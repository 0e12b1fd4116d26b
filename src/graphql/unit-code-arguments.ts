import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import { canonicalUnitCode } from '../shared/unit-code';

/**
 * The one place unit codes given as arguments are canonicalised (upper-cased, see
 * canonicalUnitCode): every argument and input field that names a unit, on every field of the
 * schema, before the resolver — and so the scope check, the lookup and any write — sees it.
 * Which names hold unit codes: the names below anywhere; `code` only where the code is a unit's.
 */
const UNIT_CODE_NAMES = new Set(['unitCode', 'parentCode', 'mergedUnitCodes']);
const UNIT_CODE_NAMED_CODE = new Set(['Query.orgUnit', 'CreateOrgUnitInput', 'DissolveOrgUnitInput']);

type Canonicalise = (value: unknown) => unknown;

function strings(value: unknown): unknown {
  if (typeof value === 'string') return canonicalUnitCode(value);
  if (Array.isArray(value)) return value.map(strings);
  return value;
}

function eachItem(value: unknown, canonicalise: Canonicalise): unknown {
  return Array.isArray(value) ? value.map((item) => eachItem(item, canonicalise)) : canonicalise(value);
}

/** What to do to a value of `type` named `name` under `owner`; null when it holds no unit code. */
function canonicaliserFor(type: GraphQLInputType, name: string, owner: string, seen: Map<string, Canonicalise | null>): Canonicalise | null {
  const named = getNamedType(type);
  if (isScalarType(named)) {
    const isCode = UNIT_CODE_NAMES.has(name) || (name === 'code' && UNIT_CODE_NAMED_CODE.has(owner));
    return isCode && named.name === 'String' ? strings : null;
  }
  if (!isInputObjectType(named)) return null;
  const ofObject = objectCanonicaliser(named, seen);
  if (!ofObject) return null;
  return isListType(getNullableType(type)) ? (value) => eachItem(value, ofObject) : ofObject;
}

function objectCanonicaliser(type: GraphQLInputObjectType, seen: Map<string, Canonicalise | null>): Canonicalise | null {
  if (seen.has(type.name)) return seen.get(type.name)!;
  seen.set(type.name, null); // a recursive input type holds no code through its recursion
  const fields = Object.values(type.getFields())
    .map((field) => [field.name, canonicaliserFor(field.type, field.name, type.name, seen)] as const)
    .filter((entry): entry is readonly [string, Canonicalise] => entry[1] !== null);
  const canonicalise: Canonicalise | null = fields.length
    ? (value) => {
        if (!value || typeof value !== 'object') return value;
        const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
        for (const [name, inner] of fields) if (copy[name] != null) copy[name] = inner(copy[name]);
        return copy;
      }
    : null;
  seen.set(type.name, canonicalise);
  return canonicalise;
}

/** Wraps the resolver of every field that takes a unit code, in place. */
export function canonicaliseUnitCodeArguments(schema: GraphQLSchema): void {
  const seen = new Map<string, Canonicalise | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const args = field.args
        .map((arg) => [arg.name, canonicaliserFor(arg.type, arg.name, `${type.name}.${field.name}`, seen)] as const)
        .filter((entry): entry is readonly [string, Canonicalise] => entry[1] !== null);
      if (!args.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, given, context, info) => {
        const canonical: Record<string, unknown> = { ...given };
        for (const [name, canonicalise] of args) if (canonical[name] != null) canonical[name] = canonicalise(canonical[name]);
        return resolve(source, canonical, context, info);
      };
    }
  }
}
