import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations';
import type { Logger } from '../logger';
import { entities } from './entities';
import { recordStatement } from './statement-counter';

export type Orm = MikroORM;

export interface OrmOptions {
  url: string;
  poolSize?: number;
  logger?: Logger;
}

export async function createOrm(options: OrmOptions): Promise<Orm> {
  return MikroORM.init({
    clientUrl: options.url,
    entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, tableName: 'mikro_orm_migrations', snapshot: false },
    pool: { min: 0, max: options.poolSize ?? 10 },
    // Entities are loaded only where a request asks for them, never implicitly.
    forceEntityConstructor: false,
    allowGlobalContext: false,
    onQuery: recordStatement,
    debug: false,
    logger: (message: string) => options.logger?.debug({ orm: message }),
    schemaGenerator: { disableForeignKeys: false },
  });
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
