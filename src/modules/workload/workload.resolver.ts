import { Arg, Ctx, Field, Float, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { StaffCategory } from '../../graphql/enums';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import { RelationResolver, relationOf } from '../../edge/relation';
import { LocalDateScalar } from '../../graphql/scalars';
import { PayloadType } from '../../graphql/payload';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { OrgUnit, unitById } from '../org';
import { WorkloadComponent } from './workload-component.entity';
import * as workload from './workload.service';

@ObjectType('WorkloadNeed', {
  description: 'Workload-based staffing need (WHO WISN) of a scope for one staff category, as of a date, next to its quota.',
})
class WorkloadNeed {
  @Field(() => StaffCategory, { description: 'Staff category.' })
  category!: StaffCategory;

  @Field(() => Float, { description: 'Σ annualVolume × minutesPerItem / 60 over components in scope; digitisable ones × (1 − digitisationReduction).' })
  workloadHours!: number;

  @Field(() => Float, { description: 'workloadHours / availableHoursPerYear / (1 − supportShare).' })
  requiredStaff!: number;

  @Field(() => Int, { description: 'Active PRIMARY assignments in scope to positions of this category on the date.' })
  actualStaff!: number;

  @Field(() => Float, { description: 'actualStaff − requiredStaff (negative: understaffed for the work).' })
  difference!: number;

  @Field(() => Float, { nullable: true, description: 'actualStaff / requiredStaff; null when requiredStaff is 0.' })
  wisnRatio!: number | null;

  @Field(() => Int, { description: 'Establishment quota (biên chế) in scope for the date\'s year.' })
  quota!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'The "smart ward" answer: the digitisationReduction at which requiredStaff falls to the quota, so headcount can stay fixed. ' +
      'Null when no reduction is needed or none is enough; reductionToMeetQuotaExplanation says which.',
  })
  reductionToMeetQuota!: number | null;

  @Field(() => String, { description: 'Why reductionToMeetQuota is what it is, in words.' })
  reductionToMeetQuotaExplanation!: string;
}

@InputType('SetWorkloadComponentInput', { description: 'Sets (inserts or replaces) a unit\'s workload component, by unit and name.' })
class SetWorkloadComponentInput {
  @Field(() => String, { description: 'The unit.' })
  unitCode!: string;

  @Field(() => String, { description: 'Name of the work, 1 to 300 characters.' })
  name!: string;

  @Field(() => StaffCategory, { description: 'Staff category that does it.' })
  category!: StaffCategory;

  @Field(() => Float, { description: 'Items per year, 0 or more.' })
  annualVolume!: number;

  @Field(() => Float, { description: 'Minutes per item, 0 or more.' })
  minutesPerItem!: number;

  @Field(() => Boolean, { description: 'True when a digital process can shrink it.' })
  digitisable!: boolean;
}

const WorkloadComponentPayload = PayloadType('WorkloadComponentPayload', 'Result of setWorkloadComponent.', 'workloadComponent', WorkloadComponent, 'The component');

@Resolver(() => WorkloadComponent)
export class WorkloadResolver extends MutationResolver({
  setWorkloadComponent: mutationOf(
    WorkloadComponentPayload,
    SetWorkloadComponentInput,
    workload.setWorkloadComponent,
    'Sets a workload component of a unit in your subtree (upsert on unit and name).',
  ),
}, RelationResolver(WorkloadComponent, {
  unit: relationOf(OrgUnit, 'The unit whose work it is.', (component) => component.unit.id, unitById),
})) {
  @Query(() => [WorkloadNeed], { description: 'Workload-based staffing need per staff category with workload or staff in scope (WHO WISN), with the digitisation that would keep headcount at the quota.' })
  async workloadNeed(
    @Arg('unitCode', () => String, { description: 'Unit to analyse.' }) unitCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('includeDescendants', () => Boolean, { defaultValue: true, description: 'Include every unit below it that exists on the date.' }) includeDescendants: boolean,
    @Arg('digitisationReduction', () => Float, { defaultValue: 0, description: 'Share of digitisable work that digital tools remove, 0 to 1.' }) digitisationReduction: number,
    @Arg('availableHoursPerYear', () => Float, { defaultValue: 1760, description: 'Working hours a member of staff has in a year, above 0.' }) availableHoursPerYear: number,
    @Arg('supportShare', () => Float, { defaultValue: 0.15, description: 'Share of time spent on support work, 0 up to 1.' }) supportShare: number,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'Date to judge units and assignments on; default today.' }) asOf?: string | null,
  ): Promise<WorkloadNeed[]> {
    const rows = await workload.workloadNeed(depsOf(ctx), { unitCode, includeDescendants, digitisationReduction, availableHoursPerYear, supportShare, asOf });
    return rows.map((r) =>
      Object.assign(new WorkloadNeed(), {
        ...r,
        reductionToMeetQuota: r.toMeetQuota.reduction,
        reductionToMeetQuotaExplanation: r.toMeetQuota.explanation,
      }),
    );
  }

  @Query(() => [WorkloadComponent], { description: 'Workload components of a unit and (by default) of the units below it that exist today.' })
  workloadComponents(
    @Arg('unitCode', () => String, { description: 'The unit.' }) unitCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('includeDescendants', () => Boolean, { defaultValue: true, description: 'Include units below it.' }) includeDescendants: boolean,
  ): Promise<WorkloadComponent[]> {
    return workload.workloadComponents(depsOf(ctx), { unitCode, includeDescendants });
  }
}
