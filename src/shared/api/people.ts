import { z } from 'zod';
import { limits } from '../limits';

export const schoolSchema = z.object({
  id: z.uuid(),
  sourcedId: z.string(),
  name: z.string(),
  level: z.string().nullable(),
  grades: z.array(z.string()),
  ncesId: z.string().nullable(),
  stateId: z.string().nullable(),
  address: z.string().nullable(),
  status: z.string(),
  studentCount: z.number().int(),
  staffCount: z.number().int(),
  classCount: z.number().int(),
});
export type School = z.infer<typeof schoolSchema>;

export const personRoleSchema = z.object({ role: z.string(), schoolId: z.uuid(), schoolName: z.string() });

export const personSummarySchema = z.object({
  id: z.uuid(),
  sourcedId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredGivenName: z.string().nullable(),
  primaryRole: z.string(),
  identifier: z.string().nullable(),
  email: z.string().nullable(),
  grades: z.array(z.string()),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  status: z.string(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const peopleSortSchema = z.enum(['name', '-name', 'grade', '-grade', 'identifier', '-identifier', 'school', '-school']);

export const peopleQuerySchema = z.object({
  q: z.string().trim().max(limits.searchMax).optional(),
  role: z.enum(['student', 'teacher', 'administrator', 'aide', 'guardian', 'staff']).optional(),
  schoolId: z.uuid().optional(),
  grade: z.string().max(10).optional(),
  classId: z.uuid().optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  sort: peopleSortSchema.default('name'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});
export type PeopleQuery = z.input<typeof peopleQuerySchema>;

export const peoplePageSchema = z.object({
  items: z.array(personSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const classSummarySchema = z.object({
  id: z.uuid(),
  sourcedId: z.string(),
  title: z.string(),
  classCode: z.string().nullable(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  courseTitle: z.string().nullable(),
  periods: z.array(z.string()),
  grades: z.array(z.string()),
  subjects: z.array(z.string()),
  teachers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  studentCount: z.number().int(),
});

export const personDetailSchema = personSummarySchema.extend({
  middleName: z.string().nullable(),
  preferredFamilyName: z.string().nullable(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  roles: z.array(personRoleSchema),
  classes: z.array(classSummarySchema.pick({ id: true, title: true, schoolName: true, periods: true }).extend({ role: z.string() })),
  guardians: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      relationship: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  children: z.array(z.object({ id: z.uuid(), name: z.string(), grades: z.array(z.string()), schoolName: z.string().nullable() })),
  demographics: z.record(z.string(), z.unknown()).nullable(),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const academicSessionSchema = z.object({
  id: z.uuid(),
  sourcedId: z.string(),
  title: z.string(),
  type: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  schoolYear: z.number().int(),
  parentId: z.uuid().nullable(),
});

export const districtSummarySchema = z.object({
  district: z.object({ id: z.uuid(), name: z.string() }),
  schools: z.number().int(),
  students: z.number().int(),
  staff: z.number().int(),
  guardians: z.number().int(),
  classes: z.number().int(),
  enrollments: z.number().int(),
  studentsByLevel: z.array(z.object({ level: z.string(), students: z.number().int() })),
  studentsByGrade: z.array(z.object({ grade: z.string(), students: z.number().int() })),
});
