import type { Queryable } from '../../db/client';
import type { ChangeCounts } from '../../../shared/api/rostering';
import { isBulk, type ImportContext } from './import-context';
import { districtHasRows } from './merge-records';

const fields: [string, string][] = [
  ['american_indian_or_alaska_native', 'americanIndianOrAlaskaNative'],
  ['asian', 'asian'],
  ['black_or_african_american', 'blackOrAfricanAmerican'],
  ['native_hawaiian_or_other_pacific_islander', 'nativeHawaiianOrOtherPacificIslander'],
  ['white', 'white'],
  ['demographic_race_two_or_more_races', 'demographicRaceTwoOrMoreRaces'],
  ['hispanic_or_latino_ethnicity', 'hispanicOrLatinoEthnicity'],
  ['country_of_birth_code', 'countryOfBirthCode'],
  ['state_of_birth_abbreviation', 'stateOfBirthAbbreviation'],
  ['city_of_birth', 'cityOfBirth'],
  ['public_school_residence_status', 'publicSchoolResidenceStatus'],
];

/** people.demographics for a staged demographics row `d` (keys are the OneRoster names); empty once tobedeleted. */
export function demographicsSql(d: string): string {
  const pairs = fields.map(([col, key]) => `'${key}', ${d}.${col}`).join(', ');
  return `CASE WHEN ${d}.status = 'active' THEN coalesce(${d}.ext, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object('sex', ${d}.sex, ${pairs})) ELSE '{}'::jsonb END`;
}

export function birthDateSql(d: string): string {
  return `CASE WHEN ${d}.status = 'active' THEN ${d}.birth_date END`;
}

/**
 * The columns the users merge writes when demographics.csv comes with users.csv: writing them in
 * the same pass avoids rewriting every person (and every index entry) a second time.
 */
export function demographicsColumns(ctx: ImportContext): { join: string; columns: Record<string, string> } | undefined {
  const stage = ctx.tables.demographics;
  if (!stage) return undefined;
  const clear = isBulk(ctx, 'demographics');
  return {
    join: `LEFT JOIN ${stage} d ON d.sourced_id = s.sourced_id`,
    columns: {
      demographics: `CASE WHEN d.sourced_id IS NOT NULL THEN ${demographicsSql('d')} ${clear ? `ELSE '{}'::jsonb` : `ELSE coalesce(t.demographics, '{}'::jsonb)`} END`,
      birth_date: `CASE WHEN d.sourced_id IS NOT NULL THEN ${birthDateSql('d')} ${clear ? 'ELSE NULL::date' : 'ELSE t.birth_date'} END`,
    },
  };
}

/** People the users merge already gave their demographics (the active rows of users.csv). */
function handledByUsers(ctx: ImportContext, alias: string): string {
  return ctx.tables.users
    ? `EXISTS (SELECT 1 FROM ${ctx.tables.users} u WHERE u.sourced_id = ${alias}.sourced_id AND u.status = 'active')`
    : 'false';
}

/** What demographics.csv will change, counted before anything is written. */
export async function countDemographics(db: Queryable, ctx: ImportContext, districtId: string): Promise<ChangeCounts | undefined> {
  const stage = ctx.tables.demographics;
  if (!stage) return undefined;
  if (!(await districtHasRows(db, 'people', districtId))) {
    // A first import: every active row is new.
    const { rows } = await db.query<{ active: number; total: number }>(
      `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, count(*)::int AS total FROM ${stage}`,
    );
    return { created: rows[0]!.active, updated: 0, deactivated: 0, unchanged: rows[0]!.total - rows[0]!.active };
  }
  const { rows } = await db.query<ChangeCounts>(
    `WITH cmp AS (
       SELECT d.status, p.id IS NULL OR (p.demographics = '{}' AND p.birth_date IS NULL) AS was_empty,
              ROW(p.demographics, p.birth_date) IS DISTINCT FROM ROW(${demographicsSql('d')}, ${birthDateSql('d')}) AS differs
         FROM ${stage} d LEFT JOIN people p ON p.district_id = $1 AND p.sourced_id = d.sourced_id
     )
     SELECT count(*) FILTER (WHERE status = 'active' AND was_empty AND differs)::int AS created,
            count(*) FILTER (WHERE status = 'active' AND NOT was_empty AND differs)::int AS updated,
            (count(*) FILTER (WHERE status = 'inactive' AND NOT was_empty)
             ${isBulk(ctx, 'demographics') ? `+ (SELECT count(*) FROM people p WHERE p.district_id = $1 AND (p.demographics <> '{}' OR p.birth_date IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM ${stage} d WHERE d.sourced_id = p.sourced_id))` : ''})::int AS deactivated,
            count(*) FILTER (WHERE NOT differs OR (status = 'inactive' AND was_empty))::int AS unchanged
       FROM cmp`,
    [districtId],
  );
  return rows[0]!;
}

/** Demographics of people the users merge did not write: a demographics file alone, or users marked tobedeleted. */
export async function applyRemainingDemographics(db: Queryable, ctx: ImportContext, districtId: string): Promise<void> {
  const stage = ctx.tables.demographics;
  if (!stage) return;
  await db.query(
    `UPDATE people p SET demographics = ${demographicsSql('d')}, birth_date = ${birthDateSql('d')}, updated_at = now()
       FROM ${stage} d
      WHERE p.district_id = $1 AND p.sourced_id = d.sourced_id AND NOT ${handledByUsers(ctx, 'd')}
        AND ROW(p.demographics, p.birth_date) IS DISTINCT FROM ROW(${demographicsSql('d')}, ${birthDateSql('d')})`,
    [districtId],
  );
  if (isBulk(ctx, 'demographics')) {
    await db.query(
      `UPDATE people p SET demographics = '{}', birth_date = NULL, updated_at = now()
        WHERE p.district_id = $1 AND (p.demographics <> '{}' OR p.birth_date IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM ${stage} d WHERE d.sourced_id = p.sourced_id) AND NOT ${handledByUsers(ctx, 'p')}`,
      [districtId],
    );
  }
}
