import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { Params } from '../../platform/sql';
import { visibleClasses, visiblePeople } from '../../platform/scope';
import type { PeopleQuery, PersonSummary } from '../../../shared/api/people';
import type { z } from 'zod';
import type { peopleQuerySchema } from '../../../shared/api/people';

type Query = z.output<typeof peopleQuerySchema>;

const STAFF_ROLES = ['teacher', 'administrator', 'aide'];

interface PersonRow {
  id: string;
  sourced_id: string;
  given_name: string;
  family_name: string;
  preferred_given_name: string | null;
  primary_role: string;
  identifier: string | null;
  email: string | null;
  grades: string[];
  primary_school_id: string | null;
  school_name: string | null;
  status: string;
}

export function toPersonSummary(r: PersonRow): PersonSummary {
  return {
    id: r.id,
    sourcedId: r.sourced_id,
    givenName: r.given_name,
    familyName: r.family_name,
    preferredGivenName: r.preferred_given_name,
    primaryRole: r.primary_role,
    identifier: r.identifier,
    email: r.email,
    grades: r.grades,
    schoolId: r.primary_school_id,
    schoolName: r.school_name,
    status: r.status,
  };
}

const sortColumns: Record<string, string> = {
  name: 'p.family_name, p.given_name, p.id',
  grade: "coalesce(p.grades[1], ''), p.family_name, p.given_name, p.id",
  identifier: 'p.identifier, p.id',
  school: 's.name, p.family_name, p.given_name, p.id',
};

/** A page of the people this actor may see, filtered, searched and sorted in SQL. */
export async function searchPeople(db: Queryable, actor: Actor, q: Query): Promise<{ items: PersonSummary[]; total: number }> {
  const params = new Params();
  const where = [visiblePeople(actor, 'p', params)];
  if (q.status !== 'all') where.push(`p.status = ${params.add(q.status)}`);
  if (q.role === 'staff') where.push(`p.primary_role = ANY(${params.add(STAFF_ROLES)}::text[])`);
  else if (q.role) where.push(`p.primary_role = ${params.add(q.role)}`);
  if (q.schoolId) {
    where.push(`EXISTS (SELECT 1 FROM person_roles fr WHERE fr.person_id = p.id AND fr.school_id = ${params.add(q.schoolId)})`);
  }
  if (q.grade) where.push(`${params.add(q.grade)} = ANY(p.grades)`);
  if (q.classId) {
    where.push(
      `EXISTS (SELECT 1 FROM enrollments fe WHERE fe.person_id = p.id AND fe.class_id = ${params.add(q.classId)} AND fe.status = 'active')`,
    );
  }
  if (q.q) {
    // Each word must match somewhere (name, id, email); the trigram index serves the LIKE.
    for (const word of q.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
      where.push(`p.search_text LIKE ${params.add(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    }
  }
  const desc = q.sort.startsWith('-');
  const order = sortColumns[q.sort.replace(/^-/, '')]!.split(', ')
    .map((c) => `${c}${desc ? ' DESC' : ''}`)
    .join(', ');
  const whereSql = where.join(' AND ');
  const countParams = params.values.slice();
  const limit = params.add(q.pageSize);
  const offset = params.add((q.page - 1) * q.pageSize);
  const [page, count] = await Promise.all([
    db.query<PersonRow>(
      `SELECT p.id, p.sourced_id, p.given_name, p.family_name, p.preferred_given_name, p.primary_role, p.identifier,
              p.email, p.grades, p.primary_school_id, s.name AS school_name, p.status
         FROM people p LEFT JOIN schools s ON s.id = p.primary_school_id
        WHERE ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM people p LEFT JOIN schools s ON s.id = p.primary_school_id WHERE ${whereSql}`,
      countParams,
    ),
  ]);
  return { items: page.rows.map(toPersonSummary), total: count.rows[0]!.n };
}

/** One person if this actor may see them, else undefined (the caller answers 404 either way). */
export async function findVisiblePerson(db: Queryable, actor: Actor, id: string) {
  const params = new Params([id]);
  const { rows } = await db.query<
    PersonRow & {
      middle_name: string | null;
      preferred_family_name: string | null;
      username: string | null;
      phone: string | null;
      birth_date: string | null;
      demographics: Record<string, unknown>;
    }
  >(
    `SELECT p.*, s.name AS school_name FROM people p LEFT JOIN schools s ON s.id = p.primary_school_id
      WHERE p.id = $1 AND ${visiblePeople(actor, 'p', params)}`,
    params.values,
  );
  return rows[0];
}

export async function personRoles(db: Queryable, personId: string) {
  const { rows } = await db.query<{ role: string; school_id: string; school_name: string }>(
    `SELECT pr.role, pr.school_id, s.name AS school_name FROM person_roles pr JOIN schools s ON s.id = pr.school_id
      WHERE pr.person_id = $1 ORDER BY pr.role_type, s.name`,
    [personId],
  );
  return rows.map((r) => ({ role: r.role, schoolId: r.school_id, schoolName: r.school_name }));
}

/** The person's classes that the actor may also see (a teacher sees only shared classes). */
export async function personClasses(db: Queryable, actor: Actor, personId: string) {
  const params = new Params([personId]);
  const { rows } = await db.query<{ id: string; title: string; school_name: string; periods: string[]; role: string }>(
    `SELECT c.id, c.title, s.name AS school_name, c.periods, e.role
       FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN schools s ON s.id = c.school_id
      WHERE e.person_id = $1 AND e.status = 'active' AND c.status = 'active' AND ${visibleClasses(actor, 'c', params)}
      ORDER BY c.periods[1] NULLS LAST, c.title`,
    params.values,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, schoolName: r.school_name, periods: r.periods, role: r.role }));
}

export async function personGuardians(db: Queryable, studentId: string) {
  const { rows } = await db.query<{
    id: string;
    given_name: string;
    family_name: string;
    relationship: string | null;
    email: string | null;
    phone: string | null;
  }>(
    `SELECT g.id, g.given_name, g.family_name, gl.relationship, g.email, g.phone
       FROM guardian_links gl JOIN people g ON g.id = gl.guardian_id WHERE gl.student_id = $1 ORDER BY g.family_name, g.given_name`,
    [studentId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: `${r.given_name} ${r.family_name}`,
    relationship: r.relationship,
    email: r.email,
    phone: r.phone,
  }));
}

export async function personChildren(db: Queryable, actor: Actor, guardianId: string) {
  const params = new Params([guardianId]);
  const { rows } = await db.query<{ id: string; given_name: string; family_name: string; grades: string[]; school_name: string | null }>(
    `SELECT p.id, p.given_name, p.family_name, p.grades, s.name AS school_name
       FROM guardian_links gl JOIN people p ON p.id = gl.student_id LEFT JOIN schools s ON s.id = p.primary_school_id
      WHERE gl.guardian_id = $1 AND ${visiblePeople(actor, 'p', params)} ORDER BY p.given_name`,
    params.values,
  );
  return rows.map((r) => ({ id: r.id, name: `${r.given_name} ${r.family_name}`, grades: r.grades, schoolName: r.school_name }));
}

export type { PeopleQuery };
