import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { Role } from '../graphql/enums';
import { Viewer } from './viewer';

const ALGORITHM = 'HS256';
const ROLES = new Set<string>(Object.values(Role));

export class InvalidTokenError extends Error {}

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export interface TokenClaims {
  subject: string;
  role: Role;
  unitCode?: string | null;
  /** Lifetime in seconds; default 12 hours. */
  expiresInSeconds?: number;
}

export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  const jwt = new SignJWT({ role: claims.role, ...(claims.unitCode ? { unit: claims.unitCode } : {}) })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.expiresInSeconds ?? 12 * 3600));
  return jwt.sign(keyFrom(secret));
}

/**
 * Verifies signature (HS256 only: `alg: none` and other algorithms are refused), expiry and
 * the shape of the claims. Whether the unit exists is checked by the caller against the database.
 */
export async function verifyToken(token: string, secret: string): Promise<Viewer> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyFrom(secret), { algorithms: [ALGORITHM], requiredClaims: ['exp', 'sub'] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('The token has expired');
    throw new InvalidTokenError('The token is not valid');
  }
  const role = payload.role;
  if (typeof role !== 'string' || !ROLES.has(role)) throw new InvalidTokenError('The token names no known role');
  const subject = payload.sub;
  if (!subject || subject.length > 200) throw new InvalidTokenError('The token names no subject');
  const unit = payload.unit;
  if (role !== Role.ADMIN && (typeof unit !== 'string' || unit.length === 0 || unit.length > 255)) {
    throw new InvalidTokenError(`A ${role} token must name its unit`);
  }
  const viewer = new Viewer();
  viewer.subject = subject;
  viewer.role = role as Role;
  viewer.expiresAt = typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null;
  viewer.unitCode = role === Role.ADMIN ? (typeof unit === 'string' ? unit : null) : (unit as string);
  return viewer;
}
