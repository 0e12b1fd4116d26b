import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { codeWithin } from '../../auth/scope';
import type { SqlRunner } from '../../db/sql-runner';
import { readModel } from '../../db/read-model';
import { afterCursorSql, Page, pageFrom, PageRequest } from '../../graphql/connection';
import { fragment, spliced, SqlFragment } from '../../shared/sql';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  operation: string;
  unitCode?: string | null;
  targetId?: string | null;
  changes: unknown;
}

/** Appends one audit event in the caller's transaction, so it commits or rolls back with the change. */
export function recordAudit(em: EntityManager, viewer: Viewer, entry: AuditEntry): void {
  const event = new AuditEvent();
  event.subject = viewer.subject;
  event.role = viewer.role;
  event.operation = entry.operation;
  event.unitCode = entry.unitCode ?? null;
  event.targetId = entry.targetId ?? null;
  event.changes = entry.changes ?? {};
  em.persist(event);
}

const COLUMNS = 'e.id, e.at, e.subject, e.role, e.operation, e.unit_code, e.target_id, e.changes';

/** One page of the audit trail, newest first: by subject, and by a unit with the units below it. */
export async function auditEventsPage(
  run: SqlRunner,
  em: EntityManager,
  filter: { subject?: string | null; unitCode?: string | null },
  page: PageRequest,
): Promise<Page<AuditEvent>> {
  const conditions: SqlFragment[] = [fragment('true')];
  if (filter.subject) conditions.push(fragment('e.subject = ?', filter.subject));
  if (filter.unitCode) conditions.push(codeWithin('e.unit_code', filter.unitCode));
  const where = fragment(conditions.map((c) => c.text).join(' and '), ...conditions.flatMap((c) => c.values));
  const after = afterCursorSql(page, 'e.id', 'desc');
  const query = spliced`select ${fragment(COLUMNS)} from audit_event e where ${where} and ${after} order by e.id desc limit ${fragment('?', page.first + 1)}`;
  const rows = await run<Record<string, unknown>>(query.text, [...query.values]);
  const total = spliced`select count(*)::int as n from audit_event e where ${where}`;
  const countTotal = async () => (await run<{ n: number }>(total.text, [...total.values]))[0].n;
  return pageFrom(rows.map((r) => readModel(em, AuditEvent, r)), page, (e) => e.id, countTotal);
}
