import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit';
import { Competency } from './competency.entity';
import { CompetencyLevel } from './competency-level';
import { readModel } from '../../db/read-model';
import { echo } from '../../shared/echo';
import { loadById, type Deps } from '../../edge/deps';

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;
const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export function competencyById(deps: Deps, id: string): Promise<Competency | null> {
  return loadById(deps, 'competency.byId', id, (ids) => deps.sql<Record<string, unknown>>('select id, code, name, is_digital from competency where id = any(?::bigint[])', [ids]), (r) => readModel(deps.em, Competency, r));
}

export async function allCompetencies(deps: Deps): Promise<Competency[]> {
  const rows = await deps.sql<Record<string, unknown>>('select id, code, name, is_digital from competency order by code');
  return rows.map((r) => readModel(deps.em, Competency, r));
}

export function levelOf(competencyId: string, level: number): CompetencyLevel {
  return Object.assign(new CompetencyLevel(), { competencyId: String(competencyId), level: Number(level) });
}

export interface ResolvedLevel {
  competencyId: string;
  level: number;
}

/**
 * Validates a list of CompetencyLevelInput (codes exist, levels 1..5, no code twice) and
 * resolves codes to ids. Every problem is reported, each with its input path.
 */
export async function resolveCompetencyLevels(
  em: EntityManager,
  inputs: ReadonlyArray<{ competencyCode: string; level: number }> | null | undefined,
  fieldName: string,
): Promise<ResolvedLevel[]> {
  if (!inputs || inputs.length === 0) return [];
  const problems: DomainError[] = [];
  if (inputs.length > 100) throw new DomainError('BAD_USER_INPUT', 'At most 100 competencies', inputField(fieldName));
  const seen = new Set<string>();
  inputs.forEach((item, index) => {
    if (!Number.isInteger(item.level) || item.level < MIN_LEVEL || item.level > MAX_LEVEL) {
      problems.push(new DomainError('BAD_USER_INPUT', `level must be from ${MIN_LEVEL} to ${MAX_LEVEL}`, inputField(fieldName, String(index), 'level')));
    }
    if (seen.has(item.competencyCode)) {
      problems.push(new DomainError('BAD_USER_INPUT', `competency ${echo(item.competencyCode)} is listed twice`, inputField(fieldName, String(index), 'competencyCode')));
    }
    seen.add(item.competencyCode);
  });
  const codes = [...seen];
  const rows = await sqlRunnerFor(em)<{ id: string; code: string }>('select id, code from competency where code = any(?::text[])', [codes]);
  const idByCode = new Map(rows.map((r) => [r.code, String(r.id)]));
  inputs.forEach((item, index) => {
    if (!idByCode.has(item.competencyCode)) {
      problems.push(new DomainError('NOT_FOUND', `No competency has the code ${JSON.stringify(item.competencyCode).slice(0, 80)}`, inputField(fieldName, String(index), 'competencyCode')));
    }
  });
  if (problems.length) throw new DomainErrors(problems);
  return inputs.map((item) => ({ competencyId: idByCode.get(item.competencyCode)!, level: item.level }));
}

/** As resolveCompetencyLevels, but adds its problems to `problems` so callers report all at once. */
export async function collectCompetencyLevels(
  em: EntityManager,
  inputs: ReadonlyArray<{ competencyCode: string; level: number }> | null | undefined,
  fieldName: string,
  problems: DomainError[],
): Promise<ResolvedLevel[]> {
  try {
    return await resolveCompetencyLevels(em, inputs, fieldName);
  } catch (error) {
    if (!(error instanceof DomainErrors)) throw error;
    problems.push(...error.errors);
    return [];
  }
}

export async function createCompetency(em: EntityManager, viewer: Viewer, input: { code: string; name: string; isDigital: boolean }): Promise<Competency> {
  const problems: DomainError[] = [];
  const code = input.code?.trim() ?? '';
  const name = input.name?.trim() ?? '';
  if (!CODE_PATTERN.test(code)) problems.push(new DomainError('BAD_USER_INPUT', 'code must be 1 to 64 letters, digits, "_", "." or "-"', inputField('code')));
  if (name.length < 1 || name.length > 300) problems.push(new DomainError('BAD_USER_INPUT', 'name must have 1 to 300 characters', inputField('name')));
  if (problems.length) throw new DomainErrors(problems);
  const existing = await sqlRunnerFor(em)('select 1 from competency where code = ?', [code]);
  if (existing.length) throw new DomainError('CONFLICT', `A competency with the code ${echo(code)} already exists`, inputField('code'));
  const competency = newEntity(em, Competency, { code, name, isDigital: input.isDigital });
  await em.flush();
  recordAudit(em, viewer, { operation: 'createCompetency', targetId: competency.globalId, changes: input });
  return competency;
}
