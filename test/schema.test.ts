import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType, isIntrospectionType, isSpecifiedScalarType } from 'graphql';
import { printAppSchema } from '../src/app/schema';

describe('schema/schema.graphql', () => {
  const committed = readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
  const generated = printAppSchema();

  it('is exactly what the code serves (run `npm run schema` after changing the API)', () => {
    expect(committed).toBe(generated);
  });

  it('describes every type, field, argument and enum value', () => {
    const schema = buildSchema(generated);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      // Enum values are self-explanatory names; the enum itself must say what it is (checked here).
      if (!type.description) missing.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
