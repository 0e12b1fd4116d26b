import { BigIntType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { DeclineReason, OfferStatus } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { VNDScalar } from '../../graphql/scalars';
import { IncentivePackage } from '../attraction';
import { Application } from './application.entity';

/** A job offer on an application. monthlyPay is personal data. */
@Entity({ tableName: 'offer' })
@ObjectType('Offer', { implements: Node, description: 'A job offer. monthlyPay is personal data.' })
export class Offer extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Application, { fieldName: 'application_id' })
  application!: Application;

  @Field(() => VNDScalar, { description: 'Offered monthly pay (personal data).' })
  @Property({ type: new BigIntType('number') })
  monthlyPay!: number;

  @ManyToOne(() => IncentivePackage, { nullable: true, fieldName: 'incentive_package_id' })
  incentivePackage?: IncentivePackage | null;

  @Field(() => OfferStatus, { description: 'PENDING until the candidate decides.' })
  @Property({ type: 'text' })
  status!: OfferStatus;

  @Field(() => DeclineReason, { nullable: true, description: 'Why the candidate declined; set when DECLINED.' })
  @Property({ type: 'text', nullable: true })
  declineReason?: DeclineReason | null;

  @Field(() => Float, { nullable: true, description: 'monthlyPay / privateMedian of the vacancy\'s position on the offer\'s date; null without a benchmark.' })
  @Property({ type: 'double', nullable: true })
  payRatio?: number | null;

  @Property({ type: 'date' })
  offeredOn!: string;

  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('Offer', this.id);
  }
}
