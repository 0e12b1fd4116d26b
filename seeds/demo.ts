/**
 * Demo data loader: builds a believable city (HCMC with Nhà Bè and Quận 1, Bắc Ninh with Từ Sơn,
 * departments) in memory from the tables of `demo-data.ts`, then inserts it set-based, one
 * statement per table (a few per org-unit depth). Deterministic: a seeded mulberry32 PRNG and
 * fixed dates, never Math.random nor "today".
 *
 * Call it inside one transaction on a freshly migrated, empty database.
 *
 * The demo sits on the country's real map (seeds/country.ts, loaded first): the model is built on
 * the units as they stood before the 2025 reform (D.REFORM_2025), their history running on to the
 * demo's "now" (the dissolved district's own posts ending the day before the reform); then
 * moveIntoSuccessor, the reorganisation module's rules and statements, moves what was live on the
 * reform's day into today's units, so the old units keep the history and today's the live state.
 *
 * The probabilities and day ranges of the simulation below (who fills a seat, who leaves or moves,
 * how long screening, interviews, offers and onboarding take) are illustrative, like the
 * invented figures of demo-data.ts.
 */
import { mulberry32 } from '../src/shared/prng';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '../src/auth/viewer';
import { SqlRunner, sqlRunnerFor } from '../src/db/sql-runner';
import { isLiveVacancy, Role } from '../src/graphql/enums';
import { moveIntoSuccessor } from '../src/modules/reorganisation';
import { buildCountry, loadCountry } from './country';
import * as D from './demo-data';
import type { Category, PositionRow, Req, RoleFamily, Seniority, UnitRow } from './demo-data';
import { provinceUnitCode, regionOfCode } from '../src/shared/region';

/** The pay region of a demo unit: its province's today (the model's units are the old ones). */
function regionToday(code: string): string {
  const today = D.PROVINCE_TODAY[provinceUnitCode(code)];
  if (!today) throw new Error(`demo seed: no province of today for ${code}`);
  return regionOfCode(today);
}

export interface DemoSummary {
  units: number;
  positions: number;
  people: number;
  assignments: number;
  vacancies: number;
  candidates: number;
  applications: number;
  offers: number;
  decidedOffers: number;
}

