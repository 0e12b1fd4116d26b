import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node: every entity with an opaque global ID that `Query.node(id)` resolves.
 * Entities keep their database key in `id`; the GraphQL `id` field is the global ID, which
 * each entity class provides by overriding `globalId`.
 */
@InterfaceType('Node', { description: 'An object with an opaque global ID; Query.node(id) fetches any of them.' })
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global ID.' })
  get globalId(): string {
    throw new Error(`${this.constructor.name} does not define its global ID`);
  }
}
