import fs from 'node:fs';
import path from 'node:path';
import type { Level } from './generate-catalog';
import { CsvFileWriter, type CsvValue } from './generate-csv';
import { placeNames, placeSuffixes } from './generate-names';
import { demographicsRow, generateFamilies, generateStaff, levelOf, type Person, type Student } from './generate-people';
import { createRng, type Rng } from './generate-random';
import { scheduleSchool, type Term } from './generate-schedule';

export const DEMO_DISTRICT = { sourcedId: 'district-lakeside', name: 'Lakeside Unified School District', ncesId: '2700001' };
export const STAFF_DOMAIN = 'lakeside.example.org';

export interface GenerateOptions {
  students: number;
  seed?: number;
  /** OneRoster 1.1 (default) or 1.2 (roles.csv, preferred names). */
  version?: '1.1' | '1.2';
  outDir: string;
}

export interface GenerateSummary {
  dir: string;
  version: '1.1' | '1.2';
  rows: Record<string, number>;
}

interface School {
  sourcedId: string;
  code: string;
  name: string;
  level: Level;
  identifier: string;
}

const terms: Record<Term, string[]> = { Y: ['as-2026-s1', 'as-2027-s2'], S1: ['as-2026-s1'], S2: ['as-2027-s2'] };
const sessions: CsvValue[][] = [
  ['as-2026-2027', '', '', '2026-2027', 'schoolYear', '2026-08-24', '2027-06-04', '', 2027],
  ['as-2026-s1', '', '', 'Fall 2026', 'semester', '2026-08-24', '2027-01-15', 'as-2026-2027', 2027],
  ['as-2027-s2', '', '', 'Spring 2027', 'semester', '2027-01-19', '2027-06-04', 'as-2026-2027', 2027],
  ['as-2026-q1', '', '', 'Quarter 1', 'gradingPeriod', '2026-08-24', '2026-10-30', 'as-2026-s1', 2027],
  ['as-2026-q2', '', '', 'Quarter 2', 'gradingPeriod', '2026-11-02', '2027-01-15', 'as-2026-s1', 2027],
  ['as-2027-q3', '', '', 'Quarter 3', 'gradingPeriod', '2027-01-19', '2027-03-26', 'as-2027-s2', 2027],
  ['as-2027-q4', '', '', 'Quarter 4', 'gradingPeriod', '2027-03-29', '2027-06-04', 'as-2027-s2', 2027],
];

const levelNames: Record<Level, string> = { elementary: 'Elementary School', middle: 'Middle School', high: 'High School' };
const levelShare: Record<Level, [number, number]> = { elementary: [6 / 13, 480], middle: [3 / 13, 800], high: [4 / 13, 1500] };

/** Elementary schools of about 480, middle of 800 and high of 1,500 students; the first of each keeps the demo's familiar names. */
function planSchools(rng: Rng, students: number): Record<Level, School[]> {
  const names = rng.shuffle(
    placeNames.flatMap((p) => placeSuffixes.map((s) => (s ? `${p} ${s}` : p))).filter((n) => n !== 'Lakeside' && n !== 'Harbor'),
  );
  const first: Record<Level, string> = { elementary: 'Lakeside', middle: 'Harbor', high: 'Lakeside' };
  let k = 0;
  const plan = {} as Record<Level, School[]>;
  for (const level of ['elementary', 'middle', 'high'] as const) {
    const [share, size] = levelShare[level];
    const count = Math.max(1, Math.round((students * share) / size));
    plan[level] = Array.from({ length: count }, (_, i) => {
      k++;
      const code = `${level[0]}${String(i + 1).padStart(3, '0')}`;
      return {
        sourcedId: `sch-${code}`,
        code,
        name: `${i === 0 ? first[level] : names[k % names.length]} ${levelNames[level]}`,
        level,
        identifier: `${DEMO_DISTRICT.ncesId}${String(k).padStart(5, '0')}`,
      };
    });
  }
  return plan;
}

