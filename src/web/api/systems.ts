import { z } from 'zod';
import { type SystemSpecInput, type SystemStatus } from '../../shared/api/systems';
import {
  boardSystemSchema,
  importResultSchema,
  statusSummarySchema,
  systemDetailSchema,
  systemViewSchema,
  type BoardSystem,
  type ImportResult,
  type StatusGroup,
  type StatusSummary,
  type SystemDetail,
} from '../../shared/api/system-views';
import { http, upload } from './http';

export type { BoardSystem, ImportResult, StatusGroup, StatusSummary, SystemDetail, SystemSpecInput, SystemStatus };
export type SystemUpdate = Omit<SystemSpecInput, 'id'>;

const boardSchema = z.object({ systems: z.array(boardSystemSchema) });
const heartbeatsSchema = z.array(z.object({ systemId: z.string(), check: z.string(), path: z.string() }));
const savedSchema = z.object({ system: systemViewSchema, heartbeats: heartbeatsSchema });

/** Every system's live status with the board's columns: one request, however many systems. */
export const fetchBoard = async () => (await http.get('/api/status', boardSchema)).systems;
export const fetchSystem = (id: string) => http.get(`/api/systems/${encodeURIComponent(id)}`, systemDetailSchema);
export const createSystem = (body: SystemSpecInput) => http.post('/api/systems', savedSchema, body);
export const updateSystem = (id: string, body: SystemUpdate) => http.put(`/api/systems/${encodeURIComponent(id)}`, savedSchema, body);
export const deleteSystem = (id: string) => http.delete(`/api/systems/${encodeURIComponent(id)}`, z.object({ ok: z.literal(true) }));

/** Sends a config-as-code file as it is, so the server's errors name its lines. */
export const importSystemsYaml = (file: Blob, prune: boolean) =>
  upload('/api/systems/import', file, {
    schema: importResultSchema,
    contentType: 'application/yaml',
    query: { prune: prune || undefined },
  });

/** A plain link: the browser downloads the file with the session cookie (a GET needs no CSRF token). */
export const exportSystemsUrl = '/api/systems/export';

/** Query keys: the board is shared by the list, the graph and the system pages; the home tile reads only the counts. */
export const systemKeys = {
  board: ['systems', 'board'] as const,
  summary: ['systems', 'summary'] as const,
  detail: (id: string) => ['systems', 'detail', id] as const,
};

export const fetchStatusSummary = () => http.get('/api/status/summary', statusSummarySchema);
