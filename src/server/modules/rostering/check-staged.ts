import type { Queryable } from '../../db/client';
import type { RosterFileType } from '../../../shared/api/rostering';
import type { ErrorList } from './error-list';
import { hasColumn, isBulk, type ImportContext } from './import-context';
import { fileSpec, stageColumn } from './oneroster-spec';
import { Params } from '../../platform/sql';

type Target = 'orgs' | 'schools' | 'academicSessions' | 'courses' | 'classes' | 'users';

interface RefCheck {
  file: RosterFileType;
  column: string;
  target: Target;
  list?: boolean;
}

const refChecks: RefCheck[] = [
  { file: 'orgs', column: 'parentSourcedId', target: 'orgs' },
  { file: 'academicSessions', column: 'parentSourcedId', target: 'academicSessions' },
  { file: 'courses', column: 'schoolYearSourcedId', target: 'academicSessions' },
  { file: 'courses', column: 'orgSourcedId', target: 'orgs' },
  { file: 'classes', column: 'courseSourcedId', target: 'courses' },
  { file: 'classes', column: 'schoolSourcedId', target: 'schools' },
  { file: 'classes', column: 'termSourcedIds', target: 'academicSessions', list: true },
  { file: 'users', column: 'orgSourcedIds', target: 'orgs', list: true },
  { file: 'users', column: 'primaryOrgSourcedId', target: 'orgs' },
  { file: 'users', column: 'agentSourcedIds', target: 'users', list: true },
  { file: 'roles', column: 'userSourcedId', target: 'users' },
  { file: 'roles', column: 'orgSourcedId', target: 'orgs' },
  { file: 'demographics', column: 'sourcedId', target: 'users' },
  { file: 'enrollments', column: 'classSourcedId', target: 'classes' },
  { file: 'enrollments', column: 'schoolSourcedId', target: 'schools' },
  { file: 'enrollments', column: 'userSourcedId', target: 'users' },
  { file: 'userProfiles', column: 'userSourcedId', target: 'users' },
];

const targetFile: Record<Target, RosterFileType> = {
  orgs: 'orgs',
  schools: 'orgs',
  academicSessions: 'academicSessions',
  courses: 'courses',
  classes: 'classes',
  users: 'users',
};
const targetNoun: Record<Target, string> = {
  orgs: 'org',
  schools: 'school',
  academicSessions: 'academic session',
  courses: 'course',
  classes: 'class',
  users: 'user',
};
const targetTables: Record<Target, string[]> = {
  orgs: ['schools', 'roster_orgs'],
  schools: ['schools'],
  academicSessions: ['academic_sessions'],
  courses: ['courses'],
  classes: ['classes'],
  users: ['people'],
};

/**
 * SQL that is true when `v` names a record of the target type: in this import's file, or already
 * in the roster when that file is not a bulk replacement (records a bulk file leaves out are
 * about to become inactive, so nothing new may point at them).
 */
function knownSql(ctx: ImportContext, target: Target, v: string, params: Params): string {
  const parts: string[] = [];
  const staged = ctx.tables[targetFile[target]];
  if (staged)
    parts.push(`EXISTS (SELECT 1 FROM ${staged} t WHERE t.sourced_id = ${v}${target === 'schools' ? ` AND t.type = 'school'` : ''})`);
  if (ctx.districtId && !isBulk(ctx, targetFile[target])) {
    const district = params.add(ctx.districtId);
    for (const table of targetTables[target])
      parts.push(`EXISTS (SELECT 1 FROM ${table} x WHERE x.district_id = ${district} AND x.sourced_id = ${v})`);
  }
  if (target === 'orgs' && ctx.districtSourcedId) parts.push(`${v} = ${params.add(ctx.districtSourcedId)}`);
  return parts.length ? `(${parts.join(' OR ')})` : 'false';
}

