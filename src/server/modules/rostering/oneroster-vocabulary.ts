/** The OneRoster enumerations DistrictOps checks values against (1.1 Final and 1.2.1 CSV bindings). */
export const orgTypes = ['department', 'school', 'district', 'local', 'state', 'national'] as const;
export const sessionTypes = ['gradingPeriod', 'semester', 'schoolYear', 'term'] as const;
export const classTypes = ['homeroom', 'scheduled'] as const;
export const userRoles11 = ['administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher'] as const;
export const userRoles12 = [
  'aide',
  'counselor',
  'districtAdministrator',
  'guardian',
  'parent',
  'principal',
  'proctor',
  'relative',
  'siteAdministrator',
  'student',
  'systemAdministrator',
  'teacher',
] as const;
export const enrollmentRoles = ['administrator', 'proctor', 'student', 'teacher'] as const;
export const sexes11 = ['male', 'female'] as const;
export const sexes12 = ['male', 'female', 'other', 'unspecified'] as const;

export { gradeLevels } from '../../../shared/grades';

/**
 * The roster role DistrictOps files a OneRoster role under (people.primary_role, person_roles.role):
 * the directory and scoping know students, teachers, administrators, aides, guardians, parents,
 * relatives and proctors. 1.2's finer staff roles are administrators; the exact role stays in `extra`.
 */
export function rosterRole(role: string): string {
  switch (role) {
    case 'districtAdministrator':
    case 'siteAdministrator':
    case 'systemAdministrator':
    case 'principal':
    case 'counselor':
      return 'administrator';
    default:
      return role;
  }
}
