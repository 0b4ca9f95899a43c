import { gradeRank } from '../../../shared/grades';
import type { Queryable } from '../../db/client';

/** District-wide counts for the home page and the board: no student is named. */
export async function districtSummary(db: Queryable, districtId: string) {
  const [district, counts, byLevel, byGrade] = await Promise.all([
    db.query<{ id: string; name: string }>('SELECT id, name FROM districts WHERE id = $1', [districtId]),
    db.query<{ schools: number; students: number; staff: number; guardians: number; classes: number; enrollments: number }>(
      `SELECT
         (SELECT count(*)::int FROM schools WHERE district_id = $1 AND status = 'active') AS schools,
         (SELECT count(*)::int FROM people WHERE district_id = $1 AND status = 'active' AND primary_role = 'student') AS students,
         (SELECT count(*)::int FROM people WHERE district_id = $1 AND status = 'active' AND primary_role IN ('teacher', 'administrator', 'aide')) AS staff,
         (SELECT count(*)::int FROM people WHERE district_id = $1 AND status = 'active' AND primary_role IN ('guardian', 'parent', 'relative')) AS guardians,
         (SELECT count(*)::int FROM classes WHERE district_id = $1 AND status = 'active') AS classes,
         (SELECT count(*)::int FROM enrollments WHERE district_id = $1 AND status = 'active') AS enrollments`,
      [districtId],
    ),
    db.query<{ level: string; students: number }>(
      `SELECT coalesce(s.level, 'other') AS level, count(*)::int AS students
         FROM people p JOIN schools s ON s.id = p.primary_school_id
        WHERE p.district_id = $1 AND p.status = 'active' AND p.primary_role = 'student'
        GROUP BY 1 ORDER BY 1`,
      [districtId],
    ),
    db.query<{ grade: string; students: number }>(
      `SELECT g AS grade, count(*)::int AS students
         FROM people p CROSS JOIN LATERAL unnest(p.grades) AS g
        WHERE p.district_id = $1 AND p.status = 'active' AND p.primary_role = 'student'
        GROUP BY g`,
      [districtId],
    ),
  ]);
  return {
    district: district.rows[0]!,
    ...counts.rows[0]!,
    studentsByLevel: byLevel.rows,
    studentsByGrade: byGrade.rows.sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade) || a.grade.localeCompare(b.grade)),
  };
}
