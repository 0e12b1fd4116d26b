import { Field, ObjectType } from 'type-graphql';
import { Role } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';

/** Who is calling: the verified claims of the bearer token. */
@ObjectType('Viewer', { description: 'The caller, as their token identifies them.' })
export class Viewer {
  @Field(() => String, { description: 'Who the caller is (the token\'s `sub`).' })
  subject!: string;

  @Field(() => Role, { description: 'The caller\'s role.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Root of the caller\'s scope; null for ADMIN (everything).' })
  unitCode!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the caller\'s token expires.' })
  expiresAt!: Date | null;
}

/** True when `unitCode` is the viewer's unit or below it. Codes are dotted paths, so a prefix test suffices. */
export function unitInScope(viewer: Viewer, unitCode: string): boolean {
  if (viewer.role === Role.ADMIN || viewer.unitCode === null) return viewer.role === Role.ADMIN;
  return unitCode === viewer.unitCode || unitCode.startsWith(`${viewer.unitCode}.`);
}

/** The ltree the viewer's scope is rooted at, or null when unrestricted. */
export function scopePath(viewer: Viewer): string | null {
  return viewer.role === Role.ADMIN ? null : viewer.unitCode;
}
