import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Creates and persists an entity from its fields. Unlike `em.create`, it does not ask for
 * derived read-only members (such as the GraphQL global ID) in the data.
 */
export function newEntity<T extends object>(em: EntityManager, type: new () => T, data: Partial<T>): T {
  const entity = Object.assign(new type(), data);
  em.persist(entity);
  return entity;
}
