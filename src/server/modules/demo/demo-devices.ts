import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db/client';
import type { DeviceStatus } from '../../../shared/api/devices';
import { personNameSql } from '../devices/devices.repository';
import { demoModels, type ModelKey } from './demo-device-models';
import { planFleet, type FleetRoster } from './demo-device-fleet';
import { noGoogle, planGoogleFields } from './demo-device-google';
import { STAFF_DOMAIN } from './generate-district';
import { createRng } from './generate-random';

export interface DemoDevicesResult {
  models: number;
  devices: number;
  byStatus: Partial<Record<DeviceStatus, number>>;
  agreements: number;
  activeHolds: number;
  /** Devices in stock at the demo principal's school: tags to type at the scan station. */
  scanStation: { school: string; tags: string[] } | null;
}

/**
 * Gives the demo district its 1:1 fleet with a believable past (see `planFleet`): planned in
 * memory with the deterministic RNG, then written table by table in a few set-based statements
 * in one transaction, so it takes a second or two on PGlite even for the 5,000-student default.
 * Needs the demo accounts: the IT technician is the one who did the work.
 */
export async function seedDemoDevices(db: Db, o: { districtId: string; seed?: number; now?: number }): Promise<DemoDevicesResult> {
  const now = o.now ?? Date.now();
  return db.transaction(async (tx) => {
    // PGlite has one connection, so nothing can change the roster between the reads below and
    // the writes, and every id written comes from those reads or from the plan itself: the
    // foreign-key triggers could only agree, and skipping them halves the time. PostgreSQL keeps them.
    if (db.engine === 'pglite') await tx.exec('SET LOCAL session_replication_role = replica');
    const roster = await readRoster(tx, o.districtId);
    const [it] = (
      await tx.query<{ id: string; email: string }>('SELECT id, email FROM accounts WHERE district_id = $1 AND lower(email) = $2', [
        o.districtId,
        `it@${STAFF_DOMAIN}`,
      ])
    ).rows;
    if (!it) throw new Error('The demo devices need the demo accounts: create them first');
    const modelIds = Object.fromEntries(Object.keys(demoModels).map((k) => [k, randomUUID()])) as Record<ModelKey, string>;
    const { plan, agreements, holds, schoolYear } = planFleet(createRng(o.seed ?? 1), {
      roster,
      modelIds,
      now,
      actor: { accountId: it.id, label: it.email },
    });
    // Google Admin's view of the Chromebooks comes from its own random stream, so the fleet stays
    // the same for a seed whatever is added here.
    const google = planGoogleFields(createRng((o.seed ?? 1) * 7919 + 1), {
      devices: plan.devices,
      assignments: plan.assignments,
      roster: {
        students: roster.studentInfo,
        schoolNames: new Map(roster.schools.map((s) => [s.id, s.name])),
        modelOf: new Map((Object.keys(modelIds) as ModelKey[]).map((k) => [modelIds[k], k])),
      },
      now,
      schoolYear,
    });
    const created = new Date(Date.UTC(schoolYear - 6, 4, 1)).toISOString();
    const models = (Object.entries(demoModels) as [ModelKey, (typeof demoModels)[ModelKey]][]).map(([key, m]) => ({
      id: modelIds[key],
      manufacturer: m.manufacturer,
      name: m.name,
      category: m.category,
      expected_life_years: m.expectedLifeYears,
      replacement_price: m.replacementPrice,
      aue_date: m.aueInYears === null ? null : `${schoolYear + m.aueInYears}-06-01`,
      created_at: created,
      updated_at: created,
    }));
    // The history reads in `seq` order: events go in as they happened.
    const events = plan.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i);
    await insertRows(tx, o.districtId, 'device_models', models);
    await insertRows(
      tx,
      o.districtId,
      'devices',
      plan.devices.map((d) => ({ ...d.row, ...(google.get(d.row.id) ?? noGoogle) })),
    );
    await insertRows(tx, o.districtId, 'device_assignments', plan.assignments);
    await insertRows(
      tx,
      o.districtId,
      'device_events',
      events.map((x) => x.e),
    );
    await insertRows(tx, o.districtId, 'use_agreements', agreements);
    await insertRows(tx, o.districtId, 'device_holds', holds);

    const byStatus: Partial<Record<DeviceStatus, number>> = {};
    for (const d of plan.devices) byStatus[d.row.status] = (byStatus[d.row.status] ?? 0) + 1;
    const school = roster.schools.find((s) => s.id === roster.principalSchool);
    const tags = plan.devices
      .filter((d) => d.row.school_id === school?.id && d.row.status === 'in_stock' && d.cohort === 'c2026')
      .map((d) => d.row.asset_tag)
      .sort()
      .slice(0, 3);
    return {
      models: models.length,
      devices: plan.devices.length,
      byStatus,
      agreements: agreements.length,
      activeHolds: holds.filter((h) => h.released_at === null).length,
      scanStation: school && tags.length > 0 ? { school: school.name, tags } : null,
    };
  });
}

