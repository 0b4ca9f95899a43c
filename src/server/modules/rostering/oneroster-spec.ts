import type { RosterFileType } from '../../../shared/api/rostering';
import { classTypes, enrollmentRoles, orgTypes, sessionTypes, sexes11, sexes12, userRoles11, userRoles12 } from './oneroster-vocabulary';

/**
 * The OneRoster CSV columns DistrictOps reads, checked against the 1EdTech CSV bindings
 * (OneRoster 1.1 Final, tables of section 3; OneRoster 1.2.1 CSV Binding). `required` columns
 * must be in the header and hold a value (except on rows marked `tobedeleted`, which only
 * need their sourcedId). Gradebook files (lineItems, results, categories…) are not imported.
 */
export type OneRosterVersion = '1.1' | '1.2';

export type ColumnKind =
  | 'id' // a sourcedId or a reference to one
  | 'text'
  | 'enum'
  | 'date' // YYYY-MM-DD
  | 'datetime' // ISO 8601, only checked (dateLastModified)
  | 'bool'
  | 'list' // comma-separated values in one field: "a,b"
  | 'idList'
  | 'grades' // a list of CEDS grade levels
  | 'year'
  | 'status'
  | 'secret'; // passwords: never read

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  required?: boolean;
  values?: readonly string[];
}

export interface FileSpec {
  type: RosterFileType;
  fileName: string;
  columns: readonly ColumnSpec[];
}

const base: ColumnSpec[] = [
  { name: 'sourcedId', kind: 'id', required: true },
  { name: 'status', kind: 'status' },
  { name: 'dateLastModified', kind: 'datetime' },
];

const orgs: FileSpec = {
  type: 'orgs',
  fileName: 'orgs.csv',
  columns: [
    ...base,
    { name: 'name', kind: 'text', required: true },
    { name: 'type', kind: 'enum', required: true, values: orgTypes },
    { name: 'identifier', kind: 'text' },
    { name: 'parentSourcedId', kind: 'id' },
  ],
};

const academicSessions: FileSpec = {
  type: 'academicSessions',
  fileName: 'academicSessions.csv',
  columns: [
    ...base,
    { name: 'title', kind: 'text', required: true },
    { name: 'type', kind: 'enum', required: true, values: sessionTypes },
    { name: 'startDate', kind: 'date', required: true },
    { name: 'endDate', kind: 'date', required: true },
    { name: 'parentSourcedId', kind: 'id' },
    { name: 'schoolYear', kind: 'year', required: true },
  ],
};

const courses: FileSpec = {
  type: 'courses',
  fileName: 'courses.csv',
  columns: [
    ...base,
    { name: 'schoolYearSourcedId', kind: 'id' },
    { name: 'title', kind: 'text', required: true },
    { name: 'courseCode', kind: 'text' },
    { name: 'grades', kind: 'grades' },
    { name: 'orgSourcedId', kind: 'id', required: true },
    { name: 'subjects', kind: 'list' },
    { name: 'subjectCodes', kind: 'list' },
  ],
};

const classes: FileSpec = {
  type: 'classes',
  fileName: 'classes.csv',
  columns: [
    ...base,
    { name: 'title', kind: 'text', required: true },
    { name: 'grades', kind: 'grades' },
    { name: 'courseSourcedId', kind: 'id', required: true },
    { name: 'classCode', kind: 'text' },
    { name: 'classType', kind: 'enum', required: true, values: classTypes },
    { name: 'location', kind: 'text' },
    { name: 'schoolSourcedId', kind: 'id', required: true },
    { name: 'termSourcedIds', kind: 'idList', required: true },
    { name: 'subjects', kind: 'list' },
    { name: 'subjectCodes', kind: 'list' },
    { name: 'periods', kind: 'list' },
  ],
};

const userContact: ColumnSpec[] = [
  { name: 'userIds', kind: 'list' },
  { name: 'givenName', kind: 'text', required: true },
  { name: 'familyName', kind: 'text', required: true },
  { name: 'middleName', kind: 'text' },
  { name: 'identifier', kind: 'text' },
  { name: 'email', kind: 'text' },
  { name: 'sms', kind: 'text' },
  { name: 'phone', kind: 'text' },
  { name: 'agentSourcedIds', kind: 'idList' },
  { name: 'grades', kind: 'grades' },
  { name: 'password', kind: 'secret' },
];

const users11: FileSpec = {
  type: 'users',
  fileName: 'users.csv',
  columns: [
    ...base,
    { name: 'enabledUser', kind: 'bool', required: true },
    { name: 'orgSourcedIds', kind: 'idList', required: true },
    { name: 'role', kind: 'enum', required: true, values: userRoles11 },
    { name: 'username', kind: 'text', required: true },
    ...userContact,
  ],
};

