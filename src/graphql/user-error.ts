import { Field, ObjectType } from 'type-graphql';
import { cappedMessage } from '../shared/echo';

/** Business-failure codes a payload's userErrors carry. */
export type UserErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'QUOTA_EXCEEDED' | 'CONFLICT' | 'INVALID_STATE';

@ObjectType('UserError', { description: 'An expected business failure of a mutation; when present, nothing was changed.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "startDate"].' })
  field!: string[] | null;

  @Field(() => String, { description: 'What went wrong, for people.' })
  message!: string;

  @Field(() => String, { description: 'BAD_USER_INPUT, NOT_FOUND, QUOTA_EXCEEDED, CONFLICT or INVALID_STATE.' })
  code!: UserErrorCode;
}

/**
 * Thrown by services for an expected business failure. The mutation runner rolls the
 * transaction back and turns it into the payload's userErrors.
 */
export class DomainError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field: string[] | null = null,
  ) {
    super(cappedMessage(message));
  }

  toUserError(): UserError {
    return Object.assign(new UserError(), { code: this.code, message: this.message, field: this.field });
  }
}

/** Several input problems found at once (validation reports them all, not only the first). */
export class DomainErrors extends Error {
  constructor(readonly errors: DomainError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export const inputField = (...path: string[]) => ['input', ...path];
