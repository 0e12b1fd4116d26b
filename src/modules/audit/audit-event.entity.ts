import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../graphql/enums';

/** One successful change: who, in which role, what, where and when. Append-only. */
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  role!: Role;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text', nullable: true })
  unitCode?: string | null;

  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  @Property({ type: 'json' })
  changes!: unknown;
}
