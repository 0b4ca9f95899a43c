/**
 * What each grade takes in the demo district: an elementary homeroom with specials, a middle
 * school day of seven periods, a high school day of seven periods per semester. Every slot of
 * a grade's program is one class per term; where a slot offers several courses, each student
 * takes one of them.
 */
export type Level = 'elementary' | 'middle' | 'high';

export const levelGrades: Record<Level, readonly string[]> = {
  elementary: ['KG', '01', '02', '03', '04', '05'],
  middle: ['06', '07', '08'],
  high: ['09', '10', '11', '12'],
};

export interface CourseDef {
  code: string;
  title: string;
  /** Teachers are hired per department; a homeroom has a teacher of its own. */
  dept: string;
  subjects: readonly string[];
  grades: readonly string[];
  homeroom?: boolean;
}

export interface Slot {
  /** Courses a student may take in this slot, per term ('S1', 'S2', or 'Y' for the whole year). */
  byTerm: Partial<Record<'Y' | 'S1' | 'S2', readonly CourseDef[]>>;
  /** Electives are chosen afresh each semester; a year-long choice (Algebra I or Geometry) is kept. */
  perTerm?: boolean;
}

export interface Program {
  homeroom: CourseDef;
  slots: Slot[];
  /** High schools schedule by semester: each slot is a class in each semester. */
  semesters: boolean;
}

const course = (code: string, title: string, dept: string, subjects: string[], grades: readonly string[]): CourseDef => ({
  code,
  title,
  dept,
  subjects,
  grades,
});
const gradeLabel = (g: string) => (g === 'KG' ? 'Kindergarten' : `Grade ${Number(g)}`);
const year = (...courses: CourseDef[]): Slot => ({ byTerm: { Y: courses } });
const sems = (s1: CourseDef[], s2: CourseDef[] = s1): Slot => ({ byTerm: { S1: s1, S2: s2 } });
const electives = (pool: CourseDef[]): Slot => ({ byTerm: { S1: pool, S2: pool }, perTerm: true });

function elementary(g: string): Program {
  const grades = [g];
  const special = (code: string, name: string, subject: string) =>
    year(course(`${code}-${g}`, `${name} (${gradeLabel(g)})`, code.toLowerCase(), [subject], grades));
  return {
    homeroom: {
      ...course(
        `HR-${g}`,
        `${gradeLabel(g)} Homeroom`,
        'homeroom',
        ['English Language Arts', 'Mathematics', 'Science', 'Social Studies'],
        grades,
      ),
      homeroom: true,
    },
    slots: [
      special('ART', 'Art', 'Art'),
      special('MUS', 'Music', 'Music'),
      special('PE', 'Physical Education', 'Physical Education'),
      special('LIB', 'Library and Media', 'Library'),
      special('STEM', 'STEM Lab', 'Science'),
      special('SPAN', 'Spanish', 'World Languages'),
    ],
    semesters: false,
  };
}

const ms = levelGrades.middle;
const msElectivesA = [
  course('BAND-MS', 'Concert Band', 'music', ['Music'], ms),
  course('CHOIR-MS', 'Choir', 'music', ['Music'], ms),
  course('ORCH-MS', 'Orchestra', 'music', ['Music'], ms),
  course('ART-MS', 'Visual Art', 'art', ['Art'], ms),
  course('SPAN1-MS', 'Spanish I', 'world-languages', ['World Languages'], ms),
  course('CSD-MS', 'Computer Science Discoveries', 'technology', ['Computer Science'], ms),
];
const msElectivesB = [
  course('TECH-MS', 'Technology and Engineering', 'technology', ['Technology'], ms),
  course('THEA-MS', 'Theater', 'art', ['Theater'], ms),
  course('CW-MS', 'Creative Writing', 'english', ['English Language Arts'], ms),
  course('FCS-MS', 'Family and Consumer Science', 'cte', ['Family and Consumer Science'], ms),
  course('DM-MS', 'Digital Media', 'technology', ['Technology'], ms),
];

function middle(g: string): Program {
  const n = Number(g);
  const grades = [g];
  const math =
    n === 8
      ? [course('MATH-8', 'Math 8', 'math', ['Mathematics'], grades), course('ALG1-8', 'Algebra I', 'math', ['Mathematics'], grades)]
      : [course(`MATH-${n}`, `Math ${n}`, 'math', ['Mathematics'], grades)];
  const social = { 6: 'World Cultures', 7: 'Minnesota Studies', 8: 'U.S. History' }[n] ?? 'Social Studies';
  return {
    homeroom: { ...course(`ADV-${n}`, `Advisory ${n}`, 'advisory', ['Advisory'], grades), homeroom: true },
    slots: [
      year(course(`ELA-${n}`, `English Language Arts ${n}`, 'english', ['English Language Arts'], grades)),
      year(...math),
      year(course(`SCI-${n}`, `Science ${n}`, 'science', ['Science'], grades)),
      year(course(`SS-${n}`, social, 'social-studies', ['Social Studies'], grades)),
      year(course(`PE-${n}`, `Physical Education ${n}`, 'pe', ['Physical Education'], grades)),
      year(...msElectivesA),
      year(...msElectivesB),
    ],
    semesters: false,
  };
}

