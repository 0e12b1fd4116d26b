import { ManyToOne, Property } from '@mikro-orm/core';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { DeclineReason, OfferStatus } from '../../graphql/enums';
import { IncentivePackage } from '../attraction';
import { Application } from './application.entity';

/** A job offer on an application. monthlyPay is personal data. */
@NodeEntity('Offer', { table: 'offer', description: 'A job offer. monthlyPay is personal data.' })
export class Offer extends KeyedNode {
  @ManyToOne(() => Application, { fieldName: 'application_id' })
  application!: Application;

  @Column.vnd('Offered monthly pay (personal data).')
  monthlyPay!: number;

  @ManyToOne(() => IncentivePackage, { nullable: true, fieldName: 'incentive_package_id' })
  incentivePackage?: IncentivePackage | null;

  @Column.enum(OfferStatus, 'PENDING until the candidate decides.')
  status!: OfferStatus;

  @Column.enum(DeclineReason, 'Why the candidate declined; set when DECLINED.', { nullable: true })
  declineReason?: DeclineReason | null;

  @Column.double('monthlyPay / privateMedian of the vacancy\'s position on the offer\'s date; null without a benchmark.', { nullable: true })
  payRatio?: number | null;

  @Property({ type: 'date' })
  offeredOn!: string;

  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @CreatedAt()
  createdAt: Date = new Date();
}
