import { dateSql, fragment, type SqlDate, type SqlFragment } from '../../shared/sql';

/** The one home of "a package is valid on a date": validFrom <= d <= validTo, an open end counting. */
export function packageValidOn(alias: string, on: SqlDate): SqlFragment {
  const d = dateSql(on);
  return fragment(`(${alias}.valid_from <= ${d.text} and (${alias}.valid_to is null or ${alias}.valid_to >= ${d.text}))`, ...d.values, ...d.values);
}
