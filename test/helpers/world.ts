import type { SqlRunner } from '../../src/db/sql-runner';

/**
 * A small world whose figures are worked out by hand in test/analytics.test.ts.
 *
 *   PROV (PROVINCE)
 *   ├── PROV.D1 (DISTRICT)      quota 2026: CS 3
 *   │   ├── PROV.D1.W1 (WARD)   quota 2026: CS 2; 2025: CS 1
 *   │   ├── PROV.D1.W2 (WARD)   quota 2026: CS 1, PE 1
 *   │   └── PROV.D1.W3 (WARD)   ended 2025-06-30; quota 2026: CS 2
 *   └── PROV.D2 (DISTRICT)      quota 2026: CS 1
 *   OTHER (PROVINCE)            outside every PROV token's scope
 */
export interface World {
  unit: Record<string, string>;
  position: Record<string, string>;
  person: Record<string, string>;
  competency: Record<string, string>;
  vacancy: Record<string, string>;
}

async function insertId(run: SqlRunner, sql: string, params: unknown[]): Promise<string> {
  const [row] = await run<{ id: string }>(`${sql} returning id`, params);
  return String(row.id);
}

export async function buildWorld(run: SqlRunner): Promise<World> {
  const unit: Record<string, string> = {};
  const addUnit = async (code: string, name: string, kind: string, parent: string | null, validTo: string | null = null) => {
    unit[code] = await insertId(run, 'insert into org_unit (code, name, kind, parent_id, valid_to) values (?, ?, ?, ?, ?)', [
      code, name, kind, parent ? unit[parent] : null, validTo,
    ]);
  };
  await addUnit('PROV', 'Tỉnh Thử Nghiệm', 'PROVINCE', null);
  await addUnit('PROV.D1', 'Huyện Một', 'DISTRICT', 'PROV');
  await addUnit('PROV.D1.W1', 'Phường Phú Xuân', 'WARD', 'PROV.D1');
  await addUnit('PROV.D1.W2', 'Phường Hai', 'WARD', 'PROV.D1');
  await addUnit('PROV.D1.W3', 'Phường Ba (đã sáp nhập)', 'WARD', 'PROV.D1', '2025-06-30');
  await addUnit('PROV.D2', 'Huyện Hai', 'DISTRICT', 'PROV');
  await addUnit('OTHER', 'Tỉnh Khác', 'PROVINCE', null);
  await addUnit('OTHER.X', 'Xã Khác', 'COMMUNE', 'OTHER');

  const quotas: Array<[string, number, string, number]> = [
    ['PROV.D1', 2026, 'CIVIL_SERVANT', 3],
    ['PROV.D1.W1', 2026, 'CIVIL_SERVANT', 2],
    ['PROV.D1.W1', 2025, 'CIVIL_SERVANT', 1],
    ['PROV.D1.W2', 2026, 'CIVIL_SERVANT', 1],
    ['PROV.D1.W2', 2026, 'PUBLIC_EMPLOYEE', 1],
    ['PROV.D1.W3', 2026, 'CIVIL_SERVANT', 2],
    ['PROV.D2', 2026, 'CIVIL_SERVANT', 1],
    ['OTHER.X', 2026, 'CIVIL_SERVANT', 5],
  ];
  for (const [code, year, category, headcount] of quotas) {
    await run('insert into establishment_quota (unit_id, year, category, headcount) values (?, ?, ?, ?)', [unit[code], year, category, headcount]);
  }

  const competency: Record<string, string> = {};
  for (const [code, name, digital] of [
    ['ADMIN_SKILL', 'Hành chính công', false],
    ['DATA', 'Phân tích dữ liệu', true],
    ['SEC', 'An toàn thông tin', true],
  ] as const) {
    competency[code] = await insertId(run, 'insert into competency (code, name, is_digital) values (?, ?, ?)', [code, name, digital]);
  }

  const position: Record<string, string> = {};
  const addPosition = async (key: string, code: string, title: string, family: string, category: string, headcount: number, requirements: Array<[string, number]>) => {
    position[key] = await insertId(
      run,
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, ?, ?, ?, 'JUNIOR', 2.67, ?)`,
      [unit[code], title, category, family, headcount],
    );
    for (const [competencyCode, level] of requirements) {
      await run('insert into position_requirement (position_id, competency_id, level) values (?, ?, ?)', [position[key], competency[competencyCode], level]);
    }
  };
  await addPosition('pD1a', 'PROV.D1', 'Chuyên viên CNTT', 'SOFTWARE_ENGINEER', 'CIVIL_SERVANT', 2, [['DATA', 3]]);
  await addPosition('pD1b', 'PROV.D1', 'Văn thư', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 1, [['ADMIN_SKILL', 2]]);
  await addPosition('pW1a', 'PROV.D1.W1', 'Văn phòng - Thống kê', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 3, [['ADMIN_SKILL', 2]]);
  await addPosition('pW1b', 'PROV.D1.W1', 'Chuyên viên chuyển đổi số', 'DIGITAL_TRANSFORMATION_OFFICER', 'CIVIL_SERVANT', 1, [['DATA', 2], ['SEC', 1]]);
  await addPosition('pW2a', 'PROV.D1.W2', 'Tư pháp - Hộ tịch', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 1, []);
  await addPosition('pW2b', 'PROV.D1.W2', 'Kỹ sư an toàn thông tin', 'INFORMATION_SECURITY', 'PUBLIC_EMPLOYEE', 1, [['SEC', 3]]);
  await addPosition('pW3a', 'PROV.D1.W3', 'Địa chính', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 2, []);
  await addPosition('pD2a', 'PROV.D2', 'Hỗ trợ CNTT', 'IT_SUPPORT', 'CIVIL_SERVANT', 1, []);
  await addPosition('pX', 'OTHER.X', 'Công chức', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT', 5, []);

  const person: Record<string, string> = {};
  const addPerson = async (key: string, name: string, home: string, competencies: Array<[string, number]>) => {
    person[key] = await insertId(run, 'insert into person (full_name, birth_year, home_unit_id) values (?, 1990, ?)', [name, unit[home]]);
    for (const [code, level] of competencies) {
      await run('insert into person_competency (person_id, competency_id, level) values (?, ?, ?)', [person[key], competency[code], level]);
    }
  };
  await addPerson('A', 'Nguyễn Văn An', 'PROV.D1', [['DATA', 4]]);
  await addPerson('B', 'Trần Thị Bình', 'PROV.D1', [['DATA', 3]]);
  await addPerson('C', 'Lê Văn Cường', 'PROV.D1', [['ADMIN_SKILL', 1]]);
  await addPerson('E', 'Phạm Thị Em', 'PROV.D1.W1', [['ADMIN_SKILL', 3], ['DATA', 2], ['SEC', 1]]);
  await addPerson('F', 'Hoàng Văn Phúc', 'PROV.D1.W1', [['ADMIN_SKILL', 2]]);
  await addPerson('G', 'Đặng Thị Giang', 'PROV.D1.W2', []);
  await addPerson('H', 'Vũ Văn Hùng', 'PROV.D2', [['SEC', 2]]);
  await addPerson('I', 'Bùi Thị Inh', 'PROV.D1.W3', []);
  await addPerson('J', 'Đỗ Văn Jang', 'PROV.D1.W3', []);
  await addPerson('X', 'Ngô Thị Xuân', 'OTHER.X', []);
  await addPerson('FREE', 'Dương Văn Tự', 'PROV.D1', [['DATA', 5], ['SEC', 4]]);

  const assignments: Array<[string, string, string, string, string | null]> = [
    ['A', 'pD1a', 'PRIMARY', '2020-01-01', null],
    ['B', 'pD1a', 'PRIMARY', '2021-01-01', '2026-03-31'],
    ['C', 'pD1b', 'PRIMARY', '2019-01-01', null],
    ['E', 'pW1a', 'PRIMARY', '2018-01-01', null],
    ['E', 'pW1b', 'CONCURRENT', '2024-01-01', null],
    ['F', 'pW1a', 'PRIMARY', '2026-09-01', null],
    ['G', 'pW2a', 'PRIMARY', '2015-01-01', null],
    ['H', 'pD2a', 'PRIMARY', '2022-01-01', null],
    ['H', 'pW2b', 'CONCURRENT', '2025-01-01', null],
    ['I', 'pW3a', 'PRIMARY', '2010-01-01', '2025-06-30'],
    ['J', 'pW3a', 'PRIMARY', '2012-01-01', null],
    ['X', 'pX', 'PRIMARY', '2020-01-01', null],
  ];
  for (const [who, where, kind, start, end] of assignments) {
    await run('insert into assignment (person_id, position_id, kind, start_date, end_date) values (?, ?, ?, ?, ?)', [person[who], position[where], kind, start, end]);
  }

  const vacancy: Record<string, string> = {};
  const vacancies: Array<[string, string, string, string, string | null]> = [
    ['v1', 'pW1b', 'OPEN', '2026-01-10', null],
    ['v2', 'pD1a', 'INTERVIEWING', '2025-11-01', null],
    ['v3', 'pW2b', 'FILLED', '2024-01-01', '2024-06-01'],
    ['v4', 'pD2a', 'CANCELLED', '2025-01-01', null],
    ['v5', 'pW3a', 'OPEN', '2025-01-01', null],
  ];
  for (const [key, where, status, opened, filled] of vacancies) {
    vacancy[key] = await insertId(run, 'insert into vacancy (position_id, status, opened_on, filled_on) values (?, ?, ?, ?)', [position[where], status, opened, filled]);
  }
  return { unit, position, person, competency, vacancy };
}
