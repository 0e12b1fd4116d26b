/**
 * How long the server's analysis of a request takes on the worst documents we could build
 * within its limits (the body's 1 MB and the parser's 5,000 tokens): parse, validate, and the
 * operation gate's walk. Printed, not asserted: figures depend on the machine.
 *   node test/helpers/ts-register.js bench/analysis-worst-case.ts
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, specifiedRules, validate } from 'graphql';
import { assertWithinLimits, measureOperation } from '../src/server/query-limits';

const schema = buildSchema(readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
const LIMITS = { maxDepth: 10, maxAliases: 30, maxCost: 500_000, maxTokens: 5_000, maxFields: 5_000 };

function doubling(levels: number, body = 'role'): string {
  const parts = ['{ me { ...F0 } }'];
  for (let i = 0; i < levels; i++) parts.push(`fragment F${i} on Viewer { ${body} ...F${i + 1} ...F${i + 1} }`);
  parts.push(`fragment F${levels} on Viewer { role subject }`);
  return parts.join('\n');
}

/** Every fragment spreads every later one: a dense DAG. */
function denseDag(n: number): string {
  const parts = ['{ me { ...F0 } }'];
  for (let i = 0; i < n; i++) parts.push(`fragment F${i} on Viewer { role ${Array.from({ length: n - i - 1 }, (_, j) => `...F${i + j + 1}`).join(' ')} }`);
  return parts.join('\n');
}

const CASES: Record<string, string> = {
  'doubling fragments, 450 levels': doubling(450),
  'dense fragment DAG, 60 fragments': denseDag(60),
  'same response name 2,400 times': `{ me { ${Array.from({ length: 2_400 }, () => 'role').join(' ')} } }`,
  'one alias over conflicting fields, 1,600 times': `{ me { ${Array.from({ length: 1_600 }, (_, i) => (i % 2 ? 'a: role' : 'a: subject')).join(' ')} } }`,
  'deep nesting to the depth limit, 800 times': `{ ${Array.from({ length: 200 }, (_, i) => `u${i}: orgUnit(code: "X") { parent { parent { code } } }`).join(' ')} }`,
  'one alias over conflicting fields, 100 each of 16 names': `{ me { ${Array.from({ length: 1_600 }, (_, i) => `a${i % 16}: ${i % 2 ? 'role' : 'subject'}`).join(' ')} } }`,
  'accepted: 30 aliases × 3 names × 7 repeats, 14 distinct': `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: orgUnit(code: "X") { ${'code name kind '.repeat(7)} id population validFrom validTo ${'kind '.repeat(10)} }`).join(' ')} }`,
  'accepted: 100 repeats of 24 names': `{ me { ${Array.from({ length: 24 }, (_, i) => `...R${i}`).join(' ')} } } ${Array.from({ length: 24 }, (_, i) => `fragment R${i} on Viewer { ${'role '.repeat(100)} }`).join(' ')}`,
  '900 KB string literal': `{ orgUnit(code: "${'X'.repeat(900_000)}") { code } }`,
};

function analyse(text: string): { ms: number; outcome: string } {
  const started = process.hrtime.bigint();
  let outcome = 'accepted';
  try {
    // The server's order: parse, the operation gate's walk, then validation.
    const document = parse(text, { maxTokens: LIMITS.maxTokens });
    const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      assertWithinLimits(measureOperation(schema, operation, fragments, {}), LIMITS);
    }
    const errors = validate(schema, document, specifiedRules);
    if (errors.length) outcome = `invalid: ${errors[0].message.slice(0, 60)}`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 60)}`;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, outcome };
}

for (const [name, text] of Object.entries(CASES)) {
  analyse(text); // warm
  const runs = Array.from({ length: 5 }, () => analyse(text));
  const worst = Math.max(...runs.map((r) => r.ms));
  console.log(`${name.padEnd(48)} ${String(text.length).padStart(7)} B  worst of 5: ${worst.toFixed(1).padStart(6)} ms  ${runs[0].outcome}`);
}
