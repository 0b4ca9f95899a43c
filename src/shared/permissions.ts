/**
 * Every permission a route can name. Which roles hold each is decided in
 * src/server/platform/policy.ts; the web app uses the names only to decide what to show.
 */
export const permissions = [
  'public', // anyone, signed in or not
  'authenticated', // any signed-in account or token
  'people.read', // the people directory, scoped by role
  'students.read', // a student's record, scoped by role
  'staff.read',
  'schools.read',
  'classes.read',
  'district.summary', // district-wide counts, no student records
  'accounts.manage', // users and roles
  'tokens.manage',
  'audit.read',
  'roster.import',
  'jobs.read',
  'systems.read', // the systems catalog, checks, status, incidents and uptime
  'systems.manage', // edit the catalog, checks, notification channels and maintenance windows
  'incidents.manage', // open, update and resolve incidents
  'devices.read', // the device inventory, assignments and history, scoped (a principal: their schools)
  'devices.manage', // add and edit devices and models, check out and in, holds, agreements, imports
  'devices.summary', // device counts by status and school, no names
] as const;
export type Permission = (typeof permissions)[number];
