import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { badUserInput, DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { StaffCategory } from '../../graphql/enums';
import { recordAudit } from '../audit';
import { lockUnitForWrite, openEndedRefusal, requireUnitForQuery } from '../org';
import { spliced } from '../../shared/sql';
import { WorkloadComponent } from './workload-component.entity';
import { reductionToMeetQuota, ReductionAnswer, wisnFigures, WisnFigures, WisnParameters } from './workload-need';
import * as sql from './workload.sql';
import { readModel } from '../../db/read-model';
import { clockOf, type Deps } from '../../edge/deps';

export interface WorkloadNeedResult extends WisnFigures {
  category: StaffCategory;
  quota: number;
  toMeetQuota: ReductionAnswer;
}

export function checkWisnParameters(p: WisnParameters): void {
  if (!Number.isFinite(p.digitisationReduction) || p.digitisationReduction < 0 || p.digitisationReduction > 1) {
    throw badUserInput('digitisationReduction must be from 0 to 1', 'digitisationReduction');
  }
  // A year has at most 8,784 hours; fewer than 1 is no working year at all.
  if (!Number.isFinite(p.availableHoursPerYear) || p.availableHoursPerYear < 1 || p.availableHoursPerYear > 8784) {
    throw badUserInput('availableHoursPerYear must be from 1 to 8784', 'availableHoursPerYear');
  }
  if (!Number.isFinite(p.supportShare) || p.supportShare < 0 || p.supportShare >= 1) throw badUserInput('supportShare must be from 0 up to (not including) 1', 'supportShare');
}

export async function workloadNeed(
  deps: Deps,
  args: WisnParameters & { unitCode: string; includeDescendants: boolean; asOf?: string | null },
): Promise<WorkloadNeedResult[]> {
  checkWisnParameters(args);
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const rows = await sql.workloadByCategory(deps.readSql, unit.id, args.includeDescendants, args.asOf ?? deps.clock.today());
  return rows.map((row) => {
    const inputs = { digitisableHours: row.digitisable_hours, otherHours: row.other_hours, actualStaff: row.actual_staff };
    return {
      category: row.category as StaffCategory,
      quota: row.quota,
      ...wisnFigures(inputs, args),
      toMeetQuota: reductionToMeetQuota(inputs, row.quota, args),
    };
  });
}

export async function workloadComponents(deps: Deps, args: { unitCode: string; includeDescendants: boolean }): Promise<WorkloadComponent[]> {
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const rows = await sql.componentsInScope(deps.sql, unit.id, args.includeDescendants, deps.clock.today());
  return rows.map((r) => readModel(deps.em, WorkloadComponent, r as unknown as Record<string, unknown>));
}

export interface SetWorkloadComponentCommand {
  unitCode: string;
  name: string;
  category: StaffCategory;
  annualVolume: number;
  minutesPerItem: number;
  digitisable: boolean;
}

/** Upserts a unit's workload component by (unitCode, name). */
export async function setWorkloadComponent(em: EntityManager, viewer: Viewer, input: SetWorkloadComponentCommand): Promise<WorkloadComponent> {
  assertUnitInScope(viewer, input.unitCode);
  const problems: DomainError[] = [];
  const name = input.name?.trim() ?? '';
  if (name.length < 1 || name.length > 300) problems.push(new DomainError('BAD_USER_INPUT', 'name must have 1 to 300 characters', inputField('name')));
  for (const field of ['annualVolume', 'minutesPerItem'] as const) {
    if (!Number.isFinite(input[field]) || input[field] < 0 || input[field] > 1e9 || (input[field] > 0 && input[field] < 1e-6)) {
      problems.push(new DomainError('BAD_USER_INPUT', `${field} must be 0, or a finite number from 0.000001 to 1e9`, inputField(field)));
    }
  }
  if (problems.length) throw new DomainErrors(problems);
  const unit = await lockUnitForWrite(em, input.unitCode, inputField('unitCode'), 'share');
  const refusal = openEndedRefusal(unit, clockOf(em).today());
  if (refusal) throw new DomainError('INVALID_STATE', refusal, inputField('unitCode'));
  const upsert = spliced`insert into workload_component (unit_id, name, category, annual_volume, minutes_per_item, digitisable)
     values (${unit.id}, ${name}, ${input.category}, ${input.annualVolume}, ${input.minutesPerItem}, ${input.digitisable})
     on conflict (unit_id, name) do update set category = excluded.category, annual_volume = excluded.annual_volume,
       minutes_per_item = excluded.minutes_per_item, digitisable = excluded.digitisable
     returning id, unit_id, name, category, annual_volume, minutes_per_item, digitisable`;
  const [row] = await sqlRunnerFor(em)<sql.ComponentRow>(upsert.text, upsert.values);
  const component = em.map(WorkloadComponent, row as unknown as Record<string, unknown>);
  recordAudit(em, viewer, { operation: 'setWorkloadComponent', unitCode: input.unitCode, targetId: component.globalId, changes: input });
  return component;
}
