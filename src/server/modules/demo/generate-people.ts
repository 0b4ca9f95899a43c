import type { CsvValue } from './generate-csv';
import type { Level } from './generate-catalog';
import { asciiSlug, middleNames, minnesotaCities, namePools, otherStates, preferredNames, type NamePool } from './generate-names';
import type { Rng } from './generate-random';

export const STUDENT_DOMAIN = 'students.lakeside.example.org';

export interface Person {
  sourcedId: string;
  givenName: string;
  familyName: string;
  middleName: string | null;
  preferredGivenName: string | null;
  sex: 'male' | 'female';
  username: string;
  email: string;
  identifier: string | null;
  phone: string | null;
}

export interface Student extends Person {
  gradeIndex: number;
  grade: string;
  /** Which school of each level the household's address feeds into. */
  area: number;
  guardianIds: string[];
  pools: NamePool[];
}

export interface Guardian extends Person {
  role: 'parent' | 'guardian' | 'relative';
  children: Student[];
}

export const allGrades = ['KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

export function levelOf(gradeIndex: number): Level {
  return gradeIndex <= 5 ? 'elementary' : gradeIndex <= 8 ? 'middle' : 'high';
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function choosePools(rng: Rng): NamePool[] {
  if (rng.chance(0.05)) {
    const a = rng.weighted(namePools.map((p) => [p, p.weight] as const));
    let b = rng.weighted(namePools.map((p) => [p, p.weight] as const));
    while (b === a) b = rng.pick(namePools);
    return [a, b];
  }
  return [rng.weighted(namePools.map((p) => [p, p.weight] as const))];
}

function givenName(rng: Rng, pools: NamePool[], sex: 'male' | 'female'): string {
  const pool = rng.pick(pools);
  return rng.pick(sex === 'female' ? pool.female : pool.male);
}

/**
 * Families: one to four children and one or two adults who share (mostly) a family name. Children
 * attend the school of their grade's level that their household's area feeds, so siblings in
 * different grades are at the same elementary, middle and high schools: a realistic feeder pattern.
 */
export function generateFamilies(rng: Rng, students: number): { students: Student[]; guardians: Guardian[] } {
  const kids: Student[] = [];
  const adults: Guardian[] = [];
  while (kids.length < students) {
    const pools = choosePools(rng);
    const family = rng.pick(pools[0]!.family);
    const area = rng.next();
    const n = Math.min(
      students - kids.length,
      rng.weighted([
        [1, 42],
        [2, 36],
        [3, 16],
        [4, 6],
      ] as const),
    );
    const adultCount = rng.chance(0.68) ? 2 : 1;
    const household: Guardian[] = [];
    for (let i = 0; i < adultCount; i++) {
      const seq = adults.length + 1;
      const sex =
        i === 0
          ? rng.weighted([
              ['female', 62],
              ['male', 38],
            ] as const)
          : household[0]!.sex === 'female'
            ? 'male'
            : 'female';
      const given = givenName(rng, pools, sex);
      const familyName = i === 1 && rng.chance(0.15) ? rng.pick(rng.pick(pools).family) : family;
      const guardian: Guardian = {
        sourcedId: `gdn-${pad(seq, 6)}`,
        givenName: given,
        familyName,
        middleName: null,
        preferredGivenName: null,
        sex,
        username: `${asciiSlug(given)}.${asciiSlug(familyName)}.g${seq}`,
        email: `${asciiSlug(given)}.${asciiSlug(familyName)}${seq}@example.${rng.pick(['com', 'net', 'org'])}`,
        identifier: null,
        phone: `+1-612-555-01${pad(seq % 100, 2)}`,
        role: rng.weighted([
          ['parent', 85],
          ['guardian', 10],
          ['relative', 5],
        ] as const),
        children: [],
      };
      household.push(guardian);
      adults.push(guardian);
    }
    for (let i = 0; i < n; i++) {
      const seq = kids.length + 1;
      const sex = rng.chance(0.5) ? 'female' : 'male';
      const given = givenName(rng, pools, sex);
      const gradeIndex = rng.int(0, allGrades.length - 1);
      const identifier = String(100000 + seq);
      const username = `${asciiSlug(given)}.${asciiSlug(family)}${seq}`;
      const student: Student = {
        sourcedId: `stu-${pad(seq, 6)}`,
        givenName: given,
        familyName: family,
        middleName: rng.chance(0.3) ? rng.pick(middleNames) : null,
        preferredGivenName: rng.chance(0.04) ? rng.pick(preferredNames) : null,
        sex,
        username,
        email: `${username}@${STUDENT_DOMAIN}`,
        identifier,
        phone: null,
        gradeIndex,
        grade: allGrades[gradeIndex]!,
        area,
        guardianIds: household.map((g) => g.sourcedId),
        pools,
      };
      household.forEach((g) => g.children.push(student));
      kids.push(student);
    }
  }
  return { students: kids, guardians: adults };
}

/** A staff member: teachers, administrators and aides come mostly from the same communities. */
export function generateStaff(rng: Rng, prefix: string, seq: number, emails: Map<string, number>, domain: string): Person {
  const pools = choosePools(rng);
  const sex = rng.chance(0.7) ? 'female' : 'male';
  const given = givenName(rng, pools, sex);
  const familyName = rng.pick(pools[0]!.family);
  const base = `${asciiSlug(given)}.${asciiSlug(familyName)}`;
  const n = (emails.get(base) ?? 0) + 1;
  emails.set(base, n);
  const local = n === 1 ? base : `${base}${n}`;
  return {
    sourcedId: `${prefix}-${pad(seq, 5)}`,
    givenName: given,
    familyName,
    middleName: null,
    preferredGivenName: null,
    sex,
    username: local,
    email: `${local}@${domain}`,
    identifier: `E${pad(seq, 5)}`,
    phone: null,
  };
}

const residence = [
  ['01652', 94],
  ['01653', 4],
  ['01654', 2],
] as const;

/** A demographics.csv row: race from the family's communities, birth date from the grade (school year 2026-27). */
export function demographicsRow(rng: Rng, s: Student): CsvValue[] {
  const age = 5 + s.gradeIndex; // on 1 September 2026
  const born = new Date(Date.UTC(2026 - age - 1, 8, 2) + rng.int(0, 364) * 86_400_000);
  const flags = new Set(s.pools.map((p) => p.race));
  const abroad = rng.chance(0.1) ? rng.pick(s.pools[0]!.abroad) : null;
  const state = abroad ? null : rng.chance(0.85) ? (['MN', rng.pick(minnesotaCities)] as const) : rng.pick(otherStates);
  const country = abroad ?? 'US';
  const city = state ? state[1] : null;
  return [
    s.sourcedId,
    '',
    '',
    born.toISOString().slice(0, 10),
    s.sex,
    flags.has('americanIndianOrAlaskaNative'),
    flags.has('asian'),
    flags.has('blackOrAfricanAmerican'),
    flags.has('nativeHawaiianOrOtherPacificIslander'),
    flags.has('white'),
    s.pools.length > 1,
    s.pools.some((p) => p.hispanic === true),
    country,
    state ? state[0] : null,
    city,
    rng.weighted(residence),
  ];
}
