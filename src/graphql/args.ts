import { ArgsType, Field, Int } from 'type-graphql';
import { LocalDateScalar } from './scalars';

/**
 * Argument sets that many fields share, declared once. A field's own set extends one
 * (`@ArgsType() class PositionsArgs extends UnitListArgs('positions')`), type-graphql's
 * argument-type inheritance, so each shared argument keeps one name, type and description.
 */

/** Relay paging: `first` and `after` (see pageRequest in connection.ts). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}

/** A page of what a unit holds, e.g. UnitListArgs('positions'): the unit and, by default, the units below it. */
export function UnitListArgs(things: string) {
  @ArgsType()
  abstract class UnitListArgsClass extends PageArgs {
    @Field(() => String, { description: `Unit whose ${things} to list.` })
    unitCode!: string;

    @Field(() => Boolean, { defaultValue: true, description: `Include ${things} of every unit below it that exists today.` })
    includeDescendants!: boolean;
  }
  return UnitListArgsClass;
}

/** The scope of an analysis: the unit and, by default, every unit below it that exists on the date. */
@ArgsType()
export class AnalysisScopeArgs {
  @Field(() => String, { description: 'Unit to analyse.' })
  unitCode!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Include every unit below it that exists on the date.' })
  includeDescendants!: boolean;
}

/** An analysis of the staff in scope on a date. */
@ArgsType()
export class StaffAnalysisArgs extends AnalysisScopeArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date to judge assignments and units on; default today.' })
  asOf?: string | null;
}
