import type { Db, Queryable } from '../../src/server/db/client';
import { createAccount } from '../../src/server/platform/auth/accounts.service';
import type { Role } from '../../src/shared/roles';

export const PASSWORD = 'correct horse battery staple';

async function insert(db: Queryable, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`${sql} RETURNING id`, params);
  return rows[0]!.id;
}

async function person(
  db: Queryable,
  districtId: string,
  sid: string,
  role: string,
  given: string,
  family: string,
  schoolId: string,
  grades: string[] = [],
) {
  const id = await insert(
    db,
    `INSERT INTO people (district_id, sourced_id, primary_role, given_name, family_name, identifier, email, grades, primary_school_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [districtId, sid, role, given, family, `ID-${sid}`, `${sid}@example.org`, grades, schoolId],
  );
  await db.query('INSERT INTO person_roles (district_id, person_id, school_id, role) VALUES ($1, $2, $3, $4)', [
    districtId,
    id,
    schoolId,
    role,
  ]);
  return id;
}

async function klass(db: Queryable, districtId: string, sid: string, title: string, schoolId: string, teacher: string, students: string[]) {
  const id = await insert(db, 'INSERT INTO classes (district_id, sourced_id, title, school_id, periods) VALUES ($1, $2, $3, $4, $5)', [
    districtId,
    sid,
    title,
    schoolId,
    ['1'],
  ]);
  let n = 0;
  for (const [who, role] of [[teacher, 'teacher'], ...students.map((s) => [s, 'student'])] as const) {
    await db.query(
      'INSERT INTO enrollments (district_id, sourced_id, class_id, person_id, school_id, role) VALUES ($1, $2, $3, $4, $5, $6)',
      [districtId, `${sid}-e${n++}`, id, who, schoolId, role],
    );
  }
  return id;
}

/**
 * Two districts. Riverside has North High (teacher Tess with Ana and Ben; teacher Tom with Cal)
 * and South Middle (teacher Uma with Dee). Guardian Gia is the parent of Ana (North) and Dee (South).
 * Hilltop is another district with one school and one student, Zed.
 */
export async function seedFixture(db: Db) {
  return db.transaction(async (tx) => {
    const districtA = await insert(tx, "INSERT INTO districts (name, sourced_id) VALUES ('Riverside Unified', 'riverside')", []);
    const districtB = await insert(tx, "INSERT INTO districts (name, sourced_id) VALUES ('Hilltop Schools', 'hilltop')", []);
    const north = await insert(
      tx,
      "INSERT INTO schools (district_id, sourced_id, name, level, grades) VALUES ($1, 'north', 'North High', 'high', '{09,10}')",
      [districtA],
    );
    const south = await insert(
      tx,
      "INSERT INTO schools (district_id, sourced_id, name, level, grades) VALUES ($1, 'south', 'South Middle', 'middle', '{06,07}')",
      [districtA],
    );
    const hill = await insert(
      tx,
      "INSERT INTO schools (district_id, sourced_id, name, level, grades) VALUES ($1, 'hill', 'Hilltop High', 'high', '{09}')",
      [districtB],
    );

    const tess = await person(tx, districtA, 'tess', 'teacher', 'Tess', 'Teacher', north);
    const tom = await person(tx, districtA, 'tom', 'teacher', 'Tom', 'Tutor', north);
    const uma = await person(tx, districtA, 'uma', 'teacher', 'Uma', 'Umber', south);
    const ana = await person(tx, districtA, 'ana', 'student', 'Ana', 'Alvarez', north, ['09']);
    const ben = await person(tx, districtA, 'ben', 'student', 'Ben', 'Brooks', north, ['10']);
    const cal = await person(tx, districtA, 'cal', 'student', 'Cal', 'Castro', north, ['09']);
    const dee = await person(tx, districtA, 'dee', 'student', 'Dee', 'Diaz', south, ['07']);
    const gia = await person(tx, districtA, 'gia', 'guardian', 'Gia', 'Alvarez', north);
    const zed = await person(tx, districtB, 'zed', 'student', 'Zed', 'Zimmer', hill, ['09']);
    for (const child of [ana, dee]) {
      await tx.query("INSERT INTO guardian_links (district_id, guardian_id, student_id, relationship) VALUES ($1, $2, $3, 'mother')", [
        districtA,
        gia,
        child,
      ]);
    }
    const classTess = await klass(tx, districtA, 'c-tess', 'Algebra I', north, tess, [ana, ben]);
    const classTom = await klass(tx, districtA, 'c-tom', 'Biology', north, tom, [cal]);
    const classUma = await klass(tx, districtA, 'c-uma', 'English 7', south, uma, [dee]);

    const accounts: Record<string, { email: string; id: string }> = {};
    const account = async (key: string, districtId: string, role: Role, opts: { schoolId?: string; personId?: string } = {}) => {
      const email = `${key}@test.example.org`;
      const id = await createAccount(
        db,
        {
          districtId,
          email,
          displayName: key,
          password: PASSWORD,
          personId: opts.personId ?? null,
          roles: [{ role, schoolId: opts.schoolId ?? null }],
        },
        tx,
      );
      accounts[key] = { email, id };
    };
    await account('admin', districtA, 'district_admin');
    await account('it', districtA, 'it_staff');
    await account('privacy', districtA, 'privacy_officer');
    await account('coach', districtA, 'instructional_coach');
    await account('principalNorth', districtA, 'principal', { schoolId: north });
    await account('teacherTess', districtA, 'teacher', { personId: tess });
    await account('guardianGia', districtA, 'guardian', { personId: gia });
    await account('studentAna', districtA, 'student', { personId: ana });
    await account('board', districtA, 'board');
    await account('adminB', districtB, 'district_admin');

    return {
      districtA,
      districtB,
      schools: { north, south, hill },
      people: { tess, tom, uma, ana, ben, cal, dee, gia, zed },
      classes: { classTess, classTom, classUma },
      accounts,
    };
  });
}
export type Fixture = Awaited<ReturnType<typeof seedFixture>>;
