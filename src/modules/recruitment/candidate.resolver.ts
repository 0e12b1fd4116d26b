import { Ctx, Field, FieldResolver, InputType, Resolver, Root } from 'type-graphql';
import { scopePaths } from '../../auth/scope';
import { Sector } from '../../graphql/enums';
import { PayloadType } from '../../graphql/payload';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import type { RequestContext } from '../../edge/context';
import { depsOf, viewerOf } from '../../edge/context';
import { CompetencyLevel, NewPersonFields } from '../people';
import { Application } from './application.entity';
import { applicationsOfCandidate } from './application-reads.service';
import { Candidate } from './candidate.entity';
import { competenciesOfCandidate, createCandidate } from './candidate.service';

@InputType('CreateCandidateInput', { description: 'A new job candidate.' })
class CreateCandidateInput extends NewPersonFields {
  @Field(() => Sector, { nullable: true, description: 'Sector the candidate works in now, if any.' })
  currentSector?: Sector | null;

  @Field(() => String, { nullable: true, description: 'Unit whose HR office records the candidate, in your subtree (default: your unit); the candidate is visible to the HR offices of that unit and those above it, and wherever they apply. An ADMIN who leaves it out puts the candidate in the national pool, which every HR office sees.' })
  unitCode?: string | null;
}

const CandidatePayload = PayloadType('CandidatePayload', 'Result of createCandidate.', 'candidate', Candidate, 'The candidate');

@Resolver(() => Candidate)
export class CandidateResolver extends MutationResolver({
  createCandidate: mutationOf(CandidatePayload, CreateCandidateInput, createCandidate, 'Records a job candidate.'),
}) {
  @FieldResolver(() => [CompetencyLevel], { description: 'Competencies held, with levels.' })
  competencies(@Root() candidate: Candidate, @Ctx() ctx: RequestContext): Promise<CompetencyLevel[]> {
    return competenciesOfCandidate(depsOf(ctx), candidate);
  }

  @FieldResolver(() => [Application], { description: 'The candidate\'s applications to vacancies in your subtree, oldest first.' })
  applications(@Root() candidate: Candidate, @Ctx() ctx: RequestContext): Promise<Application[]> {
    return applicationsOfCandidate(depsOf(ctx), candidate.id, scopePaths(viewerOf(ctx)));
  }
}
