import { Property } from '@mikro-orm/core';
import { Field, ID } from 'type-graphql';
import { Column, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { Role } from '../../graphql/enums';

/** One successful change: who, in which role, what, where and when. Append-only. */
@NodeEntity('AuditEvent', { table: 'audit_event', description: 'One successful change, appended in the same transaction as the change itself.' })
export class AuditEvent extends KeyedNode {
  @Column.createdAt('When the change was committed.')
  at: Date = new Date();

  @Column.string('Who made it (the token\'s `sub`).')
  subject!: string;

  @Column.enum(Role, 'The role they made it in.')
  role!: Role;

  @Column.string('The mutation\'s field name, e.g. "assignPerson".')
  operation!: string;

  @Column.string('The unit the change concerns, where there is one.', { nullable: true })
  unitCode?: string | null;

  @Column.id('Global ID of the object created or changed.', { nullable: true })
  targetId?: string | null;

  @Property({ type: 'json' })
  changes!: unknown;

  @Field(() => String, { name: 'changes', description: 'The mutation\'s input, as JSON.' })
  get changesJson(): string {
    return JSON.stringify(this.changes ?? {});
  }
}
