import type { SqlRunner } from '../../db/sql-runner';

/** One audit event's columns, as the entity reads them; null when none has the id. */
export async function auditEventRow(run: SqlRunner, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await run<Record<string, unknown>>('select id, at, subject, role, operation, unit_code, target_id, changes from audit_event where id = ?', [id]);
  return row ?? null;
}
