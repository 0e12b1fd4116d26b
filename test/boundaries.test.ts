import path from 'node:path';

/** The module boundaries of .dependency-cruiser.cjs (layers, module order, public surfaces, no cycles). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../.dependency-cruiser.cjs') as { forbidden: unknown[]; options: Record<string, unknown> };

interface Violation { from: string; to: string; rule: { name: string } }

async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const { cruise } = await import('dependency-cruiser');
  const result = await cruise(
    roots,
    { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } } as never,
    undefined,
    { tsConfig: { fileName: path.join(baseDir, 'tsconfig.json') } } as never,
  );
  const output = result.output as unknown as { summary: { violations: Violation[] } };
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

const root = path.resolve(__dirname, '..');

test('the code keeps its boundaries: layers, module order, public surfaces, no cycles', async () => {
  expect(await violations(root, ['src', 'seeds', 'scripts'])).toEqual([]);
});

test('the same rules catch a cycle, a deep import and a lower layer importing a higher one', async () => {
  const found = await violations(path.join(root, 'test/fixtures/boundaries'), ['src']);
  expect(found).toEqual(expect.arrayContaining([
    'no-circular: src/modules/org/unit.ts → src/modules/staffing/index.ts',
    'module-surface-from-module: src/modules/staffing/position.ts → src/modules/org/unit.ts',
    'module-org: src/modules/org/unit.ts → src/modules/staffing/index.ts',
    'layer-db: src/db/orm.ts → src/modules/org/index.ts',
  ]));
});

test('outside its resolvers a module may not see the GraphQL context, the GraphQL error builders or graphql itself', async () => {
  const found = (await violations(path.join(root, 'test/fixtures/boundaries'), ['src'])).filter((v) => v.startsWith('services-without-graphql:'));
  expect(found).toEqual([
    expect.stringMatching(/^services-without-graphql: src\/modules\/org\/unit\.service\.ts → .*node_modules\/graphql\//),
    'services-without-graphql: src/modules/org/unit.service.ts → src/edge/context.ts',
    'services-without-graphql: src/modules/org/unit.service.ts → src/graphql/errors.ts',
  ]);
});
