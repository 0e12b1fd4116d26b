import { Arg, Ctx, Field, Float, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RoleFamily, Sector, Seniority } from '../../graphql/enums';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import { optionalRelationOf, RelationResolver, relationOf } from '../../edge/relation';
import { LocalDateScalar, VNDScalar } from '../../graphql/scalars';
import { PayloadType } from '../../graphql/payload';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { Position, positionById } from '../staffing';
import { BaseSalary } from './base-salary.entity';
import * as baseSalaries from './base-salary.service';
import * as benchmarks from './benchmark.service';
import { IncentivePackage } from './incentive-package.entity';
import * as packages from './incentive-package.service';
import * as payGaps from './pay-gap.service';
import { SalaryBenchmark } from './salary-benchmark.entity';

@ObjectType('PayComparison', {
  description:
    'Public monthly pay of a position against the private market, as of a date. ' +
    'publicMonthly = round(coefficient × (1 + salaryPercentAllowance)) + monthlyAllowance + round(signingBonus / (12 × max(minServiceYears, 1))), ' +
    'coefficient = round(base × payCoefficient) with the base salary in force on the date; ratio = publicMonthly / privateMedian.',
})
export class PayComparison {
  result!: payGaps.PayComparisonResult;

  @Field(() => VNDScalar, { description: 'Public monthly pay under the package (coefficient pay when none counts).' })
  get publicMonthly(): number {
    return this.result.publicMonthly;
  }

  @Field(() => VNDScalar, { nullable: true, description: 'p50 of the PRIVATE benchmark for the position\'s role family and seniority in the unit\'s region, the latest with asOf <= the date, falling back to region "VN"; null when there is none.' })
  get privateMedian(): number | null {
    return this.result.privateMedian;
  }

  @Field(() => Float, { nullable: true, description: 'publicMonthly / privateMedian; null without a benchmark.' })
  get ratio(): number | null {
    return this.result.ratio;
  }

  @Field(() => LocalDateScalar, { description: 'The date of the comparison (asOf, default today).' })
  get asOf(): string {
    return this.result.asOf;
  }

  @Field(() => VNDScalar, { description: 'The base salary (lương cơ sở) in force on the date.' })
  get baseSalary(): number {
    return this.result.baseSalary;
  }

  @Field(() => VNDScalar, { description: 'Coefficient pay: round(baseSalary × payCoefficient).' })
  get coefficientPay(): number {
    return this.result.coefficientPay;
  }

  @Field(() => String, { description: 'The unit\'s region: the code of its top-level ancestor, e.g. "HCM" (the benchmark itself may be the national "VN" one).' })
  get region(): string {
    return this.result.region;
  }

  static of(result: payGaps.PayComparisonResult): PayComparison {
    return Object.assign(new PayComparison(), { result });
  }
}

@InputType('SalaryBenchmarkInput', { description: 'A salary benchmark; upserted on (roleFamily, seniority, sector, region, asOf).' })
class SalaryBenchmarkInput {
  @Field(() => RoleFamily, { description: 'Job family.' })
  roleFamily!: RoleFamily;

  @Field(() => Seniority, { description: 'Seniority band.' })
  seniority!: Seniority;

  @Field(() => Sector, { description: 'PUBLIC or PRIVATE.' })
  sector!: Sector;

  @Field(() => String, { description: '"VN" or the code of a top-level unit, e.g. "HCM".' })
  region!: string;

  @Field(() => VNDScalar, { nullable: true, description: '25th percentile; 0 or more and at most p50.' })
  p25?: number | null;

  @Field(() => VNDScalar, { description: 'Median; above 0.' })
  p50!: number;

  @Field(() => VNDScalar, { nullable: true, description: '75th percentile; at least p50.' })
  p75?: number | null;

  @Field(() => String, { description: 'Where the figures come from (1 to 500 characters).' })
  source!: string;

  @Field(() => LocalDateScalar, { description: 'Date the figures describe.' })
  asOf!: string;
}

@InputType('CreateIncentivePackageInput', { description: 'A new incentive package.' })
class CreateIncentivePackageInput {
  @Field(() => String, { description: 'Name, 1 to 300 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Legal basis, e.g. the decree or resolution.' })
  legalBasis?: string | null;

  @Field(() => VNDScalar, { description: 'Fixed extra per month; 0 or more.' })
  monthlyAllowance!: number;

  @Field(() => Float, { description: 'Share of coefficient pay added: 0.5 means +50 %; 0 or more.' })
  salaryPercentAllowance!: number;

  @Field(() => VNDScalar, { description: 'One-off bonus; 0 or more.' })
  signingBonus!: number;

  @Field(() => Int, { description: 'Service commitment in years; at least 1 when signingBonus > 0.' })
  minServiceYears!: number;

  @Field(() => [RoleFamily], { description: 'Role families it applies to; at least one.' })
  eligibleRoleFamilies!: RoleFamily[];

  @Field(() => LocalDateScalar, { description: 'First day it applies.' })
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day it applies, not before validFrom; null: open-ended.' })
  validTo?: string | null;
}

@InputType('UpdateIncentivePackageInput', {
  description: 'Changes to an incentive package. Absent fields keep their value, and so does null on a field that cannot be empty; null clears legalBasis and validTo.',
})
class UpdateIncentivePackageInput {
  @Field(() => ID, { description: 'The package.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name, 1 to 300 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New legal basis; null clears it.' })
  legalBasis?: string | null;

  @Field(() => VNDScalar, { nullable: true, description: 'New monthly allowance; 0 or more.' })
  monthlyAllowance?: number | null;

  @Field(() => Float, { nullable: true, description: 'New share of coefficient pay; 0 or more.' })
  salaryPercentAllowance?: number | null;

