import type { Queryable } from '../../db/client';
import type { ChangeCounts } from '../../../shared/api/rostering';
import { isBulk, newIdSql, type ImportContext } from './import-context';
import { mergeRecords } from './merge-records';

export async function mergeEnrollments(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts | undefined> {
  const stage = ctx.tables.enrollments;
  if (!stage) return undefined;
  return mergeRecords(db, districtId, {
    table: 'enrollments',
    stage,
    newId: newIdSql(ctx, 'enrollments'),
    joins: `LEFT JOIN classes c ON c.district_id = $1 AND c.sourced_id = s.class_sourced_id
      LEFT JOIN people p ON p.district_id = $1 AND p.sourced_id = s.user_sourced_id
      LEFT JOIN schools sc ON sc.district_id = $1 AND sc.sourced_id = s.school_sourced_id`,
    columns: {
      class_id: 'c.id',
      person_id: 'p.id',
      school_id: 'sc.id',
      role: 's.role',
      is_primary: 'coalesce(s.is_primary, false)',
      begin_date: 's.begin_date',
      end_date: 's.end_date',
      extra: `coalesce(s.ext, '{}'::jsonb)`,
    },
    bulk: isBulk(ctx, 'enrollments') ? {} : undefined,
  });
}

export async function mergeUserProfiles(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts | undefined> {
  const stage = ctx.tables.userProfiles;
  if (!stage) return undefined;
  return mergeRecords(db, districtId, {
    table: 'roster_user_profiles',
    stage,
    newId: newIdSql(ctx, 'userProfiles'),
    joins: `LEFT JOIN people p ON p.district_id = $1 AND p.sourced_id = s.user_sourced_id`,
    columns: {
      person_id: 'p.id',
      profile_type: 's.profile_type',
      vendor_id: 's.vendor_id',
      application_id: 's.application_id',
      description: 's.description',
      credential_type: 's.credential_type',
      username: 's.username',
      extra: `coalesce(s.ext, '{}'::jsonb)`,
    },
    bulk: isBulk(ctx, 'userProfiles') ? {} : undefined,
  });
}
