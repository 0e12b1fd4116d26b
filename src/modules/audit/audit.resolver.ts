import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { BY_ID, ConnectionType, pageRequest } from '../../graphql/connection';
import { PageArgs } from '../../graphql/args';
import type { RequestContext } from '../../edge/context';
import { AuditEvent } from './audit-event.entity';
import { auditEventsPage } from './audit.service';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@ArgsType()
class AuditEventsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only changes by this subject.' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes concerning this unit or a unit below it.' })
  unitCode?: string | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first (ADMIN only).' })
  async auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof AuditEventConnection>> {
    const page = pageRequest(args.first, args.after, BY_ID);
    return AuditEventConnection.from(await auditEventsPage(ctx.sql, ctx.em, args, page));
  }
}
