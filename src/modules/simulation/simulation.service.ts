import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope, pathInSubtrees, scopePaths, unitInScope } from '../../auth/scope';
import { Viewer } from '../../auth/viewer';
import { countRows, keysetRows, SqlRunner, sqlRunnerFor } from '../../db/sql-runner';
import { newEntity } from '../../db/new-entity';
import { afterCursorSql, Page, pageFrom, PageRequest } from '../../graphql/connection';
import { Role } from '../../graphql/enums';
import { fromGlobalId } from '../../graphql/global-id';
import { badUserInput, DomainError, DomainErrors, domainErrorsOf, forbidden, inputField } from '../../shared/domain-error';
import { recordAudit } from '../audit';
import { baseSalaryOn, MAX_AMOUNT, MAX_SALARY_PERCENT } from '../attraction';
import { OrgUnit } from '../org';
import { AcceptanceModelFit, fitAcceptanceModel } from './acceptance-model';
import { PolicyScenario } from './policy-scenario.entity';
import {
  checkScenarioTerms,
  ScenarioChanges,
  ScenarioError,
  scaledChanges,
  scenarioOutcome,
  simulate,
  SimulationFigures,
  UnitFigures,
  VacancyGroup,
} from './simulation.engine';
import * as sql from './simulation.sql';
import { readModel } from '../../db/read-model';
import { echo } from '../../shared/echo';
import { fragment, TRUE_SQL, type SqlFragment } from '../../shared/sql';
import { clockOf, type Deps } from '../../edge/deps';

export interface PolicyChangeCommand {
  incentivePackageId?: string | null;
  monthlyAllowanceDelta?: number | null;
  salaryPercentAllowanceDelta?: number | null;
  signingBonusDelta?: number | null;
  baseSalary?: number | null;
}

export interface SimulateCommand {
  unitCode: string;
  changes: PolicyChangeCommand;
  asOf?: string | null;
}

/** The input of a simulation with every default filled in: what savePolicyScenario stores. */
export interface CanonicalSimulationInput {
  unitCode: string;
  changes: {
    incentivePackageId: string | null;
    monthlyAllowanceDelta: number;
    salaryPercentAllowanceDelta: number;
    signingBonusDelta: number;
    baseSalary: number | null;
  };
  asOf: string;
}

export interface ModelFigures {
  intercept: number;
  slope: number;
  fittedOn: number;
  source: 'FITTED' | 'DEFAULT';
  reason: string | null;
}

/** A simulation's result: plain data, stored as it is in a saved scenario's snapshot. */
export interface SimulationResult extends SimulationFigures {
  unitId: string;
  asOf: string;
  baseSalary: number;
  scenarioBaseSalary: number;
  model: ModelFigures;
}

export interface CurvePoint {
  fraction: number;
  baseSalary: number;
  expectedHires: number;
  expectedFillRate: number;
  averagePayRatio: number;
  annualIncentiveCost: number;
}

export const MIN_CURVE_STEPS = 2;
export const MAX_CURVE_STEPS = 101;

/** Everything a simulation needs, fetched once. */
interface SimulationData {
  input: CanonicalSimulationInput;
  unit: sql.SimulatedUnitRow;
  baseSalary: number;
  model: AcceptanceModelFit;
  groups: VacancyGroup[];
  childCodes: Map<string, string>;
  changes: ScenarioChanges;
}

const bad = (message: string, ...field: string[]) => new DomainError('BAD_USER_INPUT', message, field);

/** Checks the changes on their own; the problems carry field paths relative to SimulatePolicyInput. */
function changeProblems(changes: PolicyChangeCommand): DomainError[] {
  const problems: DomainError[] = [];
  for (const field of ['monthlyAllowanceDelta', 'signingBonusDelta'] as const) {
    const value = changes[field] ?? 0;
    if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_AMOUNT) problems.push(bad(`${field} must be a whole number of VND within ±${MAX_AMOUNT}`, 'changes', field));
  }
  const percent = changes.salaryPercentAllowanceDelta ?? 0;
  if (!Number.isFinite(percent) || Math.abs(percent) > MAX_SALARY_PERCENT) {
    problems.push(bad(`salaryPercentAllowanceDelta must be a finite number within ±${MAX_SALARY_PERCENT}`, 'changes', 'salaryPercentAllowanceDelta'));
  }
  const base = changes.baseSalary;
  if (base != null && (!Number.isSafeInteger(base) || base <= 0 || base > MAX_AMOUNT)) {
    problems.push(bad(`baseSalary must be above 0 and at most ${MAX_AMOUNT} VND`, 'changes', 'baseSalary'));
  }
  return problems;
}

