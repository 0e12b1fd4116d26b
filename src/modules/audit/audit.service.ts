import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { codeWithin } from '../../auth/scope';
import { countRows, keysetRows, type SqlRunner } from '../../db/sql-runner';
import { readModel } from '../../db/read-model';
import { afterCursorSql, Page, pageFrom, PageRequest } from '../../graphql/connection';
import { allOf, spliced, SqlFragment } from '../../shared/sql';
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
  const conditions: SqlFragment[] = [];
  if (filter.subject) conditions.push(spliced`e.subject = ${filter.subject}`);
  if (filter.unitCode) conditions.push(codeWithin('e.unit_code', filter.unitCode));
  const where = allOf(conditions);
  const after = afterCursorSql(page, 'e.id', 'desc');
  const rows = await keysetRows<Record<string, unknown>>(run, { columns: COLUMNS, from: 'audit_event e', where, after, orderBy: 'e.id desc', limit: page.first + 1 });
  const countTotal = () => countRows(run, 'audit_event e', where);
  return pageFrom(rows.map((r) => readModel(em, AuditEvent, r)), page, (e) => e.id, countTotal);
}
