import type { Queryable } from '../../db/client';
import type { ChangeCounts } from '../../../shared/api/rostering';
import { isBulk, newIdSql, type ImportContext } from './import-context';
import { demographicsColumns } from './merge-demographics';
import { mergeRecords, zeroCounts } from './merge-records';

/**
 * OneRoster 1.2: each user's primary role (roleType primary first, then file order) and the
 * school it is held at, from roles.csv. 1.1 carries the role and orgs on users.csv itself.
 */
async function buildPrimaryRoles(db: Queryable, ctx: ImportContext): Promise<void> {
  await db.exec(
    `DROP TABLE IF EXISTS roster_primary_role; CREATE TEMP TABLE roster_primary_role (user_sid text PRIMARY KEY, roster_role text, role text, school_id uuid) ON COMMIT DROP`,
  );
  if (!ctx.tables.roles) return;
  await db.exec(
    `INSERT INTO roster_primary_role
     SELECT DISTINCT ON (r.user_sourced_id) r.user_sourced_id, r.roster_role, r.role, m.school_id
       FROM ${ctx.tables.roles} r LEFT JOIN roster_org_school m ON m.org_sid = r.org_sourced_id
      WHERE r.status = 'active'
      ORDER BY r.user_sourced_id, (r.role_type = 'primary') DESC, r.rn;
     ANALYZE roster_primary_role`,
  );
}

const firstSchool = `(SELECT m.school_id FROM unnest(s.org_sourced_ids) WITH ORDINALITY AS o(sid, n)
                        JOIN roster_org_school m ON m.org_sid = o.sid ORDER BY o.n LIMIT 1)`;

function extraOf(version: '1.1' | '1.2'): string {
  const common = `'userIds', nullif(s.user_ids, '{}')`;
  const v12 = `, 'userMasterIdentifier', s.user_master_identifier, 'preferredMiddleName', s.preferred_middle_name,
     'pronouns', s.pronouns, 'resourceSourcedIds', nullif(s.resource_sourced_ids, '{}'),
     'oneRosterRole', CASE WHEN pr.role IS DISTINCT FROM pr.roster_role THEN pr.role END`;
  return `coalesce(s.ext, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object(${common}${version === '1.2' ? v12 : ''}))`;
}

/** users.csv → people, with demographics.csv in the same pass. Roles and guardian links follow in their own steps. */
export async function mergeUsers(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts> {
  const stage = ctx.tables.users;
  if (ctx.version === '1.2') await buildPrimaryRoles(db, ctx);
  if (!stage) return zeroCounts();
  const v12 = ctx.version === '1.2';
  const demographics = demographicsColumns(ctx);
  const joins = [
    v12
      ? `LEFT JOIN roster_primary_role pr ON pr.user_sid = s.sourced_id LEFT JOIN roster_org_school po ON po.org_sid = s.primary_org_sourced_id`
      : '',
    demographics?.join ?? '',
  ].join('\n');
  const counts = await mergeRecords(db, districtId, {
    table: 'people',
    stage,
    newId: newIdSql(ctx, 'users'),
    joins,
    columns: {
      enabled_user: 'coalesce(s.enabled_user, true)',
      // A 1.2 delta of users.csv alone keeps the roles the person already has.
      primary_role: v12 ? `coalesce(pr.roster_role, t.primary_role)` : 's.roster_role',
      username: 's.username',
      identifier: 's.identifier',
      given_name: 's.given_name',
      family_name: 's.family_name',
      middle_name: 's.middle_name',
      preferred_given_name: v12 ? 's.preferred_given_name' : 'NULL::text',
      preferred_family_name: v12 ? 's.preferred_family_name' : 'NULL::text',
      email: 's.email',
      phone: 's.phone',
      sms: 's.sms',
      grades: `coalesce(s.grades, '{}')`,
      primary_school_id: v12
        ? `coalesce(po.school_id, pr.school_id, CASE WHEN pr.user_sid IS NULL THEN t.primary_school_id END)`
        : firstSchool,
      extra: extraOf(ctx.version),
      ...demographics?.columns,
    },
    quietColumns: demographics ? ['demographics', 'birth_date'] : [],
    bulk: isBulk(ctx, 'users') ? {} : undefined,
  });
  // Plans for the steps that follow join people by the thousand: PGlite never analyzes on its own.
  await db.exec('ANALYZE people');
  return counts;
}
