import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo', { description: 'Relay pagination state of a connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when items precede the first edge (an `after` cursor was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** Validated paging arguments: how many to take and the sort key to start after. */
export interface PageRequest {
  first: number;
  afterKey: string | null;
}

/** Cursors are opaque: base64url of the sort key, prefixed so that foreign strings are refused. */
export function encodeCursor(key: string): string {
  return Buffer.from(`c1:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  if (typeof cursor !== 'string' || cursor.length > 500 || !/^[A-Za-z0-9_-]*$/.test(cursor)) {
    throw badUserInput('`after` is not a cursor this API issued', 'after');
  }
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('c1:')) throw badUserInput('`after` is not a cursor this API issued', 'after');
  return text.slice(3);
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return { first: size, afterKey: after == null ? null : decodeCursor(after) };
}

/** A page of items plus a lazily computed total (counted only when a client asks for it). */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  keyOf: (item: T) => string;
  countTotal: () => Promise<number>;
}

/** Builds a page from `first + 1` fetched rows. */
export function pageFrom<T>(rows: T[], request: PageRequest, keyOf: (item: T) => string, countTotal: () => Promise<number>): Page<T> {
  return {
    items: rows.slice(0, request.first),
    hasNextPage: rows.length > request.first,
    hasPreviousPage: request.afterKey !== null,
    keyOf,
    countTotal,
  };
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Generic Relay connection: `XConnection { edges { cursor node } pageInfo totalCount }`.
 * Each call creates the pair of classes for one node type (type-graphql's generic-type pattern).
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} connection.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    private page!: Page<T>;

    @Field(() => Int, { description: 'Number of items in the whole list, over all pages.' })
    totalCount(): Promise<number> {
      return this.page.countTotal();
    }

    static from(page: Page<T>): Connection {
      const connection = new Connection();
      connection.page = page;
      connection.edges = page.items.map((node) => Object.assign(new Edge(), { cursor: encodeCursor(page.keyOf(node)), node }));
      const pageInfo = new PageInfo();
      pageInfo.hasNextPage = page.hasNextPage;
      pageInfo.hasPreviousPage = page.hasPreviousPage;
      pageInfo.startCursor = connection.edges[0]?.cursor ?? null;
      pageInfo.endCursor = connection.edges[connection.edges.length - 1]?.cursor ?? null;
      connection.pageInfo = pageInfo;
      return connection;
    }
  }
  return Connection;
}
