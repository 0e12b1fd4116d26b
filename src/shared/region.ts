/**
 * Where a unit belongs above its own subtree: its province. Units are coded with their
 * ancestors' codes ("HCM.NHA_BE"), so the province is the top-level unit, or, when the whole
 * country hangs under the nation "VN", the unit right below it ("VN.HCM" for "VN.HCM.NHA_BE").
 * A province's pay region (salary benchmarks) is its own segment, "HCM" for "HCM" and for
 * "VN.HCM"; the nation's is "VN", the national region benchmarks fall back to.
 */
export const NATION_CODE = 'VN';

/** The region benchmarks fall back to: the nation's. */
export const NATIONAL_REGION = NATION_CODE;

/** The code of the province-level unit above (or at) a unit. */
export function provinceUnitCode(code: string): string {
  const parts = code.split('.');
  return parts[0] === NATION_CODE && parts.length > 1 ? `${parts[0]}.${parts[1]}` : parts[0];
}

/** The pay region of a unit. */
export function regionOfCode(code: string): string {
  const province = provinceUnitCode(code);
  return province.slice(province.lastIndexOf('.') + 1);
}

/** The codes a province of the pay region would have: "HCM" at the top level, or "VN.HCM" below the nation. */
export function provinceCodesOfRegion(region: string): string[] {
  return [region, `${NATION_CODE}.${region}`].filter((code) => provinceUnitCode(code) === code && regionOfCode(code) === region);
}

/** The pay region of a unit, as SQL over a code column (the same rule as regionOfCode). */
export function regionOf(code: string): string {
  return `(case when ${code} like '${NATION_CODE}.%' then split_part(${code}, '.', 2) else split_part(${code}, '.', 1) end)`;
}
