import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { BY_ID, ConnectionType, pageRequest } from '../../graphql/connection';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import { optionalRelationOf, RelationResolver, relationOf } from '../../edge/relation';
import { LocalDateScalar, VNDScalar } from '../../graphql/scalars';
import { PageArgs } from '../../graphql/args';
import { PayloadType } from '../../graphql/payload';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { OrgUnit, unitById } from '../org';
import { MAX_EXACT_TRIALS } from '../../shared/poisson-binomial';
import { PolicyScenario } from './policy-scenario.entity';
import type { OutcomeFigures, UnitFigures } from './simulation.engine';
import * as simulation from './simulation.service';

export enum HiresIntervalMethod {
  EXACT = 'EXACT',
  NORMAL = 'NORMAL',
}
registerEnumType(HiresIntervalMethod, {
  name: 'HiresIntervalMethod',
  description: 'How the 90 % interval of the hires was computed.',
  valuesConfig: {
    EXACT: { description: `The exact Poisson-binomial distribution (up to ${MAX_EXACT_TRIALS} vacancies): its 5th and 95th percentiles, whole numbers.` },
    NORMAL: { description: `The normal approximation (more than ${MAX_EXACT_TRIALS} vacancies): mean ± 1.645 sd, clamped to [0, vacancies].` },
  },
});

@ObjectType('AcceptanceModel', { description: 'p(accept) = 1 / (1 + exp(-(intercept + slope × ln(payRatio)))). Default intercept 0, slope 4; fitted by maximum likelihood on 20 or more decided offers in scope that have a payRatio.' })
export class AcceptanceModel {
  @Field(() => Float, { description: 'Intercept of the logistic model.' })
  intercept!: number;

  @Field(() => Float, { description: 'Slope on ln(payRatio).' })
  slope!: number;

  @Field(() => Int, { description: 'Decided offers (ACCEPTED or DECLINED) with a payRatio in scope; 0 when there are none.' })
  fittedOn!: number;

