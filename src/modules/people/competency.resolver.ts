import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { runMutation } from '../../edge/mutation';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { Competency } from './competency.entity';
import { CompetencyLevel, CompetencyRecord } from './competency-level';
import { allCompetencies, competencyById, createCompetency } from './competency.service';

@InputType('CreateCompetencyInput', { description: 'A new competency of the taxonomy.' })
class CreateCompetencyInput {
  @Field(() => String, { description: 'Stable code, 1 to 64 letters, digits, "_", "." or "-".' })
  code!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => Boolean, { description: 'True for a digital skill.' })
  isDigital!: boolean;
}

@ObjectType('CompetencyPayload', { description: 'Result of createCompetency.' })
class CompetencyPayload {
  @Field(() => Competency, { nullable: true, description: 'The competency, when the mutation succeeded.' })
  competency!: Competency | null;

  @Field(() => [UserError], { description: 'Business failures; when present, nothing changed.' })
  userErrors!: UserError[];
}

@Resolver(() => Competency)
export class CompetencyResolver {
  @Query(() => [Competency], { description: 'The competency taxonomy, by code.' })
  competencies(@Ctx() ctx: RequestContext): Promise<Competency[]> {
    return allCompetencies(depsOf(ctx));
  }

  @Mutation(() => CompetencyPayload, { description: 'Adds a competency to the taxonomy.' })
  createCompetency(@Arg('input', () => CreateCompetencyInput, { description: 'The mutation\'s input.' }) input: CreateCompetencyInput, @Ctx() ctx: RequestContext): Promise<CompetencyPayload> {
    return runMutation<CompetencyPayload>(
      ctx,
      async (em, viewer) => ({ competency: await createCompetency(em, viewer, input) }),
      (userErrors) => ({ competency: null, userErrors }),
    );
  }
}

@Resolver(() => CompetencyLevel)
export class CompetencyLevelResolver {
  @FieldResolver(() => Competency, { description: 'The competency.' })
  async competency(@Root() level: CompetencyLevel, @Ctx() ctx: RequestContext): Promise<Competency> {
    return (await competencyById(depsOf(ctx), level.competencyId))!;
  }
}

@Resolver(() => CompetencyRecord)
export class CompetencyRecordResolver {
  @FieldResolver(() => Competency, { description: 'The competency.' })
  async competency(@Root() record: CompetencyRecord, @Ctx() ctx: RequestContext): Promise<Competency> {
    return (await competencyById(depsOf(ctx), record.competencyId))!;
  }
}
