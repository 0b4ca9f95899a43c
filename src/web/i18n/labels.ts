import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';

/** OneRoster 1.1/1.2 roles as they arrive from the SIS. */
const rosterRoles = [
  'administrator',
  'aide',
  'guardian',
  'parent',
  'proctor',
  'relative',
  'student',
  'teacher',
  'districtAdministrator',
  'principal',
  'siteAdministrator',
  'systemAdministrator',
] as const;
type RosterRole = (typeof rosterRoles)[number];
const isRosterRole = (r: string): r is RosterRole => (rosterRoles as readonly string[]).includes(r);

const relationships = ['mother', 'father', 'parent', 'guardian', 'grandparent', 'stepparent', 'sibling', 'relative', 'other'] as const;
type Relationship = (typeof relationships)[number];
const isRelationship = (r: string): r is Relationship => (relationships as readonly string[]).includes(r);

/** CEDS grade codes that are not a number. */
const namedGrades = ['IT', 'PR', 'PK', 'TK', 'KG', 'PS', 'UG', 'Other'] as const;
type NamedGrade = (typeof namedGrades)[number];
const isNamedGrade = (g: string): g is NamedGrade => (namedGrades as readonly string[]).includes(g);

/** Display names for codes that come from the roster and the role table. */
export function useLabels() {
  const { t } = useTranslation();
  const grade = (g: string) => {
    if (isNamedGrade(g)) return t(`grades.${g}`);
    const n = Number.parseInt(g, 10);
    return Number.isNaN(n) ? g : t('grades.numbered', { n });
  };
  return {
    role: (r: Role) => t(`roles.${r}`),
    rosterRole: (r: string) => (isRosterRole(r) ? t(`rosterRoles.${r}`) : r),
    relationship: (r: string) => {
      const key = r.toLowerCase();
      return isRelationship(key) ? t(`relationships.${key}`) : r;
    },
    grade,
    grades: (gs: readonly string[]) => gs.map(grade).join(', '),
  };
}
