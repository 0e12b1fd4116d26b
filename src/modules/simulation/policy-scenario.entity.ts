import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { DateTimeScalar } from '../../graphql/scalars';
import { OrgUnit } from '../org';

/** A saved what-if: its input and a snapshot of the result, to compare later. */
@Entity({ tableName: 'policy_scenario' })
@ObjectType('PolicyScenario', { implements: Node, description: 'A saved what-if: the simulation\'s input and its result as it stood when saved, with when and by whom.' })
export class PolicyScenario extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => String, { description: 'Name given when saving.' })
  @Property({ type: 'text' })
  name!: string;

  /** The SimulatePolicyInput with its defaults filled in (asOf resolved). */
  @Property({ type: 'json' })
  input!: unknown;

  /** The simulation's result at save time (see simulation.service.ts SimulationResult). */
  @Property({ type: 'json' })
  result!: unknown;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'scope_unit_id' })
  scopeUnit?: OrgUnit | null;

  @Field(() => DateTimeScalar, { description: 'When it was saved.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => String, { description: 'Who saved it: the subject of their token.' })
  @Property({ type: 'text' })
  createdBy!: string;

  get globalId(): string {
    return toGlobalId('PolicyScenario', this.id);
  }
}