function toGroup(row: sql.VacancyGroupRow): VacancyGroup {
  return {
    n: row.n,
    payCoefficient: row.coef,
    privateMedian: row.p50,
    pkg:
      row.package_id === null
        ? null
        : {
            id: String(row.package_id),
            monthlyAllowance: row.monthly_allowance!,
            salaryPercentAllowance: row.salary_percent_allowance!,
            signingBonus: row.signing_bonus!,
            minServiceYears: row.min_service_years!,
          },
    childId: row.child_id === null ? null : String(row.child_id),
  };
}

/**
 * Validates the input and fetches what the simulation needs: the unit, the base salary in force,
 * the named package, the considered vacancies (one statement) and the offers the model is fitted
 * on. A FORBIDDEN Refusal outside the caller's subtree; other failures are DomainErrors
 * whose field paths are relative to SimulatePolicyInput.
 */
async function loadSimulation(run: SqlRunner, viewer: Viewer, today: string, input: SimulateCommand): Promise<SimulationData> {
  assertUnitInScope(viewer, input.unitCode);
  const asOf = input.asOf ?? today;
  const changes = input.changes ?? {};
  const problems = changeProblems(changes);
  let packageKey: string | null = null;
  if (changes.incentivePackageId != null) {
    const decoded = fromGlobalId(changes.incentivePackageId);
    if (!decoded || decoded.type !== 'IncentivePackage') problems.push(bad('incentivePackageId is not an IncentivePackage ID', 'changes', 'incentivePackageId'));
    else packageKey = decoded.key;
  }
  if (problems.length) throw new DomainErrors(problems);

  // One after the other: inside a mutation's transaction they share one connection.
  const unit = await sql.unitByCode(run, input.unitCode);
  const baseSalary = await baseSalaryOn(run, asOf);
  const pkg = packageKey ? await sql.packageTerms(run, packageKey) : null;
  if (!unit) throw new DomainError('NOT_FOUND', `No org unit has the code ${echo(input.unitCode)}`, ['unitCode']);
  if (baseSalary === null) throw bad(`No base salary is in force on ${asOf}`, 'asOf');
  const scenario: ScenarioChanges = {
    incentivePackageId: packageKey,
    monthlyAllowanceDelta: changes.monthlyAllowanceDelta ?? 0,
    salaryPercentAllowanceDelta: changes.salaryPercentAllowanceDelta ?? 0,
    signingBonusDelta: changes.signingBonusDelta ?? 0,
    baseSalary: changes.baseSalary ?? null,
  };
  if (packageKey) {
    if (!pkg) throw new DomainError('NOT_FOUND', 'No incentive package has that ID', ['changes', 'incentivePackageId']);
    const negative: DomainError[] = [];
    if (pkg.monthly_allowance + scenario.monthlyAllowanceDelta < 0) negative.push(bad(`monthlyAllowanceDelta would make the package's monthly allowance negative (${pkg.monthly_allowance} VND now)`, 'changes', 'monthlyAllowanceDelta'));
    if (pkg.salary_percent_allowance + scenario.salaryPercentAllowanceDelta < 0) negative.push(bad(`salaryPercentAllowanceDelta would make the package's salary percentage negative (${pkg.salary_percent_allowance} now)`, 'changes', 'salaryPercentAllowanceDelta'));
    if (pkg.signing_bonus + scenario.signingBonusDelta < 0) negative.push(bad(`signingBonusDelta would make the package's signing bonus negative (${pkg.signing_bonus} VND now)`, 'changes', 'signingBonusDelta'));
    if (negative.length) throw new DomainErrors(negative);
  }

  const rows = await sql.consideredVacancyGroups(run, unit.id, asOf);
  const offers = await sql.decidedOffersInScope(run, unit.id, asOf);
  const children = await sql.childUnitCodes(run, unit.id);
  const model = fitAcceptanceModel(offers.map((o) => ({ payRatio: o.pay_ratio, accepted: o.accepted })));
  return {
    input: {
      unitCode: input.unitCode,
      changes: { ...scenario, incentivePackageId: changes.incentivePackageId ?? null },
      asOf,
    },
    unit,
    baseSalary,
    model,
    groups: rows.map(toGroup),
    childCodes: new Map(children.map((c) => [String(c.id), c.code])),
    changes: scenario,
  };
}

