import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar, VNDScalar } from '../../graphql/scalars';

/** Lương cơ sở, effective-dated: the amount in force on a day is the latest effectiveFrom <= day. */
@Entity({ tableName: 'base_salary' })
@ObjectType('BaseSalary', { description: 'The base salary (lương cơ sở) from a date on: the amount in force on a day is the one with the latest effectiveFrom on or before it.' })
export class BaseSalary {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => LocalDateScalar, { description: 'First day the amount is in force.' })
  @Property({ type: 'date', unique: true })
  effectiveFrom!: string;

  @Field(() => VNDScalar, { description: 'Monthly base salary in VND; coefficient pay = round(base × payCoefficient).' })
  @Property({ type: new BigIntType('number') })
  monthlyAmount!: number;

  @Field(() => String, { nullable: true, description: 'The decree that set it, e.g. "Decree 73/2024/NĐ-CP".' })
  @Property({ type: 'text', nullable: true })
  legalBasis?: string | null;
}
