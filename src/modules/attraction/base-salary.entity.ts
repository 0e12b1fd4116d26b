import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Lương cơ sở, effective-dated: the amount in force on a day is the latest effectiveFrom <= day. */
@Entity({ tableName: 'base_salary' })
export class BaseSalary {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'date', unique: true })
  effectiveFrom!: string;

  @Property({ type: new BigIntType('number') })
  monthlyAmount!: number;

  @Property({ type: 'text', nullable: true })
  legalBasis?: string | null;
}