// 1.2 moved a user's orgs and roles to roles.csv and added preferred names and a primary org.
const users12: FileSpec = {
  type: 'users',
  fileName: 'users.csv',
  columns: [
    ...base,
    { name: 'enabledUser', kind: 'bool', required: true },
    { name: 'username', kind: 'text' },
    ...userContact,
    { name: 'userMasterIdentifier', kind: 'text' },
    { name: 'resourceSourcedIds', kind: 'idList' },
    { name: 'preferredGivenName', kind: 'text' },
    { name: 'preferredMiddleName', kind: 'text' },
    { name: 'preferredFamilyName', kind: 'text' },
    { name: 'primaryOrgSourcedId', kind: 'id' },
    { name: 'pronouns', kind: 'text' },
  ],
};

const roles12: FileSpec = {
  type: 'roles',
  fileName: 'roles.csv',
  columns: [
    ...base,
    { name: 'userSourcedId', kind: 'id', required: true },
    { name: 'roleType', kind: 'enum', required: true, values: ['primary', 'secondary'] },
    { name: 'role', kind: 'enum', required: true, values: userRoles12 },
    { name: 'beginDate', kind: 'date' },
    { name: 'endDate', kind: 'date' },
    { name: 'orgSourcedId', kind: 'id', required: true },
    { name: 'userProfileSourcedId', kind: 'id' },
  ],
};

const enrollments: FileSpec = {
  type: 'enrollments',
  fileName: 'enrollments.csv',
  columns: [
    ...base,
    { name: 'classSourcedId', kind: 'id', required: true },
    { name: 'schoolSourcedId', kind: 'id', required: true },
    { name: 'userSourcedId', kind: 'id', required: true },
    { name: 'role', kind: 'enum', required: true, values: enrollmentRoles },
    { name: 'primary', kind: 'bool' },
    { name: 'beginDate', kind: 'date' },
    { name: 'endDate', kind: 'date' },
  ],
};

const raceFlags = [
  'americanIndianOrAlaskaNative',
  'asian',
  'blackOrAfricanAmerican',
  'nativeHawaiianOrOtherPacificIslander',
  'white',
  'demographicRaceTwoOrMoreRaces',
  'hispanicOrLatinoEthnicity',
] as const;

function demographics(sexes: readonly string[]): FileSpec {
  return {
    type: 'demographics',
    fileName: 'demographics.csv',
    columns: [
      ...base,
      { name: 'birthDate', kind: 'date' },
      { name: 'sex', kind: 'enum', values: sexes },
      ...raceFlags.map((name): ColumnSpec => ({ name, kind: 'bool' })),
      { name: 'countryOfBirthCode', kind: 'text' },
      { name: 'stateOfBirthAbbreviation', kind: 'text' },
      { name: 'cityOfBirth', kind: 'text' },
      { name: 'publicSchoolResidenceStatus', kind: 'text' },
    ],
  };
}

const userProfiles12: FileSpec = {
  type: 'userProfiles',
  fileName: 'userProfiles.csv',
  columns: [
    ...base,
    { name: 'userSourcedId', kind: 'id', required: true },
    { name: 'profileType', kind: 'text', required: true },
    { name: 'vendorId', kind: 'text', required: true },
    { name: 'applicationId', kind: 'text' },
    { name: 'description', kind: 'text' },
    { name: 'credentialType', kind: 'text' },
    { name: 'username', kind: 'text' },
    { name: 'password', kind: 'secret' },
  ],
};

const specs: Record<OneRosterVersion, Partial<Record<RosterFileType, FileSpec>>> = {
  '1.1': { orgs, academicSessions, courses, classes, users: users11, demographics: demographics(sexes11), enrollments },
  '1.2': {
    orgs,
    academicSessions,
    courses,
    classes,
    users: users12,
    roles: roles12,
    demographics: demographics(sexes12),
    enrollments,
    userProfiles: userProfiles12,
  },
};

export function fileSpec(version: OneRosterVersion, type: RosterFileType): FileSpec | undefined {
  return specs[version][type];
}

/** The snake_case staging column for a spec column: `orgSourcedIds` → `org_sourced_ids` (`primary` is reserved in SQL). */
export function stageColumn(name: string): string {
  if (name === 'primary') return 'is_primary';
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Columns that carry vendor data the standard does not define: kept in the row's `extra`. */
export function isExtensionColumn(header: string): boolean {
  return /^(ext_|metadata\.)/i.test(header);
}
