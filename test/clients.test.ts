import { cacheExchange, Client, fetchExchange, gql, type ClientOptions } from '@urql/core';
import { Role } from '../src/graphql/enums';
import { startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

/**
 * The README's "Connect a client" section, against the real server. urql sends a query as GET
 * when it fits in the URL (its default `preferGetMethod: 'within-url-limit'`), with no header
 * that forces a CORS preflight, and Apollo's CSRF prevention (kept on) refuses such a GET: the
 * README says so and gives two fixes, and this proves all three statements with a real urql
 * Client. Requests go through node's own fetch, watched, so the test sees what urql sent.
 */
const UNITS_TEXT = 'query Units($parentCode: String) { orgUnits(parentCode: $parentCode) { edges { node { code name } } } }';
const UNITS = gql(UNITS_TEXT);
const EXPECTED = { orgUnits: { edges: [{ node: { code: 'PROV.D1.W1', name: 'Phường Phú Xuân' } }, { node: { code: 'PROV.D1.W2', name: 'Phường Hai' } }] } };

/** urql's document cache adds `__typename` to every selection; the figures are what we compare. */
function withoutTypename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '__typename').map(([k, v]) => [k, withoutTypename(v)]));
  return value;
}

interface Sent {
  method: string;
  status: number;
}

describe('clients', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
    token = await server.token(Role.HR_OFFICER, 'PROV.D1');
  });
  afterAll(() => server?.close());

  /** A urql Client as the README sets it up, with `extra` options, and the requests it made. */
  function urql(extra: Partial<ClientOptions> & { headers?: Record<string, string> } = {}) {
    const sent: Sent[] = [];
    const { headers, ...options } = extra;
    const client = new Client({
      url: server.url,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: () => ({ headers: { authorization: `Bearer ${token}`, ...headers } }),
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        sent.push({ method: init?.method ?? 'GET', status: response.status });
        return response;
      },
      ...options,
    });
    return { client, sent };
  }

  it("urql's defaults: a query goes as GET without a preflight header, and CSRF prevention refuses it with 400", async () => {
    const { client, sent } = urql();
    const result = await client.query(UNITS, { parentCode: 'PROV.D1' }).toPromise();
    expect(sent).toEqual([{ method: 'GET', status: 400 }]);
    expect(result.data).toBeUndefined();
    expect(result.error?.graphQLErrors.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_REQUEST', expect.stringContaining('Cross-Site Request Forgery')],
    ]);
    expect(result.error?.graphQLErrors[0].message).toContain('apollo-require-preflight');

    // Mutations are always POST with a JSON content type, so they pass under the same defaults.
    const mutation = await client
      .mutation(gql`mutation { createPerson(input: { fullName: "Nguyễn Thị Lan" }) { person { fullName } userErrors { code } } }`, {})
      .toPromise();
    expect(sent[1]).toEqual({ method: 'POST', status: 200 });
    expect(withoutTypename(mutation.data)).toEqual({ createPerson: { person: { fullName: 'Nguyễn Thị Lan' }, userErrors: [] } });
  });

  it('urql with preferGetMethod: false sends POST and gets the answer', async () => {
    const { client, sent } = urql({ preferGetMethod: false });
    const result = await client.query(UNITS, { parentCode: 'PROV.D1' }).toPromise();
    expect(sent).toEqual([{ method: 'POST', status: 200 }]);
    expect(result.error).toBeUndefined();
    expect(withoutTypename(result.data)).toEqual(EXPECTED);
  });

  it('urql keeping GET, with the apollo-require-preflight header, gets the answer', async () => {
    const { client, sent } = urql({ headers: { 'apollo-require-preflight': 'true' } });
    const result = await client.query(UNITS, { parentCode: 'PROV.D1' }).toPromise();
    expect(sent).toEqual([{ method: 'GET', status: 200 }]);
    expect(result.error).toBeUndefined();
    expect(withoutTypename(result.data)).toEqual(EXPECTED);
  });

  it('plain fetch with POST and a JSON body gets the answer', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: UNITS_TEXT, variables: { parentCode: 'PROV.D1' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: EXPECTED });
  });
});
