import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { Params } from '../../../platform/sql';
import type { Coverage } from '../../../../shared/api/device-reports';
import { countedDevices } from '../device-scope';
import { todayIso } from './school-year';

interface Session {
  id: string;
  title: string;
  school_year: number;
  start_date: string;
  end_date: string;
}

/**
 * The school-year session enrollments are counted in: the one today falls in; in the summer
 * between two, the last one that started (its rosters are the ones still loaded); with none
 * started yet, the first.
 */
async function currentSession(db: Queryable, districtId: string, today: string): Promise<Session | undefined> {
  const { rows } = await db.query<Session>(
    `SELECT id, title, school_year, start_date, end_date FROM academic_sessions
      WHERE district_id = $1 AND status = 'active' AND session_type = 'schoolYear'
      ORDER BY ($2::date BETWEEN start_date AND end_date) DESC, (start_date <= $2::date) DESC,
               CASE WHEN start_date <= $2::date THEN start_date END DESC NULLS LAST, start_date
      LIMIT 1`,
    [districtId, today],
  );
  return rows[0];
}

interface DeviceRow {
  school_id: string | null;
  assigned: number;
  in_repair: number;
  lost: number;
  stolen: number;
  on_loan: number;
  in_stock: number;
}

const devicesOf = (r: DeviceRow | undefined) => ({
  assigned: r?.assigned ?? 0,
  inRepair: r?.in_repair ?? 0,
  lost: r?.lost ?? 0,
  stolen: r?.stolen ?? 0,
  onLoan: r?.on_loan ?? 0,
  inStock: r?.in_stock ?? 0,
});

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * 1:1 coverage by school: students enrolled in the current session, how many hold a device of
 * their own, and the school's devices by state. Counts only. The actor's scope applies to every
 * count (a principal: their schools), through the same predicate as the device counts.
 */
export async function deviceCoverage(db: Queryable, actor: Actor, options: { today?: string } = {}): Promise<Coverage> {
  const today = options.today ?? todayIso();
  const session = await currentSession(db, actor.districtId, today);

  // $1 is the district, for the device holders' check below.
  const params = new Params([actor.districtId]);
  const enrollmentScope = countedDevices(actor, 'e', params);
  const inSession = session
    ? `AND (c.term_ids = '{}' OR EXISTS (SELECT 1 FROM academic_sessions t WHERE t.id = ANY(c.term_ids)
             AND t.start_date <= ${params.add(session.end_date)}::date AND t.end_date >= ${params.add(session.start_date)}::date))
       AND (e.end_date IS NULL OR e.end_date >= ${params.add(session.start_date)}::date)
       AND (e.begin_date IS NULL OR e.begin_date <= ${params.add(session.end_date)}::date)`
    : '';
  const enrolledSql = `
    SELECT DISTINCT e.school_id, e.person_id FROM enrollments e
      JOIN classes c ON c.id = e.class_id JOIN people p ON p.id = e.person_id
     WHERE ${enrollmentScope} AND e.role = 'student' AND e.status = 'active' AND c.status = 'active' AND p.status = 'active' ${inSession}`;
  const holdsDevice = `EXISTS (SELECT 1 FROM device_assignments a WHERE a.person_id = x.person_id AND a.checked_in_at IS NULL
                                 AND a.kind = 'assigned' AND a.assignee_type = 'student' AND a.district_id = $1)`;

  const deviceParams = new Params();
  const deviceScope = countedDevices(actor, 'd', deviceParams);
  const schoolParams = new Params();
  // A school row carries its own id as school_id, so the device scope's predicate applies to it as it is.
  const schoolScope = countedDevices(actor, 'sc', schoolParams);

  const [enrolled, total, devices, schools] = await Promise.all([
    db.query<{ school_id: string; enrolled: number; with_device: number }>(
      `WITH x AS (${enrolledSql})
       SELECT x.school_id, count(*)::int AS enrolled, count(*) FILTER (WHERE ${holdsDevice})::int AS with_device FROM x GROUP BY x.school_id`,
      params.values,
    ),
    db.query<{ enrolled: number; with_device: number }>(
      `WITH x AS (SELECT DISTINCT person_id FROM (${enrolledSql}) y)
       SELECT count(*)::int AS enrolled, count(*) FILTER (WHERE ${holdsDevice})::int AS with_device FROM x`,
      params.values,
    ),
    db.query<DeviceRow>(
      `SELECT d.school_id,
              count(*) FILTER (WHERE d.status = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE d.status = 'in_repair')::int AS in_repair,
              count(*) FILTER (WHERE d.status = 'lost')::int AS lost,
              count(*) FILTER (WHERE d.status = 'stolen')::int AS stolen,
              count(*) FILTER (WHERE d.status = 'loaner')::int AS on_loan,
              count(*) FILTER (WHERE d.status = 'in_stock')::int AS in_stock
         FROM devices d WHERE ${deviceScope} GROUP BY d.school_id`,
      deviceParams.values,
    ),
    db.query<{ id: string; name: string }>(
      `SELECT sc.id, sc.name FROM (SELECT s.*, s.id AS school_id FROM schools s) sc
        WHERE ${schoolScope} AND sc.status = 'active' ORDER BY sc.name`,
      schoolParams.values,
    ),
  ]);

  const enrolledBy = new Map(enrolled.rows.map((r) => [r.school_id, r]));
  const devicesBy = new Map(devices.rows.map((r) => [r.school_id, r]));
  const all = devices.rows.reduce((t, r) => {
    const d = devicesOf(r);
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v + d[k as keyof typeof d]])) as typeof t;
  }, devicesOf(undefined));
  const t = total.rows[0]!;
  return {
    session: session
      ? { id: session.id, title: session.title, schoolYear: session.school_year, startDate: session.start_date, endDate: session.end_date }
      : null,
    schools: schools.rows.map((s) => {
      const e = enrolledBy.get(s.id);
      return {
        schoolId: s.id,
        schoolName: s.name,
        enrolledStudents: e?.enrolled ?? 0,
        studentsWithDevice: e?.with_device ?? 0,
        coveragePercent: percent(e?.with_device ?? 0, e?.enrolled ?? 0),
        devices: devicesOf(devicesBy.get(s.id)),
      };
    }),
    noSchool: devicesOf(devicesBy.get(null)),
    totals: {
      enrolledStudents: t.enrolled,
      studentsWithDevice: t.with_device,
      coveragePercent: percent(t.with_device, t.enrolled),
      devices: all,
    },
  };
}
