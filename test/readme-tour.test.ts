import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { seedIfEmpty } from '../src/app/seed';
import { fromGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { startTestServer, TEST_SECRET, TestServer } from './helpers/harness';
import { runScript } from './helpers/run-script';

/**
 * The README's tour, run as written: every query of every block, with the token the block says
 * it needs (the `npm run -s token -- …` command above it, run for real), on the demo data. It reads
 * roles, units and queries from the README itself, so it follows the README when the demo's
 * codes change.
 */
const ROOT = path.resolve(__dirname, '..');
const TOKEN_COMMAND = /npm run -s token -- ((?:--[a-z]+ [A-Za-z0-9_.@-]+ ?)+)/g;

interface Block {
  lang: string;
  body: string;
  /** The text between the previous block and this one. */
  prose: string;
  line: number;
}

function tourBlocks(readme: string): Block[] {
  const start = readme.indexOf('\n## A first tour');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(0);
  const tour = readme.slice(start, end);
  const blocks: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  let last = 0;
  for (let m = fence.exec(tour); m; m = fence.exec(tour)) {
    const line = readme.slice(0, start + m.index).split('\n').length;
    blocks.push({ lang: m[1], body: m[2], prose: tour.slice(last, m.index), line });
    last = m.index + m[0].length;
  }
  return blocks;
}

/** The arguments of the last token command in a text, or null. */
function lastTokenCommand(text: string): string[] | null {
  const all = [...text.matchAll(TOKEN_COMMAND)];
  return all.length ? all[all.length - 1][1].trim().split(/\s+/) : null;
}

/** The token script as `npm run -s token -- ARGS` runs it, signing with the test server's secret. */
async function runTokenScript(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runScript('token.ts', args, { JWT_SECRET: TEST_SECRET });
  if (code !== 0) throw new Error(`token ${args.join(' ')}: exit ${code}: ${stderr}`);
  return stdout.trim();
}

/** Each operation of a block on its own: a block holds several anonymous ones, one after another. */
function operationsOf(body: string): string[] {
  return parse(body).definitions.map((d) => body.slice(d.loc!.start, d.loc!.end));
}

/** Every object with a global `id` in an answer, by `<type>Id`: what a reader copies into the next step's "…". */
function collectIds(value: unknown, into: Map<string, string>): void {
  if (Array.isArray(value)) return value.forEach((v) => collectIds(v, into));
  if (!value || typeof value !== 'object') return;
  const id = (value as { id?: unknown }).id;
  const decoded = typeof id === 'string' ? fromGlobalId(id) : null;
  if (decoded) into.set(`${decoded.type[0].toLowerCase()}${decoded.type.slice(1)}Id`, id as string);
  for (const v of Object.values(value)) collectIds(v, into);
}

/** userErrors anywhere in an answer, as `code: message`. */
function userErrorsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'userErrors' && Array.isArray(v) ? v.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`) : userErrorsIn(v),
  );
}

describe('the README tour, top to bottom as written', () => {
  let server: TestServer;
  const blocks = tourBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
  }, 180_000);
  afterAll(() => server.close());

  it('names a token command for every GraphQL block', () => {
    const graphqlBlocks = blocks.filter((b) => b.lang === 'graphql');
    expect(graphqlBlocks.length).toBeGreaterThan(5);
    const without = graphqlBlocks.filter((b) => !lastTokenCommand(b.prose)).map((b) => `README.md:${b.line}`);
    expect(without).toEqual([]);
  });

  it('answers every query and mutation without an error, each with the token its block names', async () => {
    const tokens = new Map<string, Promise<string>>();
    const tokenFor = (args: string[]) => {
      const key = args.join(' ');
      if (!tokens.has(key)) tokens.set(key, runTokenScript(args));
      return tokens.get(key)!;
    };
    const ids = new Map<string, string>();
    const failures: string[] = [];
    let ran = 0;
    const run = async (where: string, query: string, token: string) => {
      const filled = query.replace(/(\w+): "…"/g, (whole, name: string) => {
        const id = ids.get(name);
        if (!id) failures.push(`${where}: no earlier step of the tour returned a ${name}`);
        return id ? `${name}: "${id}"` : whole;
      });
      const answer = await server.gql(filled, {}, token);
      ran += 1;
      for (const e of answer.errors ?? []) failures.push(`${where}: ${e.extensions?.code}: ${e.message}\n  in ${query.slice(0, 100)}`);
      for (const e of userErrorsIn(answer.data)) failures.push(`${where}: userError ${e}\n  in ${query.slice(0, 100)}`);
      collectIds(answer.data, ids);
      return answer;
    };
    for (const block of blocks) {
      const where = `README.md:${block.line}`;
      if (block.lang === 'graphql') {
        const token = await tokenFor(lastTokenCommand(block.prose)!);
        for (const operation of operationsOf(block.body)) await run(where, operation, token);
      } else if (block.lang === 'sh') {
        const args = lastTokenCommand(block.body);
        if (!args) continue;
        const token = await tokenFor(args);
        // curl … -d '{"query": …}': the query it posts.
        for (const [, json] of block.body.matchAll(/-d '(\{.*\})'/g)) await run(where, JSON.parse(json).query, token);
        // `TOKEN=$(…)   # { me { … } } → ANSWER`: what the comment promises the token reads.
        for (const [, query, expected] of block.body.matchAll(/# (\{ me \{[^}]*\} \}) → (.+)$/gm)) {
          const answer = await run(where, query, token);
          expect(Object.values(answer.data.me)[0]).toEqual(JSON.parse(expected));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(ran).toBeGreaterThan(25);
  }, 180_000);
});
