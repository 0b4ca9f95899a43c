import { programFor, type CourseDef, type Level } from './generate-catalog';
import type { Person, Student } from './generate-people';
import type { Rng } from './generate-random';

export type Term = 'Y' | 'S1' | 'S2';

export interface Section {
  sourcedId: string;
  title: string;
  classCode: string;
  course: CourseDef;
  term: Term;
  period: string;
  location: string | null;
  students: Student[];
  teachers: Person[];
}

interface Teacher {
  person: Person;
  room: string;
  busy: Set<string>;
  load: Record<Term, number>;
}

const capacity: Record<Level, number> = { elementary: 24, middle: 28, high: 30 };
// Periods a teacher teaches of the seven in a day (one is for planning); elementary specials rotate through six.
const maxLoad: Record<Level, number> = { elementary: 6, middle: 5, high: 5 };
const coTaught = new Set(['english', 'math', 'science', 'social-studies']);

function chunk<T>(items: T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => out[i % parts]!.push(item));
  return out;
}

/**
 * Builds one school's classes: students of a grade are split into cohorts whose periods rotate,
 * so sections of a course spread over the day; each section then gets a teacher of its
 * department who is free that period, and hires one when nobody is.
 */
export function scheduleSchool(
  rng: Rng,
  school: { code: string; level: Level },
  students: Student[],
  hire: () => Person,
): { sections: Section[]; teachers: Person[] } {
  const { level } = school;
  const cap = capacity[level];
  const buckets = new Map<string, { course: CourseDef; term: Term; period: string; students: Student[] }>();
  const add = (course: CourseDef, term: Term, period: string, s: Student) => {
    const key = `${course.code}|${term}|${period}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { course, term, period, students: [] }));
    b.students.push(s);
  };

  const byGrade = new Map<string, Student[]>();
  for (const s of students) {
    const list = byGrade.get(s.grade) ?? [];
    list.push(s);
    byGrade.set(s.grade, list);
  }
  for (const [grade, list] of [...byGrade].sort(([a], [b]) => a.localeCompare(b))) {
    const program = programFor(level, grade);
    const periods = program.slots.length;
    const shuffled = rng.shuffle([...list]);
    const cohorts = Math.min(periods, Math.max(1, Math.ceil(shuffled.length / cap)));
    shuffled.forEach((s, i) => {
      add(program.homeroom, 'Y', 'HR', s);
      const rotation = ((i % cohorts) + s.gradeIndex * 2) % periods;
      program.slots.forEach((slot, k) => {
        const period = String(((k + rotation) % periods) + (level === 'elementary' ? 2 : 1));
        const choice = rng.next();
        for (const term of Object.keys(slot.byTerm) as Term[]) {
          const options = slot.byTerm[term]!;
          add(slot.perTerm ? rng.pick(options) : options[Math.floor(choice * options.length)]!, term, period, s);
        }
      });
    });
  }

  const sections: Section[] = [];
  for (const b of [...buckets.values()].sort(
    (x, y) => x.course.code.localeCompare(y.course.code) || x.term.localeCompare(y.term) || x.period.localeCompare(y.period),
  )) {
    const groups = chunk(b.students, Math.ceil(b.students.length / cap));
    groups.forEach((group, j) => {
      const letter = groups.length > 1 ? ` (${String.fromCharCode(65 + (j % 26))}${j >= 26 ? Math.floor(j / 26) : ''})` : '';
      const when = b.period === 'HR' ? '' : ` - Period ${b.period}${b.term === 'Y' ? '' : `, ${b.term}`}`;
      sections.push({
        sourcedId: `cls-${school.code}-${b.course.code}-${b.term}-${b.period}-${j + 1}`.toLowerCase(),
        title: `${b.course.title}${when}${letter}`,
        classCode: `${b.course.code}-${b.term === 'Y' ? '' : `${b.term}-`}${b.period}${String.fromCharCode(65 + (j % 26))}`,
        course: b.course,
        term: b.term,
        period: b.period,
        location: null,
        students: group,
        teachers: [],
      });
    });
  }
  return { sections, teachers: staffSections(rng, level, sections, hire) };
}

function staffSections(rng: Rng, level: Level, sections: Section[], hire: () => Person): Person[] {
  const teachers: Teacher[] = [];
  const pools = new Map<string, Teacher[]>();
  const slotsOf = (s: Section) => (s.term === 'Y' ? ['S1', 'S2'] : [s.term]).map((t) => `${t}|${s.period}`);
  const fits = (t: Teacher, s: Section, limit: number) =>
    slotsOf(s).every((k) => !t.busy.has(k)) && (s.term === 'Y' ? Math.max(t.load.S1, t.load.S2) : t.load[s.term]) < limit;
  const take = (t: Teacher, s: Section) => {
    slotsOf(s).forEach((k) => t.busy.add(k));
    for (const term of s.term === 'Y' ? (['S1', 'S2'] as const) : [s.term]) t.load[term]++;
    s.teachers.push(t.person);
    s.location ??= t.room;
  };
  const assign = (dept: string, s: Section, limit: number) => {
    const pool = pools.get(dept) ?? [];
    pools.set(dept, pool);
    let t = pool.find((x) => fits(x, s, limit));
    if (!t) {
      t = { person: hire(), room: `Room ${100 + teachers.length + 1}`, busy: new Set(), load: { Y: 0, S1: 0, S2: 0 } };
      pool.push(t);
      teachers.push(t);
    }
    take(t, s);
  };

  const regular = sections.filter((s) => s.period !== 'HR');
  for (const s of regular) assign(s.course.dept, s, maxLoad[level]);
  for (const s of regular)
    if (level !== 'elementary' && coTaught.has(s.course.dept) && rng.chance(0.08)) assign('special-education', s, maxLoad[level]);
  // Elementary homerooms have a teacher each; middle and high advisories go round the teachers already hired.
  const subjectTeachers = [...teachers];
  sections
    .filter((s) => s.period === 'HR')
    .forEach((s, i) => {
      if (level === 'elementary' || subjectTeachers.length === 0) assign(`homeroom-${s.sourcedId}`, s, 1);
      else take(subjectTeachers[i % subjectTeachers.length]!, s);
    });
  return teachers.map((t) => t.person);
}