/** The engine's refusals, as DomainErrors on their input field. */
function runEngine<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ScenarioError) throw bad(error.message, 'changes', error.field);
    throw error;
  }
}

function compute(data: SimulationData): SimulationResult {
  const figures = runEngine(() => simulate(data.groups, data.model, data.baseSalary, data.changes, true));
  const code = (u: UnitFigures) => data.childCodes.get(u.unitId) ?? '';
  return {
    unitId: String(data.unit.id),
    asOf: data.input.asOf,
    baseSalary: data.baseSalary,
    scenarioBaseSalary: data.changes.baseSalary ?? data.baseSalary,
    model: { intercept: data.model.intercept, slope: data.model.slope, fittedOn: data.model.fittedOn, source: data.model.source, reason: data.model.reason },
    ...figures,
    byUnit: [...figures.byUnit].sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0)),
  };
}

/**
 * The simulation's failures, their fields (relative to SimulatePolicyInput) placed under
 * `prefix`: a query answers them as BAD_USER_INPUT or NOT_FOUND on `input.…` (src/edge/errors.ts).
 */
async function withFieldsUnder<T>(prefix: string[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const errors = domainErrorsOf(error);
    if (!errors) throw error;
    throw new DomainErrors(errors.map((e) => new DomainError(e.code, e.message, e.field ? [...prefix, ...e.field] : null)));
  }
}

export function simulatePolicy(deps: Deps, input: SimulateCommand): Promise<SimulationResult> {
  return withFieldsUnder(['input'], async () => compute(await loadSimulation(deps.readSql, deps.viewer, deps.clock.today(), input)));
}

/**
 * Points of an "allowance vs hires" chart: the scenario at fractions 0, 1/(steps-1), …, 1 of the
 * changes (a baseSalary moving linearly from the one in force to it, rounded to whole VND; VND
 * deltas rounded likewise). One fetch, then every point is computed in memory.
 */
export function policyCurve(deps: Deps, input: SimulateCommand, steps: number): Promise<CurvePoint[]> {
  if (!Number.isInteger(steps) || steps < MIN_CURVE_STEPS || steps > MAX_CURVE_STEPS) {
    throw badUserInput(`steps must be a whole number from ${MIN_CURVE_STEPS} to ${MAX_CURVE_STEPS}`, 'steps');
  }
  return withFieldsUnder(['input'], async () => {
    const data = await loadSimulation(deps.readSql, deps.viewer, deps.clock.today(), input);
    runEngine(() => checkScenarioTerms(data.groups, data.changes));
    const points: CurvePoint[] = [];
    for (let k = 0; k < steps; k++) {
      const changes = scaledChanges(data.changes, data.baseSalary, k, steps);
      const figures = runEngine(() => scenarioOutcome(data.groups, data.model, data.baseSalary, changes));
      points.push({
        fraction: k / (steps - 1),
        baseSalary: changes.baseSalary ?? data.baseSalary,
        expectedHires: figures.expectedHires,
        expectedFillRate: figures.expectedFillRate,
        averagePayRatio: figures.averagePayRatio,
        annualIncentiveCost: figures.annualIncentiveCost,
      });
    }
    return points;
  });
}

export interface SavePolicyScenarioCommand {
  name: string;
  simulation: SimulateCommand;
}

/** Runs the simulation and stores its input and result, with when and who, in the mutation's transaction. */
export async function savePolicyScenario(em: EntityManager, viewer: Viewer, input: SavePolicyScenarioCommand): Promise<PolicyScenario> {
  const name = input.name?.trim() ?? '';
  const nameProblem = name.length < 1 || name.length > 300 ? new DomainError('BAD_USER_INPUT', 'name must have 1 to 300 characters', inputField('name')) : null;
  let data: SimulationData;
  let result: SimulationResult;
  try {
    data = await loadSimulation(sqlRunnerFor(em), viewer, clockOf(em).today(), input.simulation);
    result = compute(data);
  } catch (error) {
    const errors = domainErrorsOf(error);
    if (!errors) throw error;
    const prefixed = errors.map((e) => new DomainError(e.code, e.message, inputField('simulation', ...(e.field ?? []))));
    throw new DomainErrors(nameProblem ? [nameProblem, ...prefixed] : prefixed);
  }
  if (nameProblem) throw nameProblem;
  const scenario = newEntity(em, PolicyScenario, {
    name,
    input: data.input,
    result,
    scopeUnit: em.getReference(OrgUnit, String(data.unit.id)),
    createdBy: viewer.subject,
  });
  await em.flush();
  recordAudit(em, viewer, { operation: 'savePolicyScenario', unitCode: data.unit.code, targetId: scenario.globalId, changes: input });
  return scenario;
}

