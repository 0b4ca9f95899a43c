import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { Params } from '../../platform/sql';
import { visibleClasses, visibleSchools } from '../../platform/scope';
import type { School } from '../../../shared/api/people';

export async function listSchools(db: Queryable, actor: Actor, id?: string): Promise<School[]> {
  const params = new Params();
  const where = [visibleSchools(actor, 's', params), "s.status = 'active'"];
  if (id) where.push(`s.id = ${params.add(id)}`);
  const { rows } = await db.query<{
    id: string;
    sourced_id: string;
    name: string;
    level: string | null;
    grades: string[];
    nces_id: string | null;
    state_id: string | null;
    address_line: string | null;
    city: string | null;
    region: string | null;
    postal_code: string | null;
    status: string;
    students: number;
    staff: number;
    classes: number;
  }>(
    `SELECT s.*,
       (SELECT count(*)::int FROM person_roles pr JOIN people p ON p.id = pr.person_id
         WHERE pr.school_id = s.id AND pr.role = 'student' AND p.status = 'active') AS students,
       (SELECT count(*)::int FROM person_roles pr JOIN people p ON p.id = pr.person_id
         WHERE pr.school_id = s.id AND pr.role IN ('teacher', 'administrator', 'aide') AND p.status = 'active') AS staff,
       (SELECT count(*)::int FROM classes c WHERE c.school_id = s.id AND c.status = 'active') AS classes
       FROM schools s WHERE ${where.join(' AND ')} ORDER BY s.name`,
    params.values,
  );
  return rows.map((r) => ({
    id: r.id,
    sourcedId: r.sourced_id,
    name: r.name,
    level: r.level,
    grades: r.grades,
    ncesId: r.nces_id,
    stateId: r.state_id,
    address: [r.address_line, r.city, [r.region, r.postal_code].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
    status: r.status,
    studentCount: r.students,
    staffCount: r.staff,
    classCount: r.classes,
  }));
}

export async function listClasses(
  db: Queryable,
  actor: Actor,
  filter: { schoolId?: string | undefined; id?: string; q?: string | undefined },
) {
  const params = new Params();
  const where = [visibleClasses(actor, 'c', params), "c.status = 'active'"];
  if (filter.schoolId) where.push(`c.school_id = ${params.add(filter.schoolId)}`);
  if (filter.id) where.push(`c.id = ${params.add(filter.id)}`);
  if (filter.q) where.push(`lower(c.title) LIKE ${params.add(`%${filter.q.toLowerCase()}%`)}`);
  const { rows } = await db.query<{
    id: string;
    sourced_id: string;
    title: string;
    class_code: string | null;
    school_id: string;
    school_name: string;
    course_title: string | null;
    periods: string[];
    grades: string[];
    subjects: string[];
    teachers: { id: string; name: string }[] | null;
    students: number;
  }>(
    `SELECT c.id, c.sourced_id, c.title, c.class_code, c.school_id, s.name AS school_name, co.title AS course_title,
            c.periods, c.grades, c.subjects,
            (SELECT json_agg(json_build_object('id', t.id, 'name', t.given_name || ' ' || t.family_name) ORDER BY t.family_name)
               FROM enrollments te JOIN people t ON t.id = te.person_id
              WHERE te.class_id = c.id AND te.role = 'teacher' AND te.status = 'active') AS teachers,
            (SELECT count(*)::int FROM enrollments se WHERE se.class_id = c.id AND se.role = 'student' AND se.status = 'active') AS students
       FROM classes c JOIN schools s ON s.id = c.school_id LEFT JOIN courses co ON co.id = c.course_id
      WHERE ${where.join(' AND ')}
      ORDER BY s.name, c.periods[1] NULLS LAST, c.title LIMIT 1000`,
    params.values,
  );
  return rows.map((r) => ({
    id: r.id,
    sourcedId: r.sourced_id,
    title: r.title,
    classCode: r.class_code,
    schoolId: r.school_id,
    schoolName: r.school_name,
    courseTitle: r.course_title,
    periods: r.periods,
    grades: r.grades,
    subjects: r.subjects,
    teachers: r.teachers ?? [],
    studentCount: r.students,
  }));
}
