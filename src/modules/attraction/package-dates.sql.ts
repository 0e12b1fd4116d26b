import { dateSql, fragment, spliced, type SqlDate, type SqlFragment } from '../../shared/sql';

/** The one home of "a package is valid on a date": validFrom <= d <= validTo, an open end counting. */
export function packageValidOn(alias: string, on: SqlDate): SqlFragment {
  const [k, d] = [fragment(alias), dateSql(on)];
  return spliced`(${k}.valid_from <= ${d} and (${k}.valid_to is null or ${k}.valid_to >= ${d}))`;
}
