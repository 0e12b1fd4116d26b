import { BigIntType, Entity, PrimaryKey, Property, type PropertyOptions } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id';
import { Node } from './node';
import { DateTimeScalar, LocalDateScalar, VNDScalar } from './scalars';

/**
 * One declaration for a column that GraphQL also shows: each helper applies MikroORM's `@Property`
 * and type-graphql's `@Field` from the same words, so the database type, the GraphQL type and
 * their nullability cannot drift apart. Types are always given, never read from emitted
 * decorator metadata (some builds emit none).
 */

type GraphQLType = NonNullable<Parameters<typeof Field>[0]>;
type MemberDecorator = (prototype: object, name: string) => void;

export interface ColumnOptions {
  /** Null in the database and in GraphQL alike. */
  nullable?: boolean;
  /** A unique index on the column (database only). */
  unique?: boolean;
}

/** `storage` is called once a column: a custom type instance (BigIntType) belongs to one property. */
function exposedColumn(graphqlType: GraphQLType, storage: () => PropertyOptions<object>, description: string, options: ColumnOptions): MemberDecorator {
  const nullable = options.nullable ? { nullable: true } : {};
  const unique = options.unique ? { unique: true } : {};
  const toDatabase = Property({ ...storage(), ...nullable, ...unique });
  const toGraphQL = Field(graphqlType, { ...nullable, description });
  return (prototype, name) => {
    toDatabase(prototype, name);
    toGraphQL(prototype, name);
  };
}

function columnKind(graphqlType: GraphQLType, storage: () => PropertyOptions<object>) {
  return (description: string, options: ColumnOptions = {}): MemberDecorator => exposedColumn(graphqlType, storage, description, options);
}

const text = (): PropertyOptions<object> => ({ type: 'text' });

/** The insertion time, filled in by the database (`now()`). */
const insertionTime = (): PropertyOptions<object> => ({ type: 'datetime', defaultRaw: 'now()' });

/** Columns shown in GraphQL, by kind: the database type each kind is stored as lives here only. */
export const Column = {
  /** A text column read as String. */
  string: columnKind(() => String, text),
  /** A text column holding a global ID. */
  id: columnKind(() => ID, text),
  /** A text column holding a member of a string enum registered with type-graphql. */
  enum: (values: Record<string, string>, description: string, options: ColumnOptions = {}): MemberDecorator =>
    exposedColumn(() => values, text, description, options),
  integer: columnKind(() => Int, () => ({ type: 'integer' })),
  double: columnKind(() => Float, () => ({ type: 'double' })),
  boolean: columnKind(() => Boolean, () => ({ type: 'boolean' })),
  /** A calendar day (LocalDate), stored as `date`. */
  date: columnKind(() => LocalDateScalar, () => ({ type: 'date' })),
  /** Whole VND, stored as `bigint` and read as a JS number (amounts stay far below 2^53). */
  vnd: columnKind(() => VNDScalar, () => ({ type: new BigIntType('number') })),
  /** When the row was inserted, shown as a DateTime. */
  createdAt: (description: string): MemberDecorator => exposedColumn(() => DateTimeScalar, insertionTime, description, {}),
};

/** When the row was inserted, for the database only. */
export function CreatedAt(): MemberDecorator {
  return Property(insertionTime());
}

/** The GraphQL type name of each node entity, which its global ID carries. */
const nodeTypeNames = new WeakMap<object, string>();

export interface NodeEntityOptions {
  table: string;
  description: string;
}

/**
 * A table whose rows are Relay nodes: `@Entity` and `@ObjectType(name, { implements: Node })` in
 * one, and the name its global IDs carry. The class extends KeyedNode.
 */
export function NodeEntity(name: string, options: NodeEntityOptions) {
  const toDatabase = Entity({ tableName: options.table });
  const toGraphQL = ObjectType(name, { implements: Node, description: options.description });
  return (target: typeof KeyedNode): void => {
    nodeTypeNames.set(target, name);
    toDatabase(target);
    toGraphQL(target);
  };
}

/** A node entity's common part: the bigint identity and the global ID made from it. */
export abstract class KeyedNode extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  override get globalId(): string {
    const type = nodeTypeNames.get(this.constructor);
    if (type === undefined) throw new Error(`${this.constructor.name} is not declared with @NodeEntity`);
    return toGlobalId(type, this.id);
  }
}
