import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { runMutation } from '../../edge/mutation';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../edge/context';
import { importRoster, OPTIONAL_ROSTER_COLUMNS, ROSTER_COLUMNS } from './roster-import.service';

@InputType('ImportRosterInput', { description: `A roster as CSV text with the header row ${ROSTER_COLUMNS.join(',')} and optionally ${OPTIONAL_ROSTER_COLUMNS.join(',')}; competencies as "CODE:level;CODE:level".` })
class ImportRosterInput {
  @Field(() => String, { description: 'The CSV text (UTF-8; a byte-order mark is fine).' })
  csv!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Check every row and report what would be created, writing nothing.' })
  dryRun!: boolean;
}

@ObjectType('RowError', { description: 'A problem with one row of an imported roster.' })
class RowError {
  @Field(() => Int, { description: 'Line of the row in the file; the header is line 1.' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'The column at fault, when one is.' })
  column!: string | null;

  @Field(() => String, { description: 'What is wrong.' })
  message!: string;
}

@ObjectType('ImportRosterPayload', { description: 'Result of importRoster: all rows or none.' })
class ImportRosterPayload {
  @Field(() => Int, { description: 'People created (or that a dry run would create).' })
  peopleCreated!: number;

  @Field(() => Int, { description: 'Rows\' people already recorded (by national_id, or by name and birth year in your subtree); counted once each.' })
  peopleMatched!: number;

  @Field(() => Int, { description: 'Assignments created (or that a dry run would create).' })
  assignmentsCreated!: number;

  @Field(() => Int, { description: 'Rows whose assignment already exists (same person, position, kind and start date), left as they are.' })
  assignmentsUnchanged!: number;

  @Field(() => [RowError], { description: 'Every bad row, by line; when present, nothing was written.' })
  rowErrors!: RowError[];

  @Field(() => [UserError], { description: 'Problems with the input as a whole.' })
  userErrors!: UserError[];
}

@Resolver()
export class RosterImportResolver {
  @Mutation(() => ImportRosterPayload, { description: 'Imports a roster of people and their assignments in one transaction, all or nothing, under the rules of assignPerson (HR_OFFICER in their subtree, or ADMIN).' })
  importRoster(@Arg('input', () => ImportRosterInput, { description: 'The mutation\'s input.' }) input: ImportRosterInput, @Ctx() ctx: RequestContext): Promise<ImportRosterPayload> {
    return runMutation<ImportRosterPayload>(
      ctx,
      async (em, viewer) => {
        const result = await importRoster(em, viewer, input);
        return { ...result, rowErrors: result.rowErrors.map((e) => Object.assign(new RowError(), e)) };
      },
      (userErrors) => ({ peopleCreated: 0, peopleMatched: 0, assignmentsCreated: 0, assignmentsUnchanged: 0, rowErrors: [], userErrors }),
    );
  }
}