const SCENARIO_COLUMNS = 's.id, s.name, s.input, s.result, s.scope_unit_id, s.created_at, s.created_by';

/** Where a viewer may see scenarios: ADMIN everywhere; others those whose unit is in their subtree. */
function scenarioScope(viewer: Viewer): { from: string; where: SqlFragment } {
  const paths = scopePaths(viewer);
  if (paths === null) return { from: 'policy_scenario s', where: TRUE_SQL };
  if (!paths.length) return { from: 'policy_scenario s', where: fragment('false') };
  return { from: 'policy_scenario s join org_unit u on u.id = s.scope_unit_id', where: pathInSubtrees('u.path', paths) };
}

function toScenario(deps: Deps, row: Record<string, unknown>): PolicyScenario {
  return readModel(deps.em, PolicyScenario, row);
}

/** Saved scenarios in the caller's subtree, newest first. */
export async function listPolicyScenarios(deps: Deps, page: PageRequest): Promise<Page<PolicyScenario>> {
  const { from, where } = scenarioScope(deps.viewer);
  const after = afterCursorSql(page, 's.id', 'desc');
  const rows = await keysetRows<Record<string, unknown>>(deps.sql, { columns: SCENARIO_COLUMNS, from, where, after, orderBy: 's.id desc', limit: page.first + 1 });
  const countTotal = () => countRows(deps.sql, from, where);
  return pageFrom(rows.map((r) => toScenario(deps, r)), page, (s) => s.id, countTotal);
}

interface ScenarioWithUnit {
  scenario: PolicyScenario;
  unitCode: string | null;
}

function scenarioById(deps: Deps, id: string): Promise<ScenarioWithUnit | null> {
  return deps.loaders
    .get<string, ScenarioWithUnit | null>('policyScenario.byId', async (ids) => {
      const rows = await deps.sql<Record<string, unknown>>(
        `select ${SCENARIO_COLUMNS}, u.code as unit_code from policy_scenario s left join org_unit u on u.id = s.scope_unit_id where s.id = any(?::bigint[])`,
        [ids],
      );
      const found = new Map(rows.map((r) => [String(r.id), { scenario: toScenario(deps, r), unitCode: (r.unit_code as string | null) ?? null }]));
      return ids.map((id) => found.get(id) ?? null);
    })
    .load(id);
}

/** node(id) of a PolicyScenario: FORBIDDEN when its unit is outside the caller's subtree. */
export async function policyScenarioForNode(deps: Deps, id: string): Promise<PolicyScenario | null> {
  const found = await scenarioById(deps, id);
  if (!found) return null;
  const viewer = deps.viewer;
  const visible = viewer.role === Role.ADMIN || (found.unitCode !== null && unitInScope(viewer, found.unitCode));
  if (!visible) throw forbidden('The scenario belongs to a unit outside your scope');
  return found.scenario;
}

/** The stored input in a stable key order, as a JSON string. */
export function inputJson(stored: unknown): string {
  const s = (stored ?? {}) as Partial<CanonicalSimulationInput>;
  const c = (s.changes ?? {}) as Partial<CanonicalSimulationInput['changes']>;
  return JSON.stringify({
    unitCode: s.unitCode ?? null,
    changes: {
      incentivePackageId: c.incentivePackageId ?? null,
      monthlyAllowanceDelta: c.monthlyAllowanceDelta ?? 0,
      salaryPercentAllowanceDelta: c.salaryPercentAllowanceDelta ?? 0,
      signingBonusDelta: c.signingBonusDelta ?? 0,
      baseSalary: c.baseSalary ?? null,
    },
    asOf: s.asOf ?? null,
  });
}
