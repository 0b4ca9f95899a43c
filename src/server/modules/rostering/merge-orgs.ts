import type { Queryable } from '../../db/client';
import type { ChangeCounts } from '../../../shared/api/rostering';
import { isBulk, newIdSql, type ImportContext } from './import-context';
import { gradeLevels } from './oneroster-vocabulary';
import { addCounts, mergeRecords, zeroCounts } from './merge-records';
import type { DistrictPlan } from './resolve-district';

/** Creates the district or renames it after the export's district org; returns its id and what changed. */
export async function mergeDistrict(db: Queryable, plan: DistrictPlan, newId: string): Promise<{ id: string; counts: ChangeCounts }> {
  const counts = zeroCounts();
  if (plan.id === null) {
    await db.query('INSERT INTO districts (id, sourced_id, name) VALUES ($1, $2, $3)', [newId, plan.sourcedId, plan.name]);
    if (plan.org) counts.created = 1;
    return { id: newId, counts };
  }
  const res = await db.query(
    `UPDATE districts SET name = $2, sourced_id = coalesce(sourced_id, $3), updated_at = now()
      WHERE id = $1 AND (name IS DISTINCT FROM $2 OR sourced_id IS NULL AND $3::text IS NOT NULL)`,
    [plan.id, plan.name, plan.sourcedId],
  );
  if (plan.org) {
    if (res.rowCount > 0) counts.updated = 1;
    else counts.unchanged = 1;
  }
  return { id: plan.id, counts };
}

/** Schools go to `schools`; departments and the orgs above a district to `roster_orgs`. */
export async function mergeOrgs(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts> {
  const stage = ctx.tables.orgs;
  if (!stage) return zeroCounts();
  const bulk = isBulk(ctx, 'orgs');
  const schools = await mergeRecords(db, districtId, {
    table: 'schools',
    stage,
    newId: newIdSql(ctx, 'orgs'),
    where: `s.type = 'school'`,
    columns: {
      name: 's.name',
      org_type: `'school'`,
      identifier: 's.identifier',
      // An NCES school id is 12 digits: kept where the directory shows it.
      nces_id: `CASE WHEN s.identifier ~ '^[0-9]{12}$' THEN s.identifier END`,
      parent_sourced_id: 's.parent_sourced_id',
      extra: `coalesce(s.ext, '{}'::jsonb)`,
    },
    bulk: bulk ? { match: `s.type = 'school'` } : undefined,
  });
  const others = await mergeRecords(db, districtId, {
    table: 'roster_orgs',
    stage,
    newId: newIdSql(ctx, 'orgs'),
    where: `s.type NOT IN ('school', 'district')`,
    columns: {
      name: 's.name',
      org_type: 's.type',
      identifier: 's.identifier',
      parent_sourced_id: 's.parent_sourced_id',
      extra: `coalesce(s.ext, '{}'::jsonb)`,
    },
    bulk: bulk ? { match: `s.type NOT IN ('school', 'district')` } : undefined,
  });
  return addCounts(schools, others);
}

/**
 * A temporary map from any org sourcedId to the school it stands for: a school is itself, a
 * department is its parent school. A person's roles and primary school are filed by school.
 */
export async function buildOrgSchoolMap(db: Queryable, districtId: string): Promise<void> {
  await db.exec(
    `DROP TABLE IF EXISTS roster_org_school; CREATE TEMP TABLE roster_org_school (org_sid text PRIMARY KEY, school_id uuid NOT NULL) ON COMMIT DROP`,
  );
  await db.query(
    `INSERT INTO roster_org_school
     SELECT sourced_id, id FROM schools WHERE district_id = $1
     UNION ALL
     SELECT o.sourced_id, sc.id FROM roster_orgs o
       JOIN schools sc ON sc.district_id = o.district_id AND sc.sourced_id = o.parent_sourced_id
      WHERE o.district_id = $1 AND NOT EXISTS (SELECT 1 FROM schools x WHERE x.district_id = $1 AND x.sourced_id = o.sourced_id)`,
    [districtId],
  );
  await db.exec('ANALYZE roster_org_school');
}

const gradeOrder = `ARRAY[${gradeLevels.map((g) => `'${g}'`).join(',')}]`;

/**
 * OneRoster orgs carry no grade span: a school's grades are those of its active students, and
 * its level follows (K-5 elementary, 6-8 middle, 9-12 high, anything else other).
 */
export async function updateSchoolGrades(db: Queryable, districtId: string): Promise<void> {
  await db.query(
    `WITH g AS (
       SELECT pr.school_id, array_agg(DISTINCT g) AS grades, min(array_position(${gradeOrder}, g)) AS lo, max(array_position(${gradeOrder}, g)) AS hi
         FROM person_roles pr JOIN people p ON p.id = pr.person_id CROSS JOIN LATERAL unnest(p.grades) AS g
        WHERE pr.district_id = $1 AND pr.role = 'student' AND p.status = 'active'
        GROUP BY pr.school_id
     ), ordered AS (
       SELECT school_id, ARRAY(SELECT x FROM unnest(grades) x ORDER BY array_position(${gradeOrder}, x)) AS grades,
              CASE WHEN hi <= 10 THEN 'elementary' WHEN lo >= 14 AND hi <= 17 THEN 'high' WHEN lo >= 11 AND hi <= 13 THEN 'middle' ELSE 'other' END AS level
         FROM g
     )
     UPDATE schools s SET grades = o.grades, level = o.level, updated_at = now()
       FROM ordered o WHERE s.id = o.school_id AND ROW(s.grades, s.level) IS DISTINCT FROM ROW(o.grades, o.level)`,
    [districtId],
  );
}
