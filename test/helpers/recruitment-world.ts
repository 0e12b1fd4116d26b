import type { SqlRunner } from '../../src/db/sql-runner';
import { today } from '../../src/shared/today';

/** The current year in the administration's time zone: placement plans use today's quota left. */
export const THIS_YEAR = Number(today().slice(0, 4));

/** `days` before today, as YYYY-MM-DD. */
export function daysAgo(days: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function insertId(run: SqlRunner, sql: string, params: unknown[]): Promise<string> {
  const [row] = await run<{ id: string }>(`${sql} returning id`, params);
  return String(row.id);
}

export async function competencyIds(run: SqlRunner, codes: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const code of codes) {
    const [found] = await run<{ id: string }>('select id from competency where code = ?', [code]);
    ids[code] = found ? String(found.id) : await insertId(run, `insert into competency (code, name, is_digital) values (?, ?, true)`, [code, code]);
  }
  return ids;
}

export async function addUnit(run: SqlRunner, code: string, kind: string, parentId: string | null, quotaCs: number | null = null): Promise<string> {
  const id = await insertId(run, 'insert into org_unit (code, name, kind, parent_id) values (?, ?, ?, ?)', [code, `Đơn vị ${code}`, kind, parentId]);
  if (quotaCs !== null) await run(`insert into establishment_quota (unit_id, year, category, headcount) values (?, ?, 'CIVIL_SERVANT', ?)`, [id, THIS_YEAR, quotaCs]);
  return id;
}

export async function addPosition(run: SqlRunner, unitId: string, family: string, requirements: Record<string, number>, competency: Record<string, string>, seniority = 'MID'): Promise<string> {
  const id = await insertId(
    run,
    `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, ?, 'CIVIL_SERVANT', ?, ?, 2.34, 2)`,
    [unitId, `Vị trí ${family}`, family, seniority],
  );
  for (const [code, level] of Object.entries(requirements)) {
    await run('insert into position_requirement (position_id, competency_id, level) values (?, ?, ?)', [id, competency[code], level]);
  }
  return id;
}

export async function addCandidate(run: SqlRunner, name: string, homeUnitId: string, levels: Record<string, number>, competency: Record<string, string>, sector = 'PRIVATE'): Promise<string> {
  const id = await insertId(run, 'insert into candidate (full_name, current_sector, home_unit_id) values (?, ?, ?)', [name, sector, homeUnitId]);
  for (const [code, level] of Object.entries(levels)) {
    await run('insert into candidate_competency (candidate_id, competency_id, level) values (?, ?, ?)', [id, competency[code], level]);
  }
  return id;
}
