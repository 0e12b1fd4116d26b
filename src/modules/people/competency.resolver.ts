import { Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { PayloadType } from '../../graphql/payload';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import { RelationResolver, relationOf } from '../../edge/relation';
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

const CompetencyPayload = PayloadType('CompetencyPayload', 'Result of createCompetency.', 'competency', Competency, 'The competency');

@Resolver(() => Competency)
export class CompetencyResolver extends MutationResolver({
  createCompetency: mutationOf(CompetencyPayload, CreateCompetencyInput, createCompetency, 'Adds a competency to the taxonomy.'),
}) {
  @Query(() => [Competency], { description: 'The competency taxonomy, by code.' })
  competencies(@Ctx() ctx: RequestContext): Promise<Competency[]> {
    return allCompetencies(depsOf(ctx));
  }
}

@Resolver(() => CompetencyLevel)
export class CompetencyLevelResolver extends RelationResolver(CompetencyLevel, {
  competency: relationOf(Competency, 'The competency.', (level) => level.competencyId, competencyById),
}) {}

@Resolver(() => CompetencyRecord)
export class CompetencyRecordResolver extends RelationResolver(CompetencyRecord, {
  competency: relationOf(Competency, 'The competency.', (record) => record.competencyId, competencyById),
}) {}
