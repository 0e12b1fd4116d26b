import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Competency } from '../people';
import { Position } from './position.entity';

/** A competency a position requires, at a level 1..5. */
@Entity({ tableName: 'position_requirement' })
export class PositionRequirement {
  [PrimaryKeyProp]?: ['position', 'competency'];

  @ManyToOne(() => Position, { primary: true, fieldName: 'position_id' })
  position!: Position;

  @ManyToOne(() => Competency, { primary: true, fieldName: 'competency_id' })
  competency!: Competency;

  @Property({ type: 'smallint' })
  level!: number;
}
