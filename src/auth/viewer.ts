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

  @Field(() => [String], {
    nullable: true,
    description: 'Roots of the caller\'s scope: the token\'s unit and, once it has ended, its successors (the units it was merged into); null for ADMIN (everything).',
  })
  get scopeUnitCodes(): string[] | null {
    return scopeRoots(this);
  }

  /**
   * The scope roots the authenticator resolved: the token's unit and, once it has ended, the
   * unit it was merged into, and so on along the chain of successors. Unset (a Viewer built
   * without the authenticator): the token's unit alone.
   */
  resolvedScope?: string[];
}

/** The codes the viewer's scope is rooted at, or null when unrestricted (ADMIN). */
export function scopeRoots(viewer: Viewer): string[] | null {
  if (viewer.role === Role.ADMIN) return null;
  if (viewer.resolvedScope && viewer.resolvedScope.length) return viewer.resolvedScope;
  return viewer.unitCode ? [viewer.unitCode] : [];
}

/**
 * The unit the viewer acts for today: the token's unit, or, when it has ended, the last of its
 * successors. Null for ADMIN without a unit.
 */
export function currentUnitOf(viewer: Viewer): string | null {
  const roots = viewer.role === Role.ADMIN ? null : scopeRoots(viewer);
  return roots && roots.length ? roots[roots.length - 1] : viewer.unitCode;
}
