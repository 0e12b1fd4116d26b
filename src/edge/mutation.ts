import type { EntityManager } from '@mikro-orm/postgresql';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer';
import { RequestContext, viewerOf } from './context';
import { DomainError, DomainErrors, UserError } from '../graphql/user-error';

/** The database's own guards, turned into the userErrors a client expects. */
function domainErrorFromDriver(error: unknown): DomainError | null {
  if (error instanceof UniqueConstraintViolationException) {
    return new DomainError('CONFLICT', 'That already exists');
  }
  if (error instanceof DriverException) {
    const code = (error as DriverException & { code?: string }).code;
    if (code === '23P01') return new DomainError('CONFLICT', 'The person already holds a PRIMARY assignment in that period');
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
 * failures are retried; anything else propagates as INTERNAL_SERVER_ERROR.
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
      if (error instanceof DomainErrors) return failed(error.errors.map((e) => e.toUserError()));
      if (error instanceof DomainError) return failed([error.toUserError()]);
      const code = (error as { code?: string }).code;
      if (code && SERIALIZATION_FAILURES.has(code) && attempt < 5) continue;
      const mapped = domainErrorFromDriver(error);
      if (mapped) return failed([mapped.toUserError()]);
      throw error;
    } finally {
      ctx.em.clear();
    }
  }
}
