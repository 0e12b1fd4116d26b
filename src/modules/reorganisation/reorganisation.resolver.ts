import { Field, InputType, Int, ObjectType, Resolver } from 'type-graphql';
import { orgUnitLifetimesChanged } from '../../auth/authenticate';
import { MutationResolver, mutationField, mutationOf } from '../../edge/mutation';
import { LocalDateScalar } from '../../graphql/scalars';
import { UserErrorsField } from '../../graphql/payload';
import { UserError } from '../../graphql/user-error';
import { OrgUnit, CreateOrgUnitInput, OrgUnitPayload } from '../org';
import * as reorganisation from './reorganisation.service';

@InputType('ReorganizeUnitsInput', { description: 'A merger: the merged units end the day before effectiveOn and newUnit takes over what was live in them.' })
class ReorganizeUnitsInput {
  @Field(() => CreateOrgUnitInput, { description: 'The successor unit, created with validFrom = effectiveOn (createOrgUnit\'s rules for its code and parent).' })
  newUnit!: CreateOrgUnitInput;

  @Field(() => [String], { description: 'Codes of the units merged into newUnit, each with every unit below it; a single code moves a unit under a new parent, under a new code.' })
  mergedUnitCodes!: string[];

  @Field(() => LocalDateScalar, { description: 'First day of newUnit; the merged units\' last day is the day before.' })
  effectiveOn!: string;
}

@InputType('DissolveOrgUnitInput', { description: 'Ends a unit that has nothing live in it or below it.' })
class DissolveOrgUnitInput {
  @Field(() => String, { description: 'Code of the unit to end.' })
  code!: string;

  @Field(() => LocalDateScalar, { description: 'The first day without the unit: its validTo becomes the day before.' })
  effectiveOn!: string;
}

@ObjectType('ReorganizeUnitsPayload', { description: 'Result of a reorganisation, with what moved.' })
export class ReorganizeUnitsPayload {
  @Field(() => OrgUnit, { nullable: true, description: 'The new unit, when the reorganisation succeeded.' })
  orgUnit!: OrgUnit | null;

  @Field(() => Int, { description: 'Positions recreated in the new unit.' })
  positionsMoved!: number;

  @Field(() => Int, { description: 'Assignments moved: those active on effectiveOn (ended the day before and restarted on the recreated position) and those beginning later.' })
  assignmentsMoved!: number;

  @Field(() => Int, { description: 'OPEN, INTERVIEWING and OFFERED vacancies moved to a recreated position.' })
  vacanciesMoved!: number;

  @UserErrorsField('Business failures (NOT_FOUND, INVALID_STATE, CONFLICT …); when present, nothing changed.')
  userErrors!: UserError[];

  static failed(userErrors: UserError[]): ReorganizeUnitsPayload {
    return { orgUnit: null, positionsMoved: 0, assignmentsMoved: 0, vacanciesMoved: 0, userErrors };
  }
}

/** Both change which units exist when: the authenticator's cached unit lifetimes must be read again. */
function lifetimesChanged<P>(payload: P): P {
  orgUnitLifetimesChanged();
  return payload;
}

@Resolver()
export class ReorganisationResolver extends MutationResolver({
  reorganizeUnits: mutationField({
    payload: ReorganizeUnitsPayload,
    input: ReorganizeUnitsInput,
    work: reorganisation.reorganizeUnits,
    afterSuccess: lifetimesChanged,
    description:
      'ADMIN. Merges units into a new unit on a date, in one transaction: the merged units and the units below them end the day before, positions are recreated in the new unit, assignments active on the date end the day before and restart there, live vacancies move, quotas from that year on are summed.',
  }),
  dissolveOrgUnit: mutationOf(
    OrgUnitPayload,
    DissolveOrgUnitInput,
    reorganisation.dissolveOrgUnit,
    'ADMIN. Ends a unit (validTo = effectiveOn - 1 day) when nothing is live in it or below it on effectiveOn; otherwise INVALID_STATE naming what is still there.',
    lifetimesChanged,
  ),
}) {}
