import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { depsOf, RequestContext } from './context';
import type { Deps } from './deps';

/** A field that loads one related object by its id through a service (batched by its loader). */
export interface RelationField<R> {
  type: ClassType;
  description: string;
  /** Nullable: the root may have none (no id), or the service may find none. */
  nullable: boolean;
  idOf: (root: R) => string | null | undefined;
  load: (deps: Deps, id: string) => Promise<object | null | undefined>;
}

type Load<T> = (deps: Deps, id: string) => Promise<T | null | undefined>;

/** A related object every root has, e.g. Vacancy.position: `position: Position!`. */
export function relationOf<R, T extends object>(type: ClassType<T>, description: string, idOf: (root: R) => string, load: Load<T>): RelationField<R> {
  return { type, description, nullable: false, idOf, load };
}

/** A related object a root may lack, e.g. Vacancy.incentivePackage: null without an id. */
export function optionalRelationOf<R, T extends object>(type: ClassType<T>, description: string, idOf: (root: R) => string | null | undefined, load: Load<T>): RelationField<R> {
  return { type, description, nullable: true, idOf, load };
}

/**
 * A base resolver of `rootType` declaring a field resolver for each relation, by its name
 * (type-graphql's resolver inheritance, as MutationResolver in mutation.ts). `base` lets one
 * resolver stack both: `extends MutationResolver({...}, RelationResolver(Quota, {...}))`.
 */
export function RelationResolver<R extends object>(rootType: ClassType<R>, relations: Record<string, RelationField<R>>, base: ClassType = Object): ClassType {
  @Resolver(() => rootType)
  abstract class RelationResolverClass extends (base as ClassType<object>) {}
  for (const [name, relation] of Object.entries(relations)) {
    const resolve = async (root: R, ctx: RequestContext): Promise<object | null> => {
      const id = relation.idOf(root);
      return id ? ((await relation.load(depsOf(ctx), id)) ?? null) : null;
    };
    const descriptor = { value: resolve, writable: true, configurable: true };
    Object.defineProperty(RelationResolverClass.prototype, name, descriptor);
    FieldResolver(() => relation.type, { nullable: relation.nullable, description: relation.description })(RelationResolverClass.prototype, name, descriptor);
    Root()(RelationResolverClass.prototype, name, 0);
    Ctx()(RelationResolverClass.prototype, name, 1);
  }
  return RelationResolverClass as unknown as ClassType;
}