  @Field(() => VNDScalar, { nullable: true, description: 'New signing bonus; 0 or more.' })
  signingBonus?: number | null;

  @Field(() => Int, { nullable: true, description: 'New service commitment in years.' })
  minServiceYears?: number | null;

  @Field(() => [RoleFamily], { nullable: true, description: 'New eligible role families; at least one.' })
  eligibleRoleFamilies?: RoleFamily[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'New first day.' })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'New last day; null makes it open-ended.' })
  validTo?: string | null;
}

@InputType('SetBaseSalaryInput', { description: 'A base salary (lương cơ sở) from a date on; upserted on effectiveFrom.' })
class SetBaseSalaryInput {
  @Field(() => LocalDateScalar, { description: 'First day the amount is in force.' })
  effectiveFrom!: string;

  @Field(() => VNDScalar, { description: 'Monthly amount; above 0.' })
  monthlyAmount!: number;

  @Field(() => String, { nullable: true, description: 'The decree that set it.' })
  legalBasis?: string | null;
}

const SalaryBenchmarkPayload = PayloadType('SalaryBenchmarkPayload', 'Result of upsertSalaryBenchmark.', 'salaryBenchmark', SalaryBenchmark, 'The benchmark');
const IncentivePackagePayload = PayloadType('IncentivePackagePayload', 'Result of a mutation on an incentive package.', 'incentivePackage', IncentivePackage, 'The package');
const BaseSalaryPayload = PayloadType('BaseSalaryPayload', 'Result of setBaseSalary.', 'baseSalary', BaseSalary, 'The base salary');

@Resolver(() => PayComparison)
export class PayComparisonResolver extends RelationResolver(PayComparison, {
  position: relationOf(Position, 'The position compared.', (comparison) => comparison.result.positionId, positionById),
  benchmark: optionalRelationOf(SalaryBenchmark, 'The PRIVATE benchmark whose p50 is the private median.', (comparison) => comparison.result.benchmarkId, benchmarks.benchmarkById),
  incentivePackage: optionalRelationOf(
    IncentivePackage,
    'The package priced in: null when none was asked for, or when it does not count on the date or for the role family.',
    (comparison) => comparison.result.appliedPackageId,
    packages.incentivePackageById,
  ),
}) {
  @Query(() => PayComparison, {
    description:
      'How public pay for a position compares with the private market, under an optional incentive package, on a date (default today). ' +
      'The package counts only while the date is within its validity and the position\'s role family is eligible; otherwise the position is taken as having none.',
  })
  async payGap(
    @Arg('positionId', () => ID, { description: 'The position; it must be in your subtree.' }) positionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('incentivePackageId', () => ID, { nullable: true, description: 'The package to price in.' }) incentivePackageId?: string | null,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'Date of the base salary, the package\'s validity and the benchmark; default today.' }) asOf?: string | null,
  ): Promise<PayComparison> {
    return PayComparison.of(await payGaps.payGap(depsOf(ctx), { positionId, incentivePackageId, asOf }));
  }
}

@Resolver()
export class AttractionResolver extends MutationResolver({
  upsertSalaryBenchmark: mutationOf(
    SalaryBenchmarkPayload,
    SalaryBenchmarkInput,
    benchmarks.upsertSalaryBenchmark,
    'Adds a salary benchmark, or replaces the one with the same roleFamily, seniority, sector, region and asOf (ADMIN, POLICYMAKER).',
  ),
  createIncentivePackage: mutationOf(IncentivePackagePayload, CreateIncentivePackageInput, packages.createIncentivePackage, 'Creates an incentive package (ADMIN, POLICYMAKER).'),
  updateIncentivePackage: mutationOf(IncentivePackagePayload, UpdateIncentivePackageInput, packages.updateIncentivePackage, 'Changes an incentive package (ADMIN, POLICYMAKER); vacancies under it see the change.'),
  setBaseSalary: mutationOf(BaseSalaryPayload, SetBaseSalaryInput, baseSalaries.setBaseSalary, 'Sets the base salary (lương cơ sở) from a date on, replacing one that starts the same day (ADMIN).'),
}) {
  @Query(() => [SalaryBenchmark], { description: 'Salary benchmarks matching every filter given, every asOf, newest first within each series.' })
  salaryBenchmarks(
    @Ctx() ctx: RequestContext,
    @Arg('roleFamily', () => RoleFamily, { nullable: true, description: 'Only this job family.' }) roleFamily?: RoleFamily | null,
    @Arg('seniority', () => Seniority, { nullable: true, description: 'Only this seniority.' }) seniority?: Seniority | null,
    @Arg('sector', () => Sector, { nullable: true, description: 'Only this sector.' }) sector?: Sector | null,
    @Arg('region', () => String, { nullable: true, description: 'Only this region ("VN" or a top-level unit code).' }) region?: string | null,
  ): Promise<SalaryBenchmark[]> {
    return benchmarks.listSalaryBenchmarks(depsOf(ctx), { roleFamily, seniority, sector, region });
  }

  @Query(() => [IncentivePackage], { description: 'Incentive packages valid on activeOn (validFrom <= activeOn <= validTo, open end), or all of them when it is absent; oldest first.' })
  incentivePackages(
    @Ctx() ctx: RequestContext,
    @Arg('activeOn', () => LocalDateScalar, { nullable: true, description: 'Only packages valid on this date.' }) activeOn?: string | null,
  ): Promise<IncentivePackage[]> {
    return packages.listIncentivePackages(depsOf(ctx), activeOn ?? null);
  }

  @Query(() => [BaseSalary], { description: 'The base salary (lương cơ sở) history, oldest first.' })
  baseSalaries(@Ctx() ctx: RequestContext): Promise<BaseSalary[]> {
    return baseSalaries.listBaseSalaries(depsOf(ctx));
  }
}
