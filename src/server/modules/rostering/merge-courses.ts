import type { Queryable } from '../../db/client';
import type { ChangeCounts } from '../../../shared/api/rostering';
import { isBulk, newIdSql, type ImportContext } from './import-context';
import { mergeRecords, zeroCounts } from './merge-records';

/**
 * A session's parent may be new in this same file: it is then referred to by the id staged for
 * it (the parent FK is deferred to the end of the transaction, see applyImport).
 */
export async function mergeAcademicSessions(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts> {
  const stage = ctx.tables.academicSessions;
  if (!stage) return zeroCounts();
  return mergeRecords(db, districtId, {
    table: 'academic_sessions',
    stage,
    newId: newIdSql(ctx, 'academicSessions'),
    joins: `LEFT JOIN academic_sessions pa ON pa.district_id = $1 AND pa.sourced_id = s.parent_sourced_id
      LEFT JOIN ${stage} ps ON ps.sourced_id = s.parent_sourced_id`,
    columns: {
      title: 's.title',
      session_type: 's.type',
      start_date: 's.start_date',
      end_date: 's.end_date',
      school_year: 's.school_year',
      parent_id: `CASE WHEN pa.id IS NOT NULL THEN pa.id WHEN ps.status = 'active' THEN ${newIdSql(ctx, 'academicSessions', 'ps')} END`,
      extra: `coalesce(s.ext, '{}'::jsonb)`,
    },
    bulk: isBulk(ctx, 'academicSessions') ? {} : undefined,
  });
}

export async function mergeCourses(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts> {
  const stage = ctx.tables.courses;
  if (!stage) return zeroCounts();
  return mergeRecords(db, districtId, {
    table: 'courses',
    stage,
    newId: newIdSql(ctx, 'courses'),
    joins: `LEFT JOIN roster_org_school m ON m.org_sid = s.org_sourced_id
      LEFT JOIN academic_sessions sy ON sy.district_id = $1 AND sy.sourced_id = s.school_year_sourced_id`,
    columns: {
      title: 's.title',
      course_code: 's.course_code',
      grades: `coalesce(s.grades, '{}')`,
      subjects: `coalesce(s.subjects, '{}')`,
      subject_codes: `coalesce(s.subject_codes, '{}')`,
      school_id: 'm.school_id',
      school_year_id: 'sy.id',
      extra: `coalesce(s.ext, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object('orgSourcedId', CASE WHEN m.school_id IS NULL THEN s.org_sourced_id END))`,
    },
    bulk: isBulk(ctx, 'courses') ? {} : undefined,
  });
}

export async function mergeClasses(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts> {
  const stage = ctx.tables.classes;
  if (!stage) return zeroCounts();
  return mergeRecords(db, districtId, {
    table: 'classes',
    stage,
    newId: newIdSql(ctx, 'classes'),
    joins: `LEFT JOIN schools sc ON sc.district_id = $1 AND sc.sourced_id = s.school_sourced_id
      LEFT JOIN courses co ON co.district_id = $1 AND co.sourced_id = s.course_sourced_id`,
    columns: {
      title: 's.title',
      class_code: 's.class_code',
      class_type: 's.class_type',
      location: 's.location',
      school_id: 'sc.id',
      course_id: 'co.id',
      grades: `coalesce(s.grades, '{}')`,
      subjects: `coalesce(s.subjects, '{}')`,
      periods: `coalesce(s.periods, '{}')`,
      term_ids: `ARRAY(SELECT a.id FROM unnest(s.term_sourced_ids) WITH ORDINALITY AS tt(sid, n)
                         JOIN academic_sessions a ON a.district_id = $1 AND a.sourced_id = tt.sid ORDER BY tt.n)`,
      extra: `coalesce(s.ext, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object('subjectCodes', nullif(s.subject_codes, '{}')))`,
    },
    bulk: isBulk(ctx, 'classes') ? {} : undefined,
  });
}
