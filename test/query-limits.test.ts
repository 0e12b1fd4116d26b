import { Role } from '../src/graphql/enums';
import { errorCode, startTestServer, TestServer } from './helpers/harness';

describe('query limits', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  it('refuses a query nested deeper than 10 levels', async () => {
    const deep = `{ orgUnit(code: "X") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }`;
    const res = await server.gql(deep, {}, admin);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.status).toBe(400);
    const fine = await server.gql(`{ orgUnit(code: "X") { parent { parent { code } } } }`, {}, admin);
    expect(fine.errors).toBeUndefined();
  });

  it('refuses more than 30 aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { role }`).join(' ');
    expect(errorCode(await server.gql(`{ ${aliases} }`, {}, admin))).toBe('QUERY_TOO_COMPLEX');
    const thirty = Array.from({ length: 30 }, (_, i) => `a${i}: me { role }`).join(' ');
    expect((await server.gql(`{ ${thirty} }`, {}, admin)).errors).toBeUndefined();
  });

  it('refuses, before running it, a query able to return a million objects', async () => {
    const huge = `{ orgUnits(first: 100) { edges { node { children(first: 100) { edges { node { positions(first: 100) { edges { node { title } } } } } } } } } }`;
    const res = await server.gql(huge, {}, admin);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.statements).toBe(0);
    // The same through variables.
    const viaVariables = `query($n: Int) { orgUnits(first: $n) { edges { node { children(first: $n) { edges { node { positions(first: $n) { edges { node { title } } } } } } } } } }`;
    expect(errorCode(await server.gql(viaVariables, { n: 100 }, admin))).toBe('QUERY_TOO_COMPLEX');
    expect((await server.gql(viaVariables, { n: 10 }, admin)).errors).toBeUndefined();
  });

  it('refuses a document of more than 5,000 tokens', async () => {
    const long = `{ me { ${'role '.repeat(6000)} } }`;
    expect(errorCode(await server.gql(long, {}, admin))).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a body over 1 MB with 413, and batched requests', async () => {
    const big = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: '{ me { role } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    const batch = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify([{ query: '{ me { role } }' }, { query: '{ me { role } }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('keeps CSRF prevention on for GET, and answers GET queries that carry a preflight header', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ me { role } }')}`;
    const simple = await fetch(url, { headers: { authorization: `Bearer ${admin}` } });
    expect(simple.status).toBe(400);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { me: { role: 'ADMIN' } } });
  });
});
