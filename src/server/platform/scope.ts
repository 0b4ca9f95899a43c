import type { Actor } from './actor';
import { districtWideRoles } from './policy';
import type { Params } from './sql';

/**
 * The SQL predicate for "people this actor may see", on a `people` row aliased `alias`.
 * Each role contributes the rows it may see; an actor with several roles sees their union.
 * District isolation is always applied, whatever the roles.
 */
export function visiblePeople(actor: Actor, alias: string, params: Params): string {
  const district = `${alias}.district_id = ${params.add(actor.districtId)}`;
  if (actor.roles.some((r) => districtWideRoles.includes(r))) return district;

  const parts: string[] = [];
  if (actor.roles.includes('principal') && actor.schoolIds.length > 0) {
    parts.push(
      `EXISTS (SELECT 1 FROM person_roles pr WHERE pr.person_id = ${alias}.id AND pr.school_id = ANY(${params.add(actor.schoolIds)}::uuid[]))`,
    );
  }
  if (actor.personId) {
    const me = params.add(actor.personId);
    if (actor.roles.includes('teacher')) {
      parts.push(
        `EXISTS (SELECT 1 FROM enrollments se JOIN enrollments te ON te.class_id = se.class_id
           WHERE se.person_id = ${alias}.id AND se.role = 'student' AND se.status = 'active'
             AND te.person_id = ${me} AND te.role = 'teacher' AND te.status = 'active')`,
      );
    }
    if (actor.roles.includes('guardian')) {
      parts.push(`EXISTS (SELECT 1 FROM guardian_links gl WHERE gl.guardian_id = ${me} AND gl.student_id = ${alias}.id)`);
    }
    // Everyone with a roster identity may see their own record.
    parts.push(`${alias}.id = ${me}`);
  }
  if (parts.length === 0) return `${district} AND false`;
  return `${district} AND (${parts.join(' OR ')})`;
}

/** The SQL predicate for "classes this actor may see", on a `classes` row aliased `alias`. */
export function visibleClasses(actor: Actor, alias: string, params: Params): string {
  const district = `${alias}.district_id = ${params.add(actor.districtId)}`;
  if (actor.roles.some((r) => districtWideRoles.includes(r))) return district;
  const parts: string[] = [];
  if (actor.roles.includes('principal') && actor.schoolIds.length > 0) {
    parts.push(`${alias}.school_id = ANY(${params.add(actor.schoolIds)}::uuid[])`);
  }
  if (actor.personId && (actor.roles.includes('teacher') || actor.roles.includes('student'))) {
    parts.push(
      `EXISTS (SELECT 1 FROM enrollments me WHERE me.class_id = ${alias}.id AND me.person_id = ${params.add(actor.personId)} AND me.status = 'active')`,
    );
  }
  if (parts.length === 0) return `${district} AND false`;
  return `${district} AND (${parts.join(' OR ')})`;
}

/** The SQL predicate for "schools this actor may see" on a `schools` row. */
export function visibleSchools(actor: Actor, alias: string, params: Params): string {
  return `${alias}.district_id = ${params.add(actor.districtId)}`;
}
