import { seedDemoData, DemoSummary } from '../../seeds/demo';
import type { Logger } from '../logger';
import type { Orm } from '../db/orm';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Loads the demo data in one transaction when the database holds no unit yet. */
export async function seedIfEmpty(orm: Orm, logger: Logger): Promise<DemoSummary | null> {
  const em = orm.em.fork();
  const [row] = await em.execute<Array<{ n: number }>>('select count(*)::int as n from org_unit');
  if (row.n > 0) return null;
  const started = Date.now();
  const summary = await em.transactional((tx) => seedDemoData(tx as EntityManager));
  logger.info({ ...summary, ms: Date.now() - started }, 'demo data loaded');
  return summary;
}
