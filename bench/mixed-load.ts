/**
 * The mixed-load case of the benchmark: `connections` concurrent clients for `durationSeconds`
 * against the real HTTP endpoint, with real tokens, over the mix of reads and writes an HR
 * department and policymakers produce (about 80 % reads, 20 % writes).
 *
 * Preparation reads real ids and codes from the national dataset (bench/scale.ts on the real
 * map: today's provinces VN.AGG…VN.VLG, their communes that hold data, departments VN.AGG.S001)
 * and signs one token per actor:
 *
 *   HR_OFFICER × up to 8  (one per province, the first 8 by code): staff and recruitment reads and every write
 *                          of the recruitment and staffing tracks, in their province only
 *   POLICYMAKER (1st province): IT vacancies, payGap, simulatePolicy, savePolicyScenario
 *   ANALYST     (2nd province): aggregates only (staffingGap tree, funnel, skillGaps, placementFit)
 *   ADMIN:                  the audit trail, the list of provinces, any province's gap tree
 *
 * Every client acts for one HR officer (client i → province i mod 8) in its HR picks. Writes run
 * as three tracks per province; when the seeded PRNG of a client picks a track, the client
 * advances one instance of it (the one furthest along that is not in flight, else a new one) by
 * one step, so instances finish and every step gets its share of the mix:
 *
 *   recruit  openVacancy → createCandidate → applyToVacancy → moveApplication SCREENING →
 *            moveApplication INTERVIEW → makeOffer → decideOffer → hireCandidate (accepted),
 *            or → cancelVacancy (declined, with its reason)
 *   walk-in  createCandidate → applyToVacancy (an existing live vacancy on a position no assignment of the mix takes) → moveApplication
 *            SCREENING → moveApplication REJECTED or WITHDRAWN
 *   staff    createPerson → assignPerson
 *
 * Writes are valid by construction, so any error is the server's: an instance is in at most one
 * request at a time and owns the vacancy, candidate, application and person it created, and
 * nothing in the mix ends or fills a vacancy it did not open. The establishment quota is
 * honoured without racing it: preparation counts, per unit and staff category, the PRIMARY seats
 * the quota leaves free on the start date (1 January of next year, the new budget year) and
 * hands out each seat once; hireCandidate and a PRIMARY assignPerson only ever use such a seat.
 * When a province's seats run out, the recruit track takes its declined path and assignPerson a
 * CONCURRENT post (neither counts against the quota), so the mix stays valid however long it runs.
 * A failed step drops its instance.
 *
 * An error is a non-2xx status, a body with `errors`, a mutation payload with `userErrors`, a
 * body that is not JSON, or a request that got no response (timeout, dropped connection).
 * Latency percentiles are timed here (autocannon's histogram has no p95): from building the
 * request to its response, every response counted.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { signToken } from '../src/auth/token';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { mulberry32 } from '../src/shared/prng';
import { today } from '../src/shared/today';

export interface MixedLoadOptions {
  url: string;
  databaseUrl: string;
  jwtSecret: string;
  connections: number;
  durationSeconds: number;
}

export interface MixedLoadResult {
  requests: number;
  errors: number;
  errorSamples: string[];
  rps: number;
  p50_ms: number;
  p95_ms: number;
  byOperation: Record<string, { requests: number; errors: number; p50_ms?: number; p95_ms?: number }>;
  /** operation -> weight (percent of requests, by design) */
  mix: Record<string, number>;
}

/** HR officers, one per province, the first ones by code. */
const HR_PROVINCES = 8;
/** Share of recruit tracks that end in a hire (when a seat under the quota is left). */
const HIRE_SHARE = 0.75;
const MAX_ERROR_SAMPLES = 5;
const SEED = 20261126;

// ---------------------------------------------------------------------------------------------
// Operations

const USER_ERRORS = 'userErrors { code message field }';

