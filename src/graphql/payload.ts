import { ClassType, Field, ObjectType } from 'type-graphql';
import { UserError } from './user-error';

/** What every payload's userErrors field says unless its mutations name their own codes. */
export const BUSINESS_FAILURES = 'Business failures; when present, nothing changed.';

/** Declares a payload's `userErrors` field on a hand-written payload class. */
export function UserErrorsField(description: string = BUSINESS_FAILURES): PropertyDecorator {
  return Field(() => [UserError], { description });
}

/** A mutation's result: its own fields and the business failures that stopped it. */
export interface Payload {
  userErrors: UserError[];
}

/** A payload class as the mutation runner (src/edge/mutation.ts) uses it: what it looks like refused. */
export interface PayloadClass<P extends Payload> {
  prototype: P;
  /** The payload of a mutation refused with these userErrors (nothing was changed). */
  failed(userErrors: UserError[]): P;
}

/** A payload carrying one changed object, made by PayloadType. */
export type ObjectPayload<F extends string, T> = { [K in F]: T | null } & Payload;

export interface ObjectPayloadClass<F extends string, T> extends PayloadClass<ObjectPayload<F, T>> {
  new (): ObjectPayload<F, T>;
  /** The name of the field that holds the changed object. */
  readonly field: F;
}

/**
 * The usual payload: `XPayload { <field>: T, userErrors: [UserError!]! }`, the object null when
 * the mutation was refused. Each call creates one payload type (type-graphql's generic-type
 * pattern, as ConnectionType does); `what` names the object in the field's description, e.g.
 * "The person" gives "The person, when the mutation succeeded.".
 */
export function PayloadType<F extends string, T extends object>(
  name: string,
  description: string,
  field: F,
  type: ClassType<T>,
  what: string,
  userErrors: string = BUSINESS_FAILURES,
): ObjectPayloadClass<F, T> {
  @ObjectType(name, { description })
  class ObjectPayloadType {
    static readonly field = field;

    @UserErrorsField(userErrors)
    userErrors!: UserError[];

    static failed(errors: UserError[]): ObjectPayload<F, T> {
      return { [field]: null, userErrors: errors } as ObjectPayload<F, T>;
    }
  }
  // The object's field has the name the contract gives it, so it is declared here, not in the class body.
  Field(() => type, { nullable: true, description: `${what}, when the mutation succeeded.` })(ObjectPayloadType.prototype, field);
  return ObjectPayloadType as unknown as ObjectPayloadClass<F, T>;
}
