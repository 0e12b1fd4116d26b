import { badUserInput, forbidden, notFound } from '../../shared/domain-error';
import { ApplicationStage, DeclineReason, StaffCategory } from '../../graphql/enums';
import { fromGlobalId } from '../../graphql/global-id';
import { requireUnitForQuery, unitById } from '../org';
import { quotaLeftForGroups, positionById, positionInViewerScope } from '../staffing';
import { certifiedPlacement } from './placement-optimizer';
import * as sql from './recruitment-analytics.sql';
import * as ranking from './candidate-ranking.sql';
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
  // Tested row by row on the best holders (candidate-ranking.sql.ts).
  const candidateVisible = candidateVisibleSql('c', deps.viewer, { perRow: true });
  // No fit exceeds 1.0 and ties go to candidates, then by id: k candidates meeting every
  // requirement are the answer, whoever else there is (candidate-ranking.sql.ts).
  const fullyFit = await ranking.fullyFitCandidates(deps.readSql, { positionId: position.id, limit: args.first, candidateVisible });
  if (fullyFit.ids.length === args.first) return fullyFit.ids.map((id) => ({ score: 1, candidateId: id, personId: null, missing: [] }));
  const unit = (await unitById(deps, position.unit.id))!;
  const rows = await ranking.rankedMatches(deps.readSql, {
    positionId: position.id,
    requirements: fullyFit.requirements,
    regionCode: provinceUnitCode(unit.code),
    includeInternal: args.includeInternal,
    limit: args.first,
    date: deps.clock.today(),
    candidateVisible,
  });
  return rows.map((row) => ({
    score: Number(row.score),
    candidateId: row.kind === 'CANDIDATE' ? String(row.id) : null,
    personId: row.kind === 'PERSON' ? String(row.id) : null,
    missing: row.missing.map((m) => ({ competencyId: String(m.competency_id), level: Number(m.level) })),
  }));
}

export interface Plan {
  suggestions: Array<{ vacancyId: string; candidateId: string; score: number }>;
  totalScore: number;
  unplacedVacancies: number;
}

/**
 * How many of each vacancy's best candidates the first solve sees. At full scale (1,000
 * vacancies, 5,000 applicants, 570,000 pairs >= 0.5) 128 is certified in one round: vacancies
 * sharing requirements also share their best candidates (ties go by id), so far fewer would
 * crowd onto the same few people and need more rounds.
 */
const FIRST_PAIRS_PER_VACANCY = 128;
/** A vacancy not certified comes back with this many times the pairs. */
const PAIRS_GROWTH = 8;
/** "All of them": any count above the candidates a vacancy can have. */
const ALL_PAIRS = 1_000_000_000;

/**
 * The optimum placement plan of a subtree: the establishment rule gives each unit and category
 * its capacity (quota left today), SQL scores the pairs and sends each requirement profile's
 * best candidates (each vacancy takes its own cut of its profile's list), and min-cost flow
 * picks the one-to-one pairing with the largest total fit.
 *
 * Pruning stays exact in one of two ways. (1) With T = the most vacancies any plan can fill
 * (each group's min(quota left, vacancies)), a vacancy's best T candidates suffice: in an
 * optimum that gives v a candidate outside them, at most T - 1 other vacancies are filled, so one
 * of v's best T is free and scores at least as much; moving v to it keeps the total, and
 * repeating gives an optimum inside the kept pairs. (2) With fewer, the solver proves the plan
 * optimal over the pairs left out from the flow's potentials and the best score left out of each
 * vacancy (`certifiedPlacement`); a vacancy it cannot certify comes back with more pairs, until
 * none is left (at worst with all of its pairs, which needs no certificate).
 */
export async function placementPlan(deps: Deps, args: { unitCode: string; minScore: number }): Promise<Plan> {
  if (!Number.isFinite(args.minScore) || args.minScore < 0 || args.minScore > 1) throw badUserInput('minScore must be from 0 to 1', 'minScore');
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const date = deps.clock.today();
  const vacancies = await sql.placeableVacancies(deps.readSql, unit.id, date);
  if (vacancies.length === 0) return { suggestions: [], totalScore: 0, unplacedVacancies: 0 };
  const groupKey = (unitId: string, category: string) => `${unitId}:${category}`;
  const groups = new Map<string, { unitId: string; category: StaffCategory; vacancies: number }>();
  for (const v of vacancies) {
    const key = groupKey(String(v.unit_id), v.category);
    const group = groups.get(key) ?? { unitId: String(v.unit_id), category: v.category as StaffCategory, vacancies: 0 };
    group.vacancies++;
    groups.set(key, group);
  }
  const capacities = await quotaLeftForGroups(deps.readSql, [...groups.values()].map(({ unitId, category }) => ({ unitId, category })), date);
  const groupCapacity = new Map(capacities.map((c) => [groupKey(c.unitId, c.category), c.left === null ? null : Math.max(c.left, 0)]));
  let fillable = 0;
  for (const [key, group] of groups) fillable += Math.min(groupCapacity.get(key) ?? Infinity, group.vacancies);
  if (fillable === 0) return { suggestions: [], totalScore: 0, unplacedVacancies: vacancies.length };

  // Per vacancy: the pairs fetched so far (best first), and how many of them the solve sees.
  const fetched = new Map<string, Array<{ vacancyId: string; candidateId: string; score: number }>>();
  const kept = new Map<string, number>();
  let ask = vacancies.map((v) => ({ vacancyId: String(v.id), pairs: Math.min(FIRST_PAIRS_PER_VACANCY, fillable) }));
  for (;;) {
    // A vacancy asked for `fillable` pairs or more is exact by (1): ask for all of them then.
    for (const a of ask) kept.set(a.vacancyId, a.pairs >= fillable ? ALL_PAIRS : a.pairs);
    const profiles = await sql.placementEdges(deps.readSql, unit.id, date, args.minScore, ask.map((a) => ({ vacancyId: a.vacancyId, pairs: kept.get(a.vacancyId)! })));
    for (const a of ask) fetched.set(a.vacancyId, []);
    // Each vacancy takes its own `pairs + 1` of its profile's list.
    for (const profile of profiles) {
      for (const rawId of profile.vacancy_ids) {
        const vacancyId = String(rawId);
        const length = Math.min(profile.candidate_ids.length, kept.get(vacancyId)! + 1);
        const pairs = new Array<{ vacancyId: string; candidateId: string; score: number }>(length);
        for (let i = 0; i < length; i++) pairs[i] = { vacancyId, candidateId: String(profile.candidate_ids[i]), score: Number(profile.scores[i]) };
        fetched.set(vacancyId, pairs);
      }
    }
    const solution = certifiedPlacement({
      vacancies: vacancies.map((v) => {
        const id = String(v.id);
        const pairs = fetched.get(id)!;
        const keep = kept.get(id)!;
        return { id, group: groupKey(String(v.unit_id), v.category), omittedAtMost: pairs.length > keep ? pairs[keep].score : undefined };
      }),
      groupCapacity,
      edges: vacancies.flatMap((v) => {
        const id = String(v.id);
        return fetched.get(id)!.slice(0, kept.get(id)!);
      }),
    });
    if (solution.uncertified.length === 0) {
      return {
        suggestions: solution.pairs,
        totalScore: solution.totalScore,
        unplacedVacancies: vacancies.length - solution.pairs.length,
      };
    }
    ask = solution.uncertified.map((vacancyId) => ({ vacancyId, pairs: kept.get(vacancyId)! * PAIRS_GROWTH }));
  }
}
