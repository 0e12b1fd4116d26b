import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { OrgUnit } from '../org/org-unit.entity';

/** A saved what-if: its input and a snapshot of the result, to compare later. */
@Entity({ tableName: 'policy_scenario' })
export class PolicyScenario {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'json' })
  input!: unknown;

  @Property({ type: 'json' })
  result!: unknown;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'scope_unit_id' })
  scopeUnit?: OrgUnit | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'text' })
  createdBy!: string;
}
