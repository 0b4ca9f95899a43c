import type { Permission } from '../../shared/permissions';
import type { Role } from '../../shared/roles';

/**
 * The one place that decides who may do what. Routes name a permission; this table says
 * which roles hold it. Row-level scoping (which students) lives in scope.ts.
 */
export { permissions, type Permission } from '../../shared/permissions';

const grants: Record<Role, readonly Permission[]> = {
  district_admin: [
    'people.read',
    'students.read',
    'staff.read',
    'schools.read',
    'classes.read',
    'district.summary',
    'accounts.manage',
    'tokens.manage',
    'audit.read',
    'roster.import',
    'jobs.read',
  ],
  it_staff: ['people.read', 'students.read', 'staff.read', 'schools.read', 'classes.read', 'district.summary', 'jobs.read'],
  privacy_officer: ['people.read', 'students.read', 'staff.read', 'schools.read', 'classes.read', 'district.summary', 'audit.read'],
  instructional_coach: ['people.read', 'students.read', 'staff.read', 'schools.read', 'classes.read', 'district.summary'],
  principal: ['people.read', 'students.read', 'staff.read', 'schools.read', 'classes.read'],
  teacher: ['people.read', 'students.read', 'schools.read', 'classes.read'],
  student: ['students.read', 'schools.read'],
  guardian: ['students.read', 'schools.read'],
  board: ['schools.read', 'district.summary'],
};

// Systems & status (issue 5), kept as its own block so each module's grants read together.
// Teachers, students and guardians see the public status page only.
const systemsGrants: Partial<Record<Role, readonly Permission[]>> = {
  district_admin: ['systems.read', 'systems.manage', 'incidents.manage'],
  it_staff: ['systems.read', 'systems.manage', 'incidents.manage'],
  privacy_officer: ['systems.read'],
  instructional_coach: ['systems.read'],
  principal: ['systems.read'],
  board: ['systems.read'],
};

// Devices (issue 6). IT runs the inventory; a principal reads their schools' devices; the privacy
// officer, coach and board see counts only (device lists name students). Students and guardians
// see their own devices through GET /api/devices/mine, which needs no permission but a roster identity.
const devicesGrants: Partial<Record<Role, readonly Permission[]>> = {
  district_admin: ['devices.read', 'devices.manage', 'devices.summary'],
  it_staff: ['devices.read', 'devices.manage', 'devices.summary'],
  principal: ['devices.read', 'devices.summary'],
  privacy_officer: ['devices.summary'],
  instructional_coach: ['devices.summary'],
  board: ['devices.summary'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return (
    grants[role].includes(permission) ||
    (systemsGrants[role]?.includes(permission) ?? false) ||
    (devicesGrants[role]?.includes(permission) ?? false)
  );
}

export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => roleHas(r, permission));
}

/** Roles that see every person in their district. */
export const districtWideRoles: readonly Role[] = ['district_admin', 'it_staff', 'privacy_officer', 'instructional_coach'];