  @Field(() => String, { description: 'FITTED when estimated from the offers, DEFAULT otherwise.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'Why the DEFAULT model is used: too few offers, separable outcomes, or a fit that did not converge; null when FITTED.' })
  reason!: string | null;
}

const INTERVAL = `the central 90 % interval of the number of hires. Hires are a sum of independent Bernoulli trials, one per vacancy (a Poisson-binomial count): up to ${MAX_EXACT_TRIALS} vacancies the exact distribution is computed (an O(n²) recurrence) and its percentiles are whole numbers; beyond, where that cost grows and the count is close to normal, mean ± 1.645 sd is used (not rounded, clamped to [0, n]). See method.`;

@ObjectType('ScenarioOutcome', { description: 'Expected recruitment over the considered vacancies under one set of pay rules.' })
export class ScenarioOutcome {
  @Field(() => Float, { description: 'Sum over the vacancies of p(accept).' })
  expectedHires!: number;

  @Field(() => Float, { description: 'expectedHires / vacanciesConsidered (0 when none).' })
  expectedFillRate!: number;

  @Field(() => Float, { description: 'Mean payRatio of the vacancies (0 when none).' })
  averagePayRatio!: number;

  @Field(() => VNDScalar, { description: 'round(sum over the vacancies of p × 12 × (publicMonthly − round(base × payCoefficient))).' })
  annualIncentiveCost!: number;

  @Field(() => Float, { description: `Lower end (5th percentile) of ${INTERVAL}` })
  expectedHiresLow!: number;

  @Field(() => Float, { description: `Upper end (95th percentile) of ${INTERVAL}` })
  expectedHiresHigh!: number;

  @Field(() => HiresIntervalMethod, { description: 'EXACT or NORMAL: how expectedHiresLow and expectedHiresHigh were computed.' })
  method!: HiresIntervalMethod;

  static of(figures: OutcomeFigures): ScenarioOutcome {
    return Object.assign(new ScenarioOutcome(), figures);
  }
}

/**
 * What a simulation and each of its units report alike: the two outcomes and what the difference
 * costs. A base of object types only; no field returns it, so the schema never shows it.
 */
@ObjectType()
abstract class OutcomeComparison {
  @Field(() => ScenarioOutcome, { description: 'Under the rules in force.' })
  baseline!: ScenarioOutcome;

  @Field(() => ScenarioOutcome, { description: 'Under the changes.' })
  scenario!: ScenarioOutcome;

  @Field(() => Float, { description: 'scenario.expectedHires − baseline.expectedHires.' })
  deltaExpectedHires!: number;

  @Field(() => VNDScalar, { nullable: true, description: 'round((scenario − baseline annualIncentiveCost) / deltaExpectedHires); null when the delta is 0 or less.' })
  costPerAdditionalHire!: number | null;
}

@ObjectType('UnitSimulation', { description: 'A simulation over one direct child unit\'s subtree.' })
export class UnitSimulation extends OutcomeComparison {
  unitId!: string;

  @Field(() => Int, { description: 'Considered vacancies in the child\'s subtree.' })
  vacanciesConsidered!: number;

  static of(figures: UnitFigures): UnitSimulation {
    return Object.assign(new UnitSimulation(), {
      ...figures,
      baseline: ScenarioOutcome.of(figures.baseline),
      scenario: ScenarioOutcome.of(figures.scenario),
    });
  }
}

@ObjectType('PolicySimulation', {
  description:
    'What a pay policy change would do to IT recruitment in a unit\'s scope. Considered: IT-specialist vacancies in scope (the unit and every unit below it existing on the date) ' +
    'whose status is OPEN, INTERVIEWING or OFFERED and whose position has a private benchmark. A vacancy\'s package counts only while the date is within its validity and the role family is eligible.',
})
export class PolicySimulation extends OutcomeComparison {
  unitId!: string;

  @Field(() => Int, { description: 'Vacancies considered.' })
  vacanciesConsidered!: number;

  @Field(() => AcceptanceModel, { description: 'The acceptance model used.' })
  model!: AcceptanceModel;

  @Field(() => [UnitSimulation], { description: 'One per direct child unit (existing on the date) with considered vacancies, each over that child\'s subtree, in code order.' })
  byUnit!: UnitSimulation[];

  @Field(() => LocalDateScalar, { description: 'The date of the simulation (asOf, default today).' })
  asOf!: string;

  @Field(() => VNDScalar, { description: 'The base salary in force on the date (baseline).' })
  baseSalary!: number;

  @Field(() => VNDScalar, { description: 'The base salary of the scenario: changes.baseSalary, or the one in force.' })
  scenarioBaseSalary!: number;

  static of(result: simulation.SimulationResult): PolicySimulation {
    return Object.assign(new PolicySimulation(), {
      ...result,
      model: Object.assign(new AcceptanceModel(), result.model),
      baseline: ScenarioOutcome.of(result.baseline),
      scenario: ScenarioOutcome.of(result.scenario),
      byUnit: (result.byUnit ?? []).map(UnitSimulation.of),
    });
  }
}

@ObjectType('PolicyCurvePoint', { description: 'One point of an "allowance vs hires" chart: the scenario at a fraction of the changes.' })
export class PolicyCurvePoint {
  @Field(() => Float, { description: 'k / (steps − 1): the share of the deltas applied (and of the way from the base in force to changes.baseSalary).' })
  fraction!: number;

  @Field(() => Float, { description: 'Expected hires of the scenario at this fraction.' })
  expectedHires!: number;

  @Field(() => VNDScalar, { description: 'Annual incentive cost of the scenario at this fraction.' })
  annualIncentiveCost!: number;

  @Field(() => Float, { description: 'Expected fill rate of the scenario at this fraction.' })
  expectedFillRate!: number;

  @Field(() => Float, { description: 'Mean pay ratio of the scenario at this fraction.' })
  averagePayRatio!: number;

  @Field(() => VNDScalar, { description: 'The base salary at this fraction, rounded to whole VND.' })
  baseSalary!: number;
}

@InputType('PolicyChangeInput', { description: 'The changes of a what-if.' })
class PolicyChangeInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The package the changes apply to: only vacancies under it (where it counts) change. Null: every considered vacancy gets, on top of its own package, an extra package whose values are the deltas.',
  })
  incentivePackageId?: string | null;

  @Field(() => VNDScalar, { defaultValue: 0, description: 'Change of the monthly allowance, VND. No package may end up with a negative allowance.' })
  monthlyAllowanceDelta!: number;

  @Field(() => Float, { defaultValue: 0, description: 'Change of the share of coefficient pay (0.1 = +10 points). No package may end up negative.' })
  salaryPercentAllowanceDelta!: number;

  @Field(() => VNDScalar, { defaultValue: 0, description: 'Change of the signing bonus, VND, amortised over the service commitment of the package it lands on (1 year without one). No package may end up negative.' })
  signingBonusDelta!: number;

  @Field(() => VNDScalar, { nullable: true, description: 'A different base salary (lương cơ sở) for the scenario; above 0.' })
  baseSalary?: number | null;
}

