import { groupByKey } from '../../graphql/loaders';
import { requireUnitForQuery } from '../org';
import { placementFitFigures, PlacementFitFigures, skillGapFigures, SkillGapFigures } from './skill-analytics.sql';
import { staffingGapFiguresFromSummary } from './staffing-gap-summary.sql';
import { ALL_GAP_FIGURES, GapFigureSet, GapRoots, GapUnit, staffingGapFigures, StaffingGapFigures } from './staffing-gap.sql';
import type { Deps } from '../../edge/deps';

export interface GapQuery {
  year: number;
  asOf: string;
  includeDescendants: boolean;
  /** The costlier figures the query shows somewhere in its tree; children inherit it. */
  figures: GapFigureSet;
}

export interface StaffingGapResult extends StaffingGapFigures {
  query: GapQuery;
}

/**
 * The figures for today come from the per-unit summary (staffing-gap-summary.sql.ts), corrected
 * for the few rows whose dates straddle today; any other date is counted on the fly.
 */
function gapFigures(deps: Deps, roots: GapRoots, query: GapQuery): Promise<StaffingGapFigures[]> {
  return query.asOf === deps.clock.today() ? staffingGapFiguresFromSummary(deps.readSql, roots, query) : staffingGapFigures(deps.readSql, roots, query);
}

/**
 * The gap of a unit. `withChildren` (the query asks for its children) answers the unit and its
 * children in one statement, one pass over the seats, and hands the children to their loader.
 */
export async function staffingGapFor(
  deps: Deps,
  args: { unitCode: string; year: number; includeDescendants: boolean; asOf?: string | null },
  withChildren = false,
  shown: GapFigureSet = ALL_GAP_FIGURES,
): Promise<StaffingGapResult> {
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const query: GapQuery = { year: args.year, asOf: args.asOf ?? deps.clock.today(), includeDescendants: args.includeDescendants, figures: shown };
  if (!withChildren || !query.includeDescendants) {
    const [figures] = await gapFigures(deps, { kind: 'units', units: [unit] }, query);
    return { ...figures, query };
  }
  const rows = await gapFigures(deps, { kind: 'unitAndChildren', unit }, query);
  const figures = rows.find((r) => String(r.unit_id) === String(unit.id))!;
  childrenLoader(deps, query).prime({ id: String(unit.id), code: unit.code }, rows.filter((r) => r !== figures));
  return { ...figures, query };
}

function childrenLoader(deps: Deps, query: GapQuery) {
  return deps.loaders.get<GapUnit, StaffingGapFigures[]>(
    `staffingGap.children:${query.year}:${query.asOf}:${JSON.stringify(query.figures)}`,
    async (parents) => {
      const rows = await gapFigures(deps, { kind: 'childrenOf', parents }, { ...query, includeDescendants: true });
      return groupByKey(parents.map((p) => p.id), rows, (r) => String(r.parent_id));
    },
    (parent) => parent.id,
  );
}

/**
 * One StaffingGap per direct child existing on the date, each over the child's own subtree.
 * Batched: every parent of one tree level is answered by a single statement.
 */
export async function staffingGapChildren(deps: Deps, parent: StaffingGapResult): Promise<StaffingGapResult[]> {
  const query: GapQuery = { ...parent.query, includeDescendants: true };
  const rows = await childrenLoader(deps, query).load({ id: String(parent.unit_id), code: parent.code });
  return rows.map((figures) => ({ ...figures, query }));
}

export async function skillGapsFor(deps: Deps, args: { unitCode: string; includeDescendants: boolean; asOf?: string | null }): Promise<SkillGapFigures[]> {
  const unit = await requireUnitForQuery(deps, args.unitCode);
  return skillGapFigures(deps.readSql, unit.id, args.includeDescendants, args.asOf ?? deps.clock.today());
}

export async function placementFitFor(
  deps: Deps,
  args: { unitCode: string; includeDescendants: boolean; asOf?: string | null },
): Promise<PlacementFitFigures & { unit_id: string }> {
  const unit = await requireUnitForQuery(deps, args.unitCode);
  return { ...(await placementFitFigures(deps.readSql, unit.id, args.includeDescendants, args.asOf ?? deps.clock.today())), unit_id: unit.id };
}
