import { z } from 'zod';
import { limits } from '../limits';
import { languageSchema, roleSchema, tokenRoleSchema } from '../roles';
import { emailSchema, roleGrantSchema } from './auth';

export const accountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  personId: z.uuid().nullable(),
  language: languageSchema,
  status: z.enum(['active', 'disabled']),
  roles: z.array(roleGrantSchema),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountsQuerySchema = z.object({
  q: z.string().trim().max(limits.searchMax).optional(),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});

export const accountCreateSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(limits.nameMax),
  roles: z.array(roleGrantSchema).min(1, 'must have at least one role'),
  personId: z.uuid().nullable().optional(),
  language: languageSchema.default('en'),
});

export const accountUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(limits.nameMax).optional(),
  roles: z.array(roleGrantSchema).min(1, 'must have at least one role').optional(),
  status: z.enum(['active', 'disabled']).optional(),
  unlock: z.boolean().optional(),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  schoolIds: z.array(z.uuid()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(limits.nameMax),
  role: tokenRoleSchema,
  schoolIds: z.array(z.uuid()).default([]),
  expiresAt: z.iso.datetime().nullable().optional(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorAccountId: z.uuid().nullable(),
  actorTokenId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditQuerySchema = z.object({
  actor: z.string().max(limits.emailMax).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});
