import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { buildSchema, parse, validate } from 'graphql';
import { printAppSchema } from '../src/app/schema';

const ROOT = path.join(__dirname, '..');
const OPERATIONS = path.join(ROOT, 'schema', 'operations');

describe('client operations', () => {
  const schema = buildSchema(printAppSchema());
  const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'));

  it('has the common questions as named operations', () => {
    const names = files.flatMap((f) =>
      parse(readFileSync(path.join(OPERATIONS, f), 'utf8')).definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : [])),
    );
    expect(names).toEqual(expect.arrayContaining(['StaffingGapTree', 'SkillGaps', 'VacanciesByDaysOpen', 'RecruitmentFunnel', 'PayGap', 'WhatIf', 'PolicyCurve', 'HireCandidate']));
  });

  it.each(files)('%s is valid against the served schema', (file) => {
    const errors = validate(schema, parse(readFileSync(path.join(OPERATIONS, file), 'utf8')));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('has its typed client in client/generated up to date (run `npm run codegen`)', async () => {
    const { config } = await loadCodegenConfig({ configFilePath: path.join(ROOT, 'codegen.yml') });
    const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect({ file: output.filename, same: readFileSync(path.resolve(ROOT, output.filename), 'utf8') === output.content }).toEqual({ file: output.filename, same: true });
    }
  }, 60_000);
});
