import { Field, InputType, Int, ObjectType, Resolver } from 'type-graphql';
import { MutationResolver, mutationField } from '../../edge/mutation';
import { UserErrorsField } from '../../graphql/payload';
import { UserError } from '../../graphql/user-error';
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

  @UserErrorsField('Problems with the input as a whole.')
  userErrors!: UserError[];

  static failed(userErrors: UserError[]): ImportRosterPayload {
    return { peopleCreated: 0, peopleMatched: 0, assignmentsCreated: 0, assignmentsUnchanged: 0, rowErrors: [], userErrors };
  }
}

@Resolver()
export class RosterImportResolver extends MutationResolver({
  importRoster: mutationField({
    payload: ImportRosterPayload,
    input: ImportRosterInput,
    work: async (em, viewer, input) => {
      const result = await importRoster(em, viewer, input);
      return { ...result, rowErrors: result.rowErrors.map((e) => Object.assign(new RowError(), e)) };
    },
    description: 'Imports a roster of people and their assignments in one transaction, all or nothing, under the rules of assignPerson (HR_OFFICER in their subtree, or ADMIN).',
  }),
}) {}
