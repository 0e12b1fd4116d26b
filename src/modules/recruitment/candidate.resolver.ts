import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { scopePaths } from '../../auth/scope';
import { Sector } from '../../graphql/enums';
import { runMutation } from '../../edge/mutation';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../edge/context';
import { depsOf, viewerOf } from '../../edge/context';
import { CompetencyLevel, CompetencyLevelInput } from '../people';
import { Application } from './application.entity';
import { applicationsOfCandidate } from './application-reads.service';
import { Candidate } from './candidate.entity';
import { competenciesOfCandidate, createCandidate } from './candidate.service';

@InputType('CreateCandidateInput', { description: 'A new job candidate.' })
class CreateCandidateInput {
  @Field(() => String, { description: 'Full name, 1 to 200 characters.' })
  fullName!: string;

  @Field(() => Sector, { nullable: true, description: 'Sector the candidate works in now, if any.' })
  currentSector?: Sector | null;

  @Field(() => [CompetencyLevelInput], { nullable: true, description: 'Competencies held, with levels.' })
  competencies?: CompetencyLevelInput[] | null;

  @Field(() => String, { nullable: true, description: 'Unit whose HR office records the candidate, in your subtree (default: your unit); the candidate is visible to the HR offices of that unit and those above it, and wherever they apply. An ADMIN who leaves it out puts the candidate in the national pool, which every HR office sees.' })
  unitCode?: string | null;
}

@ObjectType('CandidatePayload', { description: 'Result of createCandidate.' })
class CandidatePayload {
  @Field(() => Candidate, { nullable: true, description: 'The candidate, when the mutation succeeded.' })
  candidate!: Candidate | null;

  @Field(() => [UserError], { description: 'Business failures; when present, nothing changed.' })
  userErrors!: UserError[];
}

@Resolver(() => Candidate)
export class CandidateResolver {
  @FieldResolver(() => [CompetencyLevel], { description: 'Competencies held, with levels.' })
  competencies(@Root() candidate: Candidate, @Ctx() ctx: RequestContext): Promise<CompetencyLevel[]> {
    return competenciesOfCandidate(depsOf(ctx), candidate);
  }

  @FieldResolver(() => [Application], { description: 'The candidate\'s applications to vacancies in your subtree, oldest first.' })
  applications(@Root() candidate: Candidate, @Ctx() ctx: RequestContext): Promise<Application[]> {
    return applicationsOfCandidate(depsOf(ctx), candidate.id, scopePaths(viewerOf(ctx)));
  }

  @Mutation(() => CandidatePayload, { description: 'Records a job candidate.' })
  createCandidate(@Arg('input', () => CreateCandidateInput, { description: 'The mutation\'s input.' }) input: CreateCandidateInput, @Ctx() ctx: RequestContext): Promise<CandidatePayload> {
    return runMutation<CandidatePayload>(
      ctx,
      async (em, viewer) => ({ candidate: await createCandidate(em, viewer, input) }),
      (userErrors) => ({ candidate: null, userErrors }),
    );
  }
}
