import { groupByKey } from '../../graphql/loaders';
import { Application } from './application.entity';
import { Offer } from './offer.entity';
import { readModel } from '../../db/read-model';
import { pathInSubtrees } from '../../auth/scope';
import { fragment, spliced, TRUE_SQL } from '../../shared/sql';
import { loadById, loadChildren, type Deps } from '../../edge/deps';
import { runQuery } from '../../db/sql-runner';

const APPLICATION_COLUMNS = 'a.id, a.candidate_id, a.vacancy_id, a.stage, a.applied_on';
const OFFER_COLUMNS = 'o.id, o.application_id, o.monthly_pay, o.incentive_package_id, o.status, o.decline_reason, o.pay_ratio, o.offered_on, o.decided_on';

function toApplication(deps: Deps, row: Record<string, unknown>): Application {
  return readModel(deps.em, Application, row);
}

type Row = Record<string, unknown>;

export function applicationById(deps: Deps, id: string): Promise<Application | null> {
  const fetch = (ids: readonly string[]) => deps.sql<Row>(`select ${APPLICATION_COLUMNS} from application a where a.id = any(?::bigint[])`, [ids]);
  return loadById(deps, 'application.byId', id, fetch, (r) => toApplication(deps, r));
}

export function applicationsOfVacancy(deps: Deps, vacancyId: string): Promise<Application[]> {
  const fetch = (ids: readonly string[]) =>
    deps.sql<Row>(`select ${APPLICATION_COLUMNS} from application a where a.vacancy_id = any(?::bigint[]) order by a.vacancy_id, a.applied_on, a.id`, [ids]);
  return loadChildren(deps, 'application.ofVacancy', vacancyId, fetch, (r) => String(r.vacancy_id), (r) => toApplication(deps, r));
}

/** A candidate's applications, limited to vacancies in the viewer's subtrees (null: everywhere). */
export function applicationsOfCandidate(deps: Deps, candidateId: string, scopePaths: string[] | null): Promise<Application[]> {
  const inScope = scopePaths ? pathInSubtrees('u.path', scopePaths) : TRUE_SQL;
  const fetch = (ids: readonly string[]) =>
    runQuery<Row>(deps.sql, spliced`select ${fragment(APPLICATION_COLUMNS)} from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id
           where a.candidate_id = any(${ids}::bigint[]) and ${inScope} order by a.candidate_id, a.applied_on, a.id`);
  return loadChildren(deps, 'application.ofCandidate', candidateId, fetch, (r) => String(r.candidate_id), (r) => toApplication(deps, r));
}

export function offerById(deps: Deps, id: string): Promise<Offer | null> {
  const fetch = (ids: readonly string[]) => deps.sql<Row>(`select ${OFFER_COLUMNS} from offer o where o.id = any(?::bigint[])`, [ids]);
  return loadById(deps, 'offer.byId', id, fetch, (r) => readModel(deps.em, Offer, r));
}

export function offersOfApplication(deps: Deps, applicationId: string): Promise<Offer[]> {
  const fetch = (ids: readonly string[]) =>
    deps.sql<Row>(`select ${OFFER_COLUMNS} from offer o where o.application_id = any(?::bigint[]) order by o.application_id, o.offered_on, o.id`, [ids]);
  return loadChildren(deps, 'offer.ofApplication', applicationId, fetch, (r) => String(r.application_id), (r) => readModel(deps.em, Offer, r));
}

export interface StageChangeRow {
  from_stage: string | null;
  to_stage: string;
  changed_at: string;
  changed_by: string | null;
  note: string | null;
}

export async function stageHistoryOf(deps: Deps, applicationId: string): Promise<StageChangeRow[]> {
  return deps.loaders
    .get<string, StageChangeRow[]>('application.history', async (ids) =>
      groupByKey(
        ids,
        await deps.sql<StageChangeRow & { application_id: string }>(
          `select application_id, from_stage, to_stage, changed_at::timestamptz as changed_at, changed_by, note from application_stage_change
           where application_id = any(?::bigint[]) order by application_id, changed_at, id`,
          [ids],
        ),
        (r) => String(r.application_id),
      ),
    )
    .load(applicationId);
}