// ---------------------------------------------------------------------------------------------
// PRNG and dates
// ---------------------------------------------------------------------------------------------
function hashLabel(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  /** Independent stream per concern, so that changing one part does not reshuffle the others. */
  constructor(label: string) {
    this.next = mulberry32((D.DEMO_SEED ^ hashLabel(label)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

const MS_PER_DAY = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function day(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
function iso(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}
const AS_OF = day(D.AS_OF);
const EARLIEST_START = day('2012-01-01');
const LATEST_OLD_START = day('2025-12-31');
const FAR_FUTURE = day('9999-12-31');

// ---------------------------------------------------------------------------------------------
// In-memory model
// ---------------------------------------------------------------------------------------------
interface Pos extends PositionRow {
  key: string;
  unitCode: string;
  region: string;
  reqs: Req[];
  isIt: boolean;
}
interface Seat {
  key: string;
  pos: Pos;
  index: number;
  claimedBy: number | null; // vacancy index
  holder: Person | null; // current (or future) PRIMARY holder
  holderStart: number | null;
  predecessor: { person: Person | null; start: number; end: number; transfer: boolean } | null;
}
interface Person {
  fullName: string;
  birthYear: number;
  homeUnit: string;
  comps: Map<string, number>;
}
interface AssignmentRow { person: Person; pos: Pos; kind: 'PRIMARY' | 'CONCURRENT'; start: number; end: number | null; endReason?: string; destinationSector?: string }
interface Candidate { fullName: string; sector: 'PUBLIC' | 'PRIVATE' | null; family: RoleFamily; comps: Map<string, number>; apps: number; offered: boolean; acceptedOn: number | null }
type Stage = 'APPLIED' | 'SCREENING' | 'INTERVIEW' | 'OFFER' | 'HIRED' | 'REJECTED' | 'WITHDRAWN';
interface Application {
  cand: Candidate;
  vac: Vacancy;
  appliedOn: number;
  planned: { day: number; to: Stage }[];
  changes: { day: number; from: Stage | null; to: Stage }[];
}
interface Offer {
  app: Application;
  monthlyPay: number;
  pkg: D.PackageRow | null;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  reason: string | null;
  payRatio: number | null;
  offeredOn: number;
  decidedOn: number | null;
}
interface Vacancy {
  index: number;
  pos: Pos;
  seat: Seat;
  plan: D.VacancyPlanRow;
  openedOn: number;
  pkg: D.PackageRow | null;
  status: 'OPEN' | 'INTERVIEWING' | 'OFFERED' | 'FILLED' | 'CANCELLED';
  filledOn: number | null;
  closedOn: number | null;
  apps: Application[];
  offers: Offer[];
}

const LIVE: ReadonlySet<Stage> = new Set(['APPLIED', 'SCREENING', 'INTERVIEW']);
const LOCAL_KINDS = new Set(['WARD', 'COMMUNE', 'TOWNSHIP']);
const parentOf = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
/** round() of the contract: nearest whole VND, halves away from zero. */
const roundVnd = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------
class NameBook {
  private readonly used = new Set<string>();
  private readonly rng = new Rng('names');
  reserve(name: string): string {
    if (this.used.has(name)) throw new Error(`demo seed: duplicate fixed name ${name}`);
    this.used.add(name);
    return name;
  }
  draw(): string {
    for (;;) {
      const female = this.rng.chance(0.5);
      const surnameWeights = Object.fromEntries(D.SURNAMES) as Record<string, number>;
      const surname = this.rng.weighted(surnameWeights);
      const middle = this.rng.pick(female ? D.MIDDLE_NAMES.female : D.MIDDLE_NAMES.male);
      const given = this.rng.pick(female ? D.GIVEN_NAMES.female : D.GIVEN_NAMES.male);
      const name = `${surname} ${middle} ${given}`;
      if (name.split(' ').length > 4 || this.used.has(name)) continue;
      this.used.add(name);
      return name;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Build positions
// ---------------------------------------------------------------------------------------------
function itRequirements(family: RoleFamily, seniority: Seniority): Req[] {
  if (family === 'GENERAL_ADMINISTRATION') return [];
  const t = D.IT_REQUIREMENTS[family];
  const mainLevel = { JUNIOR: 2, MID: 3, SENIOR: 4, LEAD: 4 }[seniority];
  const secondLevel = seniority === 'SENIOR' || seniority === 'LEAD' ? 3 : 2;
  const reqs: Req[] = [{ code: t.main, level: mainLevel }, ...t.secondary.map((code) => ({ code, level: secondLevel }))];
  for (const r of t.nonDigital ?? []) reqs.push({ ...r });
  if (seniority === 'LEAD' && !reqs.some((r) => r.code === 'PROJECT_MGMT')) reqs.push({ code: 'PROJECT_MGMT', level: 3 });
  return reqs;
}

function mergeReqs(base: Req[], extra: Req[] | undefined): Req[] {
  const out = base.map((r) => ({ ...r }));
  for (const e of extra ?? []) {
    const i = out.findIndex((r) => r.code === e.code);
    if (i >= 0) out[i] = { ...e };
    else out.push({ ...e });
  }
  return out;
}

function buildPositions(): Pos[] {
  const rng = new Rng('positions');
  const positions: Pos[] = [];
  const add = (unit: UnitRow, row: PositionRow) => {
    const isIt = row.roleFamily !== 'GENERAL_ADMINISTRATION';
    const reqs = row.reqs ? row.reqs.map((r) => ({ ...r })) : itRequirements(row.roleFamily, row.seniority);
    positions.push({ ...row, key: `${unit.code}:${row.slug}`, unitCode: unit.code, region: regionToday(unit.code), isIt, reqs: mergeReqs(reqs, row.extraReqs) });
  };
  for (const unit of D.ORG_UNITS) {
    if (LOCAL_KINDS.has(unit.kind)) {
      for (const job of D.WARD_GENERAL_JOBS) {
        // headcount 1–2 and an A1 step 0–4 (illustrative)
        const headcount = job.slug === 'VP' ? 2 : rng.int(1, 2);
        const step = rng.int(0, 4);
        add(unit, {
          slug: job.slug, title: job.title, category: 'CIVIL_SERVANT', roleFamily: 'GENERAL_ADMINISTRATION',
          seniority: step <= 1 ? 'JUNIOR' : 'MID', coefficient: D.a1(step), headcount, reqs: job.reqs,
        });
      }
      const plan = D.WARD_DTO_PLAN[unit.code];
      if (plan) add(unit, { ...D.WARD_DTO, seats: plan === 'FILLED' ? 'FILLED' : 'VACANT' });
    } else if (unit.kind === 'DISTRICT') {
      for (const row of D.DISTRICT_GENERAL_JOBS) add(unit, row);
      for (const row of D.DISTRICT_IT_JOBS[unit.code] ?? []) add(unit, row);
    } else {
      for (const row of D.DEPARTMENT_JOBS[unit.code] ?? []) add(unit, row);
    }
  }
  const keys = new Set<string>();
  for (const p of positions) {
    if (keys.has(p.key)) throw new Error(`demo seed: duplicate position key ${p.key}`);
    keys.add(p.key);
  }
  return positions;
}

// ---------------------------------------------------------------------------------------------
// Competencies of people and candidates
// ---------------------------------------------------------------------------------------------
function itBasicShare(unitCode: string): number {
  const unit = D.ORG_UNITS.find((u) => u.code === unitCode)!;
  const local = LOCAL_KINDS.has(unit.kind);
  if (unitCode.startsWith('VN.BAC_NINH.TU_SON')) return local ? D.IT_BASIC_SHARE.tuSonCommuneLevel : D.IT_BASIC_SHARE.tuSonCityLevel;
  return local ? D.IT_BASIC_SHARE.otherCommuneLevel : D.IT_BASIC_SHARE.otherCityLevel;
}

function staffCompetencies(pos: Pos, rng: Rng): Map<string, number> {
  const comps = new Map<string, number>();
  const delta = () => Number(rng.weighted({ '-1': 0.15, '0': 0.45, '1': 0.3, '2': 0.1 }));
  for (const r of pos.reqs) {
    if (r.code === 'IT_BASIC' && !pos.isIt) {
      if (rng.chance(itBasicShare(pos.unitCode))) comps.set('IT_BASIC', Math.max(r.level, Number(rng.weighted({ '1': 0.6, '2': 0.33, '3': 0.07 }))));
      continue;
    }
    const level = clamp(r.level + delta(), 1, 5);
    comps.set(r.code, level);
  }
  if (pos.isIt) {
    if (!comps.has('IT_BASIC')) comps.set('IT_BASIC', rng.int(3, 4));
    if (rng.chance(0.5) && !comps.has('PUBLIC_ADMIN')) comps.set('PUBLIC_ADMIN', rng.int(1, 2));
    if (rng.chance(0.18)) {
      const skill = rng.pick(D.SCARCE_SKILLS);
      if (!comps.has(skill)) comps.set(skill, rng.int(1, 3));
    }
  } else {
    if (rng.chance(0.3) && !comps.has('PUBLIC_ADMIN')) comps.set('PUBLIC_ADMIN', 2);
    if (rng.chance(0.1) && !comps.has('PROJECT_MGMT')) comps.set('PROJECT_MGMT', rng.int(1, 2));
  }
  return comps;
}

/** A general officer "good with computers", who covers an IT seat concurrently. */
function makeComputerSavvy(person: Person): void {
  const c = person.comps;
  c.set('IT_BASIC', Math.max(c.get('IT_BASIC') ?? 0, 3));
  c.set('SYSTEM_ADMIN', Math.max(c.get('SYSTEM_ADMIN') ?? 0, 2));
  c.set('INFO_SECURITY', Math.max(c.get('INFO_SECURITY') ?? 0, 1));
  c.set('SOFTWARE_DEV', Math.max(c.get('SOFTWARE_DEV') ?? 0, 1));
}

function candidateCompetencies(pos: Pos, family: RoleFamily, sector: Candidate['sector'], rng: Rng): Map<string, number> {
  const comps = new Map<string, number>();
  const delta = () => Number(rng.weighted({ '-2': 0.08, '-1': 0.27, '0': 0.35, '1': 0.22, '2': 0.08 }));
  const seniority = pos.seniority;
  const reqs = family === pos.roleFamily ? pos.reqs : family === 'GENERAL_ADMINISTRATION' ? pos.reqs : itRequirements(family, seniority);
  for (const r of reqs) comps.set(r.code, clamp(r.level + delta(), 1, 5));
  if (family !== 'GENERAL_ADMINISTRATION') {
    if (!comps.has('IT_BASIC')) comps.set('IT_BASIC', rng.int(3, 5));
    if (rng.chance(0.25)) {
      const skill = rng.pick(D.SCARCE_SKILLS);
      comps.set(skill, Math.max(comps.get(skill) ?? 0, rng.int(1, 3)));
    }
  } else if (!comps.has('IT_BASIC') && rng.chance(0.8)) {
    comps.set('IT_BASIC', rng.int(1, 2));
  }
  if (sector === 'PUBLIC') comps.set('PUBLIC_ADMIN', Math.max(comps.get('PUBLIC_ADMIN') ?? 0, rng.int(2, 3)));
  return comps;
}

// ---------------------------------------------------------------------------------------------
// Pay
// ---------------------------------------------------------------------------------------------
function baseSalaryOn(d: number): number {
  let amount = 0;
  for (const b of D.BASE_SALARIES) if (day(b.effectiveFrom) <= d) amount = b.monthlyAmount;
  if (!amount) throw new Error(`demo seed: no base salary on ${iso(d)}`);
  return amount;
}

interface BenchmarkRow { roleFamily: RoleFamily; seniority: Seniority; sector: 'PUBLIC' | 'PRIVATE'; region: string; p25: number; p50: number; p75: number; source: string; asOf: string }

function buildBenchmarks(): BenchmarkRow[] {
  const rows: BenchmarkRow[] = [];
  const to100k = (x: number) => Math.round(x / 100_000) * 100_000;
  for (const set of D.PRIVATE_BENCHMARK_SETS) {
    for (const region of ['VN', 'HCM', 'BNH']) {
      for (const family of D.IT_FAMILIES) {
        for (const seniority of D.SENIORITIES) {
          const p50 = to100k(D.PRIVATE_P50_BASE[seniority] * D.FAMILY_PAY_FACTOR[family as Exclude<RoleFamily, 'GENERAL_ADMINISTRATION'>] * D.REGION_PAY_FACTOR[region] * set.scale);
          rows.push({
            roleFamily: family, seniority, sector: 'PRIVATE', region, p50,
            p25: to100k(p50 * D.QUARTILE_FACTOR.p25), p75: to100k(p50 * D.QUARTILE_FACTOR.p75),
            source: D.PRIVATE_BENCHMARK_SOURCE, asOf: set.asOf,
          });
        }
      }
    }
  }
  for (const set of D.PUBLIC_BENCHMARK_SETS) {
    for (const family of D.IT_FAMILIES) {
      for (const seniority of D.SENIORITIES) {
        const c = D.PUBLIC_COEFFICIENTS[seniority];
        const pay = (coef: number) => Math.round(coef * 100) * set.base / 100;
        rows.push({ roleFamily: family, seniority, sector: 'PUBLIC', region: 'VN', p25: pay(c.p25), p50: pay(c.p50), p75: pay(c.p75), source: set.source, asOf: set.asOf });
      }
    }
  }
  return rows;
}

function privateMedian(benchmarks: BenchmarkRow[], pos: Pos, on: number): number | null {
  const pick = (region: string) => {
    let best: BenchmarkRow | null = null;
    for (const b of benchmarks) {
      if (b.sector !== 'PRIVATE' || b.region !== region || b.roleFamily !== pos.roleFamily || b.seniority !== pos.seniority) continue;
      if (day(b.asOf) > on) continue;
      if (!best || b.asOf > best.asOf) best = b;
    }
    return best;
  };
  const b = pick(pos.region) ?? pick('VN');
  return b ? b.p50 : null;
}

function packageCounts(pkg: D.PackageRow | null, pos: Pos, on: number): boolean {
  return !!pkg && day(pkg.validFrom) <= on && (pkg.validTo === null || on <= day(pkg.validTo)) && pkg.eligible.includes(pos.roleFamily);
}

/** publicMonthly of the contract's PayComparison, under an optional package. */
function publicMonthly(pos: Pos, pkg: D.PackageRow | null, on: number): { total: number; coefficientPay: number } {
  const coefficientPay = roundVnd(baseSalaryOn(on) * pos.coefficient);
  if (!pkg) return { total: coefficientPay, coefficientPay };
  const total = roundVnd(coefficientPay * (1 + pkg.salaryPercentAllowance)) + pkg.monthlyAllowance
    + roundVnd(pkg.signingBonus / (12 * Math.max(pkg.minServiceYears, 1)));
  return { total, coefficientPay };
}

// ---------------------------------------------------------------------------------------------
// The whole model
// ---------------------------------------------------------------------------------------------
interface Model {
  positions: Pos[];
  people: Person[];
  assignments: AssignmentRow[];
  vacancies: Vacancy[];
  candidates: Candidate[];
  applications: Application[];
  offers: Offer[];
  benchmarks: BenchmarkRow[];
  quotas: { unitCode: string; year: number; category: Category; headcount: number }[];
  workload: { unitCode: string; name: string; volume: number; minutes: number; digitisable: boolean }[];
}

function buildModel(): Model {
  const names = new NameBook();
  for (const n of Object.values(D.NOTABLE_PEOPLE)) names.reserve(n);
  names.reserve(D.FUTURE_PRIMARY.fullName);

  const positions = buildPositions();
  const posByKey = new Map(positions.map((p) => [p.key, p]));
  const getPos = (key: string) => {
    const p = posByKey.get(key);
    if (!p) throw new Error(`demo seed: unknown position ${key}`);
    return p;
  };

  // ---- seats
  const seats: Seat[] = [];
  const seatByKey = new Map<string, Seat>();
  for (const pos of positions) {
    for (let i = 0; i < pos.headcount; i++) {
      const seat: Seat = { key: `${pos.key}#${i}`, pos, index: i, claimedBy: null, holder: null, holderStart: null, predecessor: null };
      seats.push(seat);
      seatByKey.set(seat.key, seat);
    }
  }
  const getSeat = (key: string) => {
    const s = seatByKey.get(key);
    if (!s) throw new Error(`demo seed: unknown seat ${key}`);
    return s;
  };
  const coverLatestStart = new Map<string, number>();
  for (const c of D.CONCURRENT_PLAN) {
    getPos(c.target);
    const prev = coverLatestStart.get(c.holder) ?? FAR_FUTURE;
    coverLatestStart.set(c.holder, Math.min(prev, day(c.start) - 365));
    getSeat(c.holder);
  }
  const pinned = new Set<string>([...coverLatestStart.keys(), ...Object.keys(D.FORCED_SEAT_START), D.FUTURE_PRIMARY.seat, ...Object.keys(D.NOTABLE_PEOPLE)]);

  // ---- vacancies claim an empty seat each
  const packages = new Map(D.INCENTIVE_PACKAGES.map((p) => [p.key, p]));
  const vacancies: Vacancy[] = D.VACANCY_PLAN.map((plan, index) => {
    const pos = getPos(plan.pos);
    const seat = [...seats].reverse().find((s) => s.pos === pos && s.claimedBy === null && !pinned.has(s.key));
    if (!seat) throw new Error(`demo seed: no free seat for vacancy on ${plan.pos}`);
    seat.claimedBy = index;
    const pkg = plan.pkg ? packages.get(plan.pkg) ?? null : null;
    if (plan.pkg && !pkg) throw new Error(`demo seed: unknown package ${plan.pkg}`);
    if (pkg && !pkg.eligible.includes(pos.roleFamily)) throw new Error(`demo seed: package ${pkg.key} not eligible for ${pos.key}`);
    return { index, pos, seat, plan, openedOn: day(plan.opened), pkg, status: 'OPEN', filledOn: null, closedOn: null, apps: [], offers: [] };
  });

  // ---- who sits where (old holders), predecessors
  const seatRng = new Rng('seats');
  const filled: Seat[] = [];
  for (const seat of seats) {
    const pos = seat.pos;
    if (seat.key === D.FUTURE_PRIMARY.seat) continue;
    let isFilled: boolean;
    let latest = LATEST_OLD_START;
    if (seat.claimedBy !== null) isFilled = false;
    else if (D.FORCED_SEAT_START[seat.key]) isFilled = true;
    else if (coverLatestStart.has(seat.key) || D.NOTABLE_PEOPLE[seat.key]) {
      isFilled = true;
      latest = Math.min(latest, coverLatestStart.get(seat.key) ?? latest);
    } else if (pos.seats === 'FILLED') isFilled = true;
    else if (pos.seats === 'VACANT') isFilled = false;
    else isFilled = seatRng.chance(pos.isIt ? D.FILL_PROBABILITY.it : D.FILL_PROBABILITY.general);

    if (isFilled) {
      const forced = D.FORCED_SEAT_START[seat.key];
      seat.holderStart = forced ? day(forced) : seatRng.int(EARLIEST_START, latest);
      filled.push(seat);
      // a predecessor on the same seat, who left or moved on (illustrative: 30 %, 40 % of them moved)
      if (!forced && pos.seats !== 'VACANT' && seat.holderStart - 400 >= EARLIEST_START && seatRng.chance(0.3)) {
        const end = seat.holderStart - 1 - seatRng.int(0, 90);
        const start = seatRng.int(EARLIEST_START, Math.max(EARLIEST_START, end - 365));
        seat.predecessor = { person: null, start, end, transfer: seatRng.chance(0.4) };
      }
    } else if (pos.seats !== 'VACANT') {
      // the seat was emptied by someone leaving: before the vacancy opened, or in 2023–2026 (illustrative)
      const vac = seat.claimedBy !== null ? vacancies[seat.claimedBy] : null;
      if (seatRng.chance(vac ? 0.6 : 0.35)) {
        const end = vac ? vac.openedOn - seatRng.int(1, 60) : seatRng.int(day('2023-01-01'), day('2026-09-30'));
        const start = seatRng.int(EARLIEST_START, end - 365);
        seat.predecessor = { person: null, start, end, transfer: seatRng.chance(0.4) };
      }
    }
  }

  // ---- people: predecessors and holders; internal transfers link a predecessor to a later seat
  const peopleRng = new Rng('people');
  const people: Person[] = [];
  const assignments: AssignmentRow[] = [];
  const newPerson = (fullName: string, latestStartDay: number, pos: Pos): Person => {
    const startYear = Number(iso(latestStartDay).slice(0, 4));
    const birthYear = peopleRng.int(1965, clamp(startYear - 22, 1965, 2001));
    const person: Person = { fullName, birthYear, homeUnit: pos.unitCode, comps: staffCompetencies(pos, peopleRng) };
    people.push(person);
    return person;
  };
  const transferTargets = new Set<Seat>();
  for (const seat of seats) {
    const pred = seat.predecessor;
    if (!pred) continue;
    let target: Seat | null = null;
    if (pred.transfer) {
      let bestGap = Infinity;
      for (const y of filled) {
        if (y === seat || transferTargets.has(y) || D.NOTABLE_PEOPLE[y.key] || D.FORCED_SEAT_START[y.key]) continue;
        if (y.pos.region !== seat.pos.region || y.pos.isIt !== seat.pos.isIt) continue;
        const gap = y.holderStart! - pred.end;
        if (gap >= 1 && gap <= 365 && gap < bestGap) {
          bestGap = gap;
          target = y;
        }
      }
    }
    pred.transfer = !!target;
    const person = newPerson(names.draw(), pred.start, target ? target.pos : seat.pos);
    pred.person = person;
    assignments.push({ person, pos: seat.pos, kind: 'PRIMARY', start: pred.start, end: pred.end, ...(target ? { endReason: 'TRANSFER' } : {}) });
    if (target) {
      transferTargets.add(target);
      target.holder = person;
    }
  }
  for (const seat of filled) {
    if (!seat.holder) seat.holder = newPerson(D.NOTABLE_PEOPLE[seat.key] ?? names.draw(), seat.holderStart!, seat.pos);
    assignments.push({ person: seat.holder, pos: seat.pos, kind: 'PRIMARY', start: seat.holderStart!, end: null });
  }
  // the future-dated PRIMARY
  {
    const seat = getSeat(D.FUTURE_PRIMARY.seat);
    const person: Person = { fullName: D.FUTURE_PRIMARY.fullName, birthYear: D.FUTURE_PRIMARY.birthYear, homeUnit: seat.pos.unitCode, comps: staffCompetencies(seat.pos, peopleRng) };
    people.push(person);
    seat.holder = person;
    seat.holderStart = day(D.FUTURE_PRIMARY.start);
    assignments.push({ person, pos: seat.pos, kind: 'PRIMARY', start: seat.holderStart, end: null });
  }
  // concurrent posts (kiêm nhiệm)
  for (const c of D.CONCURRENT_PLAN) {
    const holderSeat = getSeat(c.holder);
    const person = holderSeat.holder;
    if (!person || holderSeat.holderStart! > day(c.start)) throw new Error(`demo seed: ${c.holder} is not held on ${c.start}`);
    makeComputerSavvy(person);
    // an ended concurrent post ended because a full-time holder came: OTHER
    assignments.push({ person, pos: getPos(c.target), kind: 'CONCURRENT', start: day(c.start), end: c.end ? day(c.end) : null, ...(c.end ? { endReason: 'OTHER' } : {}) });
  }

  // ---- recruitment
  const benchmarks = buildBenchmarks();
  const { candidates, applications, offers } = simulateRecruitment(vacancies, benchmarks, names);
  // hires become people with a PRIMARY assignment from filled_on
  const hireRng = new Rng('hires');
  for (const v of vacancies) {
    if (v.status !== 'FILLED') continue;
    const app = v.apps.find((a) => a.changes[a.changes.length - 1].to === 'HIRED')!;
    const senior = v.pos.seniority === 'SENIOR' || v.pos.seniority === 'LEAD';
    const person: Person = {
      fullName: app.cand.fullName,
      birthYear: senior ? hireRng.int(1978, 1992) : hireRng.int(1990, 2001),
      homeUnit: v.pos.unitCode,
      comps: new Map(app.cand.comps),
    };
    people.push(person);
    v.seat.holder = person;
    v.seat.holderStart = v.filledOn;
    assignments.push({ person, pos: v.pos, kind: 'PRIMARY', start: v.filledOn!, end: null });
  }

  const lastDay = day(D.REFORM_2025.effectiveOn) - 1;
  for (const code of D.REFORM_2025.dissolved) closeDissolvedUnit(code, lastDay, { people, assignments, vacancies, candidates, applications, offers });

  assertReformCoversEveryPost(positions);
  giveSeparationReasons(assignments);
  assertOnePrimary(assignments);
  const quotas = buildQuotas(assignments, vacancies, seats);
  const workload = buildWorkload();
  return { positions, people, assignments, vacancies, candidates, applications, offers, benchmarks, quotas, workload };
}

/** Every old unit with posts is moved into today's or dissolved: nothing stays live in an ended unit. */
function assertReformCoversEveryPost(positions: Pos[]): void {
  const covered = new Set<string>([...D.REFORM_2025.dissolved, ...D.REFORM_2025.departments.map((d) => d.was), ...D.REFORM_2025.moves.flatMap((m) => m.predecessors)]);
  const left = [...new Set(positions.map((p) => p.unitCode))].filter((code) => !covered.has(code));
  if (left.length) throw new Error(`demo seed: the reform moves nothing out of ${left.join(', ')}`);
}

/** Every ended assignment without a reason yet (a leaver's) gets one from the illustrative mix; resignations a destination. */
function giveSeparationReasons(assignments: AssignmentRow[]): void {
  const rng = new Rng('separations');
  for (const a of assignments) {
    if (a.end === null || a.endReason) continue;
    a.endReason = rng.weighted(D.SEPARATION_WEIGHTS);
    if (a.endReason === 'RESIGNATION') a.destinationSector = rng.chance(a.pos.isIt ? D.RESIGNED_TO_PRIVATE.it : D.RESIGNED_TO_PRIVATE.other) ? 'PRIVATE' : 'PUBLIC';
  }
}

/** Removes, in place, the items of an array that match. */
function removeWhere<T>(items: T[], unwanted: (item: T) => boolean): void {
  const kept = items.filter((item) => !unwanted(item));
  items.splice(0, items.length, ...kept);
}

const TERMINAL: ReadonlySet<Stage> = new Set(['HIRED', 'REJECTED', 'WITHDRAWN']);

/**
 * A district dissolved by the reform ends with its last day (illustrative: where its officers went
 * is outside the demo). Its own posts end that day; a post or a vacancy that began later never
 * existed (the hire it led to goes too); recruitment still running that day is cancelled: later
 * stage changes and offers are dropped, live applications are rejected and pending offers
 * declined (OTHER) on that day, as moveApplication and cancelVacancy would record it.
 * Its wards are not touched here: moveIntoSuccessor moves them.
 */
function closeDissolvedUnit(
  unitCode: string,
  lastDay: number,
  m: Pick<Model, 'people' | 'assignments' | 'vacancies' | 'candidates' | 'applications' | 'offers'>,
): void {
  const own = (pos: Pos) => pos.unitCode === unitCode;
  const gone = new Set<Person>();
  for (const a of m.assignments) {
    if (!own(a.pos)) continue;
    if (a.start > lastDay) gone.add(a.person);
    else if (a.end === null || a.end > lastDay) {
      a.end = lastDay;
      a.endReason = 'REORGANISATION';
      delete a.destinationSector;
    }
  }
  removeWhere(m.assignments, (a) => own(a.pos) && a.start > lastDay);
  removeWhere(m.people, (p) => gone.has(p) && !m.assignments.some((a) => a.person === p));

  const dropped = new Set<Vacancy>(m.vacancies.filter((v) => own(v.pos) && v.openedOn > lastDay));
  for (const v of m.vacancies) {
    if (!own(v.pos) || dropped.has(v)) continue;
    const closedBefore = (v.status === 'FILLED' && v.filledOn! <= lastDay) || (v.status === 'CANCELLED' && v.closedOn! <= lastDay);
    if (closedBefore) continue;
    v.status = 'CANCELLED';
    v.filledOn = null;
    v.closedOn = lastDay;
    removeWhere(v.offers, (o) => o.offeredOn > lastDay);
    for (const o of v.offers) {
      if (o.decidedOn === null || o.decidedOn > lastDay) {
        o.status = 'DECLINED';
        o.reason = 'OTHER';
        o.decidedOn = lastDay;
      }
    }
    for (const app of v.apps) {
      removeWhere(app.changes, (c) => c.day > lastDay);
      const last = app.changes[app.changes.length - 1];
      if (last && !TERMINAL.has(last.to)) app.changes.push({ day: lastDay, from: last.to, to: 'REJECTED' });
    }
  }
  removeWhere(m.offers, (o) => dropped.has(o.app.vac) || (own(o.app.vac.pos) && !o.app.vac.offers.includes(o)));
  removeWhere(m.applications, (a) => dropped.has(a.vac) || a.changes.length === 0);
  removeWhere(m.vacancies, (v) => dropped.has(v));
  removeWhere(m.candidates, (c) => !m.applications.some((a) => a.cand === c));
}

function assertOnePrimary(assignments: AssignmentRow[]): void {
  const byPerson = new Map<Person, AssignmentRow[]>();
  for (const a of assignments) if (a.kind === 'PRIMARY') byPerson.set(a.person, [...(byPerson.get(a.person) ?? []), a]);
  for (const [person, list] of byPerson) {
    const sorted = [...list].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) {
      if ((sorted[i - 1].end ?? FAR_FUTURE) >= sorted[i].start) throw new Error(`demo seed: overlapping PRIMARY assignments of ${person.fullName}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Recruitment simulation
// ---------------------------------------------------------------------------------------------
function simulateRecruitment(vacancies: Vacancy[], benchmarks: BenchmarkRow[], names: NameBook) {
  const rng = new Rng('recruitment');
  const candidates: Candidate[] = [];
  const applications: Application[] = [];
  const offers: Offer[] = [];

  const newCandidate = (v: Vacancy): Candidate => {
    const sectorKey = rng.weighted(D.CANDIDATE_SECTOR_WEIGHTS);
    const sector = sectorKey === 'NONE' ? null : sectorKey;
    let family: RoleFamily = v.pos.roleFamily;
    if (v.pos.isIt && rng.chance(0.2)) family = rng.pick(D.IT_FAMILIES);
    const cand: Candidate = { fullName: names.draw(), sector: v.pos.isIt ? sector : sector === 'PRIVATE' ? 'PUBLIC' : sector, family, comps: new Map(), apps: 0, offered: false, acceptedOn: null };
    cand.comps = candidateCompetencies(v.pos, family, cand.sector, rng);
    candidates.push(cand);
    return cand;
  };

  // vacancies in the order they opened
  const ordered = [...vacancies].sort((a, b) => a.openedOn - b.openedOn || a.index - b.index);
  for (const v of ordered) {
    const mode = v.plan.mode;
    const chosen = new Set<Candidate>();
    let closeDay: number | null = null;
    let lastDecision = -Infinity;
    let declines = 0;
    let open = false; // a PENDING offer, or an ACCEPTED one not yet turned into a hire
    // ACTIVE processes that run out of candidates are re-advertised: up to three waves (illustrative)
    let waveStart = v.openedOn;
    for (let wave = 0; wave < (mode === 'ACTIVE' ? 3 : 1); wave++) {
      const n = mode === 'STALLED' ? rng.int(0, 3) : mode === 'CANCEL' ? rng.int(3, 6) : wave > 0 ? rng.int(3, 6) : v.pos.isIt ? rng.int(6, 9) : rng.int(4, 7);
      const pool: { app: Application; ready: number }[] = [];
      for (let i = 0; i < n; i++) {
        const appliedOn = waveStart + rng.int(2, 50);
        if (appliedOn > AS_OF) continue;
        let cand: Candidate | null = null;
        if (rng.chance(0.55)) {
          const reusable = candidates.filter((c) => !chosen.has(c) && c.apps < 3 && c.acceptedOn === null
            && (c.family === v.pos.roleFamily || (v.pos.isIt && c.family !== 'GENERAL_ADMINISTRATION' && rng.chance(0.15))));
          if (reusable.length) cand = rng.pick(reusable);
        }
        cand ??= newCandidate(v);
        chosen.add(cand);
        cand.apps++;
        const app: Application = { cand, vac: v, appliedOn, planned: [{ day: appliedOn, to: 'APPLIED' }], changes: [] };
        v.apps.push(app);
        applications.push(app);
        // stage timings and pass rates: illustrative
        const screening = appliedOn + rng.int(3, 14);
        app.planned.push({ day: screening, to: 'SCREENING' });
        const screened = screening + rng.int(7, 21);
        if (mode === 'STALLED') {
          app.planned.push({ day: screened, to: rng.chance(0.75) ? 'REJECTED' : 'WITHDRAWN' });
          continue;
        }
        const s = rng.float();
        if (s < 0.2) { app.planned.push({ day: screened, to: 'REJECTED' }); continue; }
        if (s < 0.25) { app.planned.push({ day: screened, to: 'WITHDRAWN' }); continue; }
        app.planned.push({ day: screened, to: 'INTERVIEW' });
        const interviewed = screened + rng.int(10, 35);
        const t = rng.float();
        if (t < 0.22) { app.planned.push({ day: interviewed, to: 'REJECTED' }); continue; }
        if (t < 0.28) { app.planned.push({ day: interviewed, to: 'WITHDRAWN' }); continue; }
        pool.push({ app, ready: interviewed });
      }

      // offers, one after the other, until one is accepted, the plan stops or time runs out
      if (mode === 'STALLED') break;
      pool.sort((a, b) => a.ready - b.ready || applications.indexOf(a.app) - applications.indexOf(b.app));
      offering: for (const entry of pool) {
        if (mode === 'CANCEL' && declines >= (v.plan.cancelAfter ?? 1)) break;
        const cand = entry.app.cand;
        if (cand.offered) continue;
        cand.offered = true;
        let offeredOn = Math.max(entry.ready + rng.int(7, 25), lastDecision + rng.int(5, 15));
        let raise = 1;
        // an offer, and after a decline over pay sometimes an improved counter-offer to the same candidate
        for (;;) {
          if (offeredOn > AS_OF) break offering;
          const pkg = packageCounts(v.pkg, v.pos, offeredOn) ? v.pkg : null;
          const pay = publicMonthly(v.pos, pkg, offeredOn);
          const extraMax = v.pos.region === 'HCM' ? D.HCM_EXTRA_INCOME_MAX : 0.15; // illustrative
          const escalation = Math.pow(1.04, v.offers.length) * raise; // later offers a little higher (illustrative)
          const monthlyPay = Math.round(((pay.total + pay.coefficientPay * rng.uniform(0, extraMax)) * escalation) / 10_000) * 10_000;
          const median = v.pos.isIt ? privateMedian(benchmarks, v.pos, offeredOn) : null;
          const payRatio = median ? monthlyPay / median : null;
          const offer: Offer = { app: entry.app, monthlyPay, pkg, status: 'PENDING', reason: null, payRatio, offeredOn, decidedOn: null };
          v.offers.push(offer);
          offers.push(offer);
          if (raise === 1) entry.app.planned.push({ day: offeredOn, to: 'OFFER' });
          const decidedOn = offeredOn + rng.int(5, 21);
          if (decidedOn > AS_OF) { open = true; break offering; }
          const p = payRatio === null ? D.NON_IT_ACCEPTANCE
            : 1 / (1 + Math.exp(-(D.ACCEPTANCE_LAW.intercept + D.ACCEPTANCE_LAW.slope * Math.log(payRatio))));
          offer.decidedOn = decidedOn;
          if (rng.float() < p) {
            offer.status = 'ACCEPTED';
            cand.acceptedOn = decidedOn;
            const hireOn = decidedOn + rng.int(20, 60);
            if (hireOn <= AS_OF) {
              entry.app.planned.push({ day: hireOn, to: 'HIRED' });
              v.status = 'FILLED';
              v.filledOn = hireOn;
              closeDay = hireOn;
            } else {
              open = true;
            }
            break offering;
          }
          offer.status = 'DECLINED';
          offer.reason = rng.weighted(payRatio !== null && payRatio < 0.7 ? D.DECLINE_WEIGHTS_LOW_PAY : D.DECLINE_WEIGHTS_OK_PAY);
          lastDecision = decidedOn;
          declines++;
          if (offer.reason === 'PAY' && raise === 1 && rng.chance(D.COUNTER_OFFER_SHARE)) {
            raise = rng.uniform(1.08, 1.2); // illustrative
            offeredOn = decidedOn + rng.int(3, 10);
            continue;
          }
          entry.app.planned.push({ day: decidedOn, to: 'WITHDRAWN' });
          break;
        }
      }
      if (v.status === 'FILLED' || open || mode !== 'ACTIVE') break;
      const lastReady = pool.reduce((mx, e) => Math.max(mx, e.ready), waveStart + 60);
      waveStart = Math.max(lastReady, Number.isFinite(lastDecision) ? lastDecision : 0) + rng.int(20, 60);
      if (waveStart > AS_OF - 20) break;
    }
    if (mode === 'CANCEL' && v.status !== 'FILLED' && !open) {
      const cancelOn = Number.isFinite(lastDecision)
        ? Math.max(lastDecision + rng.int(10, 40), v.openedOn + rng.int(90, 200))
        : v.openedOn + rng.int(120, 240);
      if (cancelOn <= AS_OF) {
        v.status = 'CANCELLED';
        v.closedOn = cancelOn;
        closeDay = cancelOn;
      }
    }

    // apply the planned stage changes up to the close (or AS_OF); close what is still live
    const cut = closeDay ?? AS_OF;
    for (const app of v.apps) {
      let stage: Stage | null = null;
      for (const e of app.planned) {
        if (e.day > cut) break;
        app.changes.push({ day: e.day, from: stage, to: e.to });
        stage = e.to;
      }
      if (closeDay !== null && stage && LIVE.has(stage)) app.changes.push({ day: closeDay, from: stage, to: 'REJECTED' });
    }
  }

  // a candidate who accepted an offer withdraws from the processes still live elsewhere
  for (const app of applications) {
    const last = app.changes[app.changes.length - 1];
    if (!last || !LIVE.has(last.to) || app.cand.acceptedOn === null) continue;
    if (app.vac.offers.some((o) => o.app === app)) continue;
    const on = Math.max(last.day, Math.min(app.cand.acceptedOn, AS_OF));
    app.changes.push({ day: on, from: last.to, to: 'WITHDRAWN' });
  }

  // statuses of vacancies still open
  for (const v of vacancies) {
    if (v.status === 'FILLED' || v.status === 'CANCELLED') continue;
    const pending = v.offers.some((o) => o.status === 'PENDING' || (o.status === 'ACCEPTED' && !o.app.changes.some((c) => c.to === 'HIRED')));
    const stages = v.apps.map((a) => a.changes[a.changes.length - 1]?.to);
    if (pending) v.status = 'OFFERED';
    else if (stages.includes('INTERVIEW')) v.status = 'INTERVIEWING';
    else if (v.offers.length && stages.some((s) => s && LIVE.has(s))) v.status = 'INTERVIEWING';
    else v.status = 'OPEN';
  }

  // applications that never reached APPLIED (none expected) are dropped
  const kept = applications.filter((a) => a.changes.length > 0);
  for (const v of vacancies) v.apps = v.apps.filter((a) => a.changes.length > 0);
  return { candidates, applications: kept, offers };
}

// ---------------------------------------------------------------------------------------------
// Quotas and workload
// ---------------------------------------------------------------------------------------------
/** Largest number of PRIMARY assignments active at once within a year. */
function peakInYear(intervals: { start: number; end: number | null }[], year: number): number {
  const from = day(`${year}-01-01`);
  const to = day(`${year}-12-31`);
  const events: [number, number][] = [];
  for (const i of intervals) {
    const s = Math.max(i.start, from);
    const e = Math.min(i.end ?? FAR_FUTURE, to);
    if (s > e) continue;
    events.push([s, 1], [e + 1, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let peak = 0;
  for (const [, d] of events) {
    cur += d;
    peak = Math.max(peak, cur);
  }
  return peak;
}

function buildQuotas(assignments: AssignmentRow[], vacancies: Vacancy[], seats: Seat[]): Model['quotas'] {
  const rng = new Rng('quotas');
  const groups = new Map<string, { unitCode: string; category: Category; seats: number; intervals: { start: number; end: number | null }[]; openVacancies: number }>();
  const group = (pos: Pos) => {
    const k = `${pos.unitCode}|${pos.category}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { unitCode: pos.unitCode, category: pos.category, seats: 0, intervals: [], openVacancies: 0 }));
    return g;
  };
  for (const s of seats) group(s.pos).seats++;
  for (const a of assignments) if (a.kind === 'PRIMARY') group(a.pos).intervals.push({ start: a.start, end: a.end });
  for (const v of vacancies) if (isLiveVacancy(v.status)) group(v.pos).openVacancies++;
  const quotas: Model['quotas'] = [];
  for (const g of groups.values()) {
    const need2025 = peakInYear(g.intervals, 2025);
    const need2026 = peakInYear(g.intervals, 2026);
    const full = D.FULL_QUOTA_UNITS.includes(g.unitCode) && g.category === 'CIVIL_SERVANT';
    // 2026: what is used plus 1–2 seats or the open vacancies, never above the planned seats (illustrative)
    const q2026 = full ? need2026 : Math.max(need2026, Math.min(g.seats, need2026 + Math.max(rng.int(1, 2), g.openVacancies)));
    const q2025 = Math.max(need2025, Math.min(g.seats, need2025 + rng.int(0, 2)));
    quotas.push({ unitCode: g.unitCode, year: 2025, category: g.category, headcount: q2025 });
    // a district dissolved by the reform has no quota for the years after it
    if (!(D.REFORM_2025.dissolved as readonly string[]).includes(g.unitCode)) quotas.push({ unitCode: g.unitCode, year: 2026, category: g.category, headcount: q2026 });
  }
  return quotas;
}

function buildWorkload(): Model['workload'] {
  const rows: Model['workload'] = [];
  const t = D.TU_SON_DOSSIERS;
  // Từ Sơn dossiers per ward per year (domain.md figures, annualised and split over 12 wards)
  const onlinePerWard = (t.online * 365) / t.periodDays / t.wards;
  const paperPerWard = ((t.total - t.online) * 365) / t.periodDays / t.wards;
  const tuSon = D.ORG_UNITS.find((u) => u.code === 'VN.BAC_NINH.TU_SON')!;
  const avgWardPopulation = tuSon.population! / t.wards;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  for (const unit of D.ORG_UNITS) {
    if (!LOCAL_KINDS.has(unit.kind)) continue;
    for (const c of D.WORKLOAD_COMPONENTS) rows.push({ unitCode: unit.code, name: c.name, volume: c.volume, minutes: c.minutes, digitisable: c.digitisable });
    // HCM units: scaled by population against the average Từ Sơn ward (illustrative)
    const scale = unit.code.startsWith('VN.BAC_NINH.TU_SON.') ? 1 : (unit.population ?? avgWardPopulation) / avgWardPopulation;
    rows.push({ unitCode: unit.code, name: 'Hồ sơ thủ tục hành chính trực tuyến', volume: r1(onlinePerWard * scale), minutes: D.DOSSIER_MINUTES.online, digitisable: true });
    rows.push({ unitCode: unit.code, name: 'Hồ sơ thủ tục hành chính giấy', volume: r1(paperPerWard * scale), minutes: D.DOSSIER_MINUTES.paper, digitisable: true });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// SQL
// ---------------------------------------------------------------------------------------------
/** One set-based insert: the rows travel as one JSON parameter, unpacked by jsonb_to_recordset. */
/**
 * Sexes and birth dates for the demo's people (illustrative): an even mix of sexes, a day in
 * each person's birth year, and one commune, Xã Long Thới, whose staff were mostly born in
 * 1964–1970, so that its forecast shows a wave of retirements in the years ahead. Its own
 * stream, so the rest of the demo does not move.
 */
const RETIRING_COMMUNE = 'VN.HO_CHI_MINH.NHA_BE.LONG_THOI';

function demoIdentities(people: readonly Person[]): Array<{ birth_year: number; sex: 'MALE' | 'FEMALE'; birth_date: string }> {
  const rng = new Rng('identity');
  return people.map((p) => {
    const sex = rng.chance(0.52) ? 'FEMALE' : 'MALE';
    const ageing = p.homeUnit === RETIRING_COMMUNE && rng.chance(0.8);
    const birthYear = ageing ? rng.int(1964, 1970) : p.birthYear;
    const birthDate = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    return { birth_year: birthYear, sex, birth_date: birthDate };
  });
}

async function insertRows<Row = Record<string, unknown>>(run: SqlRunner, sql: string, rows: unknown[]): Promise<Row[]> {
  if (!rows.length) return [];
  return run<Row>(sql, [JSON.stringify(rows)]);
}

function timestamp(d: number, seq: number, salt: number): string {
  const hour = String(8 + Math.min(seq, 9)).padStart(2, '0');
  const minute = String((salt * 7 + seq * 13) % 60).padStart(2, '0');
  return `${iso(d)} ${hour}:${minute}:00+07`;
}

/** Who records the demo's reform in the audit trail. */
function seedAdministrator(): Viewer {
  const viewer = new Viewer();
  viewer.subject = 'demo-seed';
  viewer.role = Role.ADMIN;
  viewer.unitCode = null;
  viewer.expiresAt = null;
  return viewer;
}

export async function seedDemoData(em: EntityManager): Promise<DemoSummary> {
  const run: SqlRunner = sqlRunnerFor(em);
  const m = buildModel();

  // The country's map (today's units and the pre-reform tree), set-based; then the demo's own
  // units (its departments, as they were until the reform and as they are today), one statement
  // per depth so parents exist first, and the populations the demo gives the country's units.
  await loadCountry(run, buildCountry());
  const lastDayBefore = iso(day(D.REFORM_2025.effectiveOn) - 1);
  const ownUnits = [
    ...D.ORG_UNITS.filter((u) => !u.country).map((u) => ({ ...u, valid_from: D.RECORDS_BEGIN, valid_to: lastDayBefore as string | null })),
    ...D.REFORM_2025.departments.map((d) => ({ ...D.ORG_UNITS.find((u) => u.code === d.was)!, code: d.code, valid_from: D.REFORM_2025.effectiveOn, valid_to: null })),
  ];
  const depth = (code: string) => code.split('.').length;
  const maxDepth = Math.max(...ownUnits.map((u) => depth(u.code)));
  for (let d = 1; d <= maxDepth; d++) {
    const rows = ownUnits.filter((u) => depth(u.code) === d).map((u, ord) => ({ ord, code: u.code, name: u.name, kind: u.kind, parent_code: parentOf(u.code), population: u.population, valid_from: u.valid_from, valid_to: u.valid_to }));
    await insertRows(run,
      `insert into org_unit (code, name, kind, parent_id, population, valid_from, valid_to)
       select r.code, r.name, r.kind, p.id, r.population, r.valid_from, r.valid_to
         from jsonb_to_recordset(?::jsonb) as r(ord int, code text, name text, kind text, parent_code text, population int, valid_from date, valid_to date)
         left join org_unit p on p.code = r.parent_code
        order by r.ord`, rows);
  }
  await insertRows(run,
    `update org_unit u set successor_id = s.id from jsonb_to_recordset(?::jsonb) as r(code text, was text)
      join org_unit s on s.code = r.code where u.code = r.was`,
    D.REFORM_2025.departments.map((d) => ({ code: d.code, was: d.was })));
  await insertRows(run,
    `update org_unit u set population = r.population from jsonb_to_recordset(?::jsonb) as r(code text, population int) where u.code = r.code`,
    D.ORG_UNITS.filter((u) => u.country && u.population !== null).map((u) => ({ code: u.code, population: u.population })));
  const unitId = new Map<string, string>();
  for (const r of await run<{ id: string; code: string }>(`select id, code from org_unit where code = any(?::text[])`, [D.ORG_UNITS.map((u) => u.code)])) unitId.set(r.code, String(r.id));
  const uid = (code: string) => {
    const id = unitId.get(code);
    if (!id) throw new Error(`demo seed: unit ${code} not inserted`);
    return id;
  };

  const competencyId = new Map<string, string>();
  for (const r of await insertRows<{ id: string; code: string }>(run,
    `insert into competency (code, name, is_digital)
     select r.code, r.name, r.is_digital from jsonb_to_recordset(?::jsonb) as r(ord int, code text, name text, is_digital boolean)
      order by r.ord returning id, code`,
    D.COMPETENCIES.map((c, ord) => ({ ord, code: c.code, name: c.name, is_digital: c.isDigital })))) competencyId.set(r.code, String(r.id));
  const cid = (code: string) => {
    const id = competencyId.get(code);
    if (!id) throw new Error(`demo seed: unknown competency ${code}`);
    return id;
  };

  await insertRows(run,
    `insert into establishment_quota (unit_id, year, category, headcount)
     select r.unit_id, r.year, r.category, r.headcount from jsonb_to_recordset(?::jsonb) as r(unit_id bigint, year int, category text, headcount int)`,
    m.quotas.map((q) => ({ unit_id: uid(q.unitCode), year: q.year, category: q.category, headcount: q.headcount })));

  // positions: (unit, title) is unique in the demo, so it maps the returned ids back
  const positionId = new Map<Pos, string>();
  {
    const byUnitTitle = new Map(m.positions.map((p) => [`${uid(p.unitCode)}|${p.title}`, p]));
    if (byUnitTitle.size !== m.positions.length) throw new Error('demo seed: position titles are not unique per unit');
    const inserted = await insertRows<{ id: string; unit_id: string; title: string }>(run,
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
       select r.unit_id, r.title, r.category, r.role_family, r.seniority, r.pay_coefficient, r.headcount
         from jsonb_to_recordset(?::jsonb) as r(ord int, unit_id bigint, title text, category text, role_family text, seniority text, pay_coefficient numeric, headcount int)
        order by r.ord
       returning id, unit_id, title`,
      m.positions.map((p, ord) => ({ ord, unit_id: uid(p.unitCode), title: p.title, category: p.category, role_family: p.roleFamily, seniority: p.seniority, pay_coefficient: p.coefficient, headcount: p.headcount })));
    for (const r of inserted) positionId.set(byUnitTitle.get(`${r.unit_id}|${r.title}`)!, String(r.id));
  }
  const pid = (p: Pos) => positionId.get(p)!;
  await insertRows(run,
    `insert into position_requirement (position_id, competency_id, level)
     select r.position_id, r.competency_id, r.level from jsonb_to_recordset(?::jsonb) as r(position_id bigint, competency_id bigint, level int)`,
    m.positions.flatMap((p) => p.reqs.map((r) => ({ position_id: pid(p), competency_id: cid(r.code), level: r.level }))));

  // people: full names are unique in the demo, so they map the returned ids back
  const personId = new Map<Person, string>();
  {
    const byName = new Map(m.people.map((p) => [p.fullName, p]));
    if (byName.size !== m.people.length) throw new Error('demo seed: person names are not unique');
    const identities = demoIdentities(m.people);
    const inserted = await insertRows<{ id: string; full_name: string }>(run,
      `insert into person (full_name, birth_year, sex, birth_date, home_unit_id)
       select r.full_name, r.birth_year, r.sex, r.birth_date, r.home_unit_id
         from jsonb_to_recordset(?::jsonb) as r(ord int, full_name text, birth_year int, sex text, birth_date date, home_unit_id bigint)
        order by r.ord
       returning id, full_name`,
      m.people.map((p, ord) => ({ ord, full_name: p.fullName, ...identities[ord], home_unit_id: uid(p.homeUnit) })));
    for (const r of inserted) personId.set(byName.get(r.full_name)!, String(r.id));
  }
  await insertRows(run,
    `insert into person_competency (person_id, competency_id, level)
     select r.person_id, r.competency_id, r.level from jsonb_to_recordset(?::jsonb) as r(person_id bigint, competency_id bigint, level int)`,
    m.people.flatMap((p) => [...p.comps].map(([code, level]) => ({ person_id: personId.get(p), competency_id: cid(code), level }))));
  await insertRows(run,
    `insert into assignment (person_id, position_id, kind, start_date, end_date, end_reason, destination_sector)
     select r.person_id, r.position_id, r.kind, r.start_date, r.end_date, r.end_reason, r.destination_sector
       from jsonb_to_recordset(?::jsonb) as r(ord int, person_id bigint, position_id bigint, kind text, start_date date, end_date date, end_reason text, destination_sector text)
      order by r.ord`,
    [...m.assignments]
      .sort((a, b) => a.start - b.start)
      .map((a, ord) => ({
        ord, person_id: personId.get(a.person), position_id: pid(a.pos), kind: a.kind, start_date: iso(a.start), end_date: a.end === null ? null : iso(a.end),
        end_reason: a.endReason ?? null, destination_sector: a.destinationSector ?? null,
      })));

  await insertRows(run,
    `insert into base_salary (effective_from, monthly_amount, legal_basis)
     select r.effective_from, r.monthly_amount, r.legal_basis from jsonb_to_recordset(?::jsonb) as r(effective_from date, monthly_amount bigint, legal_basis text)
     on conflict (effective_from) do nothing`,
    D.BASE_SALARIES.map((b) => ({ effective_from: b.effectiveFrom, monthly_amount: b.monthlyAmount, legal_basis: b.legalBasis })));
  await insertRows(run,
    `insert into salary_benchmark (role_family, seniority, sector, region, p25, p50, p75, source, as_of)
     select r.role_family, r.seniority, r.sector, r.region, r.p25, r.p50, r.p75, r.source, r.as_of
       from jsonb_to_recordset(?::jsonb) as r(ord int, role_family text, seniority text, sector text, region text, p25 bigint, p50 bigint, p75 bigint, source text, as_of date)
      order by r.ord`,
    m.benchmarks.map((b, ord) => ({ ord, role_family: b.roleFamily, seniority: b.seniority, sector: b.sector, region: b.region, p25: b.p25, p50: b.p50, p75: b.p75, source: b.source, as_of: b.asOf })));

  const packageId = new Map<string, string>();
  for (const r of await insertRows<{ id: string; name: string }>(run,
    `insert into incentive_package (name, legal_basis, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years, eligible_role_families, valid_from, valid_to)
     select r.name, r.legal_basis, r.monthly_allowance, r.salary_percent_allowance, r.signing_bonus, r.min_service_years, r.eligible_role_families, r.valid_from, r.valid_to
       from jsonb_to_recordset(?::jsonb) as r(ord int, name text, legal_basis text, monthly_allowance bigint, salary_percent_allowance double precision, signing_bonus bigint, min_service_years int, eligible_role_families text[], valid_from date, valid_to date)
      order by r.ord
     returning id, name`,
    D.INCENTIVE_PACKAGES.map((p, ord) => ({ ord, name: p.name, legal_basis: p.legalBasis, monthly_allowance: p.monthlyAllowance, salary_percent_allowance: p.salaryPercentAllowance, signing_bonus: p.signingBonus, min_service_years: p.minServiceYears, eligible_role_families: p.eligible, valid_from: p.validFrom, valid_to: p.validTo })))) packageId.set(r.name, String(r.id));
  const pkgId = (p: D.PackageRow | null) => (p ? packageId.get(p.name)! : null);

  // vacancies: (position, opened_on) is unique in the demo
  const vacancyId = new Map<Vacancy, string>();
  {
    const byKey = new Map(m.vacancies.map((v) => [`${pid(v.pos)}|${iso(v.openedOn)}`, v]));
    if (byKey.size !== m.vacancies.length) throw new Error('demo seed: two vacancies share a position and an opening date');
    const inserted = await insertRows<{ id: string; position_id: string; opened: string }>(run,
      `insert into vacancy (position_id, status, opened_on, filled_on, closed_on, incentive_package_id)
       select r.position_id, r.status, r.opened_on, r.filled_on, r.closed_on, r.incentive_package_id
         from jsonb_to_recordset(?::jsonb) as r(ord int, position_id bigint, status text, opened_on date, filled_on date, closed_on date, incentive_package_id bigint)
        order by r.ord
       returning id, position_id, opened_on::text as opened`,
      m.vacancies.map((v, ord) => ({ ord, position_id: pid(v.pos), status: v.status, opened_on: iso(v.openedOn), filled_on: v.filledOn === null ? null : iso(v.filledOn), closed_on: v.closedOn === null ? null : iso(v.closedOn), incentive_package_id: pkgId(v.pkg) })));
    for (const r of inserted) vacancyId.set(byKey.get(`${r.position_id}|${r.opened}`)!, String(r.id));
  }

  const candidateId = new Map<Candidate, string>();
  {
    const byName = new Map(m.candidates.map((c) => [c.fullName, c]));
    const inserted = await insertRows<{ id: string; full_name: string }>(run,
      `insert into candidate (full_name, current_sector)
       select r.full_name, r.current_sector from jsonb_to_recordset(?::jsonb) as r(ord int, full_name text, current_sector text)
        order by r.ord
       returning id, full_name`,
      m.candidates.map((c, ord) => ({ ord, full_name: c.fullName, current_sector: c.sector })));
    for (const r of inserted) candidateId.set(byName.get(r.full_name)!, String(r.id));
  }
  await insertRows(run,
    `insert into candidate_competency (candidate_id, competency_id, level)
     select r.candidate_id, r.competency_id, r.level from jsonb_to_recordset(?::jsonb) as r(candidate_id bigint, competency_id bigint, level int)`,
    m.candidates.flatMap((c) => [...c.comps].map(([code, level]) => ({ candidate_id: candidateId.get(c), competency_id: cid(code), level }))));

  const applicationId = new Map<Application, string>();
  {
    const byKey = new Map(m.applications.map((a) => [`${candidateId.get(a.cand)}|${vacancyId.get(a.vac)}`, a]));
    if (byKey.size !== m.applications.length) throw new Error('demo seed: duplicate application');
    const inserted = await insertRows<{ id: string; candidate_id: string; vacancy_id: string }>(run,
      `insert into application (candidate_id, vacancy_id, stage, applied_on)
       select r.candidate_id, r.vacancy_id, r.stage, r.applied_on
         from jsonb_to_recordset(?::jsonb) as r(ord int, candidate_id bigint, vacancy_id bigint, stage text, applied_on date)
        order by r.ord
       returning id, candidate_id, vacancy_id`,
      m.applications.map((a, ord) => ({ ord, candidate_id: candidateId.get(a.cand), vacancy_id: vacancyId.get(a.vac), stage: a.changes[a.changes.length - 1].to, applied_on: iso(a.appliedOn) })));
    for (const r of inserted) applicationId.set(byKey.get(`${r.candidate_id}|${r.vacancy_id}`)!, String(r.id));
  }
  await insertRows(run,
    `insert into application_stage_change (application_id, from_stage, to_stage, changed_at, changed_by)
     select r.application_id, r.from_stage, r.to_stage, r.changed_at, r.changed_by
       from jsonb_to_recordset(?::jsonb) as r(ord int, application_id bigint, from_stage text, to_stage text, changed_at timestamptz, changed_by text)
      order by r.ord`,
    m.applications.flatMap((a, ai) => a.changes.map((c, seq) => ({ application_id: applicationId.get(a), from_stage: c.from, to_stage: c.to, changed_at: timestamp(c.day, seq, ai), changed_by: 'demo-seed' })))
      .map((row, ord) => ({ ord, ...row })));
  await insertRows(run,
    `insert into offer (application_id, monthly_pay, incentive_package_id, status, decline_reason, pay_ratio, offered_on, decided_on)
     select r.application_id, r.monthly_pay, r.incentive_package_id, r.status, r.decline_reason, r.pay_ratio, r.offered_on, r.decided_on
       from jsonb_to_recordset(?::jsonb) as r(ord int, application_id bigint, monthly_pay bigint, incentive_package_id bigint, status text, decline_reason text, pay_ratio double precision, offered_on date, decided_on date)
      order by r.ord`,
    [...m.offers]
      .sort((a, b) => a.offeredOn - b.offeredOn)
      .map((o, ord) => ({ ord, application_id: applicationId.get(o.app), monthly_pay: o.monthlyPay, incentive_package_id: pkgId(o.pkg), status: o.status, decline_reason: o.reason, pay_ratio: o.payRatio, offered_on: iso(o.offeredOn), decided_on: o.decidedOn === null ? null : iso(o.decidedOn) })));

  await insertRows(run,
    `insert into workload_component (unit_id, name, category, annual_volume, minutes_per_item, digitisable)
     select r.unit_id, r.name, 'CIVIL_SERVANT', r.annual_volume, r.minutes_per_item, r.digitisable
       from jsonb_to_recordset(?::jsonb) as r(ord int, unit_id bigint, name text, annual_volume double precision, minutes_per_item double precision, digitisable boolean)
      order by r.ord`,
    m.workload.map((w, ord) => ({ ord, unit_id: uid(w.unitCode), name: w.name, annual_volume: w.volume, minutes_per_item: w.minutes, digitisable: w.digitisable })));

  // Each candidate was recorded by the HR office of the unit of their first application.
  await run(
    `update candidate c set home_unit_id = first_app.unit_id
       from (select distinct on (a.candidate_id) a.candidate_id, p.unit_id
               from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id
              order by a.candidate_id, a.applied_on, a.id) first_app
      where first_app.candidate_id = c.id`,
  );

  // The 2025 reform: what is live in the old units moves into today's, by the reorganisation
  // module's own rules (one audit event each); the units' dates and successors are the map's.
  const administrator = seedAdministrator();
  const moves = [...D.REFORM_2025.departments.map((d) => ({ successor: d.code, predecessors: [d.was] })), ...D.REFORM_2025.moves];
  for (const move of moves) {
    await moveIntoSuccessor(em, administrator, { successorCode: move.successor, predecessorCodes: [...move.predecessors], effectiveOn: D.REFORM_2025.effectiveOn });
  }
  await em.flush();

  const [counts] = await run<Record<keyof DemoSummary, number>>(
    `select (select count(*)::int from org_unit) as units,
            (select count(*)::int from position) as positions,
            (select count(*)::int from person) as people,
            (select count(*)::int from assignment) as assignments,
            (select count(*)::int from vacancy) as vacancies,
            (select count(*)::int from candidate) as candidates,
            (select count(*)::int from application) as applications,
            (select count(*)::int from offer) as offers,
            (select count(*)::int from offer where status in ('ACCEPTED', 'DECLINED')) as "decidedOffers"`,
  );
  return { ...counts };
}