const Q = {
  staffingGapUnit: `query MixStaffingGap($unitCode: String!, $year: Int!) {
  staffingGap(unitCode: $unitCode, year: $year) {
    unit { code name kind } quota filled gap openVacancies concurrentCoverage
    itSeatsPlanned itSeatsFilled itSeatsCoveredConcurrently itGap
  }
}`,
  staffingGapTree: `query MixStaffingGapTree($unitCode: String!, $year: Int!) {
  staffingGap(unitCode: $unitCode, year: $year) {
    unit { code name } quota filled gap openVacancies itGap
    children { unit { code name kind } quota filled gap openVacancies itGap itSeatsCoveredConcurrently }
  }
}`,
  unitChildren: `query MixUnitChildren($code: String!) {
  orgUnit(code: $code) { code name kind children(first: 50) { totalCount edges { node { id code name kind population } } } }
}`,
  unitsOfKind: `query MixUnitsOfKind($parentCode: String!, $kind: OrgUnitKind!) {
  orgUnits(parentCode: $parentCode, kind: $kind, first: 20) { totalCount edges { node { code name population } } }
}`,
  positionsOfUnit: `query MixPositionsOfUnit($unitCode: String!) {
  positions(unitCode: $unitCode, includeDescendants: false, first: 20) {
    totalCount
    edges { node { id title category roleFamily seniority headcount isItSpecialist assignments { kind startDate person { fullName } } } }
  }
}`,
  vacanciesLongestOpen: `query MixVacanciesLongestOpen($unitCode: String!) {
  vacancies(unitCode: $unitCode, status: [OPEN, INTERVIEWING, OFFERED], longestOpenFirst: true, first: 20) {
    totalCount
    edges { node { id status openedOn daysOpen daysOpenBand position { title roleFamily unit { code name } } } }
  }
}`,
  itVacancies: `query MixItVacancies($unitCode: String!) {
  vacancies(unitCode: $unitCode, status: [OPEN, INTERVIEWING, OFFERED], itOnly: true, first: 20) {
    totalCount
    edges { node { id status openedOn daysOpen daysOpenBand incentivePackage { name monthlyAllowance } position { title roleFamily seniority unit { name } } } }
  }
}`,
  person: `query MixPerson($id: ID!) {
  node(id: $id) {
    id
    ... on Person {
      fullName birthYear
      competencies { level competency { code name } }
      assignments { kind startDate position { title category unit { code name } } }
    }
  }
}`,
  people: `query MixPeople($unitCode: String!) {
  people(unitCode: $unitCode, first: 20) { totalCount edges { node { id fullName birthYear } } }
}`,
  matchCandidates: `query MixMatchCandidates($positionId: ID!) {
  matchCandidates(positionId: $positionId, first: 10) { score candidate { id fullName } person { id fullName } missing { level competency { code } } }
}`,
  funnel: `query MixRecruitmentFunnel($unitCode: String!, $from: LocalDate!, $to: LocalDate!) {
  recruitmentFunnel(unitCode: $unitCode, from: $from, to: $to) {
    applications byStage { stage count } offers offersAccepted offersDeclined acceptanceRate
    hires internalHires externalHires medianDaysToFill declineReasons { reason count }
  }
}`,
  skillGaps: `query MixSkillGaps($unitCode: String!) {
  skillGaps(unitCode: $unitCode) { competency { code name isDigital } seatsRequiring seatsMet gap peopleWithSkill }
}`,
  placementFit: `query MixPlacementFit($unitCode: String!) {
  placementFit(unitCode: $unitCode) { unit { code } assignmentsEvaluated fullyQualified mismatched fitRate }
}`,
  payGap: `query MixPayGap($positionId: ID!, $incentivePackageId: ID) {
  payGap(positionId: $positionId, incentivePackageId: $incentivePackageId) {
    publicMonthly privateMedian ratio region coefficientPay
    benchmark { source asOf region } incentivePackage { name } position { title roleFamily seniority }
  }
}`,
  simulatePolicy: `query MixSimulatePolicy($input: SimulatePolicyInput!) {
  simulatePolicy(input: $input) {
    vacanciesConsidered model { source fittedOn intercept slope }
    baseline { expectedHires expectedFillRate annualIncentiveCost }
    scenario { expectedHires expectedHiresLow expectedHiresHigh annualIncentiveCost }
    deltaExpectedHires costPerAdditionalHire
    byUnit { unit { code } vacanciesConsidered deltaExpectedHires }
  }
}`,
  auditEvents: `query MixAuditEvents {
  auditEvents(first: 20) { totalCount edges { node { at subject role operation unitCode targetId } } }
}`,
  provinces: `query MixProvinces {
  orgUnits(kind: PROVINCE, first: 40) { totalCount edges { node { code name population } } }
}`,
  openVacancy: `mutation MixOpenVacancy($input: OpenVacancyInput!) {
  openVacancy(input: $input) { vacancy { id status openedOn } ${USER_ERRORS} }
}`,
  createCandidate: `mutation MixCreateCandidate($input: CreateCandidateInput!) {
  createCandidate(input: $input) { candidate { id } ${USER_ERRORS} }
}`,
  applyToVacancy: `mutation MixApplyToVacancy($input: ApplyInput!) {
  applyToVacancy(input: $input) { application { id stage } ${USER_ERRORS} }
}`,
  moveApplication: `mutation MixMoveApplication($input: MoveApplicationInput!) {
  moveApplication(input: $input) { application { id stage vacancy { status } } ${USER_ERRORS} }
}`,
  makeOffer: `mutation MixMakeOffer($input: MakeOfferInput!) {
  makeOffer(input: $input) { offer { id status payRatio } ${USER_ERRORS} }
}`,
  decideOffer: `mutation MixDecideOffer($input: DecideOfferInput!) {
  decideOffer(input: $input) { offer { id status declineReason } ${USER_ERRORS} }
}`,
  hireCandidate: `mutation MixHireCandidate($input: HireCandidateInput!) {
  hireCandidate(input: $input) { assignment { id kind startDate person { id } } ${USER_ERRORS} }
}`,
  cancelVacancy: `mutation MixCancelVacancy($input: CancelVacancyInput!) {
  cancelVacancy(input: $input) { vacancy { id status } ${USER_ERRORS} }
}`,
  createPerson: `mutation MixCreatePerson($input: CreatePersonInput!) {
  createPerson(input: $input) { person { id } ${USER_ERRORS} }
}`,
  assignPerson: `mutation MixAssignPerson($input: AssignPersonInput!) {
  assignPerson(input: $input) { assignment { id kind startDate } ${USER_ERRORS} }
}`,
  savePolicyScenario: `mutation MixSavePolicyScenario($input: SavePolicyScenarioInput!) {
  savePolicyScenario(input: $input) { policyScenario { id createdAt } ${USER_ERRORS} }
}`,
};

/** Every GraphQL document of the mix, for a validity check against the schema. */
export const MIXED_LOAD_DOCUMENTS: Readonly<Record<string, string>> = Q;

// ---------------------------------------------------------------------------------------------
// Prepared data

