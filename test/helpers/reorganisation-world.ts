import type { SqlRunner } from '../../src/db/sql-runner';

/**
 * The world of test/reorganisation.test.ts, whose figures are worked out by hand there. Xã An and
 * Xã Bình merge into Xã An Bình on 2026-07-01.
 *
 *   R (PROVINCE)
 *   ├── R.D  Huyện Đông (DISTRICT)   quotas 2026: CS 2; 2027: CS 2
 *   │   │    pD   Văn phòng huyện      GA  CS hc 2   D1 PRIMARY 2015-01-01 →
 *   │   ├── R.D.A  Xã An (COMMUNE)    quotas 2025: CS 3; 2026: CS 3, PE 1; 2027: CS 4, PE 1
 *   │   │    pA1  Văn phòng – Thống kê GA  CS hc 3   A1 PRIMARY 2018-01-01 →
 *   │   │                                            A2 PRIMARY 2020-01-01 → 2026-09-30
 *   │   │                                            A3 PRIMARY 2016-01-01 → 2025-12-31 (history)
 *   │   │    pA2  Chuyên viên chuyển đổi số  DTO CS hc 2   A4 PRIMARY 2022-03-01 →; A1 CONCURRENT 2024-01-01 →
 *   │   │    pA3  Kỹ sư dữ liệu        DATA_SCIENTIST PE hc 1   vacant; vA OPEN (opened 2026-03-01, K1 applied)
 *   │   ├── R.D.B  Xã Bình (COMMUNE)  quotas 2026: CS 2, CONTRACT 1; 2027: CS 3
 *   │   │    pB1  Văn phòng – Thống kê GA  CS hc 2   B1 PRIMARY 2019-01-01 →; B2 PRIMARY from 2026-09-01
 *   │   │    pB2  Hỗ trợ CNTT          IT_SUPPORT CS hc 1   vacant; B1 CONCURRENT 2025-01-01 →;
 *   │   │                                            vB INTERVIEWING (opened 2026-02-01); vOld FILLED in 2024
 *   │   │    pB3  Bảo vệ               GA  CONTRACT hc 1  B3 PRIMARY 2021-01-01 →
 *   │   └── R.D.C  Xã Cát (COMMUNE)   quotas 2026: CS 1
 *   │        pC   Văn phòng            GA  CS hc 1   C1 PRIMARY 2017-01-01 →
 *   └── R.T  Huyện Tây (DISTRICT)     quotas 2026: CS 1
 *        pT   Văn phòng               GA  CS hc 1   T1 PRIMARY 2017-01-01 →
 *
 * Workload: R.D.A and R.D.B each have "Tiếp công dân" (1,000 items × 30 min, and 500 × 60 min).
 */
export interface ReorgWorld {
  unit: Record<string, string>;
  position: Record<string, string>;
  person: Record<string, string>;
  vacancy: Record<string, string>;
  candidate: Record<string, string>;
  competency: Record<string, string>;
}

async function insertId(run: SqlRunner, sql: string, params: unknown[]): Promise<string> {
  const [row] = await run<{ id: string }>(`${sql} returning id`, params);
  return String(row.id);
}