@InputType('SimulatePolicyInput', { description: 'A what-if over the IT vacancies of a unit\'s scope.' })
class SimulatePolicyInput {
  @Field(() => String, { description: 'The unit whose scope (the unit and every unit below it existing on the date) is simulated; it must be in your subtree.' })
  unitCode!: string;

  @Field(() => PolicyChangeInput, { description: 'The changes.' })
  changes!: PolicyChangeInput;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the base salary, packages\' validity, benchmarks and scope; default today.' })
  asOf?: string | null;
}

@InputType('SavePolicyScenarioInput', { description: 'A what-if to simulate and keep.' })
class SavePolicyScenarioInput {
  @Field(() => String, { description: 'Name, 1 to 300 characters.' })
  name!: string;

  @Field(() => SimulatePolicyInput, { description: 'The simulation to run and store.' })
  simulation!: SimulatePolicyInput;
}

const PolicyScenarioPayload = PayloadType('PolicyScenarioPayload', 'Result of savePolicyScenario.', 'policyScenario', PolicyScenario, 'The saved scenario');

export const PolicyScenarioConnection = ConnectionType(PolicyScenario, 'PolicyScenario');

@Resolver(() => PolicySimulation)
export class PolicySimulationResolver extends RelationResolver(PolicySimulation, {
  unit: relationOf(OrgUnit, 'The unit simulated.', (result) => result.unitId, unitById),
}) {
  @Query(() => PolicySimulation, { description: 'What a pay policy change would do to the expected IT hires in a unit\'s scope, and what it would cost. Your unit\'s subtree only.' })
  async simulatePolicy(@Arg('input', () => SimulatePolicyInput, { description: 'The what-if.' }) input: SimulatePolicyInput, @Ctx() ctx: RequestContext): Promise<PolicySimulation> {
    return PolicySimulation.of(await simulation.simulatePolicy(depsOf(ctx), input));
  }

  @Query(() => [PolicyCurvePoint], {
    description:
      'The scenario at fractions 0, 1/(steps−1), …, 1 of the changes: the deltas scaled (VND deltas rounded to whole VND) and a baseSalary moved linearly from the one in force to it (rounded to whole VND). The data of an "allowance vs hires" chart.',
  })
  async policyCurve(
    @Arg('input', () => SimulatePolicyInput, { description: 'The what-if at its full extent.' }) input: SimulatePolicyInput,
    @Ctx() ctx: RequestContext,
    @Arg('steps', () => Int, { defaultValue: 11, description: `Number of points, ${simulation.MIN_CURVE_STEPS} to ${simulation.MAX_CURVE_STEPS}.` }) steps: number,
  ): Promise<PolicyCurvePoint[]> {
    return (await simulation.policyCurve(depsOf(ctx), input, steps)).map((p) => Object.assign(new PolicyCurvePoint(), p));
  }
}

@Resolver(() => UnitSimulation)
export class UnitSimulationResolver extends RelationResolver(UnitSimulation, {
  unit: relationOf(OrgUnit, 'The direct child unit.', (result) => result.unitId, unitById),
}) {}

@Resolver(() => PolicyScenario)
export class PolicyScenarioResolver extends MutationResolver({
  savePolicyScenario: mutationOf(
    PolicyScenarioPayload,
    SavePolicyScenarioInput,
    simulation.savePolicyScenario,
    'Runs a simulation and saves its input and result, with when and who (ADMIN, POLICYMAKER; your subtree only).',
  ),
}, RelationResolver(PolicyScenario, {
  unit: optionalRelationOf(OrgUnit, 'The unit simulated.', (scenario) => scenario.scopeUnit?.id, unitById),
})) {
  @Query(() => PolicyScenarioConnection, { description: 'Saved scenarios of units in your subtree, newest first.' })
  async policyScenarios(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof PolicyScenarioConnection>> {
    return PolicyScenarioConnection.from(await simulation.listPolicyScenarios(depsOf(ctx), pageRequest(args.first, args.after, BY_ID)));
  }

  @FieldResolver(() => String, { description: 'The SimulatePolicyInput as JSON, with its defaults filled in and asOf resolved.' })
  input(@Root() scenario: PolicyScenario): string {
    return simulation.inputJson(scenario.input);
  }

  @FieldResolver(() => PolicySimulation, { description: 'The result as it stood when the scenario was saved.' })
  result(@Root() scenario: PolicyScenario): PolicySimulation {
    return PolicySimulation.of(scenario.result as simulation.SimulationResult);
  }
}
