import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { OrgUnitKind } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { LocalDateScalar } from '../../graphql/scalars';

/**
 * An administrative unit at any depth. Its `code` is the dotted path of its ancestors' codes,
 * so the code doubles as the materialised path (the `path` ltree column is generated from it).
 * Units are never moved or renamed in place: a reform ends a unit and creates a successor.
 */
@Entity({ tableName: 'org_unit' })
@ObjectType('OrgUnit', { implements: Node, description: 'An administrative unit: province, district, commune, department …' })
export class OrgUnit extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => String, { description: 'Unique, stable dotted path of the ancestors\' codes, e.g. "VN.HCM.NHA_BE".' })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Vietnamese name with diacritics, e.g. "Xã Nhà Bè".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => OrgUnitKind, { description: 'Kind of unit.' })
  @Property({ type: 'text' })
  kind!: OrgUnitKind;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'parent_id' })
  parent?: OrgUnit | null;

  @Field(() => Int, { nullable: true, description: 'Inhabitants, where known.' })
  @Property({ type: 'integer', nullable: true })
  population?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day the unit exists; null: before records began.' })
  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the unit exists; null while it exists.' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'successor_id' })
  successor?: OrgUnit | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('OrgUnit', this.id);
  }
}
