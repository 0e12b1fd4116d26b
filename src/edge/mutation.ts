import type { EntityManager } from '@mikro-orm/postgresql';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer';
import { RequestContext, viewerOf } from './context';
import { DomainError, domainErrorsOf } from '../shared/domain-error';
import type { UserError } from '../graphql/user-error';
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
      const result = await ctx.em.transactional((em) => work(em as EntityManager, viewer));
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
