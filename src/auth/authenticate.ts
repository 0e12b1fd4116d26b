import type { SqlRunner } from '../db/sql-runner';
import { unauthenticated } from '../graphql/errors';
import { Role } from '../graphql/enums';
import { InvalidTokenError, verifyToken } from './token';
import type { Viewer } from './viewer';

const UNIT_CACHE_MS = 30_000;

/**
 * Turns an Authorization header into a Viewer: no header is an anonymous caller (null); a
 * malformed, forged, expired or unscoped token, or one naming a unit that does not exist, is
 * UNAUTHENTICATED. Unit existence is cached briefly, so a request costs no extra statement.
 */
export class Authenticator {
  private readonly knownUnits = new Map<string, number>();

  constructor(private readonly secret: string) {}

  async viewerFrom(header: string | undefined, run: SqlRunner): Promise<Viewer | null> {
    if (!header) return null;
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    let viewer: Viewer;
    try {
      viewer = await verifyToken(match[1], this.secret);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
      throw error;
    }
    if (viewer.unitCode && viewer.role !== Role.ADMIN && !(await this.unitExists(viewer.unitCode, run))) {
      throw unauthenticated(`The token's unit ${viewer.unitCode} does not exist`);
    }
    return viewer;
  }

  private async unitExists(code: string, run: SqlRunner): Promise<boolean> {
    const seen = this.knownUnits.get(code);
    if (seen !== undefined && Date.now() - seen < UNIT_CACHE_MS) return true;
    const rows = await run('select 1 from org_unit where code = ?', [code]);
    if (rows.length) this.knownUnits.set(code, Date.now());
    return rows.length > 0;
  }
}
