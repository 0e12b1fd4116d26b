import { ManyToOne, Property } from '@mikro-orm/core';
import { Column, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { OrgUnit } from '../org';

/** A saved what-if: its input and a snapshot of the result, to compare later. */
@NodeEntity('PolicyScenario', { table: 'policy_scenario', description: 'A saved what-if: the simulation\'s input and its result as it stood when saved, with when and by whom.' })
export class PolicyScenario extends KeyedNode {
  @Column.string('Name given when saving.')
  name!: string;

  /** The SimulatePolicyInput with its defaults filled in (asOf resolved). */
  @Property({ type: 'json' })
  input!: unknown;

  /** The simulation's result at save time (see simulation.service.ts SimulationResult). */
  @Property({ type: 'json' })
  result!: unknown;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'scope_unit_id' })
  scopeUnit?: OrgUnit | null;

  @Column.createdAt('When it was saved.')
  createdAt: Date = new Date();

  @Column.string('Who saved it: the subject of their token.')
  createdBy!: string;
}
