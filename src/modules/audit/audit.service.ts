import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
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
