import { Field, ObjectType } from 'type-graphql';
import type { UserErrorCode } from '../shared/domain-error';

/** A business failure (a DomainError) as a payload carries it; src/edge/errors.ts builds it. */
@ObjectType('UserError', { description: 'An expected business failure of a mutation; when present, nothing was changed.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "startDate"].' })
  field!: string[] | null;

  @Field(() => String, { description: 'What went wrong, for people.' })
  message!: string;

  @Field(() => String, { description: 'BAD_USER_INPUT, NOT_FOUND, QUOTA_EXCEEDED, CONFLICT or INVALID_STATE.' })
  code!: UserErrorCode;
}
