import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { DateTimeScalar } from '../../graphql/scalars';

/** One successful change: who, in which role, what, where and when. Append-only. */
@Entity({ tableName: 'audit_event' })
@ObjectType('AuditEvent', { implements: Node, description: 'One successful change, appended in the same transaction as the change itself.' })
export class AuditEvent extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => String, { description: 'Who made it (the token\'s `sub`).' })
  @Property({ type: 'text' })
  subject!: string;

  @Field(() => Role, { description: 'The role they made it in.' })
  @Property({ type: 'text' })
  role!: Role;

  @Field(() => String, { description: 'The mutation\'s field name, e.g. "assignPerson".' })
  @Property({ type: 'text' })
  operation!: string;

  @Field(() => String, { nullable: true, description: 'The unit the change concerns, where there is one.' })
  @Property({ type: 'text', nullable: true })
  unitCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of the object created or changed.' })
  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  @Property({ type: 'json' })
  changes!: unknown;

  @Field(() => String, { name: 'changes', description: 'The mutation\'s input, as JSON.' })
  get changesJson(): string {
    return JSON.stringify(this.changes ?? {});
  }

  get globalId(): string {
    return toGlobalId('AuditEvent', this.id);
  }
}
