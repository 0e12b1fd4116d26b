import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { newEntity } from '../../db/new-entity';
import { Sector } from '../../graphql/enums';
import { groupByKey } from '../../graphql/loaders';
import { recordAudit } from '../audit';
import { CompetencyLevel, Competency, levelOf, checkProfile, ProfileInput } from '../people';
import { CandidateCompetency } from './candidate-competency.entity';
import { Candidate } from './candidate.entity';
import { candidatesInScope } from './recruitment-scope';
import { readModel } from '../../db/read-model';
import { loadById, type Deps } from '../../edge/deps';

export function candidateById(deps: Deps, id: string): Promise<Candidate | null> {
  return loadById(deps, 'candidate.byId', id, (ids) => deps.sql<Record<string, unknown>>('select id, full_name, current_sector, home_unit_id from candidate where id = any(?::bigint[])', [ids]), (r) => readModel(deps.em, Candidate, r));
}

/** True when the viewer may see the candidate (batched per request). */
export function candidateVisible(deps: Deps, id: string): Promise<boolean> {
  return deps.loaders
    .get<string, boolean>('candidate.visible', async (ids) => {
      const visible = await candidatesInScope(deps.sql, deps.viewer, ids);
      return ids.map((id) => visible.has(id));
    })
    .load(id);
}

export async function competenciesOfCandidate(deps: Deps, candidate: Candidate): Promise<CompetencyLevel[]> {
  const rows = await deps.loaders
    .get<string, Array<{ competency_id: string; level: number }>>('candidate.competencies', async (ids) =>
      groupByKey(
        ids,
        await deps.sql<{ candidate_id: string; competency_id: string; level: number }>(
          'select candidate_id, competency_id, level from candidate_competency where candidate_id = any(?::bigint[]) order by candidate_id, competency_id',
          [ids],
        ),
        (r) => String(r.candidate_id),
      ),
    )
    .load(candidate.id);
  return rows.map((r) => levelOf(r.competency_id, r.level));
}

export async function createCandidate(em: EntityManager, viewer: Viewer, input: ProfileInput & { currentSector?: Sector | null }): Promise<Candidate> {
  const profile = await checkProfile(em, viewer, input);
  const candidate = newEntity(em, Candidate, { fullName: profile.fullName, currentSector: input.currentSector ?? null, homeUnit: profile.homeUnit });
  await em.flush();
  for (const level of profile.levels) {
    newEntity(em, CandidateCompetency, { candidate, competency: em.getReference(Competency, level.competencyId), level: level.level });
  }
  await em.flush();
  recordAudit(em, viewer, { operation: 'createCandidate', unitCode: profile.homeUnitCode, targetId: candidate.globalId, changes: input });
  return candidate;
}
