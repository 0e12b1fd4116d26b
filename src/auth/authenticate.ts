import { GraphQLError } from 'graphql';
import type { SqlRunner } from '../db/sql-runner';
import { unauthenticated } from '../graphql/errors';
import { Role } from '../graphql/enums';
import { InvalidTokenError, SigningKeysUnavailableError, TokenVerifier } from './token';
import type { Viewer } from './viewer';
import { echo } from '../shared/echo';

const UNIT_CACHE_MS = 30_000;
/** Successor chains longer than this are cut (a guard against a cycle in bad data). */
const MAX_SUCCESSORS = 32;

/**
 * Bumped whenever units end or gain a successor (reorganizeUnits, dissolveOrgUnit), so this
 * process re-resolves every token's scope at once; other processes within UNIT_CACHE_MS.
 * A stale entry only ever holds fewer roots than the fresh one (roots are never taken away).
 */
let unitsGeneration = 0;

export function orgUnitLifetimesChanged(): void {
  unitsGeneration += 1;
}

/**
 * Turns an Authorization header into a Viewer: no header is an anonymous caller (null); a
 * malformed, forged, expired or unscoped token, or one naming a unit that does not exist, is
 * UNAUTHENTICATED. The token's unit is resolved to the roots of the caller's scope: the unit
 * itself and, when it has ended, its successor, the successor's successor, and so on (an HR
 * officer of a merged commune reads the commune it became). Resolutions are cached briefly, so
 * a request costs no extra statement. When the identity provider's keys cannot be fetched (and
 * none were before), the answer is SERVICE_UNAVAILABLE (HTTP 503): the token may well be good.
 */
export class Authenticator {
  private readonly knownUnits = new Map<string, { roots: string[]; at: number; generation: number }>();

  constructor(private readonly verify: TokenVerifier) {}

  async viewerFrom(header: string | undefined, run: SqlRunner): Promise<Viewer | null> {
    if (!header) return null;
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    let viewer: Viewer;
    try {
      viewer = await this.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
      if (error instanceof SigningKeysUnavailableError) {
        throw new GraphQLError(error.message, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
      }
      throw error;
    }
    if (viewer.unitCode && viewer.role !== Role.ADMIN) {
      const roots = await this.scopeRootsOf(viewer.unitCode, run);
      if (!roots) throw unauthenticated(`The token's unit ${echo(viewer.unitCode)} does not exist`);
      viewer.resolvedScope = roots;
    }
    return viewer;
  }

  /** The unit and its chain of successors, in that order; null when no unit has the code. */
  private async scopeRootsOf(code: string, run: SqlRunner): Promise<string[] | null> {
    const seen = this.knownUnits.get(code);
    if (seen && seen.generation === unitsGeneration && Date.now() - seen.at < UNIT_CACHE_MS) return seen.roots;
    const generation = unitsGeneration;
    const rows = await run<{ code: string }>(
      `with recursive chain (id, code, successor_id, depth) as (
         select id, code, successor_id, 0 from org_unit where code = ?
         union all
         select u.id, u.code, u.successor_id, c.depth + 1 from chain c join org_unit u on u.id = c.successor_id where c.depth < ?
       )
       select code from chain order by depth`,
      [code, MAX_SUCCESSORS],
    );
    if (!rows.length) return null;
    const roots = [...new Set(rows.map((r) => r.code))];
    this.knownUnits.set(code, { roots, at: Date.now(), generation });
    return roots;
  }
}
