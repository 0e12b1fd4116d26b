import { Column, KeyedNode, NodeEntity } from '../../graphql/entity-columns';

/** A skill of the competency taxonomy; the taxonomy is data, so cities can extend it. */
@NodeEntity('Competency', { table: 'competency', description: 'A skill in the competency taxonomy (data, not an enum).' })
export class Competency extends KeyedNode {
  @Column.string('Stable code, e.g. "DATA_ANALYSIS".')
  code!: string;

  @Column.string('Display name.')
  name!: string;

  @Column.boolean('True for digital skills (software, data, AI, security …).')
  isDigital!: boolean;
}
