import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../src/config';
import { Role } from '../src/graphql/enums';
import { errorCode, GraphQLResponse, TEST_SECRET, TestServer } from './helpers/harness';
import { createTestDatabase, startConfiguredServer, TestDatabase } from './helpers/test-database';
import { buildWorld } from './helpers/world';

const ISSUER = 'https://idp.example.gov/realms/hr';
const AUDIENCE = 'workforce-graph';
const ME = '{ me { subject role unitCode } }';
const SCOPED = '{ orgUnit(code: "PROV.D1") { name } staffingGap(unitCode: "PROV.D1", year: 2026) { unit { code } } }';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  publicKey: KeyLike;
  jwk: JWK;
}

async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** An identity provider's JWKS endpoint on 127.0.0.1: what it publishes, how often it was asked, whether it is down. */
class IdentityProvider {
  published: SigningKey[] = [];
  fetches = 0;
  down = false;
  private server: Server = createServer((_req, res) => {
    this.fetches += 1;
    if (this.down) return void res.writeHead(502).end('bad gateway');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.published.map((key) => key.jwk) }));
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realms/hr/protocol/openid-connect/certs`;
  }

  async start(...keys: SigningKey[]): Promise<this> {
    this.published = keys;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token as the provider issues it; `options` changes what a test needs wrong. */
function issue(key: SigningKey, claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: number; sub?: string; kid?: string } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setSubject(options.sub ?? 'nguyen.van.a@hr.example.gov')
    .setIssuedAt()
    .setExpirationTime(options.exp ?? nowSeconds() + 600)
    .sign(key.privateKey);
}

function hs256(claims: Record<string, unknown>, secret: string | Uint8Array, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...header })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('mallory')
    .setExpirationTime(nowSeconds() + 600)
    .sign(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret);
}

function jwksEnv(idp: IdentityProvider, extra: Record<string, string> = {}): Record<string, string> {
  return { JWT_JWKS_URL: idp.url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, ...extra };
}

function outcome(res: GraphQLResponse): { status: number; code: string | undefined } {
  return { status: res.status, code: errorCode(res) };
}

describe('JWKS settings', () => {
  const https = { JWT_JWKS_URL: 'https://idp.example.gov/realms/hr/protocol/openid-connect/certs', JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };

  it('reads the identity provider settings with their defaults, and keeps HS256 when JWT_JWKS_URL is unset', () => {
    expect(loadConfig({}).jwks).toBeUndefined();
    expect(loadConfig(https).jwks).toEqual({
      url: https.JWT_JWKS_URL, issuers: [ISSUER], audiences: [AUDIENCE], algorithms: ['RS256', 'ES256'], roleClaim: 'role', unitClaim: 'unit',
      clockToleranceSeconds: 30, jwksCooldownSeconds: 30, jwksCacheMaxAgeSeconds: 600,
    });
    const custom = loadConfig({ ...https, JWT_AUDIENCE: 'workforce-graph, api://hr', JWT_ALGORITHMS: 'PS256,ES384', JWT_ROLE_CLAIM: 'realm_access.roles', JWT_UNIT_CLAIM: 'https://hr.example.gov/unit', JWT_CLOCK_TOLERANCE_SECONDS: '0' }).jwks!;
    expect(custom).toMatchObject({ audiences: ['workforce-graph', 'api://hr'], algorithms: ['PS256', 'ES384'], roleClaim: 'realm_access.roles', unitClaim: 'https://hr.example.gov/unit', clockToleranceSeconds: 0 });
  });

  it('needs no JWT_SECRET in production when tokens come from the identity provider, and still needs it otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...https }).jwks?.url).toBe(https.JWT_JWKS_URL);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production/);
  });

  it('refuses settings that would verify badly, at start-up', () => {
    const refused: Array<[Record<string, string>, RegExp]> = [
      [{ ...https, JWT_JWKS_URL: 'not a url' }, /JWT_JWKS_URL must be an http\(s\) URL/],
      [{ ...https, JWT_JWKS_URL: 'ftp://idp.example.gov/certs' }, /JWT_JWKS_URL must be an http\(s\) URL/],
      [{ ...https, NODE_ENV: 'production', JWT_JWKS_URL: 'http://idp.example.gov/certs' }, /https:\/\/ in production/],
      [{ ...https, JWT_ISSUER: '' }, /JWT_ISSUER is required/],
      [{ ...https, JWT_AUDIENCE: ' , ' }, /JWT_AUDIENCE is required/],
      [{ ...https, JWT_ALGORITHMS: 'RS256,HS256' }, /JWT_ALGORITHMS must list some of/],
      [{ ...https, JWT_ALGORITHMS: 'none' }, /JWT_ALGORITHMS/],
      [{ ...https, JWT_ROLE_CLAIM: 'realm_access.' }, /JWT_ROLE_CLAIM must be a claim name/],
      [{ ...https, JWT_CLOCK_TOLERANCE_SECONDS: '-5' }, /JWT_CLOCK_TOLERANCE_SECONDS/],
      [{ ...https, JWT_JWKS_CACHE_MAX_AGE_SECONDS: '0' }, /JWT_JWKS_CACHE_MAX_AGE_SECONDS/],
      [{ JWT_ISSUER: ISSUER }, /JWT_ISSUER applies only to tokens verified through JWT_JWKS_URL/],
      [{ JWT_ROLE_CLAIM: 'roles' }, /JWT_ROLE_CLAIM applies only/],
    ];
    for (const [env, message] of refused) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
    // A loopback sidecar may serve the keys over plain HTTP, even in production.
    expect(loadConfig({ ...https, NODE_ENV: 'production', JWT_JWKS_URL: 'http://127.0.0.1:8081/certs' }).jwks?.url).toBe('http://127.0.0.1:8081/certs');
  });
});

describe('tokens from the identity provider (JWKS)', () => {
  let database: TestDatabase;
  let rsa: SigningKey;
  let ec: SigningKey;
  let idp: IdentityProvider;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    [rsa, ec] = await Promise.all([signingKey('RS256', 'rsa-2026-01'), signingKey('ES256', 'ec-2026-01')]);
    idp = await new IdentityProvider().start(rsa, ec);
    server = await startConfiguredServer(jwksEnv(idp, { JWT_CLOCK_TOLERANCE_SECONDS: '300', JWT_JWKS_COOLDOWN_SECONDS: '0' }), database);
    await buildWorld(server.sql);
  });
  afterAll(async () => {
    await server?.close();
    await idp?.stop();
    await database?.drop();
  });

  it('accepts an RS256 and an ES256 token and answers with their claims, within their scope', async () => {
    for (const key of [rsa, ec]) {
      const token = await issue(key, { role: 'HR_OFFICER', unit: 'PROV.D1' }, { sub: `officer-${key.alg}` });
      const me = await server.gql(ME, {}, token);
      expect(me.errors).toBeUndefined();
      expect(me.data.me).toEqual({ subject: `officer-${key.alg}`, role: 'HR_OFFICER', unitCode: 'PROV.D1' });
      const scoped = await server.gql(SCOPED, {}, token);
      expect(scoped.errors).toBeUndefined();
      expect(scoped.data).toEqual({ orgUnit: { name: 'Huyện Một' }, staffingGap: { unit: { code: 'PROV.D1' } } });
      expect(errorCode(await server.gql('{ orgUnit(code: "PROV.D2") { name } }', {}, token))).toBe('FORBIDDEN');
    }
    const admin = await server.gql(ME, {}, await issue(rsa, { role: 'ADMIN' }, { sub: 'admin-1' }));
    expect(admin.data.me).toEqual({ subject: 'admin-1', role: 'ADMIN', unitCode: null });
  });

  it('allows a clock skew up to JWT_CLOCK_TOLERANCE_SECONDS past expiry, and no more', async () => {
    const justExpired = await issue(rsa, { role: 'ANALYST', unit: 'PROV.D1' }, { exp: nowSeconds() - 60 });
    expect((await server.gql(ME, {}, justExpired)).data?.me.role).toBe('ANALYST');
    const longExpired = await issue(rsa, { role: 'ANALYST', unit: 'PROV.D1' }, { exp: nowSeconds() - 3600 });
    expect(outcome(await server.gql(ME, {}, longExpired))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses a wrong issuer or audience, forged signatures and every HS256 token, with 401 UNAUTHENTICATED', async () => {
    const stranger = await signingKey('RS256', rsa.kid);
    const pem = await exportSPKI(rsa.publicKey);
    const claims = { role: 'ADMIN' };
    const refused: Record<string, string> = {
      wrongIssuer: await issue(rsa, claims, { iss: 'https://idp.example.gov/realms/other' }),
      wrongAudience: await issue(rsa, claims, { aud: 'another-application' }),
      publishedKidOtherKey: await issue(stranger, claims),
      unpublishedKid: await issue(await signingKey('ES256', 'ec-unknown'), claims),
      hs256WithDevelopmentSecret: await hs256(claims, DEVELOPMENT_JWT_SECRET),
      hs256WithConfiguredSecret: await hs256(claims, TEST_SECRET),
      // Algorithm confusion: the provider's public key, as an HMAC secret.
      hs256WithPublicKeyAsSecret: await hs256(claims, pem, { kid: rsa.kid }),
      hs256WithPublicJwkAsSecret: await hs256(claims, JSON.stringify(rsa.jwk), { kid: rsa.kid }),
      fromTheTestHarness: await server.token(Role.ADMIN),
      algNone: `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: nowSeconds() + 600 })).toString('base64url')}.`,
      noUnit: await issue(rsa, { role: 'HR_OFFICER' }),
      unknownUnit: await issue(rsa, { role: 'HR_OFFICER', unit: 'NOWHERE' }),
      unknownRole: await issue(rsa, { role: 'SUPERUSER' }),
    };
    for (const [name, token] of Object.entries(refused)) {
      expect({ name, ...outcome(await server.gql(ME, {}, token)) }).toEqual({ name, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('reads the role and the unit from the claims JWT_ROLE_CLAIM and JWT_UNIT_CLAIM name, nested or namespaced', async () => {
    const keycloakStyle = await startConfiguredServer(jwksEnv(idp, { JWT_ROLE_CLAIM: 'realm_access.roles', JWT_UNIT_CLAIM: 'https://hr.example.gov/unit' }), database);
    try {
      const token = await issue(rsa, { realm_access: { roles: ['offline_access', 'POLICYMAKER', 'uma_authorization'] }, 'https://hr.example.gov/unit': 'PROV.D1' }, { sub: 'pm-1' });
      expect((await keycloakStyle.gql(ME, {}, token)).data?.me).toEqual({ subject: 'pm-1', role: 'POLICYMAKER', unitCode: 'PROV.D1' });
      const twoRoles = await issue(rsa, { realm_access: { roles: ['ANALYST', 'ADMIN'] }, 'https://hr.example.gov/unit': 'PROV.D1' });
      const plainClaims = await issue(rsa, { role: 'ADMIN', unit: 'PROV.D1' });
      for (const token of [twoRoles, plainClaims]) expect(outcome(await keycloakStyle.gql(ME, {}, token))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    } finally {
      await keycloakStyle.close();
    }
  });

  it('picks up a rotated key at once, and stops accepting a retired key once the set has been fetched again', async () => {
    const before = await issue(rsa, { role: 'ADMIN' }, { sub: 'signed-before-rotation' });
    expect((await server.gql(ME, {}, before)).data?.me.subject).toBe('signed-before-rotation');

    // The provider publishes its next key beside the current one, then signs with it.
    const next = await signingKey('RS256', 'rsa-2026-02');
    idp.published = [rsa, next, ec];
    const fetchesBefore = idp.fetches;
    const after = await issue(next, { role: 'ADMIN' }, { sub: 'signed-after-rotation' });
    expect((await server.gql(ME, {}, after)).data?.me.subject).toBe('signed-after-rotation');
    expect(idp.fetches).toBeGreaterThan(fetchesBefore);
    expect((await server.gql(ME, {}, before)).data?.me.subject).toBe('signed-before-rotation');

    // It retires the old key. Until the set is fetched again (a token naming a key this service
    // does not hold, or JWT_JWKS_CACHE_MAX_AGE_SECONDS), the old key's tokens still pass; after, not.
    idp.published = [next, ec];
    expect((await server.gql(ME, {}, before)).data?.me.subject).toBe('signed-before-rotation');
    expect(outcome(await server.gql(ME, {}, await issue(await signingKey('RS256', 'rsa-2026-03'), { role: 'ADMIN' })))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(outcome(await server.gql(ME, {}, before))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await server.gql(ME, {}, after)).data?.me.subject).toBe('signed-after-rotation');
  });

  it('keeps the keys it fetched last while the provider is down, and answers 503 when it never had any', async () => {
    const flaky = await new IdentityProvider().start(rsa);
    const cachedBriefly = await startConfiguredServer(jwksEnv(flaky, { JWT_JWKS_CACHE_MAX_AGE_SECONDS: '1' }), database);
    try {
      const token = await issue(rsa, { role: 'ADMIN' }, { sub: 'during-outage' });
      expect((await cachedBriefly.gql(ME, {}, token)).data?.me.subject).toBe('during-outage');
      flaky.down = true;
      const fetchesBefore = flaky.fetches;
      // Let the cached set grow older than its one-second lifetime, so the next request refetches.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await cachedBriefly.gql(ME, {}, token)).data?.me.subject).toBe('during-outage');
      expect(flaky.fetches).toBeGreaterThan(fetchesBefore);

      const neverReached = await startConfiguredServer(jwksEnv(flaky), database);
      try {
        const res = await neverReached.gql(ME, {}, token);
        expect(outcome(res)).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        flaky.down = false;
        expect((await neverReached.gql(ME, {}, token)).data?.me.subject).toBe('during-outage');
      } finally {
        await neverReached.close();
      }
    } finally {
      await cachedBriefly.close();
      await flaky.stop();
    }
  });

  it('runs in production without JWT_SECRET, refuses HS256 there, and rate-limits by the provider\'s subject', async () => {
    const production = await startConfiguredServer(jwksEnv(idp, { NODE_ENV: 'production', JWT_SECRET: '', RATE_LIMIT_PER_MINUTE: '2' }), database);
    try {
      expect(outcome(await production.gql(ME, {}, await hs256({ role: 'ADMIN' }, DEVELOPMENT_JWT_SECRET)))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      const first = await issue(ec, { role: 'ANALYST', unit: 'PROV.D1' }, { sub: 'analyst-1' });
      const second = await issue(ec, { role: 'ANALYST', unit: 'PROV.D1' }, { sub: 'analyst-2' });
      expect((await production.gql(ME, {}, first)).data?.me.subject).toBe('analyst-1');
      expect((await production.gql(ME, {}, first)).data?.me.subject).toBe('analyst-1');
      expect(outcome(await production.gql(ME, {}, first))).toEqual({ status: 429, code: 'RATE_LIMITED' });
      // Same address, another subject: a budget of its own.
      expect((await production.gql(ME, {}, second)).data?.me.subject).toBe('analyst-2');
    } finally {
      await production.close();
    }
  });
});
