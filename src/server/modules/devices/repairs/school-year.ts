import type { Queryable } from '../../../db/client';
import { schoolYearOf } from '../lifecycle/school-year';
import { districtToday } from './repairs.repository';

/**
 * The school year fees count occurrences in: the district's rostered school-year session that
 * holds today, else the July-to-June year.
 */
export async function currentSchoolYear(db: Queryable, districtId: string): Promise<number> {
  const today = await districtToday(db, districtId);
  const { rows } = await db.query<{ school_year: number }>(
    `SELECT school_year FROM academic_sessions
      WHERE district_id = $1 AND session_type = 'schoolYear' AND status = 'active' AND $2::date BETWEEN start_date AND end_date
      ORDER BY start_date DESC LIMIT 1`,
    [districtId, today],
  );
  return rows[0]?.school_year ?? schoolYearOf(today);
}
