import type { Engine, Queryable } from '../../db/client';
import type { ChangeCounts, RosterCountKey } from '../../../shared/api/rostering';
import type { ImportContext } from './import-context';
import { mergeClasses, mergeAcademicSessions, mergeCourses } from './merge-courses';
import { applyRemainingDemographics, countDemographics } from './merge-demographics';
import { mergeEnrollments, mergeUserProfiles } from './merge-enrollments';
import { mergeGuardianLinks, mergePersonRoles } from './merge-links';
import { randomUUID } from 'node:crypto';
import { addCounts } from './merge-records';
import { buildOrgSchoolMap, mergeDistrict, mergeOrgs, updateSchoolGrades } from './merge-orgs';
import { mergeUsers } from './merge-users';
import type { DistrictPlan } from './resolve-district';

export type CountsByType = Partial<Record<RosterCountKey, ChangeCounts>>;

/**
 * Applies a checked import inside the caller's transaction, parents before children. Every
 * reference was checked against the staged files and the roster before this runs.
 */
export async function applyImport(
  tx: Queryable,
  engine: Engine,
  ctx: ImportContext,
  plan: DistrictPlan,
  onStep: (step: string) => void = () => undefined,
): Promise<{ districtId: string; counts: CountsByType }> {
  // A session's parent may be created by the same statement as the session.
  await tx.exec('SET CONSTRAINTS ALL DEFERRED');
  // PGlite has one connection, so nothing else can change the roster while this runs, and every
  // id written here comes from a join with its parent table in this same transaction: the
  // foreign-key triggers can only agree, and skipping them halves the time of a large import.
  // On PostgreSQL other sessions exist, so the triggers (and their row locks) stay.
  if (engine === 'pglite') await tx.exec('SET LOCAL session_replication_role = replica');
  // Two imports into one district wait for each other instead of interleaving.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('districtops.roster.' || $1))`, [plan.id ?? plan.sourcedId ?? plan.name]);

  const counts: CountsByType = {};
  const district = await mergeDistrict(tx, plan, randomUUID());
  const districtId = district.id;
  ctx.districtId = districtId;

  if (ctx.tables.orgs) counts.orgs = addCounts(district.counts, await mergeOrgs(tx, ctx, districtId));
  await buildOrgSchoolMap(tx, districtId);
  onStep('academicSessions');
  if (ctx.tables.academicSessions) counts.academicSessions = await mergeAcademicSessions(tx, ctx, districtId);
  if (ctx.tables.courses) counts.courses = await mergeCourses(tx, ctx, districtId);
  if (ctx.tables.classes) counts.classes = await mergeClasses(tx, ctx, districtId);
  onStep('users');
  const demographics = await countDemographics(tx, ctx, districtId);
  if (demographics) counts.demographics = demographics;
  const users = await mergeUsers(tx, ctx, districtId);
  await applyRemainingDemographics(tx, ctx, districtId);
  if (ctx.tables.users) counts.users = users;
  const roles = await mergePersonRoles(tx, ctx, districtId);
  if (roles) counts.roles = roles;
  const links = await mergeGuardianLinks(tx, ctx, districtId);
  if (links) counts.guardianLinks = links;
  onStep('enrollments');
  const enrollments = await mergeEnrollments(tx, ctx, districtId);
  if (enrollments) counts.enrollments = enrollments;
  const profiles = await mergeUserProfiles(tx, ctx, districtId);
  if (profiles) counts.userProfiles = profiles;
  await updateSchoolGrades(tx, districtId);
  return { districtId, counts };
}
