import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { BY_ID, ConnectionType, pageRequest } from '../../graphql/connection';
import type { RequestContext } from '../../edge/context';
import { AuditEvent } from './audit-event.entity';
import { auditEventsPage } from './audit.service';

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

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first (ADMIN only).' })
  async auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof AuditEventConnection>> {
    const page = pageRequest(args.first, args.after, BY_ID);
    return AuditEventConnection.from(await auditEventsPage(ctx.sql, ctx.em, args, page));
  }
}
