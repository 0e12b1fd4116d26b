import { ManyToOne } from '@mikro-orm/core';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { OrgUnitKind } from '../../graphql/enums';

/**
 * An administrative unit at any depth. Its `code` is the dotted path of its ancestors' codes,
 * so the code doubles as the materialised path (the `path` ltree column is generated from it).
 * Units are never moved or renamed in place: a reform ends a unit and creates a successor.
 */
@NodeEntity('OrgUnit', { table: 'org_unit', description: 'An administrative unit: province, district, commune, department …' })
export class OrgUnit extends KeyedNode {
  @Column.string('Unique, stable dotted path of the ancestors\' codes, e.g. "VN.HCM.NHA_BE".')
  code!: string;

  @Column.string('Vietnamese name with diacritics, e.g. "Xã Nhà Bè".')
  name!: string;

  @Column.enum(OrgUnitKind, 'Kind of unit.')
  kind!: OrgUnitKind;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'parent_id' })
  parent?: OrgUnit | null;

  @Column.integer('Inhabitants, where known.', { nullable: true })
  population?: number | null;

  @Column.date('First day the unit exists; null: before records began.', { nullable: true })
  validFrom?: string | null;

  @Column.date('Last day the unit exists; null while it exists.', { nullable: true })
  validTo?: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'successor_id' })
  successor?: OrgUnit | null;

  @CreatedAt()
  createdAt: Date = new Date();
}