export async function buildReorgWorld(run: SqlRunner): Promise<ReorgWorld> {
  const unit: Record<string, string> = {};
  const addUnit = async (code: string, name: string, kind: string, parent: string | null) => {
    unit[code] = await insertId(run, 'insert into org_unit (code, name, kind, parent_id, valid_from) values (?, ?, ?, ?, ?)', [
      code, name, kind, parent ? unit[parent] : null, '2010-01-01',
    ]);
  };
  await addUnit('R', 'Tỉnh Tái Cấu Trúc', 'PROVINCE', null);
  await addUnit('R.D', 'Huyện Đông', 'DISTRICT', 'R');
  await addUnit('R.D.A', 'Xã An', 'COMMUNE', 'R.D');
  await addUnit('R.D.B', 'Xã Bình', 'COMMUNE', 'R.D');
  await addUnit('R.D.C', 'Xã Cát', 'COMMUNE', 'R.D');
  await addUnit('R.T', 'Huyện Tây', 'DISTRICT', 'R');

  const quotas: Array<[string, number, string, number]> = [
    ['R.D', 2026, 'CIVIL_SERVANT', 2], ['R.D', 2027, 'CIVIL_SERVANT', 2],
    ['R.D.A', 2025, 'CIVIL_SERVANT', 3],
    ['R.D.A', 2026, 'CIVIL_SERVANT', 3], ['R.D.A', 2026, 'PUBLIC_EMPLOYEE', 1],
    ['R.D.A', 2027, 'CIVIL_SERVANT', 4], ['R.D.A', 2027, 'PUBLIC_EMPLOYEE', 1],
    ['R.D.B', 2026, 'CIVIL_SERVANT', 2], ['R.D.B', 2026, 'CONTRACT', 1],
    ['R.D.B', 2027, 'CIVIL_SERVANT', 3],
    ['R.D.C', 2026, 'CIVIL_SERVANT', 1],
    ['R.T', 2026, 'CIVIL_SERVANT', 1],
  ];
  for (const [code, year, category, headcount] of quotas) {
    await run('insert into establishment_quota (unit_id, year, category, headcount) values (?, ?, ?, ?)', [unit[code], year, category, headcount]);
  }

  const competency: Record<string, string> = {};
  for (const [code, name] of [['ADMIN_SKILL', 'Hành chính công'], ['DATA', 'Phân tích dữ liệu'], ['SEC', 'An toàn thông tin']]) {
    competency[code] = await insertId(run, 'insert into competency (code, name, is_digital) values (?, ?, ?)', [code, name, code !== 'ADMIN_SKILL']);
  }

  const position: Record<string, string> = {};
  const addPosition = async (key: string, code: string, title: string, family: string, category: string, headcount: number, requirements: Array<[string, number]> = []) => {
    position[key] = await insertId(
      run,
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, ?, ?, ?, 'JUNIOR', 2.67, ?)`,
      [unit[code], title, category, family, headcount],
    );
    for (const [c, level] of requirements) {
      await run('insert into position_requirement (position_id, competency_id, level) values (?, ?, ?)', [position[key], competency[c], level]);
    }
  };
  await addPosition('pD', 'R.D', 'Văn phòng huyện', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 2);
  await addPosition('pA1', 'R.D.A', 'Văn phòng – Thống kê', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 3, [['ADMIN_SKILL', 2]]);
  await addPosition('pA2', 'R.D.A', 'Chuyên viên chuyển đổi số', 'DIGITAL_TRANSFORMATION_OFFICER', 'CIVIL_SERVANT', 2, [['DATA', 3]]);
  await addPosition('pA3', 'R.D.A', 'Kỹ sư dữ liệu', 'DATA_SCIENTIST', 'PUBLIC_EMPLOYEE', 1, [['DATA', 3], ['SEC', 2]]);
  await addPosition('pB1', 'R.D.B', 'Văn phòng – Thống kê', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 2);
  await addPosition('pB2', 'R.D.B', 'Hỗ trợ CNTT', 'IT_SUPPORT', 'CIVIL_SERVANT', 1);
  await addPosition('pB3', 'R.D.B', 'Bảo vệ', 'GENERAL_ADMINISTRATION', 'CONTRACT', 1);
  await addPosition('pC', 'R.D.C', 'Văn phòng', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 1);
  await addPosition('pT', 'R.T', 'Văn phòng', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 1);

  const person: Record<string, string> = {};
  const people: Array<[string, string, string]> = [
    ['D1', 'Nguyễn Văn Đông', 'R.D'],
    ['A1', 'Trần Thị An', 'R.D.A'], ['A2', 'Lê Văn Hai', 'R.D.A'], ['A3', 'Phạm Thị Ba', 'R.D.A'], ['A4', 'Hoàng Văn Tư', 'R.D.A'],
    ['B1', 'Vũ Thị Bình', 'R.D.B'], ['B2', 'Đặng Văn Mới', 'R.D.B'], ['B3', 'Bùi Văn Bảo', 'R.D.B'],
    ['C1', 'Đỗ Thị Cát', 'R.D.C'], ['T1', 'Ngô Văn Tây', 'R.T'],
  ];
  for (const [key, name, home] of people) {
    person[key] = await insertId(run, 'insert into person (full_name, birth_year, home_unit_id) values (?, 1990, ?)', [name, unit[home]]);
  }
  await run('insert into person_competency (person_id, competency_id, level) values (?, ?, 3), (?, ?, 4)', [person.A1, competency.ADMIN_SKILL, person.A4, competency.DATA]);

  const assignments: Array<[string, string, string, string, string | null]> = [
    ['D1', 'pD', 'PRIMARY', '2015-01-01', null],
    ['A1', 'pA1', 'PRIMARY', '2018-01-01', null],
    ['A2', 'pA1', 'PRIMARY', '2020-01-01', '2026-09-30'],
    ['A3', 'pA1', 'PRIMARY', '2016-01-01', '2025-12-31'],
    ['A4', 'pA2', 'PRIMARY', '2022-03-01', null],
    ['A1', 'pA2', 'CONCURRENT', '2024-01-01', null],
    ['B1', 'pB1', 'PRIMARY', '2019-01-01', null],
    ['B2', 'pB1', 'PRIMARY', '2026-09-01', null],
    ['B1', 'pB2', 'CONCURRENT', '2025-01-01', null],
    ['B3', 'pB3', 'PRIMARY', '2021-01-01', null],
    ['C1', 'pC', 'PRIMARY', '2017-01-01', null],
    ['T1', 'pT', 'PRIMARY', '2017-01-01', null],
  ];
  for (const [who, where, kind, start, end] of assignments) {
    await run('insert into assignment (person_id, position_id, kind, start_date, end_date) values (?, ?, ?, ?, ?)', [person[who], position[where], kind, start, end]);
  }

  const vacancy: Record<string, string> = {};
  const vacancies: Array<[string, string, string, string, string | null]> = [
    ['vA', 'pA3', 'OPEN', '2026-03-01', null],
    ['vB', 'pB2', 'INTERVIEWING', '2026-02-01', null],
    ['vOld', 'pB2', 'FILLED', '2024-01-01', '2024-06-01'],
  ];
  for (const [key, where, status, opened, filled] of vacancies) {
    vacancy[key] = await insertId(run, 'insert into vacancy (position_id, status, opened_on, filled_on) values (?, ?, ?, ?)', [position[where], status, opened, filled]);
  }
  const candidate: Record<string, string> = {};
  candidate.K1 = await insertId(run, `insert into candidate (full_name, current_sector, home_unit_id) values ('Mai Anh Khoa', 'PRIVATE', ?)`, [unit['R.D.A']]);
  await run(`insert into application (candidate_id, vacancy_id, stage, applied_on) values (?, ?, 'APPLIED', '2026-03-10')`, [candidate.K1, vacancy.vA]);

  await run(
    `insert into workload_component (unit_id, name, category, annual_volume, minutes_per_item, digitisable)
     values (?, 'Tiếp công dân', 'CIVIL_SERVANT', 1000, 30, false), (?, 'Tiếp công dân', 'CIVIL_SERVANT', 500, 60, false)`,
    [unit['R.D.A'], unit['R.D.B']],
  );
  return { unit, position, person, vacancy, candidate, competency };
}
