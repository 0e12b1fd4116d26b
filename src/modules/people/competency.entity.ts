import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';

/** A skill of the competency taxonomy; the taxonomy is data, so cities can extend it. */
@Entity({ tableName: 'competency' })
@ObjectType('Competency', { implements: Node, description: 'A skill in the competency taxonomy (data, not an enum).' })
export class Competency extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => String, { description: 'Stable code, e.g. "DATA_ANALYSIS".' })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Display name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Boolean, { description: 'True for digital skills (software, data, AI, security …).' })
  @Property({ type: 'boolean' })
  isDigital!: boolean;

  get globalId(): string {
    return toGlobalId('Competency', this.id);
  }
}
