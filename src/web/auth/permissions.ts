/**
 * The permission names the web app checks (the server's policy table holds the truth; these
 * only decide what to show). Keep in step with src/server/platform/policy.ts.
 */
export type Permission =
  | 'people.read'
  | 'students.read'
  | 'staff.read'
  | 'schools.read'
  | 'classes.read'
  | 'district.summary'
  | 'accounts.manage'
  | 'tokens.manage'
  | 'audit.read'
  | 'roster.import'
  | 'jobs.read';
