import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { StaffCategory } from '../../graphql/enums';
import { groupByKey } from '../../graphql/loaders';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { recordAudit } from '../audit';
import { lockUnitForWrite } from '../org';
import { spliced } from '../../shared/sql';
import { EstablishmentQuota } from './establishment-quota.entity';
import { readModel } from '../../db/read-model';
import { echo } from '../../shared/echo';
import { clockOf, type Deps } from '../../edge/deps';

export interface SetQuotaCommand {
  unitCode: string;
  year: number;
  category: StaffCategory;
  headcount: number;
}

/** A quota's year and headcount out of range, every one at once. */
function quotaProblems(input: SetQuotaCommand): DomainError[] {
  const problems: DomainError[] = [];
  if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 2200) problems.push(new DomainError('BAD_USER_INPUT', 'year must be from 1900 to 2200', inputField('year')));
  if (!Number.isInteger(input.headcount) || input.headcount < 0 || input.headcount > 1_000_000) {
    problems.push(new DomainError('BAD_USER_INPUT', 'headcount must be a whole number from 0 to 1000000', inputField('headcount')));
  }
  return problems;
}

interface QuotaRow {
  id: string;
  unit_id: string;
  year: number;
  category: StaffCategory;
  headcount: number;
}

export async function quotasOfUnit(deps: Deps, unitId: string, year: number): Promise<EstablishmentQuota[]> {
  const rows = await deps.loaders
    .get<string, QuotaRow[]>(`quota.ofUnit:${year}`, async (ids) =>
      groupByKey(
        ids,
        await deps.sql<QuotaRow>('select id, unit_id, year, category, headcount from establishment_quota where unit_id = any(?::bigint[]) and year = ? order by unit_id, category', [ids, year]),
        (r) => String(r.unit_id),
      ),
    )
    .load(unitId);
  return rows.map((r) => readModel(deps.em, EstablishmentQuota, r as unknown as Record<string, unknown>));
}

/** Upserts the quota of a unit, year and category. */
export async function setEstablishmentQuota(em: EntityManager, viewer: Viewer, input: SetQuotaCommand): Promise<EstablishmentQuota> {
  assertUnitInScope(viewer, input.unitCode);
  const problems = quotaProblems(input);
  if (problems.length) throw new DomainErrors(problems);
  const unit = await lockUnitForWrite(em, input.unitCode, inputField('unitCode'));
  // An ended unit's quotas are history (a reorganisation gave its successor their sum); a unit
  // that is yet to end takes no quota for a year after its end.
  if (unit.valid_to !== null && (unit.valid_to < clockOf(em).today() || Number(unit.valid_to.slice(0, 4)) < input.year)) {
    throw new DomainError('INVALID_STATE', `Unit ${echo(input.unitCode)} ends on ${unit.valid_to} (reorganised or dissolved); set the quota on its successor`, inputField('unitCode'));
  }
  const upsert = spliced`insert into establishment_quota (unit_id, year, category, headcount) values (${unit.id}, ${input.year}, ${input.category}, ${input.headcount})
     on conflict (unit_id, year, category) do update set headcount = excluded.headcount
     returning id, unit_id, year, category, headcount`;
  const [row] = await sqlRunnerFor(em)<QuotaRow>(upsert.text, upsert.values);
  recordAudit(em, viewer, { operation: 'setEstablishmentQuota', unitCode: input.unitCode, targetId: String(row.id), changes: input });
  return em.map(EstablishmentQuota, row as unknown as Record<string, unknown>);
}
