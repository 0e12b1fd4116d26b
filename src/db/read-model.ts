import { ReferenceKind, type EntityManager, type EntityProperty, type Platform } from '@mikro-orm/core';

type Row = Record<string, unknown>;
type Mapper = (row: Row) => object;

interface Column {
  name: string;
  column: string;
  convert: ((value: unknown) => unknown) | null;
  relation: boolean;
}

const mappers = new WeakMap<Function, Mapper>();
const READ_MODEL = Symbol('readModel');

/** Whether an object was built whole by readModel (a managed reference of the same class may hold only its id). */
export function isReadModel(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[READ_MODEL] === true;
}

/** The timestamp parsing of MikroORM's result mapper (EntityComparator.getResultMapper), for one value. */
function parseTimestamp(platform: Platform, value: unknown): unknown {
  if (value instanceof Date) return value;
  if (typeof value === 'bigint' || typeof value === 'number') return platform.parseDate(Number(value));
  const text = String(value);
  const zone = platform.getTimezone();
  if (!zone || zone === 'local' || text.includes('+') || text.lastIndexOf('-') > 10 || text.endsWith('Z')) return platform.parseDate(text);
  return platform.parseDate(text + zone);
}

function columnsOf(em: EntityManager, entity: Function): Column[] {
  const meta = em.getMetadata().get(entity.name);
  const platform: Platform = em.getPlatform();
  const columns: Column[] = [];
  for (const prop of Object.values(meta.properties) as EntityProperty[]) {
    if (prop.persist === false || !prop.fieldNames?.length) continue;
    if (prop.kind === ReferenceKind.SCALAR) {
      const type = prop.customType;
      const toType = type ? (value: unknown) => type.convertToJSValue(value, platform) : (value: unknown) => value;
      let convert: Column['convert'] = type ? toType : null;
      // As em.map's result mapping does before hydration: timestamps arrive as text, booleans may not be booleans.
      if (prop.runtimeType === 'Date' && !platform.isNumericProperty(prop)) convert = (value) => toType(parseTimestamp(platform, value));
      else if (prop.runtimeType === 'boolean') convert = (value) => toType(!!value);
      columns.push({ name: prop.name, column: prop.fieldNames[0], convert, relation: false });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      columns.push({ name: prop.name, column: prop.fieldNames[0], convert: null, relation: true });
    }
  }
  return columns;
}

interface ReadModelClass {
  columns: Column[];
  /** A new, empty instance: own properties only for what the caller then writes. */
  create: () => Record<string, unknown>;
}

const classes = new WeakMap<Function, ReadModelClass>();

function readModelClassOf(em: EntityManager, entity: Function): ReadModelClass {
  let found = classes.get(entity);
  if (!found) {
    const columns = columnsOf(em, entity);
    // MikroORM puts change-tracking setters for every property on the entity's prototype; plain
    // writable slots on an intermediate prototype shadow them, so assignment below stays a plain
    // own-property write while `instanceof` and the class's getters still hold.
    const prototype = Object.create(entity.prototype as object) as object;
    for (const { name } of columns) Object.defineProperty(prototype, name, { value: undefined, writable: true, configurable: true });
    Object.defineProperty(prototype, READ_MODEL, { value: true });
    // Built by `new` rather than Object.create: V8 then sizes the instances to the properties they
    // get (slack tracking), where Object.create's objects keep them in a separate, regrown array.
    // The entity's own constructor (and its field initialisers) never runs, as with Object.create.
    const ReadModel = function (this: Record<string, unknown>) {} as unknown as new () => Record<string, unknown>;
    ReadModel.prototype = prototype;
    found = { columns, create: () => new ReadModel() };
    classes.set(entity, found);
  }
  return found;
}

function valueOf({ convert, relation }: Column, value: unknown): unknown {
  if (relation) return value === null ? null : { id: typeof value === 'object' ? (value as { id: unknown }).id : String(value) };
  return value === null || !convert ? value : convert(value);
}

/**
 * A read-only instance of an entity class built from a row (keyed by column or property name),
 * outside the identity map. List fields map tens of thousands of rows per request, and
 * `em.map`'s managed entities (merge, reference entities, snapshots) cost about 100 µs and much
 * garbage per row. Values convert exactly as `em.map` converts them (a test holds the two
 * equal for every entity); a relation becomes an `{ id }` stub, which field resolvers load
 * through the request's DataLoaders. Never pass these to `em.persist` or `em.flush`.
 */
export function readModel<T extends object>(em: EntityManager, entity: new (...args: never[]) => T, row: Row): T {
  let mapper = mappers.get(entity);
  if (!mapper) {
    const { columns, create } = readModelClassOf(em, entity);
    mapper = (source: Row) => {
      const target = create();
      for (const column of columns) {
        let value = source[column.column];
        if (value === undefined) value = source[column.name];
        if (value === undefined) continue;
        target[column.name] = valueOf(column, value);
      }
      return target;
    };
    mappers.set(entity, mapper);
  }
  return mapper(row) as T;
}

const tupleMappers = new WeakMap<Function, Map<string, (values: readonly unknown[]) => object>>();

/**
 * readModel for rows that come as arrays (one element of a JSON array of arrays): `columns[i]`
 * names the column `values[i]` holds, null where the element is not this entity's. Built once
 * per column list; mapping an array then creates the instance and nothing else, where readModel
 * would need an object keyed by column name first, one more object per row.
 */
export function readModelOfTuple<T extends object>(em: EntityManager, entity: new (...args: never[]) => T, columns: ReadonlyArray<string | null>): (values: readonly unknown[]) => T {
  let byColumns = tupleMappers.get(entity);
  if (!byColumns) tupleMappers.set(entity, (byColumns = new Map()));
  const key = columns.join('\u0000');
  let mapper = byColumns.get(key);
  if (!mapper) {
    const model = readModelClassOf(em, entity);
    const fields = columns.flatMap((name, index) => {
      if (name === null) return [];
      const column = model.columns.find((c) => c.column === name || c.name === name);
      if (!column) throw new Error(`${entity.name} has no column ${name}`);
      return [{ index, column }];
    });
    mapper = (values: readonly unknown[]) => {
      const target = model.create();
      for (const { index, column } of fields) {
        const value = values[index];
        if (value !== undefined) target[column.name] = valueOf(column, value);
      }
      return target;
    };
    byColumns.set(key, mapper);
  }
  return mapper as (values: readonly unknown[]) => T;
}