async function checkReference(db: Queryable, ctx: ImportContext, check: RefCheck, errors: ErrorList): Promise<void> {
  const table = ctx.tables[check.file];
  if (!table || !hasColumn(ctx, check.file, check.column) || errors.full) return;
  const col = stageColumn(check.column);
  const from = check.list
    ? `${table} s CROSS JOIN LATERAL unnest(s.${col}) AS r(v)`
    : `${table} s CROSS JOIN LATERAL (SELECT s.${col} AS v) r`;
  const orgs = ctx.tables.orgs;
  const params = new Params();
  const known = knownSql(ctx, check.target, 'r.v', params);
  const { rows } = await db.query<{ rn: number; v: string; org_type: string | null }>(
    `SELECT s.rn, r.v, ${check.target === 'schools' && orgs ? `(SELECT o.type FROM ${orgs} o WHERE o.sourced_id = r.v LIMIT 1)` : 'NULL::text'} AS org_type
       FROM ${from}
      WHERE s.status = 'active' AND r.v IS NOT NULL AND NOT ${known}
      ORDER BY s.rn LIMIT ${params.add(errors.max)}`,
    params.values,
  );
  const targetType = targetFile[check.target];
  const places = [
    ctx.tables[targetType] ? fileSpec(ctx.version, targetType)!.fileName : undefined,
    ctx.districtId && !isBulk(ctx, targetType) ? 'the roster' : undefined,
  ].filter(Boolean);
  const noun = targetNoun[check.target];
  for (const r of rows) {
    errors.add({
      file: ctx.specs[check.file]!.fileName,
      row: r.rn,
      column: check.column,
      value: r.v,
      message: r.org_type
        ? `names a ${r.org_type} org, not a school`
        : `refers to ${noun} "${r.v}", which is not in ${places.length ? places.join(' or ') : 'this import'}`,
    });
  }
}

async function checkDuplicates(db: Queryable, ctx: ImportContext, type: RosterFileType, errors: ErrorList): Promise<void> {
  const table = ctx.tables[type];
  if (!table || errors.full) return;
  const { rows } = await db.query<{ sourced_id: string; first: number; second: number }>(
    `SELECT sourced_id, min(rn) AS first, (array_agg(rn ORDER BY rn))[2] AS second
       FROM ${table} GROUP BY sourced_id HAVING count(*) > 1 ORDER BY min(rn) LIMIT $1`,
    [errors.max],
  );
  for (const r of rows) {
    errors.add({
      file: ctx.specs[type]!.fileName,
      row: r.second,
      column: 'sourcedId',
      value: r.sourced_id,
      message: `is used twice: also on row ${r.first}`,
    });
  }
}

/** OneRoster 1.2 gives roles in roles.csv: a user new to DistrictOps must have one there. */
async function checkUsersHaveRoles(db: Queryable, ctx: ImportContext, errors: ErrorList): Promise<void> {
  const users = ctx.tables.users;
  if (ctx.version !== '1.2' || !users || errors.full) return;
  const roles = ctx.tables.roles;
  const { rows } = await db.query<{ rn: number; sourced_id: string }>(
    `SELECT u.rn, u.sourced_id FROM ${users} u
      WHERE u.status = 'active'
        ${roles ? `AND NOT EXISTS (SELECT 1 FROM ${roles} r WHERE r.user_sourced_id = u.sourced_id AND r.status = 'active')` : ''}
        AND NOT EXISTS (SELECT 1 FROM people p WHERE p.district_id = $1::uuid AND p.sourced_id = u.sourced_id)
      ORDER BY u.rn LIMIT $2`,
    [ctx.districtId, errors.max],
  );
  for (const r of rows) {
    errors.add({
      file: 'users.csv',
      row: r.rn,
      column: 'sourcedId',
      value: r.sourced_id,
      message: 'has no role in roles.csv (OneRoster 1.2 gives every user at least one)',
    });
  }
}

/** The checks that need every file: duplicates and references between files and to the roster. */
export async function checkStaged(db: Queryable, ctx: ImportContext, errors: ErrorList): Promise<void> {
  for (const type of Object.keys(ctx.tables) as RosterFileType[]) await checkDuplicates(db, ctx, type, errors);
  for (const check of refChecks) await checkReference(db, ctx, check, errors);
  await checkUsersHaveRoles(db, ctx, errors);
}
