import type { Queryable } from '../../db/client';
import type { ChangeCounts } from '../../../shared/api/rostering';
import { withSuspendedIndexes } from './bulk-indexes';
import { isBulk, type ImportContext } from './import-context';
import { districtHasRows } from './merge-records';

/**
 * A person's roles at schools (person_roles) and guardians' links to students are derived from
 * the people in the export, not records with a sourcedId of their own: each person named in the
 * import gets exactly the set the export gives them. People the import does not name, and
 * people it deactivates, keep theirs, so history shows where a student was.
 */
async function countRows(db: Queryable, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

async function createTemp(db: Queryable, name: string, columns: string): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${name}; CREATE TEMP TABLE ${name} (${columns}) ON COMMIT DROP`);
}

/**
 * Fills the desired roles and, when there are roles to replace (`scoped`), the people whose roles
 * are replaced; returns the roles already removed, or undefined if there is nothing to do.
 */
async function desiredRoles(db: Queryable, ctx: ImportContext, districtId: string, scoped: boolean): Promise<number | undefined> {
  await createTemp(db, 'roster_desired_roles', 'person_id uuid, school_id uuid, role text, role_type text, begin_date date, end_date date');
  await createTemp(db, 'roster_role_scope', 'person_id uuid PRIMARY KEY');
  if (ctx.version === '1.1') {
    const users = ctx.tables.users;
    if (!users) return undefined;
    await db.query(
      `INSERT INTO roster_desired_roles
       SELECT DISTINCT ON (p.id, m.school_id) p.id, m.school_id, s.roster_role,
              CASE WHEN m.school_id = p.primary_school_id THEN 'primary' ELSE 'secondary' END, NULL::date, NULL::date
         FROM ${users} s CROSS JOIN LATERAL unnest(s.org_sourced_ids) WITH ORDINALITY AS o(sid, n)
         JOIN roster_org_school m ON m.org_sid = o.sid
         JOIN people p ON p.district_id = $1 AND p.sourced_id = s.sourced_id
        WHERE s.status = 'active'
        ORDER BY p.id, m.school_id, o.n`,
      [districtId],
    );
    if (scoped) {
      await db.query(
        `INSERT INTO roster_role_scope SELECT DISTINCT p.id FROM ${users} s JOIN people p ON p.district_id = $1 AND p.sourced_id = s.sourced_id WHERE s.status = 'active'`,
        [districtId],
      );
    }
    return 0;
  }
  const roles = ctx.tables.roles;
  if (!roles) return undefined;
  await db.query(
    `INSERT INTO roster_desired_roles
     SELECT DISTINCT ON (p.id, m.school_id, r.roster_role) p.id, m.school_id, r.roster_role, r.role_type, r.begin_date, r.end_date
       FROM ${roles} r
       JOIN roster_org_school m ON m.org_sid = r.org_sourced_id
       JOIN people p ON p.district_id = $1 AND p.sourced_id = r.user_sourced_id
      WHERE r.status = 'active'
      ORDER BY p.id, m.school_id, r.roster_role, (r.role_type = 'primary') DESC, r.rn`,
    [districtId],
  );
  // A bulk roles.csv is every role of every active person; a delta names only the roles it changes.
  if (!scoped) return 0;
  if (isBulk(ctx, 'roles')) {
    await db.query(`INSERT INTO roster_role_scope SELECT id FROM people WHERE district_id = $1 AND status = 'active'`, [districtId]);
    return 0;
  }
  const removed = await db.query(
    `DELETE FROM person_roles pr USING ${roles} r, people p, roster_org_school m
        WHERE r.status = 'inactive' AND p.district_id = $1 AND p.sourced_id = r.user_sourced_id AND m.org_sid = r.org_sourced_id
          AND pr.person_id = p.id AND pr.school_id = m.school_id AND pr.role = r.roster_role
          AND NOT EXISTS (SELECT 1 FROM roster_desired_roles d WHERE d.person_id = pr.person_id AND d.school_id = pr.school_id AND d.role = pr.role)`,
    [districtId],
  );
  return removed.rowCount;
}

// Ids in the import's sequence (see id-prefix.ts), with a digit no file uses.
const newRoleId = (ctx: ImportContext) => `('${ctx.idPrefix}f' || lpad(to_hex(row_number() OVER ()), 11, '0'))::uuid`;

export async function mergePersonRoles(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts | undefined> {
  const first = !(await districtHasRows(db, 'person_roles', districtId));
  const removed = await desiredRoles(db, ctx, districtId, !first);
  if (removed === undefined) return undefined;
  if (first) {
    const n = await countRows(db, 'roster_desired_roles');
    await withSuspendedIndexes(db, 'person_roles', n, () =>
      db.query(
        `INSERT INTO person_roles (id, district_id, person_id, school_id, role, role_type, begin_date, end_date)
         SELECT ${newRoleId(ctx)}, $1, d.person_id, d.school_id, d.role, d.role_type, d.begin_date, d.end_date FROM roster_desired_roles d`,
        [districtId],
      ),
    );
    return { created: n, updated: 0, deactivated: 0, unchanged: 0 };
  }
  const { rows } = await db.query<{ created: number; updated: number; deactivated: number; total: number }>(
    `WITH del AS (
       DELETE FROM person_roles pr USING roster_role_scope sc
        WHERE pr.person_id = sc.person_id
          AND NOT EXISTS (SELECT 1 FROM roster_desired_roles d WHERE d.person_id = pr.person_id AND d.school_id = pr.school_id AND d.role = pr.role)
       RETURNING 1
     ), ins AS (
       INSERT INTO person_roles (id, district_id, person_id, school_id, role, role_type, begin_date, end_date)
       SELECT ${newRoleId(ctx)}, $1, d.person_id, d.school_id, d.role, d.role_type, d.begin_date, d.end_date
         FROM roster_desired_roles d
        WHERE NOT EXISTS (SELECT 1 FROM person_roles pr WHERE pr.person_id = d.person_id AND pr.school_id = d.school_id AND pr.role = d.role)
       RETURNING 1
     ), upd AS (
       UPDATE person_roles pr SET role_type = d.role_type, begin_date = d.begin_date, end_date = d.end_date
         FROM roster_desired_roles d
        WHERE pr.person_id = d.person_id AND pr.school_id = d.school_id AND pr.role = d.role
          AND ROW(pr.role_type, pr.begin_date, pr.end_date) IS DISTINCT FROM ROW(d.role_type, d.begin_date, d.end_date)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM ins)::int AS created, (SELECT count(*) FROM upd)::int AS updated,
            (SELECT count(*) FROM del)::int AS deactivated, (SELECT count(*) FROM roster_desired_roles)::int AS total`,
    [districtId],
  );
  const r = rows[0]!;
  return { created: r.created, updated: r.updated, deactivated: r.deactivated + removed, unchanged: r.total - r.created - r.updated };
}

const guardianRoles = `('guardian', 'parent', 'relative')`;

/** Links come from agentSourcedIds, in either direction: a student's agents or a guardian's students. */
export async function mergeGuardianLinks(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts | undefined> {
  const users = ctx.tables.users;
  if (!users) return undefined;
  await createTemp(
    db,
    'roster_desired_links',
    'guardian_id uuid, student_id uuid, relationship text, PRIMARY KEY (guardian_id, student_id)',
  );
  await db.query(
    `INSERT INTO roster_desired_links
     SELECT DISTINCT ON (guardian_id, student_id) guardian_id, student_id, relationship FROM (
       SELECT CASE WHEN u.primary_role = 'student' THEN a.id ELSE u.id END AS guardian_id,
              CASE WHEN u.primary_role = 'student' THEN u.id ELSE a.id END AS student_id,
              CASE WHEN u.primary_role = 'student' THEN a.primary_role ELSE u.primary_role END AS relationship
         FROM ${users} s CROSS JOIN LATERAL unnest(s.agent_sourced_ids) AS ag(sid)
         JOIN people u ON u.district_id = $1 AND u.sourced_id = s.sourced_id
         JOIN people a ON a.district_id = $1 AND a.sourced_id = ag.sid
        WHERE s.status = 'active'
          AND ((u.primary_role = 'student' AND a.primary_role IN ${guardianRoles}) OR (u.primary_role IN ${guardianRoles} AND a.primary_role = 'student'))
     ) x ORDER BY guardian_id, student_id`,
    [districtId],
  );
  if (!(await districtHasRows(db, 'guardian_links', districtId))) {
    const n = await countRows(db, 'roster_desired_links');
    await withSuspendedIndexes(db, 'guardian_links', n, () =>
      db.query(
        `INSERT INTO guardian_links (district_id, guardian_id, student_id, relationship) SELECT $1, guardian_id, student_id, relationship FROM roster_desired_links`,
        [districtId],
      ),
    );
    return n === 0 ? undefined : { created: n, updated: 0, deactivated: 0, unchanged: 0 };
  }
  const { rows } = await db.query<{ created: number; updated: number; deactivated: number; total: number }>(
    `WITH scope AS MATERIALIZED (
       SELECT p.id FROM ${users} s JOIN people p ON p.district_id = $1 AND p.sourced_id = s.sourced_id WHERE s.status = 'active'
     ), del AS (
       DELETE FROM guardian_links gl
        WHERE gl.district_id = $1 AND (gl.student_id IN (SELECT id FROM scope) OR gl.guardian_id IN (SELECT id FROM scope))
          AND NOT EXISTS (SELECT 1 FROM roster_desired_links d WHERE d.guardian_id = gl.guardian_id AND d.student_id = gl.student_id)
       RETURNING 1
     ), ins AS (
       INSERT INTO guardian_links (district_id, guardian_id, student_id, relationship)
       SELECT $1, d.guardian_id, d.student_id, d.relationship FROM roster_desired_links d
        WHERE NOT EXISTS (SELECT 1 FROM guardian_links gl WHERE gl.guardian_id = d.guardian_id AND gl.student_id = d.student_id)
       RETURNING 1
     ), upd AS (
       UPDATE guardian_links gl SET relationship = d.relationship FROM roster_desired_links d
        WHERE gl.guardian_id = d.guardian_id AND gl.student_id = d.student_id AND gl.relationship IS DISTINCT FROM d.relationship
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM ins)::int AS created, (SELECT count(*) FROM upd)::int AS updated,
            (SELECT count(*) FROM del)::int AS deactivated, (SELECT count(*) FROM roster_desired_links)::int AS total`,
    [districtId],
  );
  const r = rows[0]!;
  return r.total + r.deactivated === 0
    ? undefined
    : { created: r.created, updated: r.updated, deactivated: r.deactivated, unchanged: r.total - r.created - r.updated };
}