interface Slot {
  positionId: string;
  isIt: boolean;
  /** The unit and category whose quota the seat counts against (`unitId:category`). */
  quotaKey: string;
}

interface LiveVacancy {
  id: string;
  appliedOn: string;
}

interface Province {
  code: string;
  token: string;
  communes: string[];
  /** Global IDs of people holding a PRIMARY post in the province. */
  people: string[];
  /** Global IDs of positions, IT ones first in line for matchCandidates and payGap. */
  positions: Array<{ id: string; isIt: boolean }>;
  itPositions: string[];
  liveVacancies: LiveVacancy[];
  /** Seats the quota leaves free on the start date, for PRIMARY assignments, each handed out once (pop). */
  slots: Slot[];
  /**
   * Seats a vacancy may open on (the position's headcount less its PRIMARY holders on the hires'
   * start date and its live vacancies, the contract's rule on both days), each handed out once; on positions apart
   * from `slots`' so that an assignment never fills a vacancy the mix is recruiting for.
   */
  vacancySeats: Slot[];
  /** PRIMARY seats left under the quota per `unitId:category`, shared by hires and assignments. */
  quotaRoom: Map<string, number>;
  /** Write-track instances of the province waiting for their next step (out of the pool while a step is in flight). */
  tracks: { recruit: RecruitTrack[]; walkIn: WalkInTrack[]; staff: StaffTrack[] };
}

