import { badUserInput, forbidden, notFound } from '../../shared/domain-error';
import { ApplicationStage, DeclineReason, StaffCategory } from '../../graphql/enums';
import { fromGlobalId } from '../../graphql/global-id';
import { today } from '../../shared/today';
import { requireUnitForQuery, unitById } from '../org';
import { quotaLeftForGroups, positionById, positionInViewerScope } from '../staffing';
import { optimalPlacement } from './placement-optimizer';
import * as sql from './recruitment-analytics.sql';
import { provinceUnitCode } from '../../shared/region';
import { candidateVisibleSql } from './recruitment-scope';
import type { Deps } from '../../edge/deps';

export interface Funnel {
  applications: number;
  byStage: Array<{ stage: ApplicationStage; count: number }>;
  offers: number;
  offersAccepted: number;
  offersDeclined: number;
  acceptanceRate: number | null;
  hires: number;
  internalHires: number;
  externalHires: number;
  medianDaysToFill: number | null;
  declineReasons: Array<{ reason: DeclineReason; count: number }>;
}

export async function recruitmentFunnel(deps: Deps, args: { unitCode: string; from: string; to: string }): Promise<Funnel> {
  if (args.from > args.to) throw badUserInput('`from` must not be after `to`', 'from');
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const f = await sql.funnelFigures(deps.readSql, unit.id, args.from, args.to);
  const decided = f.offers_accepted + f.offers_declined;
  return {
    applications: f.applications,
    byStage: Object.values(ApplicationStage).map((stage) => ({ stage, count: f.by_stage[stage] ?? 0 })),
    offers: f.offers,
    offersAccepted: f.offers_accepted,
    offersDeclined: f.offers_declined,
    acceptanceRate: decided === 0 ? null : f.offers_accepted / decided,
    hires: f.hires,
    internalHires: f.internal_hires,
    externalHires: f.hires - f.internal_hires,
    medianDaysToFill: f.median_days_to_fill === null ? null : Number(f.median_days_to_fill),
    declineReasons: Object.values(DeclineReason).map((reason) => ({ reason, count: f.decline_reasons[reason] ?? 0 })),
  };
}

export interface Match {
  score: number;
  candidateId: string | null;
  personId: string | null;
  missing: Array<{ competencyId: string; level: number }>;
}

/** Best fits for a position, best first: every candidate the caller may see and (by default) internal staff of its province. */
export async function matchCandidates(deps: Deps, args: { positionId: string; first: number; includeInternal: boolean }): Promise<Match[]> {
  const decoded = fromGlobalId(args.positionId);
  if (!decoded || decoded.type !== 'Position') throw badUserInput('positionId is not a Position ID', 'positionId');
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > 100) throw badUserInput('`first` must be from 1 to 100', 'first');
  const position = await positionById(deps, decoded.key);
  if (!position) throw notFound('No position has that ID');
  if (!(await positionInViewerScope(deps, position))) throw forbidden('That position is outside your scope');
  const unit = (await unitById(deps, position.unit.id))!;
  const rows = await sql.bestMatches(deps.readSql, {
    positionId: position.id,
    regionCode: provinceUnitCode(unit.code),
    includeInternal: args.includeInternal,
    limit: args.first,
    date: today(),
    candidateVisible: candidateVisibleSql('c', deps.viewer),
  });
  const candidateIds = rows.filter((r) => r.kind === 'CANDIDATE').map((r) => String(r.id));
  const personIds = rows.filter((r) => r.kind === 'PERSON').map((r) => String(r.id));
  const missing = await sql.missingRequirements(deps.readSql, position.id, candidateIds, personIds);
  return rows.map((row) => ({
    score: Number(row.score),
    candidateId: row.kind === 'CANDIDATE' ? String(row.id) : null,
    personId: row.kind === 'PERSON' ? String(row.id) : null,
    missing: missing
      .filter((m) => m.kind === row.kind && String(m.id) === String(row.id))
      .map((m) => ({ competencyId: String(m.competency_id), level: Number(m.level) })),
  }));
}

export interface Plan {
  suggestions: Array<{ vacancyId: string; candidateId: string; score: number }>;
  totalScore: number;
  unplacedVacancies: number;
}

/**
 * The optimum placement plan of a subtree: SQL scores every worthwhile pair, the establishment
 * rule gives each unit and category its capacity (quota left today), and min-cost flow picks
 * the one-to-one pairing with the largest total fit.
 */
export async function placementPlan(deps: Deps, args: { unitCode: string; minScore: number }): Promise<Plan> {
  if (!Number.isFinite(args.minScore) || args.minScore < 0 || args.minScore > 1) throw badUserInput('minScore must be from 0 to 1', 'minScore');
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const date = today();
  const vacancies = await sql.placeableVacancies(deps.readSql, unit.id, date);
  if (vacancies.length === 0) return { suggestions: [], totalScore: 0, unplacedVacancies: 0 };
  const edges = await sql.placementEdges(deps.readSql, unit.id, date, args.minScore);
  const groupKey = (unitId: string, category: string) => `${unitId}:${category}`;
  const groups = new Map<string, { unitId: string; category: StaffCategory }>();
  for (const v of vacancies) groups.set(groupKey(String(v.unit_id), v.category), { unitId: String(v.unit_id), category: v.category as StaffCategory });
  const capacities = await quotaLeftForGroups(deps.readSql, [...groups.values()], date);
  const solution = optimalPlacement({
    vacancies: vacancies.map((v) => ({ id: String(v.id), group: groupKey(String(v.unit_id), v.category) })),
    groupCapacity: new Map(capacities.map((c) => [groupKey(c.unitId, c.category), c.left === null ? null : Math.max(c.left, 0)])),
    edges: edges.map((e) => ({ vacancyId: String(e.vacancy_id), candidateId: String(e.candidate_id), score: Number(e.score) })),
  });
  return {
    suggestions: solution.pairs,
    totalScore: solution.totalScore,
    unplacedVacancies: vacancies.length - solution.pairs.length,
  };
}
