import type { Actor } from '../../platform/actor';
import type { Params } from '../../platform/sql';
import type { Role } from '../../../shared/roles';

/** Roles that see every device of their district; a principal sees their schools' devices. */
const deviceWideRoles: readonly Role[] = ['district_admin', 'it_staff'];
/** Roles that see the district's device counts (no names). */
const countWideRoles: readonly Role[] = ['district_admin', 'it_staff', 'privacy_officer', 'instructional_coach', 'board'];

function scoped(actor: Actor, alias: string, params: Params, wide: readonly Role[]): string {
  const district = `${alias}.district_id = ${params.add(actor.districtId)}`;
  if (actor.roles.some((r) => wide.includes(r))) return district;
  if (actor.roles.includes('principal') && actor.schoolIds.length > 0) {
    return `${district} AND ${alias}.school_id = ANY(${params.add(actor.schoolIds)}::uuid[])`;
  }
  return `${district} AND false`;
}

/** The SQL predicate for "devices this actor may see", on a `devices` row aliased `alias`. */
export function visibleDevices(actor: Actor, alias: string, params: Params): string {
  return scoped(actor, alias, params, deviceWideRoles);
}

/** The SQL predicate for devices counted in this actor's summaries. */
export function countedDevices(actor: Actor, alias: string, params: Params): string {
  return scoped(actor, alias, params, countWideRoles);
}
