import { z } from 'zod';
import {
  accountCreateSchema,
  accountSchema,
  accountUpdateSchema,
  apiTokenCreateSchema,
  apiTokenSchema,
  auditEntrySchema,
  type Account,
} from '../../shared/api/admin';
import type { Role } from '../../shared/roles';
import { http } from './http';

export type { Account };
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AccountCreate = z.input<typeof accountCreateSchema>;
export type AccountUpdate = z.input<typeof accountUpdateSchema>;
export type TokenCreate = z.input<typeof apiTokenCreateSchema>;

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const accountsSchema = z.object({ items: z.array(accountSchema), total: z.number().int() });
const createdAccountSchema = z.object({ account: accountSchema, setupUrl: z.string(), emailed: z.boolean() });
const tokensSchema = z.object({ items: z.array(apiTokenSchema) });
const createdTokenSchema = z.object({ token: z.string(), info: apiTokenSchema });
const auditPageSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() });

export const fetchAccounts = (query: { q?: string; role?: Role; page: number; pageSize: number }) =>
  http.get('/api/admin/accounts', accountsSchema, query);
export const createAccount = (body: AccountCreate) => http.post('/api/admin/accounts', createdAccountSchema, body);
export const updateAccount = (id: string, body: AccountUpdate) =>
  http.patch(`/api/admin/accounts/${encodeURIComponent(id)}`, accountSchema, body);

export const fetchTokens = async () => (await http.get('/api/admin/tokens', tokensSchema)).items;
export const createToken = (body: TokenCreate) => http.post('/api/admin/tokens', createdTokenSchema, body);
export const revokeToken = (id: string) => http.delete(`/api/admin/tokens/${encodeURIComponent(id)}`, apiTokenSchema);

export const fetchAudit = (filter: AuditFilter) => http.get('/api/admin/audit', auditPageSchema, { ...filter });
