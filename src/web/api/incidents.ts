import { z } from 'zod';
import {
  incidentCreateSchema,
  incidentListSchema,
  incidentMonthSchema,
  incidentSchema,
  incidentUpdateCreateSchema,
  maintenanceCreateSchema,
  maintenanceListSchema,
  maintenanceSchema,
  type Incident,
  type IncidentStatus,
  type MaintenanceWindow,
} from '../../shared/api/incidents';
import { http } from './http';

export type { Incident, IncidentStatus, MaintenanceWindow };
export type IncidentCreate = z.input<typeof incidentCreateSchema>;
export type IncidentUpdateCreate = z.input<typeof incidentUpdateCreateSchema>;
export type IncidentMonth = z.infer<typeof incidentMonthSchema>;
export type MaintenanceInput = z.input<typeof maintenanceCreateSchema>;
export type IncidentList = z.infer<typeof incidentListSchema>;

const statsSchema = z.object({ months: z.array(incidentMonthSchema) });
const okSchema = z.object({ ok: z.literal(true) });
const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export const fetchIncidents = (query: { state: 'open' | 'resolved' | 'all'; limit: number; offset?: number }) =>
  http.get('/api/incidents', incidentListSchema, query);
export const fetchIncident = (id: string) => http.get(path('/api/incidents', id), incidentSchema);
export const fetchIncidentStats = async () => (await http.get('/api/incidents/stats', statsSchema)).months;
export const openIncident = (body: IncidentCreate) => http.post('/api/incidents', incidentSchema, body);
export const addIncidentUpdate = (id: string, body: IncidentUpdateCreate) =>
  http.post(`${path('/api/incidents', id)}/updates`, incidentSchema, body);

export const fetchMaintenance = () => http.get('/api/maintenance', maintenanceListSchema);
export const createMaintenance = (body: MaintenanceInput) => http.post('/api/maintenance', maintenanceSchema, body);
export const updateMaintenance = (id: string, body: MaintenanceInput) => http.put(path('/api/maintenance', id), maintenanceSchema, body);
export const deleteMaintenance = (id: string) => http.delete(path('/api/maintenance', id), okSchema);

/** Query keys: every incident change refreshes the lists, the figures and the one incident. */
export const incidentKeys = {
  all: ['incidents'] as const,
  list: (query: object) => ['incidents', 'list', query] as const,
  stats: ['incidents', 'stats'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
};
export const maintenanceKeys = { all: ['maintenance'] as const };