interface Prepared {
  hr: Province[];
  policymaker: Province;
  analyst: Province;
  adminToken: string;
  provinces: string[];
  competencies: string[];
  packages: string[];
  year: number;
  /** Opening day of the vacancies the mix opens (two days ago, safe in any time zone). */
  openedOn: string;
  /** Start of the hires and assignments the mix makes: 1 January of next year. */
  startDate: string;
  funnelFrom: string;
  funnelTo: string;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function prepare(options: MixedLoadOptions): Promise<Prepared> {
  const day = today();
  const year = Number(day.slice(0, 4));
  const openedOn = addDays(day, -2);
  const startDate = `${year + 1}-01-01`;
  const rng = mulberry32(SEED);
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    // Today's provinces that hold the dataset: not the ones that ended with the 2025 reform.
    const provinces = (
      await db.query<{ code: string }>(
        `select u.code from org_unit u join org_unit n on n.id = u.parent_id and n.code = 'VN'
         where u.valid_to is null and exists (select 1 from position p where p.unit_id = u.id) order by u.code`,
      )
    ).rows.map((r) => r.code);
    if (provinces.length < 2) throw new Error('mixed load: the database holds no national dataset (provinces under VN with positions); run bench/scale.ts first');

    const competencies = (await db.query<{ code: string }>(`select code from competency where code like 'SCALE\\_%' order by code`)).rows.map((r) => r.code);
    if (competencies.length < 3) throw new Error('mixed load: the competencies SCALE_1..20 are missing');
    const packages = (
      await db.query<{ id: string }>(
        `select distinct on (name) id::text from incentive_package where name in ('Scale A', 'Scale B') and valid_from <= $1::date and (valid_to is null or valid_to >= $1::date) order by name, id desc`,
        [day],
      )
    ).rows.map((r) => toGlobalId('IncentivePackage', r.id));

    const loadProvince = async (code: string, role: Role): Promise<Province> => {
      const communes = (
        await db.query<{ code: string }>(
          // Those the dataset is on: below full scale, a share of the map's communes hold it.
          `select u.code from org_unit u where u.path <@ $1::ltree and u.kind in ('WARD', 'COMMUNE') and u.valid_to is null
             and exists (select 1 from position p where p.unit_id = u.id) order by u.code limit 500`,
          [code],
        )
      ).rows.map((r) => r.code);
      const people = (
        await db.query<{ id: string }>(
          `select a.person_id::text as id from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
           where u.path <@ $1::ltree and a.kind = 'PRIMARY' and a.end_date is null
           order by hashtext('mix' || a.person_id) limit 500`,
          [code],
        )
      ).rows.map((r) => toGlobalId('Person', r.id));
      const positions = (
        await db.query<{ id: string; it: boolean }>(
          `select p.id::text as id, p.is_it_specialist as it from position p join org_unit u on u.id = p.unit_id
           where u.path <@ $1::ltree and u.valid_to is null and exists (select 1 from position_requirement r where r.position_id = p.id)
           order by hashtext('mixpos' || p.id) limit 400`,
          [code],
        )
      ).rows.map((r) => ({ id: toGlobalId('Position', r.id), isIt: r.it }));
      const liveVacancies = (
        await db.query<{ id: string; applied_on: string }>(
          `select v.id::text as id, least(v.opened_on + 7, $2::date)::text as applied_on
           from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id
           where u.path <@ $1::ltree and u.valid_to is null and v.status in ('OPEN', 'INTERVIEWING', 'OFFERED') and v.opened_on <= $2::date
             and hashtext('mixseat' || p.id) % 2 <> 0
           order by hashtext('mixvac' || v.id) limit 500`,
          [code, openedOn],
        )
      ).rows.map((r) => ({ id: toGlobalId('Vacancy', r.id), appliedOn: r.applied_on }));
      // Free PRIMARY seats per unit and category on the start date: its year's quota less the
      // PRIMARY assignments active that day (the establishment rule's own arithmetic). Positions
      // split in two by a hash: the even ones take assignments, the odd ones vacancies. The
      // walk-ins above apply only on odd ones: a PRIMARY seat taken on a position with more live
      // vacancies than free seats fills its oldest vacancy and rejects that vacancy's applications
      // (the vacancy rule), which at quick scale turned four walk-in steps into INVALID_STATE.
      const groups = (
        await db.query<{ unit_category: string; position_ids: string[]; it: boolean[]; seats_left: number }>(
          `with units as (select id from org_unit where path <@ $1::ltree and valid_to is null),
                grp as (select p.unit_id, p.category, array_agg(p.id::text order by p.id) as position_ids, array_agg(p.is_it_specialist order by p.id) as it
                        from position p join units on units.id = p.unit_id where hashtext('mixseat' || p.id) % 2 = 0 group by p.unit_id, p.category),
                act as (select p.unit_id, p.category, count(*)::int as n
                        from assignment a join position p on p.id = a.position_id join units on units.id = p.unit_id
                        where a.kind = 'PRIMARY' and a.start_date <= $2::date and (a.end_date is null or a.end_date >= $2::date)
                        group by p.unit_id, p.category)
           select q.unit_id || ':' || q.category as unit_category, coalesce(g.position_ids, '{}') as position_ids, coalesce(g.it, '{}') as it,
                  (q.headcount - coalesce(act.n, 0))::int as seats_left
           from establishment_quota q
           join units on units.id = q.unit_id
           left join grp g on g.unit_id = q.unit_id and g.category = q.category
           left join act on act.unit_id = q.unit_id and act.category = q.category
           where q.year = $3 and q.headcount - coalesce(act.n, 0) > 0`,
          [code, startDate, year + 1],
        )
      ).rows;
      const quotaRoom = new Map(groups.map((g) => [g.unit_category, g.seats_left]));
      const slots: Slot[] = [];
      for (const g of groups) {
        for (let i = 0; g.position_ids.length && i < Math.min(g.seats_left, 20_000); i++) {
          const k = i % g.position_ids.length;
          slots.push({ positionId: toGlobalId('Position', g.position_ids[k]), isIt: g.it[k], quotaKey: g.unit_category });
        }
      }
      const vacancySeats: Slot[] = [];
      const openable = (
        await db.query<{ id: string; it: boolean; unit_category: string; open_seats: number }>(
          `select p.id::text as id, p.is_it_specialist as it, p.unit_id || ':' || p.category as unit_category,
                  (p.headcount
                   - (select count(*) from assignment a where a.position_id = p.id and a.kind = 'PRIMARY' and a.start_date <= $2::date and a.end_date is null)
                   - (select count(*) from vacancy v where v.position_id = p.id and v.status in ('OPEN', 'INTERVIEWING', 'OFFERED')))::int as open_seats
           from position p join org_unit u on u.id = p.unit_id
           where u.path <@ $1::ltree and u.valid_to is null and hashtext('mixseat' || p.id) % 2 <> 0
             and exists (select 1 from position_requirement r where r.position_id = p.id)
           order by hashtext('mixvacseat' || p.id) limit 4000`,
          // Seats held on the hires' start date: an earlier mix on the same database (the bench
          // runs three) hired for that day, and a seat counted free on the opening day alone let a
          // hire leave more live vacancies than seats, which fills the oldest (the vacancy rule)
          // and rejected the applications of another track's or a walk-in's vacancy.
          [code, startDate],
        )
      ).rows;
      for (const o of openable) {
        for (let i = 0; i < Math.min(o.open_seats, 5); i++) vacancySeats.push({ positionId: toGlobalId('Position', o.id), isIt: o.it, quotaKey: o.unit_category });
      }
      if (!communes.length || !people.length || !positions.length) throw new Error(`mixed load: province ${code} holds no communes, people or positions`);
      return {
        code,
        token: await signToken({ subject: `bench-${role.toLowerCase()}-${code}`, role, unitCode: code, expiresInSeconds: 24 * 3600 }, options.jwtSecret),
        communes,
        people: shuffle(people, rng),
        positions: shuffle(positions, rng),
        itPositions: positions.filter((p) => p.isIt).map((p) => p.id),
        liveVacancies: shuffle(liveVacancies, rng),
        slots: shuffle(slots, rng),
        vacancySeats: shuffle(vacancySeats, rng),
        quotaRoom,
        tracks: { recruit: [], walkIn: [], staff: [] },
      };
    };

    const hr: Province[] = [];
    for (const code of provinces.slice(0, HR_PROVINCES)) hr.push(await loadProvince(code, Role.HR_OFFICER));
    const policymaker = await loadProvince(provinces[0], Role.POLICYMAKER);
    const analyst = await loadProvince(provinces[1], Role.ANALYST);
    if (!policymaker.itPositions.length) throw new Error(`mixed load: province ${policymaker.code} holds no IT positions`);
    for (const p of hr) if (!p.liveVacancies.length) throw new Error(`mixed load: province ${p.code} holds no live vacancy opened before ${openedOn}`);
    return {
      hr,
      policymaker,
      analyst,
      adminToken: await signToken({ subject: 'bench-admin', role: Role.ADMIN, expiresInSeconds: 24 * 3600 }, options.jwtSecret),
      provinces,
      competencies,
      packages,
      year,
      openedOn,
      startDate,
      funnelFrom: `${year - 1}-01-01`,
      funnelTo: day,
    };
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Per-client state and the plan of each request

type Data = Record<string, any>;

interface Planned {
  op: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
  write: boolean;
  /** Called with `data` when the response is a success. */
  onSuccess?: (data: Data) => void;
}

interface RecruitTrack {
  step: number;
  positionId: string;
  isIt: boolean;
  hire: boolean;
  vacancyId?: string;
  candidateId?: string;
  applicationId?: string;
  offerId?: string;
}

interface WalkInTrack {
  step: number;
  candidateId?: string;
  applicationId?: string;
}

interface StaffTrack {
  step: number;
  personId?: string;
}

interface ClientState {
  id: number;
  rng: () => number;
  hr: Province;
  pending: (Planned & { started: number }) | null;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Hoài', 'Quang', 'Thu', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tú', 'Vy', 'Yến'];
const DECLINE_REASONS = ['PAY', 'PAY', 'CAREER', 'LOCATION', 'WORKLOAD', 'OTHER'];

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function fullName(rng: () => number): string {
  return `${pick(rng, FAMILY)} ${pick(rng, MIDDLE)} ${pick(rng, GIVEN)}`;
}

function competencyLevels(rng: () => number, codes: readonly string[]): Array<{ competencyCode: string; level: number }> {
  const chosen = new Set<string>();
  const want = Math.min(codes.length, 2 + Math.floor(rng() * 3));
  while (chosen.size < want) chosen.add(pick(rng, codes));
  return [...chosen].map((competencyCode) => ({ competencyCode, level: 2 + Math.floor(rng() * 4) }));
}

interface WeightedEntry {
  /** Weight in percent of the requests. */
  weight: number;
  plan: (c: ClientState) => Planned;
  /** Expected requests of each operation per pick of this entry (a track spreads its weight over its steps). */
  ops: Record<string, number>;
}

function buildMix(p: Prepared): WeightedEntry[] {
  const pmProvince = p.policymaker;
  const an = p.analyst;
  const packageOf = (rng: () => number) => (p.packages.length ? pick(rng, p.packages) : null);
  const read = (op: string, weight: number, plan: (c: ClientState) => Omit<Planned, 'op' | 'write'>): WeightedEntry => ({
    weight,
    ops: { [op]: 1 },
    plan: (c) => ({ op, write: false, ...plan(c) }),
  });

  const entries: WeightedEntry[] = [
    // HR_OFFICER reads, in the client's province.
    read('hr.staffingGapCommune', 12, (c) => ({ token: c.hr.token, query: Q.staffingGapUnit, variables: { unitCode: pick(c.rng, c.hr.communes), year: p.year } })),
    read('hr.staffingGapProvince', 4, (c) => ({ token: c.hr.token, query: Q.staffingGapTree, variables: { unitCode: c.hr.code, year: p.year } })),
    read('hr.orgUnitChildren', 4, (c) => ({ token: c.hr.token, query: Q.unitChildren, variables: { code: c.hr.code } })),
    read('hr.orgUnitsOfKind', 2, (c) => ({ token: c.hr.token, query: Q.unitsOfKind, variables: { parentCode: c.hr.code, kind: pick(c.rng, ['WARD', 'COMMUNE', 'DEPARTMENT']) } })),
    read('hr.positionsOfUnit', 8, (c) => ({ token: c.hr.token, query: Q.positionsOfUnit, variables: { unitCode: pick(c.rng, c.hr.communes) } })),
    read('hr.vacanciesOfProvince', 6, (c) => ({ token: c.hr.token, query: Q.vacanciesLongestOpen, variables: { unitCode: c.hr.code } })),
    read('hr.personById', 10, (c) => ({ token: c.hr.token, query: Q.person, variables: { id: pick(c.rng, c.hr.people) } })),
    read('hr.peopleOfCommune', 3, (c) => ({ token: c.hr.token, query: Q.people, variables: { unitCode: pick(c.rng, c.hr.communes) } })),
    read('hr.matchCandidates', 4, (c) => ({
      token: c.hr.token,
      query: Q.matchCandidates,
      variables: { positionId: c.hr.itPositions.length && c.rng() < 0.8 ? pick(c.rng, c.hr.itPositions) : pick(c.rng, c.hr.positions).id },
    })),
    read('hr.recruitmentFunnel', 2, (c) => ({ token: c.hr.token, query: Q.funnel, variables: { unitCode: c.hr.code, from: p.funnelFrom, to: p.funnelTo } })),
    // POLICYMAKER reads, in their province: no personal data.
    read('pm.itVacancies', 3, () => ({ token: pmProvince.token, query: Q.itVacancies, variables: { unitCode: pmProvince.code } })),
    read('pm.payGap', 5, (c) => ({ token: pmProvince.token, query: Q.payGap, variables: { positionId: pick(c.rng, pmProvince.itPositions), incentivePackageId: packageOf(c.rng) } })),
    read('pm.simulatePolicy', 2, (c) => ({
      token: pmProvince.token,
      query: Q.simulatePolicy,
      variables: { input: { unitCode: pmProvince.code, changes: { incentivePackageId: packageOf(c.rng), monthlyAllowanceDelta: 500_000 * (1 + Math.floor(c.rng() * 6)) } } },
    })),
    // ANALYST reads: aggregates only.
    read('analyst.staffingGapProvince', 3, () => ({ token: an.token, query: Q.staffingGapTree, variables: { unitCode: an.code, year: p.year } })),
    read('analyst.recruitmentFunnel', 2, () => ({ token: an.token, query: Q.funnel, variables: { unitCode: an.code, from: p.funnelFrom, to: p.funnelTo } })),
    read('analyst.skillGaps', 3, (c) => ({ token: an.token, query: Q.skillGaps, variables: { unitCode: pick(c.rng, an.communes) } })),
    read('analyst.placementFit', 2, (c) => ({ token: an.token, query: Q.placementFit, variables: { unitCode: pick(c.rng, an.communes) } })),
    // ADMIN reads.
    read('admin.auditEvents', 2, () => ({ token: p.adminToken, query: Q.auditEvents })),
    read('admin.provinces', 1, () => ({ token: p.adminToken, query: Q.provinces })),
    read('admin.staffingGapProvince', 2, (c) => ({ token: p.adminToken, query: Q.staffingGapTree, variables: { unitCode: pick(c.rng, p.provinces), year: p.year } })),
  ];

  // Writes, 20 %: the three HR tracks (a pick advances one instance of the province's track one step) and the policymaker's saved scenario.
  entries.push({
    weight: 12,
    ops: {
      'hr.openVacancy': 1 / 8,
      'hr.createCandidate': 1 / 8,
      'hr.applyToVacancy': 1 / 8,
      'hr.moveApplication': 2 / 8,
      'hr.makeOffer': 1 / 8,
      'hr.decideOffer': 1 / 8,
      'hr.hireCandidate': HIRE_SHARE / 8,
      'hr.cancelVacancy': (1 - HIRE_SHARE) / 8,
    },
    plan: (c) => planRecruit(c, p),
  });
  entries.push({
    weight: 4,
    ops: { 'hr.createCandidate': 1 / 4, 'hr.applyToVacancy': 1 / 4, 'hr.moveApplication': 2 / 4 },
    plan: (c) => planWalkIn(c, p),
  });
  entries.push({ weight: 3, ops: { 'hr.createPerson': 1 / 2, 'hr.assignPerson': 1 / 2 }, plan: (c) => planStaff(c, p) });
  entries.push({
    weight: 1,
    ops: { 'pm.savePolicyScenario': 1 },
    plan: (c) => ({
      op: 'pm.savePolicyScenario',
      write: true,
      token: pmProvince.token,
      query: Q.savePolicyScenario,
      variables: {
        input: {
          name: `Phụ cấp CNTT +${(1 + Math.floor(c.rng() * 5)) * 500} nghìn (bench ${c.id})`,
          simulation: { unitCode: pmProvince.code, changes: { incentivePackageId: packageOf(c.rng), monthlyAllowanceDelta: 500_000 * (1 + Math.floor(c.rng() * 6)) } },
        },
      },
    }),
  });
  return entries;
}

/** Takes out of the pool the instance furthest along (so instances finish rather than pile up). */
function takeMostAdvanced<T extends { step: number }>(pool: T[]): T | undefined {
  if (!pool.length) return undefined;
  let best = 0;
  for (let i = 1; i < pool.length; i++) if (pool[i].step > pool[best].step) best = i;
  return pool.splice(best, 1)[0];
}

/** Takes one PRIMARY seat of a unit's quota for a category, if one is left. */
function takeQuotaRoom(province: Province, quotaKey: string): boolean {
  const left = province.quotaRoom.get(quotaKey) ?? 0;
  if (left <= 0) return false;
  province.quotaRoom.set(quotaKey, left - 1);
  return true;
}

function planRecruit(c: ClientState, p: Prepared): Planned {
  const pool = c.hr.tracks.recruit;
  let track = takeMostAdvanced(pool);
  if (!track) {
    // A vacancy only where the position has a seat for it; once none is left, walk-ins apply
    // to the live ones instead.
    const seat = c.hr.vacancySeats.pop();
    if (!seat) return planWalkIn(c, p);
    // Hire only into a seat the quota leaves free; otherwise the offer is declined.
    const hire = c.rng() < HIRE_SHARE && takeQuotaRoom(c.hr, seat.quotaKey);
    track = { step: 0, positionId: seat.positionId, isIt: seat.isIt, hire };
  }
  const t = track;
  // Back in the pool for its next step; a failed step drops the instance.
  const next = () => {
    t.step += 1;
    pool.push(t);
  };
  const base = { token: c.hr.token, write: true };
  const pkg = t.isIt && p.packages.length ? pick(c.rng, p.packages) : null;
  switch (t.step) {
    case 0:
      return {
        ...base,
        op: 'hr.openVacancy',
        query: Q.openVacancy,
        variables: { input: { positionId: t.positionId, openedOn: p.openedOn, incentivePackageId: pkg } },
        onSuccess: (d) => {
          t.vacancyId = d.openVacancy.vacancy.id;
          next();
        },
      };
    case 1:
      return createCandidateStep(base, t, next, { fullName: fullName(c.rng), currentSector: c.rng() < 0.7 ? 'PRIVATE' : 'PUBLIC', competencies: competencyLevels(c.rng, p.competencies) });
    case 2:
      return applyStep(base, t, next, t.vacancyId!, p.openedOn);
    case 3:
    case 4:
      return {
        ...base,
        op: 'hr.moveApplication',
        query: Q.moveApplication,
        variables: { input: { applicationId: t.applicationId, stage: t.step === 3 ? 'SCREENING' : 'INTERVIEW' } },
        onSuccess: next,
      };
    case 5:
      return {
        ...base,
        op: 'hr.makeOffer',
        query: Q.makeOffer,
        variables: { input: { applicationId: t.applicationId, monthlyPay: 1_000_000 * (12 + Math.floor(c.rng() * 20)), incentivePackageId: pkg } },
        onSuccess: (d) => {
          t.offerId = d.makeOffer.offer.id;
          next();
        },
      };
    case 6:
      return {
        ...base,
        op: 'hr.decideOffer',
        query: Q.decideOffer,
        variables: { input: t.hire ? { offerId: t.offerId, accepted: true } : { offerId: t.offerId, accepted: false, declineReason: pick(c.rng, DECLINE_REASONS) } },
        onSuccess: next,
      };
    default:
      return t.hire
        ? { ...base, op: 'hr.hireCandidate', query: Q.hireCandidate, variables: { input: { applicationId: t.applicationId, startDate: p.startDate } } }
        : { ...base, op: 'hr.cancelVacancy', query: Q.cancelVacancy, variables: { input: { vacancyId: t.vacancyId } } };
  }
}

type StepBase = Pick<Planned, 'token' | 'write'>;

/** The step both candidate tracks start with: a new candidate, remembered by the track. */
function createCandidateStep(base: StepBase, t: { candidateId?: string }, next: () => void, input: Record<string, unknown>): Planned {
  return {
    ...base,
    op: 'hr.createCandidate',
    query: Q.createCandidate,
    variables: { input },
    onSuccess: (d) => {
      t.candidateId = d.createCandidate.candidate.id;
      next();
    },
  };
}

/** The track's candidate applies to a vacancy; the application is remembered by the track. */
function applyStep(base: StepBase, t: { candidateId?: string; applicationId?: string }, next: () => void, vacancyId: string, appliedOn: string): Planned {
  return {
    ...base,
    op: 'hr.applyToVacancy',
    query: Q.applyToVacancy,
    variables: { input: { candidateId: t.candidateId, vacancyId, appliedOn } },
    onSuccess: (d) => {
      t.applicationId = d.applyToVacancy.application.id;
      next();
    },
  };
}

function planWalkIn(c: ClientState, p: Prepared): Planned {
  const pool = c.hr.tracks.walkIn;
  const t = takeMostAdvanced(pool) ?? { step: 0 };
  const next = () => {
    t.step += 1;
    pool.push(t);
  };
  const base = { token: c.hr.token, write: true };
  switch (t.step) {
    case 0:
      // Recorded by one of the province's communes (in the officer's subtree).
      return createCandidateStep(base, t, next, {
        fullName: fullName(c.rng), currentSector: c.rng() < 0.6 ? 'PRIVATE' : 'PUBLIC', unitCode: pick(c.rng, c.hr.communes), competencies: competencyLevels(c.rng, p.competencies),
      });
    case 1: {
      const vacancy = pick(c.rng, c.hr.liveVacancies);
      return applyStep(base, t, next, vacancy.id, vacancy.appliedOn);
    }
    case 2:
      return { ...base, op: 'hr.moveApplication', query: Q.moveApplication, variables: { input: { applicationId: t.applicationId, stage: 'SCREENING' } }, onSuccess: next };
    default:
      return {
        ...base,
        op: 'hr.moveApplication',
        query: Q.moveApplication,
        variables: { input: { applicationId: t.applicationId, stage: c.rng() < 2 / 3 ? 'REJECTED' : 'WITHDRAWN' } },
      };
  }
}

function planStaff(c: ClientState, p: Prepared): Planned {
  const pool = c.hr.tracks.staff;
  const t = takeMostAdvanced(pool) ?? { step: 0 };
  const base = { token: c.hr.token, write: true };
  if (t.step === 0) {
    return {
      ...base,
      op: 'hr.createPerson',
      query: Q.createPerson,
      variables: { input: { fullName: fullName(c.rng), birthYear: 1970 + Math.floor(c.rng() * 33), competencies: competencyLevels(c.rng, p.competencies) } },
      onSuccess: (d) => {
        t.personId = d.createPerson.person.id;
        t.step = 1;
        pool.push(t);
      },
    };
  }
  // A PRIMARY post only in a seat the quota leaves free; otherwise a concurrent post (kiêm nhiệm), which the quota does not count.
  let slot = c.hr.slots.pop();
  while (slot && !takeQuotaRoom(c.hr, slot.quotaKey)) slot = c.hr.slots.pop();
  const input = slot
    ? { personId: t.personId, positionId: slot.positionId, kind: 'PRIMARY', startDate: p.startDate }
    : { personId: t.personId, positionId: pick(c.rng, c.hr.positions).id, kind: 'CONCURRENT', startDate: p.startDate };
  return { ...base, op: 'hr.assignPerson', query: Q.assignPerson, variables: { input } };
}

// ---------------------------------------------------------------------------------------------
// The run

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0));
  return Math.round(sorted[index] * 10) / 10;
}

