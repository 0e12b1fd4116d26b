import type { EntityManager } from '@mikro-orm/postgresql';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Arg, ClassType, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Viewer } from '../auth/viewer';
import { RequestContext, viewerOf } from './context';
import { bindClock } from './deps';
import { DomainError, domainErrorsOf } from '../shared/domain-error';
import type { UserError } from '../graphql/user-error';
import type { ObjectPayload, ObjectPayloadClass, Payload, PayloadClass } from '../graphql/payload';
import { userErrorOf } from './errors';

/**
 * The database's guards that no rule explained (a rule that owns a constraint turns its
 * violation into its own DomainError where it writes, as seat.ts does for the one-PRIMARY
 * rule): a race lost on a unique key, a check or a value out of its type's range.
 */
function domainErrorFromDriver(error: unknown): DomainError | null {
  if (error instanceof UniqueConstraintViolationException) {
    return new DomainError('CONFLICT', 'That already exists');
  }
  if (error instanceof DriverException) {
    const code = (error as DriverException & { code?: string }).code;
    if (code === '23514') return new DomainError('BAD_USER_INPUT', 'A value is out of its allowed range');
    if (code === '22003' || code === '22P02' || code === '22007' || code === '22008') {
      return new DomainError('BAD_USER_INPUT', 'A value is not valid for its field');
    }
  }
  return null;
}

const SERIALIZATION_FAILURES = new Set(['40001', '40P01']);

/**
 * Runs a mutation's work in one transaction. A DomainError (or a constraint the database
 * enforces) rolls everything back and becomes `userErrors`; deadlocks and serialization
 * failures are retried; a Refusal propagates as its GraphQL error (src/edge/errors.ts), and
 * anything else as INTERNAL_SERVER_ERROR.
 */
export async function runMutation<P extends { userErrors: UserError[] }>(
  ctx: RequestContext,
  work: (em: EntityManager, viewer: Viewer) => Promise<Omit<P, 'userErrors'>>,
  failed: (userErrors: UserError[]) => P,
): Promise<P> {
  const viewer = viewerOf(ctx);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await ctx.em.transactional((em) => {
        bindClock(em as EntityManager, ctx.clock);
        return work(em as EntityManager, viewer);
      });
      return { ...result, userErrors: [] } as unknown as P;
    } catch (error) {
      const failures = domainErrorsOf(error);
      if (failures) return failed(failures.map(userErrorOf));
      const code = (error as { code?: string }).code;
      if (code && SERIALIZATION_FAILURES.has(code) && attempt < 5) continue;
      const mapped = domainErrorFromDriver(error);
      if (mapped) return failed([userErrorOf(mapped)]);
      throw error;
    } finally {
      ctx.em.clear();
    }
  }
}

type MutationWork<I, R> = (em: EntityManager, viewer: Viewer, input: I) => Promise<R>;

/** One mutation field: the payload it answers with, its one `input`, and the work it does. */
export interface MutationField<I extends object, P extends Payload> {
  payload: PayloadClass<P>;
  input: ClassType<I>;
  description: string;
  /** The work, in the mutation's transaction (runMutation): the payload's fields but userErrors. */
  work: MutationWork<I, Omit<P, 'userErrors'>>;
  /** What follows a success, outside the transaction: re-reading what queries show, telling a cache. */
  afterSuccess?: (payload: P, ctx: RequestContext) => P | Promise<P>;
}

/** A mutation field whose work returns the payload's fields itself (payloads with more than one object or count). */
export function mutationField<I extends object, P extends Payload>(field: MutationField<I, P>): MutationField<I, P> {
  return field;
}

/** The usual mutation field: a service call whose result is the one object of a PayloadType payload. */
export function mutationOf<I extends object, F extends string, T>(
  payload: ObjectPayloadClass<F, T>,
  input: ClassType<I>,
  run: MutationWork<I, T>,
  description: string,
  afterSuccess?: MutationField<I, ObjectPayload<F, T>>['afterSuccess'],
): MutationField<I, ObjectPayload<F, T>> {
  const work = async (em: EntityManager, viewer: Viewer, given: I) => ({ [payload.field]: await run(em, viewer, given) }) as Omit<ObjectPayload<F, T>, 'userErrors'>;
  return { payload, input, description, work, afterSuccess };
}

const INPUT_ARGUMENT = { description: 'The mutation\'s input.' };

/**
 * A base resolver declaring a mutation for each entry, by its name: `name(input: X!): XPayload!`
 * run by runMutation. A module's resolver extends it (type-graphql's resolver inheritance), so
 * each mutation is one line of what differs: payload, input, service call and description.
 * `base`: another such base to stack on (RelationResolver in relation.ts).
 */
export function MutationResolver(fields: Record<string, MutationField<any, any>>, base: ClassType = Object): ClassType {
  @Resolver()
  abstract class MutationResolverClass extends (base as ClassType<object>) {}
  for (const [name, field] of Object.entries(fields)) {
    const mutate = async (input: unknown, ctx: RequestContext): Promise<Payload> => {
      const payload = await runMutation(ctx, (em, viewer) => field.work(em, viewer, input), (userErrors) => field.payload.failed(userErrors));
      return payload.userErrors.length === 0 && field.afterSuccess ? field.afterSuccess(payload, ctx) : payload;
    };
    const descriptor = { value: mutate, writable: true, configurable: true };
    Object.defineProperty(MutationResolverClass.prototype, name, descriptor);
    Mutation(() => field.payload as unknown as ClassType, { description: field.description })(MutationResolverClass.prototype, name, descriptor);
    Arg('input', () => field.input, { ...INPUT_ARGUMENT })(MutationResolverClass.prototype, name, 0);
    Ctx()(MutationResolverClass.prototype, name, 1);
  }
  return MutationResolverClass as unknown as ClassType;
}