/**
 * Writes a realistic district as OneRoster CSV files: schools of three levels, a school year with
 * semesters and quarters, courses by subject and grade, classes with periods and teachers, students
 * with grades and demographics, guardians linked to students. The same seed gives the same files.
 */
export function generateDistrict(o: GenerateOptions): GenerateSummary {
  const version = o.version ?? '1.1';
  const v12 = version === '1.2';
  const rng = createRng(o.seed ?? 1);
  fs.mkdirSync(o.outDir, { recursive: true });
  const file = (name: string, header: string) => new CsvFileWriter(path.join(o.outDir, name), header.split(','));
  const base = 'sourcedId,status,dateLastModified';
  const out = {
    orgs: file('orgs.csv', `${base},name,type,identifier,parentSourcedId`),
    academicSessions: file('academicSessions.csv', `${base},title,type,startDate,endDate,parentSourcedId,schoolYear`),
    courses: file('courses.csv', `${base},schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes`),
    classes: file(
      'classes.csv',
      `${base},title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods`,
    ),
    users: file(
      'users.csv',
      v12
        ? `${base},enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns`
        : `${base},enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password`,
    ),
    roles: v12 ? file('roles.csv', `${base},userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId`) : undefined,
    enrollments: file('enrollments.csv', `${base},classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate`),
    demographics: file(
      'demographics.csv',
      `${base},birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus`,
    ),
  };

  // role11 is the OneRoster 1.1 role; role12 the finer 1.2 one.
  const writeUser = (p: Person, role11: string, role12: string, orgs: string[], agents: string[] = [], grades: string[] = []) => {
    const contact = [p.username, '', p.givenName, p.familyName, p.middleName, p.identifier, p.email, p.phone, p.phone, agents, grades, ''];
    if (!v12) {
      out.users.write([p.sourcedId, '', '', 'true', orgs, role11, ...contact]);
      return;
    }
    out.users.write([p.sourcedId, '', '', 'true', ...contact, '', '', p.preferredGivenName, '', '', orgs[0], '']);
    orgs.forEach((org, i) =>
      out.roles!.write([`${p.sourcedId}-r${i + 1}`, '', '', p.sourcedId, i === 0 ? 'primary' : 'secondary', role12, '', '', org, '']),
    );
  };

  out.orgs.write([DEMO_DISTRICT.sourcedId, '', '', DEMO_DISTRICT.name, 'district', DEMO_DISTRICT.ncesId, '']);
  sessions.forEach((row) => out.academicSessions.write(row));

  const plan = planSchools(rng, o.students);
  const { students, guardians } = generateFamilies(rng, o.students);
  const schoolOf = (s: Student) => {
    const list = plan[levelOf(s.gradeIndex)];
    return list[Math.min(list.length - 1, Math.floor(s.area * list.length))]!;
  };
  const bySchool = new Map<string, Student[]>();
  for (const s of students) {
    const id = schoolOf(s).sourcedId;
    const list = bySchool.get(id);
    if (list) list.push(s);
    else bySchool.set(id, [s]);
  }

  const emails = new Map<string, number>();
  let staffSeq = 0;
  let enrollmentSeq = 0;
  const staff = (prefix: string) => generateStaff(rng, prefix, ++staffSeq, emails, STAFF_DOMAIN);
  for (let i = 0; i < Math.max(4, Math.round(o.students / 5000)); i++) {
    writeUser(staff('adm'), 'administrator', i === 1 ? 'systemAdministrator' : 'districtAdministrator', [DEMO_DISTRICT.sourcedId]);
  }
  for (const school of (['elementary', 'middle', 'high'] as const).flatMap((l) => plan[l])) {
    out.orgs.write([school.sourcedId, '', '', school.name, 'school', school.identifier, DEMO_DISTRICT.sourcedId]);
    const enrolled = bySchool.get(school.sourcedId) ?? [];
    const { sections, teachers } = scheduleSchool(rng, school, enrolled, () => staff('tch'));
    const courses = new Map(sections.map((s) => [s.course.code, s.course]));
    for (const c of courses.values()) {
      out.courses.write([
        `crs-${school.code}-${c.code}`.toLowerCase(),
        '',
        '',
        'as-2026-2027',
        c.title,
        c.code,
        c.grades,
        school.sourcedId,
        c.subjects,
        '',
      ]);
    }
    for (const s of sections) {
      const courseId = `crs-${school.code}-${s.course.code}`.toLowerCase();
      out.classes.write([
        s.sourcedId,
        '',
        '',
        s.title,
        s.course.grades,
        courseId,
        s.classCode,
        s.course.homeroom ? 'homeroom' : 'scheduled',
        s.location,
        school.sourcedId,
        terms[s.term],
        s.course.subjects,
        '',
        [s.period],
      ]);
      s.teachers.forEach((t, i) =>
        out.enrollments.write([
          `enr-${++enrollmentSeq}`,
          '',
          '',
          s.sourcedId,
          school.sourcedId,
          t.sourcedId,
          'teacher',
          i === 0 ? 'true' : 'false',
          '',
          '',
        ]),
      );
      for (const st of s.students)
        out.enrollments.write([`enr-${++enrollmentSeq}`, '', '', s.sourcedId, school.sourcedId, st.sourcedId, 'student', 'false', '', '']);
    }
    const counselors = school.level === 'high' ? Math.max(1, Math.ceil(enrolled.length / 350)) : school.level === 'middle' ? 2 : 1;
    writeUser(staff('adm'), 'administrator', 'principal', [school.sourcedId]);
    for (let i = 0; i < { elementary: 0, middle: 1, high: 2 }[school.level]; i++)
      writeUser(staff('adm'), 'administrator', 'siteAdministrator', [school.sourcedId]);
    for (let i = 0; i < counselors; i++) writeUser(staff('adm'), 'administrator', 'counselor', [school.sourcedId]);
    for (let i = 0; i < { elementary: 3, middle: 2, high: 2 }[school.level]; i++)
      writeUser(staff('aide'), 'aide', 'aide', [school.sourcedId]);
    for (const t of teachers) writeUser(t, 'teacher', 'teacher', [school.sourcedId]);
  }
  for (const s of students) {
    writeUser(s, 'student', 'student', [schoolOf(s).sourcedId], s.guardianIds, [s.grade]);
    out.demographics.write(demographicsRow(rng, s));
  }
  for (const g of guardians) {
    const schools = [...new Set(g.children.map((c) => schoolOf(c).sourcedId))];
    writeUser(
      g,
      g.role,
      g.role,
      schools,
      g.children.map((c) => c.sourcedId),
    );
  }

  const rows: Record<string, number> = {};
  for (const [name, writer] of Object.entries(out)) {
    if (!writer) continue;
    writer.close();
    rows[`${name}.csv`] = writer.rows;
  }
  const fileNames = Object.keys(rows).map((n) => n.replace(/\.csv$/, ''));
  const manifest = new CsvFileWriter(path.join(o.outDir, 'manifest.csv'), ['propertyName', 'value']);
  manifest.write(['manifest.version', '1.0']);
  manifest.write(['oneroster.version', version]);
  for (const f of [
    'academicSessions',
    'categories',
    'classes',
    'classResources',
    'courses',
    'courseResources',
    'demographics',
    'enrollments',
    'lineItems',
    'orgs',
    'resources',
    'results',
    'users',
    ...(v12 ? ['roles', 'userProfiles'] : []),
  ]) {
    manifest.write([`file.${f}`, fileNames.includes(f) ? 'bulk' : 'absent']);
  }
  manifest.write(['source.systemName', 'DistrictOps demo generator']);
  manifest.write(['source.systemCode', `seed-${o.seed ?? 1}`]);
  manifest.close();
  return { dir: o.outDir, version, rows };
}
