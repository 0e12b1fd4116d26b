/**
 * WF_TOKEN=… npm run -s import -- FILE.csv|FILE.xlsx [--url URL] [--dry-run]
 * Sends a roster to a running server's importRoster mutation; prints every bad row by line and
 * exits non-zero on any error. `--help` describes both formats.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { csvLine } from '../src/shared/csv';
import { bearerTokenFrom } from './bearer-token';

const COLUMNS = 'unit_code,full_name,birth_year,position_title,assignment_kind,start_date,competencies';
const HELP = `Usage: WF_TOKEN=TOKEN npm run -s import -- FILE.csv|FILE.xlsx [--url URL] [--dry-run]

Imports a roster of people and their assignments, all rows or none.

  WF_TOKEN       bearer token of an HR_OFFICER (own subtree) or ADMIN, e.g.
                 WF_TOKEN=$(npm run -s token -- --role HR_OFFICER --unit VN.HCM.NHA_BE) npm run -s import -- roster.csv
  --url URL      GraphQL endpoint (default http://localhost:4000/graphql, or $WF_URL)
  --dry-run      check every row and report what would be created; write nothing
  --token TOKEN  the token on the command line instead of WF_TOKEN (older usage): it shows in
                 the process list, npm's banner and npm's log, so prefer WF_TOKEN

CSV (UTF-8; Excel's "CSV UTF-8" is fine): a header row with these columns, any order:
  ${COLUMNS}
  and optionally national_id,sex,birth_date
  unit_code        full dotted code of the unit, e.g. VN.HCM.NHA_BE
  full_name        the person's name; rows with the same national_id (or, without one, the same
                   name and birth year) are one person
  birth_year       optional, e.g. 1994
  position_title   the title of an existing position of that unit
  assignment_kind  PRIMARY (checked against the establishment quota) or CONCURRENT (kiêm nhiệm)
  start_date       YYYY-MM-DD
  competencies     optional, CODE:level pairs separated by ";", e.g. IT_BASIC:3;DATA_SCIENCE:2
  national_id      optional CCCD, 12 digits; a number already recorded is that person (the row's
                   other fields must agree with theirs)
  sex              optional, MALE or FEMALE
  birth_date       optional, YYYY-MM-DD; it sets the birth year (which must agree if given)

Without national_id, a row is the person of your subtree with the same name (ignoring case,
diacritics and spacing) and birth year, when exactly one exists. An assignment already there
(same person, position, kind and start date) is left as it is: importing the same file twice
changes nothing the second time.

XLSX: the first worksheet, with the same header in its first row and one person-assignment a
row; date cells and text dates are both accepted.

Samples: samples/roster.csv and samples/roster.xlsx.
Exit status: 0 when every row was imported (or, with --dry-run, would be); 1 otherwise.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

/** The first worksheet of an XLSX workbook, as the CSV text importRoster takes. */
export async function xlsxToCsv(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${file} has no worksheet`);
  const width = sheet.getRow(1).cellCount;
  const lines: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let column = 1; column <= width; column++) values.push(cellText(row.getCell(column).value).trim());
    lines.push(csvLine(values));
  });
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.length === 0) {
    console.log(HELP);
    return args.length === 0 ? 1 : 0;
  }
  const file = args.find((a, i) => !a.startsWith('--') && !['--url', '--token'].includes(args[i - 1] ?? ''));
  if (!file) {
    console.error('Name a .csv or .xlsx file. See --help.');
    return 1;
  }
  const url = option(args, 'url') ?? process.env.WF_URL ?? 'http://localhost:4000/graphql';
  const token = bearerTokenFrom(args);
  if (!token) {
    console.error('A token is needed in WF_TOKEN. See --help.');
    return 1;
  }
  const extension = path.extname(file).toLowerCase();
  const csv = extension === '.xlsx' ? await xlsxToCsv(file) : readFileSync(file, 'utf8');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation Import($input: ImportRosterInput!) { importRoster(input: $input) { peopleCreated peopleMatched assignmentsCreated assignmentsUnchanged rowErrors { line column message } userErrors { code message } } }`,
      variables: { input: { csv, dryRun: args.includes('--dry-run') } },
    }),
  });
  const body = (await response.json()) as { data?: { importRoster: any }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) {
    for (const error of body.errors) console.error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
    return 1;
  }
  const result = body.data!.importRoster;
  for (const error of result.userErrors) console.error(`${error.code}: ${error.message}`);
  for (const error of result.rowErrors) console.error(`line ${error.line}${error.column ? ` [${error.column}]` : ''}: ${error.message}`);
  if (result.userErrors.length || result.rowErrors.length) {
    console.error(`Nothing was imported: ${result.rowErrors.length} bad row(s).`);
    return 1;
  }
  const verb = args.includes('--dry-run') ? 'would create' : 'created';
  const found = result.peopleMatched || result.assignmentsUnchanged
    ? `; ${result.peopleMatched} people already recorded, ${result.assignmentsUnchanged} assignments already there (left as they are)`
    : '';
  console.log(`${path.basename(file)}: ${verb} ${result.peopleCreated} people and ${result.assignmentsCreated} assignments${found}.`);
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
