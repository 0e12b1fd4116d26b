import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import type { Config, JwksSettings } from '../config';
import { Role } from '../graphql/enums';
import type { Logger } from '../logger';
import { Viewer } from './viewer';

const ALGORITHM = 'HS256';
const ROLES = new Set<string>(Object.values(Role));

/** The token is the client's fault: UNAUTHENTICATED. */
export class InvalidTokenError extends Error {}

/** The identity provider's keys could not be fetched and none were fetched before: the service's fault, not the token's. */
export class SigningKeysUnavailableError extends Error {}

/** Verifies a bearer token and says who it names; throws InvalidTokenError or SigningKeysUnavailableError. */
export type TokenVerifier = (token: string) => Promise<Viewer>;

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
  return viewerFromClaims(payload, 'role', 'unit');
}

/**
 * The verifier the configuration asks for: the identity provider's keys when JWT_JWKS_URL is
 * set (and then no HS256 token is accepted, whatever it is signed with), else HS256 with JWT_SECRET.
 */
export function tokenVerifierFor(config: Pick<Config, 'jwtSecret' | 'jwks'>, logger?: Logger): TokenVerifier {
  if (!config.jwks) {
    const secret = config.jwtSecret;
    return (token) => verifyToken(token, secret);
  }
  const settings = config.jwks;
  const keys = identityProviderKeys(settings, logger);
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: settings.algorithms,
        issuer: settings.issuers,
        audience: settings.audiences,
        clockTolerance: settings.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError) throw error;
      throw new InvalidTokenError(refusalOf(error));
    }
    return viewerFromClaims(payload, settings.roleClaim, settings.unitClaim);
  };
}

function refusalOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not accepted`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The token\'s signature algorithm is not accepted';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The token is signed with a key the identity provider does not publish';
  return 'The token is not valid';
}

/**
 * The provider's key set, fetched on first use and again after `jwksCacheMaxAgeSeconds`, or
 * when a token names a key it does not hold (at most once per cooldown): so a rotated-in key
 * is picked up at once, and a retired key stops being accepted at the next fetch. While the
 * provider cannot be reached, the keys fetched last stay in use (a restart of the provider
 * does not lock everyone out); before any fetch has succeeded, nothing can be verified.
 */
function identityProviderKeys(settings: JwksSettings, logger?: Logger): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(settings.url), {
    cooldownDuration: settings.jwksCooldownSeconds * 1000,
    cacheMaxAge: settings.jwksCacheMaxAgeSeconds * 1000,
  });
  let lastGood: { fetched: string; keys: JWTVerifyGetKey } | null = null;
  let unreachableUntil = 0;
  const lastGoodKeys = () => {
    const jwks = remote.jwks(); // a fresh copy of the set fetched last, each call
    if (!jwks) return null;
    const fetched = JSON.stringify(jwks);
    // One local set per fetched set, so its imported keys are reused while the provider is down.
    if (lastGood?.fetched !== fetched) lastGood = { fetched, keys: createLocalJWKSet(jwks) };
    return lastGood.keys;
  };
  return async (header, token) => {
    const stale = Date.now() < unreachableUntil ? lastGoodKeys() : null;
    if (stale) return stale(header, token);
    try {
      return await remote(header, token);
    } catch (error) {
      // These say the token names no (single) published key; anything else is the fetch failing.
      if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) throw error;
      const fallback = lastGoodKeys();
      logger?.warn({ err: error, jwksUrl: settings.url, usingLastKeys: Boolean(fallback) }, 'identity provider keys unreachable');
      if (!fallback) throw new SigningKeysUnavailableError('The identity provider\'s signing keys cannot be fetched; try again shortly');
      // Do not make every request wait on a provider that is down: retry after the cooldown.
      unreachableUntil = Date.now() + settings.jwksCooldownSeconds * 1000;
      return fallback(header, token);
    }
  };
}

/**
 * The claim `name` of a payload: the claim of that very name (names such as
 * "https://hr.example.gov/unit" hold dots), else the dotted path into nested claims
 * ("realm_access.roles").
 */
function claimAt(payload: JWTPayload, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The role a claim names: a Role, or a list (Keycloak's and Azure AD's roles) holding exactly
 * one Role among roles of other applications; two Roles in one token are refused, not ranked.
 */
function roleFrom(value: unknown): Role {
  const known = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && ROLES.has(item));
  if (known.length === 0) throw new InvalidTokenError('The token names no known role');
  if (new Set(known).size > 1) throw new InvalidTokenError('The token names more than one role');
  return known[0] as Role;
}

function viewerFromClaims(payload: JWTPayload, roleClaim: string, unitClaim: string): Viewer {
  const role = roleFrom(claimAt(payload, roleClaim));
  const subject = payload.sub;
  if (!subject || subject.length > 200) throw new InvalidTokenError('The token names no subject');
  const unit = claimAt(payload, unitClaim);
  const validUnit = typeof unit === 'string' && unit.length > 0 && unit.length <= 255;
  if (role !== Role.ADMIN && !validUnit) throw new InvalidTokenError(`A ${role} token must name its unit`);
  const viewer = new Viewer();
  viewer.subject = subject;
  viewer.role = role;
  viewer.expiresAt = typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null;
  viewer.unitCode = validUnit ? (unit as string) : null;
  return viewer;
}