const hs = levelGrades.high;
const hsCourse = (code: string, title: string, dept: string, subject: string, grades: readonly string[] = hs) =>
  course(code, title, dept, [subject], grades);
const hsElectivesA = [
  hsCourse('ART1', 'Art Foundations', 'art', 'Art'),
  hsCourse('CER', 'Ceramics', 'art', 'Art'),
  hsCourse('PHOTO', 'Photography', 'art', 'Art'),
  hsCourse('BAND', 'Concert Band', 'music', 'Music'),
  hsCourse('CHOIR', 'Concert Choir', 'music', 'Music'),
  hsCourse('CSP', 'Computer Science Principles', 'technology', 'Computer Science'),
  hsCourse('WEB', 'Web Design', 'technology', 'Computer Science'),
  hsCourse('ROBO', 'Robotics', 'technology', 'Engineering'),
];
const hsElectivesB = [
  hsCourse('JOUR', 'Journalism', 'english', 'English Language Arts'),
  hsCourse('PSY', 'Psychology', 'social-studies', 'Social Studies'),
  hsCourse('SOC', 'Sociology', 'social-studies', 'Social Studies'),
  hsCourse('PFIN', 'Personal Finance', 'cte', 'Business'),
  hsCourse('CUL', 'Culinary Arts', 'cte', 'Family and Consumer Science'),
  hsCourse('THEA', 'Theater Arts', 'art', 'Theater'),
  hsCourse('WT', 'Weight Training', 'pe', 'Physical Education'),
];

function high(g: string): Program {
  const n = Number(g);
  const grades = [g];
  const level = n - 8;
  const by = (choices: Record<number, [string, string][]>, dept: string, subject: string) =>
    (choices[n] ?? []).map(([code, title]) => hsCourse(code, title, dept, subject, grades));
  const english = by(
    {
      9: [['ENG9', 'English 9']],
      10: [['ENG10', 'English 10']],
      11: [
        ['AMLIT', 'American Literature'],
        ['APLANG', 'AP English Language'],
      ],
      12: [
        ['BRLIT', 'British Literature'],
        ['APLIT', 'AP English Literature'],
        ['COMP', 'College Composition'],
      ],
    },
    'english',
    'English Language Arts',
  );
  const math = by(
    {
      9: [
        ['ALG1', 'Algebra I'],
        ['GEOM', 'Geometry'],
      ],
      10: [
        ['GEOM', 'Geometry'],
        ['ALG2', 'Algebra II'],
      ],
      11: [
        ['ALG2', 'Algebra II'],
        ['PRECALC', 'Pre-Calculus'],
      ],
      12: [
        ['PRECALC', 'Pre-Calculus'],
        ['STATS', 'Statistics'],
        ['APCALC', 'AP Calculus AB'],
      ],
    },
    'math',
    'Mathematics',
  );
  const science = by(
    {
      9: [['BIO', 'Biology']],
      10: [['CHEM', 'Chemistry']],
      11: [
        ['PHYS', 'Physics'],
        ['ENVSCI', 'Environmental Science'],
      ],
      12: [
        ['ANAT', 'Anatomy and Physiology'],
        ['APBIO', 'AP Biology'],
        ['EARTH', 'Earth Science'],
      ],
    },
    'science',
    'Science',
  );
  const languages = [
    hsCourse(`SPAN${level}`, `Spanish ${['I', 'II', 'III', 'IV'][level - 1]}`, 'world-languages', 'World Languages', grades),
    hsCourse(`FREN${level}`, `French ${['I', 'II', 'III', 'IV'][level - 1]}`, 'world-languages', 'World Languages', grades),
    hsCourse(`ASL${level}`, `American Sign Language ${['I', 'II', 'III', 'IV'][level - 1]}`, 'world-languages', 'World Languages', grades),
  ];
  const social =
    n === 12
      ? sems(
          [hsCourse('GOV', 'U.S. Government', 'social-studies', 'Social Studies', grades)],
          [hsCourse('ECON', 'Economics', 'social-studies', 'Social Studies', grades)],
        )
      : sems(
          by(
            { 9: [['WGEO', 'World Geography']], 10: [['WHIST', 'World History']], 11: [['USHIST', 'U.S. History']] },
            'social-studies',
            'Social Studies',
          ),
        );
  const sixth =
    n === 9
      ? sems(
          [hsCourse('PE9', 'Physical Education', 'pe', 'Physical Education', grades)],
          [hsCourse('HLTH9', 'Health', 'pe', 'Health', grades)],
        )
      : electives(hsElectivesA);
  return {
    homeroom: { ...course(`ADV-${n}`, `Advisory ${n}`, 'advisory', ['Advisory'], grades), homeroom: true },
    slots: [sems(english), sems(math), sems(science), social, sems(languages), sixth, electives(hsElectivesB)],
    semesters: true,
  };
}

export function programFor(level: Level, grade: string): Program {
  switch (level) {
    case 'elementary':
      return elementary(grade);
    case 'middle':
      return middle(grade);
    case 'high':
      return high(grade);
  }
}
