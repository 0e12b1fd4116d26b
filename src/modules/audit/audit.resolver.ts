import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { BY_ID, ConnectionType, pageFrom, pageRequest } from '../../graphql/connection';
import type { RequestContext } from '../../edge/context';
import { likeEscape } from '../../shared/sql';
import { AuditEvent } from './audit-event.entity';
import { readModel } from '../../db/read-model';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@ArgsType()
class AuditEventsArgs {
  @Field(() => String, { nullable: true, description: 'Only changes by this subject.' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes concerning this unit or a unit below it.' })
  unitCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}

const COLUMNS = 'e.id, e.at, e.subject, e.role, e.operation, e.unit_code, e.target_id, e.changes';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first (ADMIN only).' })
  async auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof AuditEventConnection>> {
    const page = pageRequest(args.first, args.after, BY_ID);
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (args.subject) {
      where.push('e.subject = ?');
      params.push(args.subject);
    }
    if (args.unitCode) {
      where.push(`(e.unit_code = ? or e.unit_code like ? escape '\\')`);
      params.push(args.unitCode, `${likeEscape(args.unitCode)}.%`);
    }
    const filter = where.join(' and ');
    const pageWhere = page.afterKey === null ? filter : `${filter} and e.id < ?`;
    const rows = await ctx.sql<Record<string, unknown>>(
      `select ${COLUMNS} from audit_event e where ${pageWhere} order by e.id desc limit ?`,
      [...params, ...(page.afterKey === null ? [] : [page.afterKey]), page.first + 1],
    );
    const countTotal = async () => (await ctx.sql<{ n: number }>(`select count(*)::int as n from audit_event e where ${filter}`, params))[0].n;
    return AuditEventConnection.from(pageFrom(rows.map((r) => readModel(ctx.em, AuditEvent, r)), page, (e) => e.id, countTotal));
  }
}
