import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { fragment, SqlFragment, TRUE_SQL } from '../shared/sql';
import { badUserInput } from '../shared/domain-error';

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

/**
 * What a list is sorted by, and so what its cursors hold. Every cursor this API issues is
 * base64url of "c2:<kind>:<payload>"; the kind's parser checks the payload's type, shape and
 * range, so a forged or foreign cursor is BAD_USER_INPUT before any SQL sees it.
 */
export interface CursorKind<K> {
  name: string;
  format(key: K): string;
  /** The key, or null when the payload is not one this kind writes. */
  parse(payload: string): K | null;
  /** The key as SQL values, with their types, in the order of the sort columns. */
  sqlValues(key: K): Array<{ value: unknown; type: string }>;
}

/** A bigint primary key ("id" columns are int8 identities). */
export const BY_ID: CursorKind<string> = {
  name: 'id',
  format: (id) => id,
  parse: (payload) => (/^[1-9][0-9]{0,17}$/.test(payload) ? payload : null),
  sqlValues: (id) => [{ value: id, type: 'bigint' }],
};

/** A unit code: dotted, at most 255 characters, no control characters. */
export const BY_CODE: CursorKind<string> = {
  name: 'code',
  format: (code) => code,
  // eslint-disable-next-line no-control-regex
  parse: (payload) => (payload.length > 0 && payload.length <= 255 && !/[\u0000-\u001f\u007f]/.test(payload) ? payload : null),
  sqlValues: (code) => [{ value: code, type: 'text' }],
};

/** (a calendar date, a bigint id): lists sorted by a date, ties broken by id. */
export const BY_DATE_THEN_ID: CursorKind<{ date: string; id: string }> = {
  name: 'date-id',
  format: ({ date, id }) => `${date}/${id}`,
  parse: (payload) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})\/([1-9][0-9]{0,17})$/.exec(payload);
    if (!match) return null;
    const [, year, month, day, id] = match;
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    const real = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
    return real ? { date: `${year}-${month}-${day}`, id } : null;
  },
  sqlValues: ({ date, id }) => [{ value: date, type: 'date' }, { value: id, type: 'bigint' }],
};

const CURSOR_VERSION = 'c2';
const MAX_CURSOR_LENGTH = 500;

export function encodeCursor<K>(kind: CursorKind<K>, key: K): string {
  return Buffer.from(`${CURSOR_VERSION}:${kind.name}:${kind.format(key)}`, 'utf8').toString('base64url');
}

export function decodeCursor<K>(kind: CursorKind<K>, cursor: string): K {
  const refused = () => badUserInput('`after` is not a cursor this API issued for this list', 'after');
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw refused();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${CURSOR_VERSION}:${kind.name}:`;
  if (!text.startsWith(prefix)) throw refused();
  const key = kind.parse(text.slice(prefix.length));
  if (key === null) throw refused();
  return key;
}

/** Validated paging arguments: how many to take and the sort key to start after. */
export interface PageRequest<K = string> {
  first: number;
  afterKey: K | null;
  kind: CursorKind<K>;
}

export function pageRequest<K = string>(first: number | null | undefined, after: string | null | undefined, kind: CursorKind<K>): PageRequest<K> {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return { first: size, afterKey: after == null ? null : decodeCursor(kind, after), kind };
}

/**
 * Keyset pagination's one condition: the rows after the page's cursor in the list's order
 * (`columns` are the sort columns, as SQL; `desc` for newest-first lists). Nothing to skip
 * without a cursor. The fragment carries its own values.
 */
export function afterCursorSql<K>(page: PageRequest<K>, columns: string | readonly string[], direction: 'asc' | 'desc' = 'asc'): SqlFragment {
  if (page.afterKey === null) return TRUE_SQL;
  const sorted = typeof columns === 'string' ? [columns] : columns;
  const values = page.kind.sqlValues(page.afterKey);
  if (values.length !== sorted.length) throw new Error(`cursor ${page.kind.name} has ${values.length} values for ${sorted.length} sort columns`);
  const placeholders = values.map((v) => `?::${v.type}`);
  const row = (items: readonly string[]) => (items.length === 1 ? items[0] : `(${items.join(', ')})`);
  return fragment(`${row(sorted)} ${direction === 'asc' ? '>' : '<'} ${row(placeholders)}`, ...values.map((v) => v.value));
}

/** A page of items plus a lazily computed total (counted only when a client asks for it). */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  cursorOf: (item: T) => string;
  countTotal: () => Promise<number>;
}

/** Builds a page from `first + 1` fetched rows. */
export function pageFrom<T, K>(rows: T[], request: PageRequest<K>, keyOf: (item: T) => K, countTotal: () => Promise<number>): Page<T> {
  return {
    items: rows.slice(0, request.first),
    hasNextPage: rows.length > request.first,
    hasPreviousPage: request.afterKey !== null,
    cursorOf: (item) => encodeCursor(request.kind, keyOf(item)),
    countTotal,
  };
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
      connection.edges = page.items.map((node) => Object.assign(new Edge(), { cursor: page.cursorOf(node), node }));
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
