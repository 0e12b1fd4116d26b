import { Unique } from '@mikro-orm/core';
import { Column, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { RoleFamily, Sector, Seniority } from '../../graphql/enums';
import { JobGrade } from '../staffing';

/** Monthly pay percentiles for a role family and seniority in a sector and region. */
@NodeEntity('SalaryBenchmark', { table: 'salary_benchmark', description: 'Monthly pay percentiles for a role family and seniority in a sector and region.' })
@Unique({ properties: ['roleFamily', 'seniority', 'sector', 'region', 'asOf'] })
export class SalaryBenchmark extends KeyedNode {
  @JobGrade.roleFamily()
  roleFamily!: RoleFamily;

  @JobGrade.seniority()
  seniority!: Seniority;

  @Column.enum(Sector, 'PUBLIC or PRIVATE.')
  sector!: Sector;

  @Column.string('Region: the code of a top-level unit (e.g. "HCM"), or "VN" for the whole country.')
  region!: string;

  @Column.vnd('25th percentile of monthly pay.', { nullable: true })
  p25?: number | null;

  @Column.vnd('Median monthly pay.')
  p50!: number;

  @Column.vnd('75th percentile of monthly pay.', { nullable: true })
  p75?: number | null;

  @Column.string('Where the figures come from.')
  source!: string;

  @Column.date('Date the figures describe.')
  asOf!: string;
}
