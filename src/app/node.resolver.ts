import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { roleMayReadType } from '../auth/permissions';
import { unitInScope } from '../auth/scope';
import { Viewer } from '../auth/viewer';
import { forbidden, forbiddenForRole, badUserInput } from '../shared/domain-error';
import { Role } from '../graphql/enums';
import { fromGlobalId } from '../graphql/global-id';
import { Node } from '../graphql/node';
import type { RequestContext } from '../edge/context';
import type { Deps } from '../edge/deps';
import { depsOf, viewerOf } from '../edge/context';
import { unitById } from '../modules/org';
import { positionById, positionInViewerScope, assignmentById } from '../modules/staffing';
import { personById, personVisible, competencyById } from '../modules/people';
import { vacancyById, applicationById, offerById, candidateById, candidateVisible } from '../modules/recruitment';
import { incentivePackageById, benchmarkById } from '../modules/attraction';
import { componentWithUnitCode, WorkloadComponent } from '../modules/workload';
import { AuditEvent, auditEventRow } from '../modules/audit';
import { policyScenarioForNode } from '../modules/simulation';
import { readModel } from '../db/read-model';

/** Scope check for anything that hangs off a position: the position's unit must be visible. */
async function positionVisible(ctx: RequestContext, positionId: string): Promise<boolean> {
  const position = await positionById(depsOf(ctx), positionId);
  return !!position && positionInViewerScope(depsOf(ctx), position);
}

async function vacancyVisible(ctx: RequestContext, vacancyId: string): Promise<boolean> {
  const vacancy = await vacancyById(depsOf(ctx), vacancyId);
  return !!vacancy && positionVisible(ctx, vacancy.position.id);
}

type NodeFetcher = (ctx: RequestContext, key: string) => Promise<Node | null>;

/** A type whose objects the caller may see only when `visible` says so: FORBIDDEN otherwise, null when there is none. */
function fetchedIfVisible<T extends Node>(load: (deps: Deps, key: string) => Promise<T | null | undefined>, visible: (ctx: RequestContext, found: T, key: string) => boolean | Promise<boolean>): NodeFetcher {
  return async (ctx, key) => {
    const found = await load(depsOf(ctx), key);
    if (found && !(await visible(ctx, found, key))) throw forbidden();
    return found ?? null;
  };
}

/**
 * How `node(id)` finds each type and decides whether the caller may see it. An object outside
 * the caller's subtree is FORBIDDEN; field-level role rules still apply to what comes back.
 */
const nodeFetchers: Record<string, NodeFetcher> = {
  OrgUnit: fetchedIfVisible(unitById, (ctx, unit) => unitInScope(viewerOf(ctx), unit.code)),
  Position: fetchedIfVisible(positionById, (ctx, _position, key) => positionVisible(ctx, key)),
  Assignment: fetchedIfVisible(assignmentById, (ctx, assignment) => positionVisible(ctx, assignment.position.id)),
  Person: fetchedIfVisible(personById, (ctx, _person, key) => personVisible(depsOf(ctx), key)),
  Vacancy: fetchedIfVisible(vacancyById, (ctx, _vacancy, key) => vacancyVisible(ctx, key)),
  Candidate: fetchedIfVisible(candidateById, (ctx, _candidate, key) => candidateVisible(depsOf(ctx), key)),
  Application: fetchedIfVisible(applicationById, (ctx, application) => vacancyVisible(ctx, application.vacancy.id)),
  async Offer(ctx, key) {
    const offer = await offerById(depsOf(ctx), key);
    if (!offer) return null;
    const application = await applicationById(depsOf(ctx), offer.application.id);
    if (!application || !(await vacancyVisible(ctx, application.vacancy.id))) throw forbidden();
    return offer;
  },
  async WorkloadComponent(ctx, key) {
    const row = await componentWithUnitCode(ctx.sql, key);
    if (!row) return null;
    if (!unitInScope(viewerOf(ctx), row.unit_code)) throw forbidden();
    const { unit_code: _code, ...columns } = row;
    return readModel(ctx.em, WorkloadComponent, columns as unknown as Record<string, unknown>);
  },
  async AuditEvent(ctx, key) {
    const row = await auditEventRow(ctx.sql, key);
    return row ? readModel(ctx.em, AuditEvent, row) : null;
  },
  Competency: (ctx, key) => competencyById(depsOf(ctx), key),
  IncentivePackage: (ctx, key) => incentivePackageById(depsOf(ctx), key),
  SalaryBenchmark: (ctx, key) => benchmarkById(depsOf(ctx), key),
  PolicyScenario: (ctx, key) => policyScenarioForNode(depsOf(ctx), key),
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when none exists, FORBIDDEN outside your subtree.' })
  async node(@Arg('id', () => ID, { description: 'Global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) throw badUserInput('id is not a global ID this API issued', 'id');
    const fetch = nodeFetchers[decoded.type];
    if (!fetch) return null;
    // The type's role rule, checked once for the object rather than on each of its fields.
    const viewer = viewerOf(ctx);
    if (!roleMayReadType(viewer.role, decoded.type)) {
      throw forbiddenForRole(`Reading a ${decoded.type}`, Object.values(Role).filter((role) => roleMayReadType(role, decoded.type)), viewer.role);
    }
    return fetch(ctx, decoded.key);
  }

  @Query(() => Viewer, { description: 'The caller, as their token identifies them.' })
  me(@Ctx() ctx: RequestContext): Viewer {
    return viewerOf(ctx);
  }
}
