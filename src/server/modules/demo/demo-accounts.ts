import type { Db } from '../../db/client';
import type { Role } from '../../../shared/roles';
import { createAccount } from '../../platform/auth/accounts.service';

export const DEMO_PASSWORD = 'demo-district-2026';

export interface DemoAccount {
  email: string;
  role: Role;
  description: string;
}

/**
 * Sign-in accounts for every role in a demo district, linked to real roster records where
 * the role needs one (a teacher with classes, a guardian with children, a student).
 * They share one documented password: the demo district is for trying DistrictOps, not for real data.
 */
export async function createDemoAccounts(db: Db, districtId: string, domain: string): Promise<DemoAccount[]> {
  const one = async <T>(sql: string) => (await db.query<T>(sql, [districtId])).rows[0];
  const school = await one<{ id: string; name: string }>(
    `SELECT id, name FROM schools WHERE district_id = $1 AND status = 'active' ORDER BY (level = 'high') DESC, name LIMIT 1`,
  );
  const teacher = await one<{ id: string; given_name: string; family_name: string; email: string | null }>(
    `SELECT p.id, p.given_name, p.family_name, p.email FROM people p
      WHERE p.district_id = $1 AND p.primary_role = 'teacher' AND p.status = 'active'
        AND EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.role = 'teacher')
      ORDER BY p.sourced_id LIMIT 1`,
  );
  const guardian =
    (await one<{ id: string; given_name: string; family_name: string; email: string | null }>(
      `SELECT p.id, p.given_name, p.family_name, p.email FROM people p
      WHERE p.district_id = $1 AND p.primary_role IN ('guardian', 'parent') AND p.status = 'active'
        AND (SELECT count(*) FROM guardian_links gl WHERE gl.guardian_id = p.id) >= 2
      ORDER BY p.sourced_id LIMIT 1`,
    )) ??
    (await one<{ id: string; given_name: string; family_name: string; email: string | null }>(
      `SELECT p.id, p.given_name, p.family_name, p.email FROM people p
      WHERE p.district_id = $1 AND p.primary_role IN ('guardian', 'parent')
        AND EXISTS (SELECT 1 FROM guardian_links gl WHERE gl.guardian_id = p.id) ORDER BY p.sourced_id LIMIT 1`,
    ));
  const student = await one<{ id: string; given_name: string; family_name: string; email: string | null }>(
    `SELECT p.id, p.given_name, p.family_name, p.email FROM people p
      WHERE p.district_id = $1 AND p.primary_role = 'student' AND p.status = 'active'
        AND EXISTS (SELECT 1 FROM guardian_links gl WHERE gl.student_id = p.id)
      ORDER BY p.sourced_id LIMIT 1`,
  );

  const plan: { email: string; name: string; role: Role; schoolId?: string; personId?: string; description: string }[] = [
    { email: `cio@${domain}`, name: 'Dana Whitfield', role: 'district_admin', description: 'Chief Information Officer: everything' },
    { email: `it@${domain}`, name: 'Marcus Oyelaran', role: 'it_staff', description: 'IT technician' },
    { email: `privacy@${domain}`, name: 'Priya Raman', role: 'privacy_officer', description: 'Privacy officer' },
    { email: `coach@${domain}`, name: 'Lucía Herrera', role: 'instructional_coach', description: 'Instructional-technology coach' },
    { email: `board@${domain}`, name: 'Board Member', role: 'board', description: 'Board member: district summaries only' },
  ];
  if (school)
    plan.push({
      email: `principal@${domain}`,
      name: 'Grace Okafor',
      role: 'principal',
      schoolId: school.id,
      description: `Principal of ${school.name}`,
    });
  // Accounts use short, memorable addresses; each is linked to a real roster record.
  for (const [p, role, local, description] of [
    [teacher, 'teacher', 'teacher', 'Teacher: their own classes'],
    [guardian, 'guardian', 'parent', 'Parent: their own children'],
    [student, 'student', 'student', 'Student: their own record'],
  ] as const) {
    if (p)
      plan.push({
        email: `${local}@${domain}`,
        name: `${p.given_name} ${p.family_name}`,
        role,
        personId: p.id,
        description: `${description} (${p.given_name} ${p.family_name})`,
      });
  }

  const created: DemoAccount[] = [];
  for (const a of plan) {
    await createAccount(db, {
      districtId,
      email: a.email,
      displayName: a.name,
      password: DEMO_PASSWORD,
      personId: a.personId ?? null,
      roles: [{ role: a.role, schoolId: a.schoolId ?? null }],
    });
    created.push({ email: a.email, role: a.role, description: a.description });
  }
  return created;
}
