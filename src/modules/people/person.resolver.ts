import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { CompetencySource, Sex } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { BY_ID, ConnectionType, pageRequest } from '../../graphql/connection';
import { UnitListArgs } from '../../graphql/args';
import { PayloadType } from '../../graphql/payload';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { CompetencyLevel, CompetencyLevelInput, CompetencyRecord } from './competency-level';
import { Person } from './person.entity';
import * as people from './person.service';

export const PersonConnection = ConnectionType(Person, 'Person');

@ArgsType()
class PeopleArgs extends UnitListArgs('staff') {
  @Field(() => String, { nullable: true, description: 'Part of the name (ignores case and Vietnamese diacritics), or a nationalId (CCCD) in full.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only people holding this competency (any level).' })
  competencyCode?: string | null;
}

/**
 * What a new record of someone, staff or candidate, starts with. A base of input types only;
 * no argument takes it, so the schema never shows it.
 */
@InputType()
export abstract class NewPersonFields {
  @Field(() => String, { description: 'Full name, 1 to 200 characters.' })
  fullName!: string;

  @Field(() => [CompetencyLevelInput], { nullable: true, description: 'Competencies held, with levels.' })
  competencies?: CompetencyLevelInput[] | null;
}

@InputType('CreatePersonInput', { description: 'A new member of staff.' })
class CreatePersonInput extends NewPersonFields {
  @Field(() => Int, { nullable: true, description: 'Year of birth.' })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Unit whose HR office records the person (default: your unit); scopes them until they are assigned.' })
  unitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'CCCD number: exactly 12 digits, unique (CONFLICT when another person has it).' })
  nationalId?: string | null;

  @Field(() => Sex, { nullable: true, description: 'Sex as on the identity card.' })
  sex?: Sex | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of birth; sets birthYear (which, if given too, must agree).' })
  birthDate?: string | null;
}

@InputType('UpdatePersonInput', { description: 'A correction to a person: only the fields given change; null clears a nullable field.' })
class UpdatePersonInput {
  @Field(() => ID, { description: 'The person.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Full name, 1 to 200 characters (cannot be cleared).' })
  fullName?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth; must agree with birthDate when one is recorded.' })
  birthYear?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of birth; sets birthYear.' })
  birthDate?: string | null;

  @Field(() => Sex, { nullable: true, description: 'Sex as on the identity card.' })
  sex?: Sex | null;

  @Field(() => String, { nullable: true, description: 'CCCD number: exactly 12 digits, unique.' })
  nationalId?: string | null;
}

@InputType('RecordCompetencyInput', { description: 'A competency level established on a date; the latest record is the person\'s current level.' })
class RecordCompetencyInput {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => String, { description: 'Code of an existing competency.' })
  competencyCode!: string;

  @Field(() => Int, { description: 'Level from 0 to 5; 0 removes the competency.' })
  level!: number;

  @Field(() => LocalDateScalar, { description: 'When it was established: not in the future, not before the person was born.' })
  recordedOn!: string;

  @Field(() => CompetencySource, { description: 'How it was established.' })
  source!: CompetencySource;

  @Field(() => String, { nullable: true, description: 'Free text, at most 500 characters (the course, the certificate).' })
  note?: string | null;
}

const PersonPayload = PayloadType('PersonPayload', 'Result of a mutation on a person.', 'person', Person, 'The person');

@Resolver(() => Person)
export class PersonResolver extends MutationResolver({
  updatePerson: mutationOf(PersonPayload, UpdatePersonInput, people.updatePerson, 'Corrects a person: only the fields given change; null clears a nullable field. The AuditEvent holds the values before and after.'),
  recordCompetency: mutationOf(PersonPayload, RecordCompetencyInput, people.recordCompetency, 'Records a competency level on a date, keeping the history; the latest record is the current level, and level 0 removes it.'),
  createPerson: mutationOf(PersonPayload, CreatePersonInput, people.createPerson, 'Records a member of staff.'),
}) {
  @Query(() => PersonConnection, { description: 'Staff of a unit: people with an active assignment in scope, and people its HR office recorded who are not yet assigned.' })
  async people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof PersonConnection>> {
    return PersonConnection.from(await people.listPeople(depsOf(ctx), args, pageRequest(args.first, args.after, BY_ID)));
  }

  @FieldResolver(() => [CompetencyLevel], { description: 'Competencies held, with levels.' })
  competencies(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<CompetencyLevel[]> {
    return people.competenciesOf(depsOf(ctx), person);
  }

  @FieldResolver(() => String, { nullable: true, description: 'CCCD number, 12 digits (personal data).' })
  async nationalId(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await people.recordedPerson(depsOf(ctx), person)).nationalId ?? null;
  }

  @FieldResolver(() => Sex, { nullable: true, description: 'Sex as on the identity card (personal data).' })
  async sex(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<Sex | null> {
    return (await people.recordedPerson(depsOf(ctx), person)).sex ?? null;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'Date of birth (personal data); when set, birthYear is its year.' })
  async birthDate(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await people.recordedPerson(depsOf(ctx), person)).birthDate ?? null;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: 'Statutory retirement date (Labour Code 2019 art. 169, Decree 135/2020, normal conditions), from sex and birth date or, without one, July of the birth year; null without sex or birth year (personal data).',
  })
  async retirementDate(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await people.recordedPerson(depsOf(ctx), person)).retirementDate ?? null;
  }

  @FieldResolver(() => [CompetencyRecord], { description: 'Every level ever recorded for this person, newest first (personal data).' })
  competencyHistory(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<CompetencyRecord[]> {
    return people.competencyHistoryOf(depsOf(ctx), person);
  }
}
