/** The public surface of the audit module: other code imports the module from here and nowhere else (.dependency-cruiser.cjs). */
export { AuditEvent } from './audit-event.entity';
export { AuditResolver } from './audit.resolver';
export { recordAudit } from './audit.service';
export { auditEventRow } from './audit.sql';
