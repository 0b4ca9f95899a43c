import { z } from 'zod';

/** DistrictOps roles (not roster roles). Order is the display order. */
export const roles = [
  'district_admin',
  'it_staff',
  'privacy_officer',
  'instructional_coach',
  'principal',
  'teacher',
  'student',
  'guardian',
  'board',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles whose grant names one or more schools. */
export const schoolScopedRoles: readonly Role[] = ['principal'];

/** Roles an integration token may carry: tokens act for systems, never as a student, guardian or teacher. */
export const tokenRoles = ['district_admin', 'it_staff', 'privacy_officer', 'instructional_coach', 'principal', 'board'] as const;
export const tokenRoleSchema = z.enum(tokenRoles);

export const languages = ['en', 'es'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;
