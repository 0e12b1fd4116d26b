import fs from 'node:fs';
import path from 'node:path';

/*
 * One home per shared rule (README, "How the code is laid out"): each rule below is written out
 * in SQL in its home file only, and every other query splices the home's fragment. A copy
 * written anywhere else in src/ fails here, with the file and line to replace.
 */

interface OwnedRule {
  rule: string;
  /** Files (relative to the repository) that may write the rule out. */
  homes: string[];
  /** What a written-out copy looks like. */
  copies: RegExp[];
  /** What to use instead. */
  use: string;
}

const RULES: OwnedRule[] = [
  {
    rule: 'a unit is open on a date',
    // incentive_package has the same columns, with its own rule and its own home.
    homes: ['src/modules/org/unit-dates.sql.ts', 'src/modules/attraction/package-dates.sql.ts'],
    // SQL comparisons of the dates (a JS check compares a row's field to a variable).
    copies: [/\bvalid_(from|to)\s+is\s+(not\s+)?null\b/i, /\bvalid_(from|to)\s*[<>]=?\s*(\?|\$\{|[a-z_]+\.[a-z_]+\b(?!\())/],
    use: 'unitOpenOn / unitOpenDuring / unitNotEndedBefore / unitOpenEnded (org), packageValidOn (attraction)',
  },
  {
    rule: 'an assignment is active on a date',
    homes: ['src/modules/staffing/assignment-dates.sql.ts'],
    copies: [/\bend_date\s+is\s+(not\s+)?null\b/i, /\bend_date\s*>=?\s*(\?|\$\{|[a-z_]+\.[a-z_]+\b(?!\())/],
    use: 'assignmentActiveOn / assignmentActiveDuring / assignmentNotEndedBefore / assignmentRunningInto / freeSeatsOn (staffing)',
  },
  {
    rule: 'a unit lies in a subtree (scope)',
    homes: ['src/auth/scope.ts'],
    // ltree's "is below": the only `<@` the code writes.
    copies: [/<@/],
    use: 'pathInScope / pathInSubtrees / pathInSubtree (auth/scope), personInSubtrees (people)',
  },
  {
    rule: 'a vacancy is live',
    homes: ['src/graphql/enums.ts'],
    copies: [/'OPEN',\s*'INTERVIEWING',\s*'OFFERED'/, /\bLIVE_VACANCY_STATUSES\b/],
    use: 'liveVacancySql / isLiveVacancy (graphql/enums)',
  },
  {
    rule: 'a vacancy is placeable (live, no offer out)',
    homes: ['src/modules/recruitment/pipeline.ts'],
    copies: [/'OPEN',\s*'INTERVIEWING'\s*\)/, /VacancyStatus\.OPEN\s*,\s*VacancyStatus\.INTERVIEWING\s*\]/, /===\s*VacancyStatus\.OPEN\s*\|\|\s*\w+\s*===\s*VacancyStatus\.INTERVIEWING\b/, /\bPLACEABLE_VACANCY_STATUSES\b/],
    use: 'placeableVacancySql / isPlaceableVacancy (recruitment/pipeline)',
  },
  {
    rule: 'the pay region of a unit',
    homes: ['src/shared/region.ts'],
    copies: [/\bsplit_part\s*\(/i],
    use: 'regionOf / regionOfCode / provinceUnitCode (shared/region)',
  },
  {
    rule: 'what day it is',
    // The zone is a setting (config.ts); the clock reads the time in it (shared/today.ts).
    homes: ['src/shared/today.ts', 'src/config.ts'],
    copies: [/\bAPP_TIME_ZONE\b/, /\bat\s+time\s+zone\b/i, /\bcurrent_date\b/i, /\bimport\s*\{[^}]*\btoday\b[^}]*\}\s*from\s*'[^']*shared\/today'/],
    use: 'deps.clock.today() / clock.todaySql (edge/deps), clockOf(em) in a mutation',
  },
];

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** Lines of `text` (the file `file`) that write a rule out away from its home: `file:line: rule`. */
function copiesOutsideHomes(file: string, text: string, rules: readonly OwnedRule[] = RULES): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const code = line.replace(/^\s*(\*|\/\/).*$/, '');
    for (const rule of rules) {
      if (rule.homes.includes(file)) continue;
      if (rule.copies.some((copy) => copy.test(code))) found.push(`${file}:${index + 1}: ${rule.rule} (use ${rule.use})`);
    }
  });
  return found;
}

test('each shared SQL rule is written out only in its home', () => {
  const found = sourceFiles('src').flatMap((file) => copiesOutsideHomes(file, fs.readFileSync(path.join(root, file), 'utf8')));
  expect(found).toEqual([]);
});

test('every home exists and writes its rule out', () => {
  for (const rule of RULES) {
    for (const home of rule.homes) {
      const text = fs.readFileSync(path.join(root, home), 'utf8');
      expect({ home, writesRuleOut: rule.copies.some((copy) => text.split('\n').some((line) => copy.test(line))) }).toEqual({ home, writesRuleOut: true });
    }
  }
});

test('a copy of a rule outside its home is caught, and a JS check of the same fields is not', () => {
  const copies: Record<string, string> = {
    'a unit is open on a date': "where (u.valid_to is null or u.valid_to >= ?::date)",
    'an assignment is active on a date': "where a.start_date <= g.on_date and (a.end_date is null or a.end_date >= g.on_date)",
    'a unit lies in a subtree (scope)': 'where u.path <@ any(?::ltree[])',
    'a vacancy is live': "where v.status in ('OPEN', 'INTERVIEWING', 'OFFERED')",
    'a vacancy is placeable (live, no offer out)': "where v.status in ('OPEN', 'INTERVIEWING')",
    'the pay region of a unit': "select split_part(u.code, '.', 1) as region",
    'what day it is': "where v.opened_on <= (now() at time zone 'Asia/Ho_Chi_Minh')::date",
  };
  for (const rule of RULES) {
    const sample = copies[rule.rule];
    expect({ rule: rule.rule, sample: sample !== undefined }).toEqual({ rule: rule.rule, sample: true });
    expect(copiesOutsideHomes('src/modules/elsewhere.sql.ts', `const q = \`${sample}\`;`)).toHaveLength(1);
    expect(copiesOutsideHomes(rule.homes[0], `const q = \`${sample}\`;`)).toEqual([]);
  }
  expect(copiesOutsideHomes('src/modules/elsewhere.service.ts', 'if (row.end_date !== null && row.end_date >= input.effectiveOn) throw x;')).toEqual([]);
  expect(copiesOutsideHomes('src/modules/elsewhere.service.ts', 'if (unit.valid_to !== null && (unit.valid_to < today() || unit.valid_from > input.effectiveOn)) throw x;')).toEqual([]);
});
