import { buildCountry, codeSegment, Country, loadCountry, siblingSegments } from '../seeds/country';
import { Role } from '../src/graphql/enums';
import { sqlRunnerFor } from '../src/db/sql-runner';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, TestServer } from './helpers/harness';

const TODAY_MAP = `valid_from = '2025-07-01' and valid_to is null`;
const todayMap = (alias: string) => `${alias}.valid_from = '2025-07-01' and ${alias}.valid_to is null`;
const OLD_MAP = `valid_to = '2025-06-30'`;

describe('the country: Vietnam’s real map, today’s and before the 2025 reform', () => {
  let server: TestServer;
  let country: Country;

  const load = () => server.orm.em.fork().transactional((tx) => loadCountry(sqlRunnerFor(tx as EntityManager), country));
  /** Every column a load writes, of every unit, as one digest: equal digests, equal tables. */
  const snapshot = async () =>
    (await server.sql<{ n: number; digest: string }>(
      `select count(*)::int as n, md5(string_agg(concat_ws('|', u.code, u.name, u.kind, p.code, u.gso_code, u.valid_from, u.valid_to, s.code, u.id, u.created_at), ',' order by u.code)) as digest
       from org_unit u left join org_unit p on p.id = u.parent_id left join org_unit s on s.id = u.successor_id`,
    ))[0];

  beforeAll(async () => {
    server = await startTestServer();
    country = buildCountry();
    const first = await load();
    expect(first.inserted).toBe(first.units);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('holds today’s nation, 34 provinces and 3,321 communes and wards, with their GSO codes', async () => {
    const [row] = await server.sql<Record<string, number>>(
      `select count(*) filter (where kind = 'NATION')::int as nations,
              count(*) filter (where ${TODAY_MAP} and parent_id = (select id from org_unit where code = 'VN'))::int as provinces,
              count(*) filter (where ${TODAY_MAP} and gso_code ~ '^[0-9]{2}$')::int as province_codes,
              count(*) filter (where ${TODAY_MAP} and nlevel(path) = 3)::int as communes,
              count(*) filter (where ${TODAY_MAP} and nlevel(path) = 3 and gso_code ~ '^[0-9]{5}$')::int as commune_codes,
              count(*) filter (where ${TODAY_MAP} and nlevel(path) = 3 and kind = 'WARD')::int as wards,
              count(*) filter (where ${TODAY_MAP} and nlevel(path) = 3 and name like 'Đặc khu %')::int as special_zones
       from org_unit`,
    );
    expect(row).toEqual({ nations: 1, provinces: 34, province_codes: 34, communes: 3321, commune_codes: 3321, wards: 687, special_zones: 13 });
    const [hcm] = await server.sql<{ name: string; kind: string; gso_code: string }>(`select name, kind, gso_code from org_unit where code = 'VN.HCM'`);
    expect(hcm).toEqual({ name: 'Thành phố Hồ Chí Minh', kind: 'CITY', gso_code: '79' });
    const [bn] = await server.sql<{ name: string; kind: string }>(`select name, kind from org_unit where code = 'VN.BNH'`);
    expect(bn).toEqual({ name: 'Tỉnh Bắc Ninh', kind: 'PROVINCE' });
  });

  it('holds the pre-reform tree, ended on 2025-06-30: 63 provinces, 696 districts, 10,034 wards', async () => {
    const [row] = await server.sql<Record<string, number>>(
      `select count(*) filter (where nlevel(path) = 2)::int as provinces,
              count(*) filter (where nlevel(path) = 3 and kind = 'DISTRICT')::int as districts,
              count(*) filter (where nlevel(path) = 4)::int as wards,
              count(*) filter (where nlevel(path) = 4 and gso_code ~ '^[0-9]{5}$')::int as ward_codes
       from org_unit where ${OLD_MAP} and valid_from is null`,
    );
    expect(row).toEqual({ provinces: 63, districts: 696, wards: 10034, ward_codes: 10034 });
    const [all] = await server.sql<{ units: number; unended: number }>(
      `select count(*)::int as units, count(*) filter (where valid_to is null and valid_from is null and kind <> 'NATION')::int as unended from org_unit`,
    );
    expect(all).toEqual({ units: 1 + 34 + 3321 + 63 + 696 + 10034, unended: 0 });
  });

  it('expresses the reform as successors: every old ward and province has one, in today’s map', async () => {
    const [row] = await server.sql<Record<string, number>>(
      `select count(*) filter (where nlevel(o.path) = 4 and nlevel(s.path) = 3)::int as wards,
              count(*) filter (where nlevel(o.path) = 2 and nlevel(s.path) = 2)::int as provinces,
              count(*) filter (where o.kind = 'DISTRICT' and nlevel(s.path) = 3)::int as island_districts,
              count(*) filter (where s.id is null and o.kind <> 'DISTRICT')::int as without,
              count(*) filter (where nlevel(o.path) = 4 and subpath(s.path, 0, 2) <> (select ps.path from org_unit op join org_unit ps on ps.id = op.successor_id where op.path = subpath(o.path, 0, 2)))::int as province_mismatch
       from org_unit o left join org_unit s on s.id = o.successor_id and ${todayMap('s')}
       where o.${OLD_MAP}`,
    );
    // A ward's successor lies in the province its old province became: provinces merged whole.
    expect(row).toEqual({ wards: 10034, provinces: 63, island_districts: 5, without: 0, province_mismatch: 0 });
    const [reached] = await server.sql<{ with_predecessors: number; without: string[] }>(
      `select count(*) filter (where exists (select 1 from org_unit o where o.successor_id = n.id))::int as with_predecessors,
              array_agg(n.code order by n.code) filter (where not exists (select 1 from org_unit o where o.successor_id = n.id)) as without
       from org_unit n where ${todayMap('n')} and nlevel(n.path) = 3`,
    );
    expect(reached).toEqual({ with_predecessors: 3320, without: ['VN.GLI.IA_MO'] });
  });

  it('answers through GraphQL which old wards make up Xã Nhà Bè and Xã Hiệp Phước', async () => {
    const national = await server.token(Role.HR_OFFICER, 'VN');
    const response = await server.gql(
      `query ($code: String!) { orgUnit(code: $code) { code name kind validFrom validTo parent { code } predecessors { code name validTo successor { code } parent { name } } } }`,
      { code: 'VN.HCM.NHA_BE' },
      national,
    );
    expect(response.errors).toBeUndefined();
    const unit = response.data.orgUnit;
    expect(unit).toMatchObject({ code: 'VN.HCM.NHA_BE', name: 'Xã Nhà Bè', kind: 'COMMUNE', validFrom: '2025-07-01', validTo: null, parent: { code: 'VN.HCM' } });
    expect(unit.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(['Thị trấn Nhà Bè', 'Xã Phú Xuân', 'Xã Phước Kiển', 'Xã Phước Lộc']);
    for (const p of unit.predecessors) expect(p).toMatchObject({ validTo: '2025-06-30', successor: { code: 'VN.HCM.NHA_BE' }, parent: { name: 'Huyện Nhà Bè' } });
    expect(unit.predecessors.map((p: { code: string }) => p.code)).toContain('VN.HO_CHI_MINH.NHA_BE.PHU_XUAN');

    const hiepPhuoc = await server.gql(`{ orgUnit(code: "VN.HCM.HIEP_PHUOC") { predecessors { name } } }`, {}, national);
    expect(hiepPhuoc.data.orgUnit.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(['Xã Hiệp Phước', 'Xã Long Thới', 'Xã Nhơn Đức']);
  });

  it('maps Từ Sơn’s 12 old wards to the four new wards of Bắc Ninh', async () => {
    const response = await server.gql(
      `{ orgUnit(code: "VN.BAC_NINH.TU_SON") { name validTo successor { code } children(first: 20, includeEnded: true) { totalCount edges { node { name successor { code name parent { code } } } } } } }`,
      {},
      await server.token(Role.POLICYMAKER, 'VN'),
    );
    expect(response.errors).toBeUndefined();
    const district = response.data.orgUnit;
    // A district was abolished, not merged: it has no successor.
    expect(district).toMatchObject({ name: 'Thành phố Từ Sơn', validTo: '2025-06-30', successor: null });
    expect(district.children.totalCount).toBe(12);
    const byNew: Record<string, string[]> = {};
    for (const { node } of district.children.edges) {
      expect(node.successor.parent.code).toBe('VN.BNH');
      (byNew[node.successor.name] ??= []).push(node.name);
    }
    for (const list of Object.values(byNew)) list.sort();
    expect(byNew).toEqual({
      'Phường Phù Khê': ['Phường Châu Khê', 'Phường Hương Mạc', 'Phường Phù Khê'],
      'Phường Tam Sơn': ['Phường Tam Sơn', 'Phường Tương Giang'],
      'Phường Từ Sơn': ['Phường Phù Chẩn', 'Phường Tân Hồng', 'Phường Đình Bảng', 'Phường Đông Ngàn'],
      'Phường Đồng Nguyên': ['Phường Trang Hạ', 'Phường Đồng Kỵ', 'Phường Đồng Nguyên'],
    });
  });

  it('gives a ward a part of which went elsewhere one successor: the one its coded mapping names', async () => {
    // The data's coded rows send no old ward to two new wards; its uncoded rows send parts of five.
    expect(country.report.splitOldWards).toBe(0);
    expect(country.report.partTransfers.map((t) => [t.oldWard, t.successor, t.alsoTo])).toEqual([
      ['Phường Dịch Vọng Hậu, Quận Cầu Giấy, Thành phố Hà Nội', 'VN.HNI.CAU_GIAY', ['VN.HNI.NGHIA_DO']],
      ['Phường Dịch Vọng, Quận Cầu Giấy, Thành phố Hà Nội', 'VN.HNI.CAU_GIAY', ['VN.HNI.NGHIA_DO']],
      ['Phường Hòa Minh, Quận Liên Chiểu, Thành phố Đà Nẵng', 'VN.DNG.HOA_KHANH', ['VN.DNG.THANH_KHE']],
      ['Phường Tân Phong, Thành phố Biên Hòa, Tỉnh Đồng Nai', 'VN.DNI.TAN_TRIEU', ['VN.DNI.TRAN_BIEN']],
      ['Xã Chiềng Bôm, Huyện Thuận Châu, Tỉnh Sơn La', 'VN.SLA.NAM_LAU', ['VN.SLA.THUAN_CHAU']],
    ]);
    const rows = await server.sql<{ name: string; successor: string }>(
      `select o.name, s.code as successor from org_unit o join org_unit s on s.id = o.successor_id where o.code like 'VN.HA_NOI.CAU_GIAY.DICH_VONG%' order by o.name`,
    );
    expect(rows).toEqual([{ name: 'Phường Dịch Vọng', successor: 'VN.HNI.CAU_GIAY' }, { name: 'Phường Dịch Vọng Hậu', successor: 'VN.HNI.CAU_GIAY' }]);
    // The uncoded rows' old names (before the 2023–25 mergers) are not units: Gò Vấp's Phường 13 was split by them.
    const [stale] = await server.sql<{ n: number }>(`select count(*)::int as n from org_unit where code = 'VN.HO_CHI_MINH.GO_VAP.P13'`);
    expect(stale.n).toBe(0);
  });

  it('accounts for what in the data does not agree', () => {
    const r = country.report;
    expect([r.provinces, r.wards, r.mappings]).toEqual([34, 3321, 10977]);
    expect([r.codedMappings, r.uncodedMappings, r.emptyMappings]).toEqual([10034, 938, 5]);
    expect([r.uncodedOldWards, r.uncodedNamingLoadedWards, r.duplicateMappings]).toEqual([789, 17, 128]);
    // new_ward_code names 3,489 codes for 3,321 wards: wrong only in the uncoded rows.
    expect([r.distinctNewCodes, r.newCodeDisagreements, r.newCodeDisagreementsInCodedRows]).toEqual([3489, 453, 0]);
    expect(r.wardsWithoutPredecessors).toEqual(['VN.GLI.IA_MO']);
    expect([r.oldProvinces, r.oldDistricts, r.oldWards]).toEqual([63, 696, 10034]);
    expect(r.nonNfcStrings).toBe(129);
  });

  it('derives readable codes, collisions resolved by the set of siblings alone', () => {
    expect(codeSegment('Phú Xuân')).toBe('PHU_XUAN');
    expect(codeSegment('Bà Rịa - Vũng Tàu')).toBe('BA_RIA_VUNG_TAU');
    expect(codeSegment('Đồng Kỵ')).toBe('DONG_KY');
    const kinds: Array<[string, string, 'WARD' | 'COMMUNE']> = [['Phường ', 'P', 'WARD'], ['Xã ', 'X', 'COMMUNE']];
    const siblings = [
      { key: 'a', name: 'Xã Đồng Tiến', kinds, gso: '1' },
      { key: 'b', name: 'Phường Đông Tiến', kinds, gso: '2' },
      { key: 'c', name: 'Xã Văn Lang', kinds, gso: '02143' },
      { key: 'd', name: 'Xã Văn Lăng', kinds, gso: '05665' },
      { key: 'e', name: 'Phường 12', kinds, gso: '3' },
    ];
    const expected = { a: 'X_DONG_TIEN', b: 'P_DONG_TIEN', c: 'VAN_LANG_02143', d: 'VAN_LANG_05665', e: 'P12' };
    expect(Object.fromEntries(siblingSegments(siblings))).toEqual(expected);
    expect(Object.fromEntries(siblingSegments([...siblings].reverse()))).toEqual(expected);
    expect(country.units.find((u) => u.name === 'Xã Văn Lăng')?.code).toBe('VN.TNN.VAN_LANG_05665');
  });

  it('finds today’s Nhà Bè by a search without diacritics, the old units on a day before the reform', async () => {
    const token = await server.token(Role.HR_OFFICER, 'VN.HCM');
    const today = await server.gql(`{ orgUnits(search: "nha be") { totalCount edges { node { code name } } } }`, {}, token);
    expect(today.errors).toBeUndefined();
    expect(today.data.orgUnits.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['VN.HCM.NHA_BE']);
    const before = await server.gql(
      `{ orgUnits(search: "nha be", activeOn: "2025-06-30") { edges { node { code name } } } }`,
      {},
      await server.token(Role.HR_OFFICER, 'VN'),
    );
    expect(before.data.orgUnits.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Huyện Nhà Bè', 'Thị trấn Nhà Bè']);
  });

  it('is idempotent: a second load changes nothing', async () => {
    const before = await snapshot();
    const again = await load();
    expect(again).toMatchObject({ inserted: 0, successorsSet: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to load over a unit that differs from the data, and changes nothing', async () => {
    await server.sql(`update org_unit set name = 'Xã Nhà Bè (sửa)' where code = 'VN.HCM.NHA_BE'`);
    await server.sql(`update org_unit set successor_id = null where code = 'VN.HO_CHI_MINH.NHA_BE.PHU_XUAN'`);
    const before = await snapshot();
    try {
      await expect(load()).rejects.toThrow(/1 units on file differ from the country's data \(first: VN\.HCM\.NHA_BE\)/);
      expect(await snapshot()).toEqual(before);
    } finally {
      await server.sql(`update org_unit set name = 'Xã Nhà Bè' where code = 'VN.HCM.NHA_BE'`);
      await load();
    }
    const [row] = await server.sql<{ successor: string }>(
      `select s.code as successor from org_unit o join org_unit s on s.id = o.successor_id where o.code = 'VN.HO_CHI_MINH.NHA_BE.PHU_XUAN'`,
    );
    expect(row.successor).toBe('VN.HCM.NHA_BE');
  });
});
