/**
 * WF_TOKEN=… npm run -s export -- --unit CODE [--year YYYY] [--as-of YYYY-MM-DD] [--out FILE.xlsx] [--url URL]
 * Writes a unit's staffing-gap tree (the unit and three levels below it) to an Excel workbook,
 * the way HR offices pass figures around.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { bearerTokenFrom } from './bearer-token';

const LEVELS = 3;
const FIGURES = 'quota filled gap concurrentCoverage openVacancies itSeatsPlanned itSeatsFilled itSeatsCoveredConcurrently itGap';

function gapQuery(levels: number): string {
  let children = '';
  for (let i = 0; i < levels; i++) children = `children { unit { code name } ${FIGURES} ${children} }`;
  return `query Export($unit: String!, $year: Int!, $asOf: LocalDate) { staffingGap(unitCode: $unit, year: $year, asOf: $asOf) { unit { code name } ${FIGURES} ${children} } }`;
}

interface GapNode {
  unit: { code: string; name: string };
  children?: GapNode[];
  [figure: string]: unknown;
}

const COLUMNS: Array<{ key: string; header: string; width: number }> = [
  { key: 'name', header: 'Đơn vị / Unit', width: 40 },
  { key: 'code', header: 'Mã / Code', width: 28 },
  { key: 'quota', header: 'Biên chế / Quota', width: 14 },
  { key: 'filled', header: 'Hiện có / Filled', width: 14 },
  { key: 'gap', header: 'Thiếu / Gap', width: 12 },
  { key: 'concurrentCoverage', header: 'Kiêm nhiệm / Concurrent', width: 16 },
  { key: 'openVacancies', header: 'Đang tuyển / Open vacancies', width: 16 },
  { key: 'itSeatsPlanned', header: 'Vị trí CNTT / IT seats', width: 14 },
  { key: 'itSeatsFilled', header: 'CNTT có người / IT filled', width: 16 },
  { key: 'itSeatsCoveredConcurrently', header: 'CNTT chỉ kiêm nhiệm / IT concurrent only', width: 20 },
  { key: 'itGap', header: 'Thiếu CNTT / IT gap', width: 14 },
];

/** Fetches the gap tree from a running server and writes it to `out`; returns the rows written. */
export async function exportGapTree(options: { url: string; token: string; unit: string; year: number; asOf?: string; out: string }): Promise<number> {
  const response = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: gapQuery(LEVELS), variables: { unit: options.unit, year: options.year, asOf: options.asOf ?? null } }),
  });
  const body = (await response.json()) as { data?: { staffingGap: GapNode }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (!body.data) throw new Error(body.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'workforce-graph';
  const sheet = workbook.addWorksheet(`Biên chế ${options.year}`);
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  let rows = 0;
  const walk = (node: GapNode, depth: number) => {
    const row = sheet.addRow({ ...node, name: node.unit.name, code: node.unit.code });
    row.getCell('name').alignment = { indent: depth };
    if (depth === 0) row.font = { bold: true };
    if (Number(node.gap) < 0) row.getCell('gap').font = { color: { argb: 'FFC00000' } };
    rows++;
    for (const child of node.children ?? []) walk(child, depth + 1);
  };
  walk(body.data.staffingGap, 0);
  sheet.addRow([]);
  sheet.addRow([`Năm ${options.year}${options.asOf ? `, tính đến ngày ${options.asOf}` : ''} — workforce-graph`]);
  await workbook.xlsx.writeFile(options.out);
  return rows;
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unit = option(args, 'unit');
  const usage = 'Usage: WF_TOKEN=TOKEN npm run -s export -- --unit CODE [--year YYYY] [--as-of YYYY-MM-DD] [--out FILE.xlsx] [--url URL]\n' +
    'Writes the staffing-gap tree of a unit (and three levels below it) to an Excel workbook.\n' +
    'Token: $WF_TOKEN (or --token, which shows it in the process list and npm\'s banner and log); URL: --url or $WF_URL (default http://localhost:4000/graphql).';
  // --help asked for the usage: a success, on standard output. A missing --unit is a mistake.
  if (args.includes('--help')) {
    console.log(usage);
    return 0;
  }
  if (!unit) {
    console.error(`--unit is missing.\n${usage}`);
    return 1;
  }
  const token = bearerTokenFrom(args);
  if (!token) {
    console.error('A token is needed in WF_TOKEN.');
    return 1;
  }
  const year = Number(option(args, 'year') ?? new Date().getFullYear());
  const out = option(args, 'out') ?? `staffing-gap-${unit}-${year}.xlsx`;
  const rows = await exportGapTree({ url: option(args, 'url') ?? process.env.WF_URL ?? 'http://localhost:4000/graphql', token, unit, year, asOf: option(args, 'as-of'), out });
  console.log(`${path.resolve(out)}: ${rows} units`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
