import { Entity, PrimaryKey } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Column } from '../../graphql/entity-columns';

/** Lương cơ sở, effective-dated: the amount in force on a day is the latest effectiveFrom <= day. */
@Entity({ tableName: 'base_salary' })
@ObjectType('BaseSalary', { description: 'The base salary (lương cơ sở) from a date on: the amount in force on a day is the one with the latest effectiveFrom on or before it.' })
export class BaseSalary {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Column.date('First day the amount is in force.', { unique: true })
  effectiveFrom!: string;

  @Column.vnd('Monthly base salary in VND; coefficient pay = round(base × payCoefficient).')
  monthlyAmount!: number;

  @Column.string('The decree that set it, e.g. "Decree 73/2024/NĐ-CP".', { nullable: true })
  legalBasis?: string | null;
}