/** Why a response counts as an error ('' for a success), and its data on success. */
function failureOf(status: number, body: string, write: boolean): { reason: string; data: Data | null } {
  if (status < 200 || status >= 300) return { reason: `HTTP ${status}`, data: null };
  let parsed: { data?: Data | null; errors?: unknown[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return { reason: 'body is not JSON', data: null };
  }
  if (parsed.errors && parsed.errors.length) return { reason: 'errors', data: null };
  if (!parsed.data) return { reason: 'no data', data: null };
  if (write) {
    for (const payload of Object.values(parsed.data)) {
      if (!payload || (Array.isArray(payload.userErrors) && payload.userErrors.length)) return { reason: 'userErrors', data: null };
    }
  }
  return { reason: '', data: parsed.data };
}

export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const prepared = await prepare(options);
  const entries = buildMix(prepared);
  const totalWeight = entries.reduce((sum, e) => sum + e.weight, 0);
  const cumulative: number[] = [];
  let edge = 0;
  for (const e of entries) cumulative.push((edge += e.weight / totalWeight));

  const mix: Record<string, number> = {};
  for (const e of entries) {
    for (const [op, share] of Object.entries(e.ops)) mix[op] = Math.round(((mix[op] ?? 0) + (e.weight / totalWeight) * 100 * share) * 1000) / 1000;
  }
  const byOperation: Record<string, { requests: number; errors: number }> = {};
  for (const op of Object.keys(mix)) byOperation[op] = { requests: 0, errors: 0 };

  const errorSamples: string[] = [];
  const sampleKeys = new Set<string>();
  const latencies: number[] = [];
  let unanswered = 0;

  const latenciesByOperation = new Map<string, number[]>();
  const record = (planned: Planned, started: number, failure: string | null, sample: string | null) => {
    const counts = (byOperation[planned.op] ??= { requests: 0, errors: 0 });
    if (started >= 0) {
      const own = latenciesByOperation.get(planned.op) ?? [];
      own.push(performance.now() - started);
      latenciesByOperation.set(planned.op, own);
    }
    counts.requests += 1;
    if (failure !== null) {
      counts.errors += 1;
      const key = `${planned.op}|${failure}|${(sample ?? '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}|[A-Za-z0-9_-]{20,}|\d+/g, '#').slice(0, 160)}`;
      if (errorSamples.length < MAX_ERROR_SAMPLES && !sampleKeys.has(key)) {
        sampleKeys.add(key);
        errorSamples.push(`${planned.op} (${failure}): ${(sample ?? '').slice(0, 300)}`);
      }
    }
    if (started >= 0) latencies.push(performance.now() - started);
  };

  let clients = 0;
  const url = new URL(options.url);
  const path = `${url.pathname}${url.search}`;

  // One request entry for every client. Its `clientState` object is cloned with the client's
  // options (autocannon deep-copies them per connection), so each connection keeps its own PRNG,
  // HR officer and request in flight across requests (autocannon resets `context` after every
  // request of a one-entry list); `context` only carries that state from setupRequest to the
  // onResponse of the same request.
  const request = {
    method: 'POST' as const,
    path,
    clientState: {} as Partial<ClientState>,
    setupRequest: (req: autocannon.Request & { clientState?: Partial<ClientState> }, context: Record<string, unknown>) => {
      const holder = req.clientState ?? ((context.fallbackState as Partial<ClientState>) ??= {});
      if (holder.id === undefined) {
        const id = clients++;
        Object.assign(holder, {
          id,
          rng: mulberry32(SEED + 7919 * (id + 1)),
          hr: prepared.hr[id % prepared.hr.length],
          pending: null,
        } satisfies ClientState);
      }
      const c = holder as ClientState;
      if (c.pending) {
        // The previous request of this connection got no response (timeout or dropped connection).
        unanswered += 1;
        record(c.pending, -1, 'no response', 'the request timed out or its connection was lost');
        c.pending = null;
      }
      const u = c.rng();
      let index = cumulative.findIndex((edge) => u < edge);
      if (index < 0) index = entries.length - 1;
      const planned = entries[index].plan(c);
      c.pending = { ...planned, started: performance.now() };
      context.clientState = c;
      return {
        ...req,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${planned.token}`, 'x-bench-op': planned.op },
        body: JSON.stringify({ query: planned.query, variables: planned.variables ?? {}, operationName: /^(?:query|mutation) (\w+)/.exec(planned.query)?.[1] }),
      };
    },
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      const c = context.clientState as ClientState | undefined;
      const planned = c?.pending;
      if (!c || !planned) return;
      c.pending = null;
      const { reason, data } = failureOf(status, body, planned.write);
      if (reason) {
        record(planned, planned.started, reason === `HTTP ${status}` ? reason : `HTTP ${status}, ${reason}`, body);
        return;
      }
      try {
        planned.onSuccess?.(data!);
        record(planned, planned.started, null, null);
      } catch (error) {
        // A success whose payload lacks what the next step needs.
        record(planned, planned.started, 'unexpected payload', `${(error as Error).message}: ${body}`);
      }
    },
  };

  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    requests: [request as unknown as autocannon.Request],
  });

  const measured = Float64Array.from(latencies).sort();
  const requests = Object.values(byOperation).reduce((sum, o) => sum + o.requests, 0);
  // Connection errors and timeouts autocannon saw that no later request of the connection accounted for.
  const unattributed = Math.max(result.errors - unanswered, 0);
  const errors = Object.values(byOperation).reduce((sum, o) => sum + o.errors, 0) + unattributed;
  if (unattributed && errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(`${unattributed} connection error(s) or timeout(s) (autocannon: errors ${result.errors}, timeouts ${result.timeouts})`);
  const seconds = result.duration > 0 ? result.duration : options.durationSeconds;
  for (const [op, own] of latenciesByOperation) {
    const sorted = Float64Array.from(own).sort();
    Object.assign(byOperation[op], { p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95) });
  }
  return {
    requests: requests + unattributed,
    errors,
    errorSamples,
    rps: Math.round(((requests + unattributed) / seconds) * 10) / 10,
    p50_ms: percentile(measured, 50),
    p95_ms: percentile(measured, 95),
    byOperation,
    mix,
  };
}
