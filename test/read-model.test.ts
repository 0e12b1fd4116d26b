import { ReferenceKind, type EntityProperty } from '@mikro-orm/core';
import { readModel, isReadModel } from '../src/db/read-model';
import { seedDemoData } from '../seeds/demo';
import { startTestServer, TestServer } from './helpers/harness';

/**
 * readModel builds the objects every list field returns without MikroORM's identity map; it
 * must give each property exactly the value em.map would, for every entity, on real rows.
 */
describe('readModel', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoData(server.orm.em.fork());
  }, 180_000);
  afterAll(() => server.close());

  it('maps rows of every entity exactly as em.map does', async () => {
    const checked: string[] = [];
    for (const meta of server.orm.getMetadata().getAll() ? Object.values(server.orm.getMetadata().getAll()) : []) {
      if (meta.embeddable || meta.virtual || !meta.class || !meta.tableName) continue;
      const rows = await server.sql<Record<string, unknown>>(`select * from "${meta.tableName}" order by 1 limit 5`);
      if (rows.length === 0) continue;
      for (const row of rows) {
        const managed = server.orm.em.fork().map(meta.class, { ...row }) as Record<string, unknown>;
        const read = readModel(server.orm.em, meta.class as new () => object, { ...row }) as Record<string, unknown>;
        expect(read).toBeInstanceOf(meta.class);
        expect(isReadModel(read)).toBe(true);
        expect(isReadModel(managed)).toBe(false);
        for (const prop of Object.values(meta.properties) as EntityProperty[]) {
          if (prop.persist === false || !prop.fieldNames?.length || !(prop.fieldNames[0] in row)) continue;
          const where = `${meta.className}.${prop.name}`;
          if (prop.kind === ReferenceKind.SCALAR) {
            expect({ where, value: read[prop.name] }).toEqual({ where, value: managed[prop.name] });
          } else if (prop.kind === ReferenceKind.MANY_TO_ONE) {
            const id = (value: unknown) => (value == null ? value : String((value as { id: unknown }).id));
            expect({ where, id: id(read[prop.name]) }).toEqual({ where, id: id(managed[prop.name]) });
          }
        }
      }
      checked.push(meta.className);
    }
    expect(checked).toEqual(expect.arrayContaining(['OrgUnit', 'Position', 'Assignment', 'Person', 'Vacancy', 'Candidate', 'Application', 'Offer', 'IncentivePackage']));
  });
});