const BATCH = 10_000;

/**
 * Inserts rows whose keys are the table's columns: PostgreSQL converts each JSON value to its
 * column's type, and WITH ORDINALITY keeps the order (so device_events' seq follows time).
 */
export async function insertRows(tx: Queryable, districtId: string, table: string, rows: object[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'district_id');
  const list = columns.join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `INSERT INTO ${table} (district_id, ${list})
       SELECT $1, ${columns.map((c) => `x.${c}`).join(', ')}
         FROM json_populate_recordset(NULL::${table}, $2::json) WITH ORDINALITY AS x
        ORDER BY x.ordinality`,
      [districtId, JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

async function readRoster(
  db: Queryable,
  districtId: string,
): Promise<FleetRoster & { principalSchool: string | null; studentInfo: Map<string, { email: string | null; grade: number }> }> {
  const q = async <T>(sql: string) => (await db.query<T>(sql, [districtId])).rows;
  // One after another: inside a transaction there is one connection.
  const schools = await q<FleetRoster['schools'][number]>(
    `SELECT id, name, level FROM schools WHERE district_id = $1 AND status = 'active' ORDER BY sourced_id COLLATE "C"`,
  );
  const students = await q<{ id: string; name: string; grade: string | null; school_id: string | null; email: string | null }>(
    `SELECT p.id, ${personNameSql('p')} AS name, p.grades[1] AS grade, p.primary_school_id AS school_id, p.email FROM people p
        WHERE p.district_id = $1 AND p.primary_role = 'student' AND p.status = 'active' ORDER BY p.sourced_id COLLATE "C"`,
  );
  const staff = await q<{ id: string; school_id: string | null }>(
    `SELECT id, primary_school_id AS school_id FROM people
        WHERE district_id = $1 AND primary_role IN ('teacher', 'administrator') AND status = 'active' ORDER BY sourced_id COLLATE "C"`,
  );
  const guardians = await q<{ student_id: string; id: string; name: string }>(
    `SELECT gl.student_id, g.id, ${personNameSql('g')} AS name FROM guardian_links gl JOIN people g ON g.id = gl.guardian_id
        WHERE gl.district_id = $1 ORDER BY gl.student_id, g.sourced_id COLLATE "C"`,
  );
  const homerooms = await q<{ school_id: string; grade: string; room: string | null; title: string; students: number }>(
    `SELECT c.school_id, c.grades[1] AS grade, c.location AS room, c.title,
              (SELECT count(*)::int FROM enrollments e WHERE e.class_id = c.id AND e.role = 'student' AND e.status = 'active') AS students
         FROM classes c JOIN schools s ON s.id = c.school_id
        WHERE c.district_id = $1 AND c.status = 'active' AND c.class_type = 'homeroom' AND s.level = 'elementary'
          AND c.grades[1] IN ('PK', 'TK', 'KG', '01', '02')
        ORDER BY c.sourced_id COLLATE "C"`,
  );
  // The demo's student, the demo parent's children, and the principal's school.
  const featured = await q<{ email: string; person_id: string | null; school_id: string | null; children: string[] | null }>(
    `SELECT a.email, a.person_id, ar.school_id,
              (SELECT array_agg(gl.student_id) FROM guardian_links gl WHERE gl.guardian_id = a.person_id) AS children
         FROM accounts a JOIN account_roles ar ON ar.account_id = a.id
        WHERE a.district_id = $1 AND ar.role IN ('student', 'guardian', 'principal')`,
  );
  const gradeOf = (g: string | null) => (g && /^\d+$/.test(g) ? Number(g) : 0);
  const byStudent = new Map<string, { id: string; name: string }[]>();
  for (const g of guardians) byStudent.set(g.student_id, [...(byStudent.get(g.student_id) ?? []), { id: g.id, name: g.name }]);
  const local = (email: string) => email.slice(0, email.indexOf('@'));
  const account = (name: string) => featured.find((a) => local(a.email) === name);
  return {
    schools,
    students: students.map((s) => ({ id: s.id, name: s.name, grade: gradeOf(s.grade), schoolId: s.school_id })),
    staff: staff.map((s) => ({ id: s.id, schoolId: s.school_id })),
    guardians: byStudent,
    homerooms: homerooms.map((h) => ({ schoolId: h.school_id, grade: gradeOf(h.grade), room: h.room ?? h.title, students: h.students })),
    featured: new Set([account('student')?.person_id, ...(account('parent')?.children ?? [])].filter((id): id is string => !!id)),
    featuredGuardian: account('parent')?.person_id ?? null,
    principalSchool: account('principal')?.school_id ?? null,
    studentInfo: new Map(students.map((s) => [s.id, { email: s.email, grade: gradeOf(s.grade) }])),
  };
}
