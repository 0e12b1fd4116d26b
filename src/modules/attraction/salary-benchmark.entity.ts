import { BigIntType, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RoleFamily, Sector, Seniority } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { LocalDateScalar, VNDScalar } from '../../graphql/scalars';

/** Monthly pay percentiles for a role family and seniority in a sector and region. */
@Entity({ tableName: 'salary_benchmark' })
@Unique({ properties: ['roleFamily', 'seniority', 'sector', 'region', 'asOf'] })
@ObjectType('SalaryBenchmark', { implements: Node, description: 'Monthly pay percentiles for a role family and seniority in a sector and region.' })
export class SalaryBenchmark extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => RoleFamily, { description: 'Job family.' })
  @Property({ type: 'text' })
  roleFamily!: RoleFamily;

  @Field(() => Seniority, { description: 'Seniority band.' })
  @Property({ type: 'text' })
  seniority!: Seniority;

  @Field(() => Sector, { description: 'PUBLIC or PRIVATE.' })
  @Property({ type: 'text' })
  sector!: Sector;

  @Field(() => String, { description: 'Region: the code of a top-level unit (e.g. "HCM"), or "VN" for the whole country.' })
  @Property({ type: 'text' })
  region!: string;

  @Field(() => VNDScalar, { nullable: true, description: '25th percentile of monthly pay.' })
  @Property({ type: new BigIntType('number'), nullable: true })
  p25?: number | null;

  @Field(() => VNDScalar, { description: 'Median monthly pay.' })
  @Property({ type: new BigIntType('number') })
  p50!: number;

  @Field(() => VNDScalar, { nullable: true, description: '75th percentile of monthly pay.' })
  @Property({ type: new BigIntType('number'), nullable: true })
  p75?: number | null;

  @Field(() => String, { description: 'Where the figures come from.' })
  @Property({ type: 'text' })
  source!: string;

  @Field(() => LocalDateScalar, { description: 'Date the figures describe.' })
  @Property({ type: 'date' })
  asOf!: string;

  get globalId(): string {
    return toGlobalId('SalaryBenchmark', this.id);
  }
}
