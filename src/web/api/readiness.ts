import { z } from 'zod';
import {
  applyTemplateSchema,
  readinessBoardSchema,
  readinessItemCreateSchema,
  readinessItemSchema,
  readinessItemUpdateSchema,
  readinessOwnerSchema,
  readinessYearCreateSchema,
  readinessYearSchema,
  templateItemSchema,
  type evidenceSchema,
  type ReadinessBoard,
  type ReadinessItem,
  type ReadinessOwner,
  type ReadinessYear,
  type TemplateItem,
} from '../../shared/api/readiness';
import { http } from './http';

export type { ReadinessBoard, ReadinessItem, ReadinessOwner, ReadinessYear, TemplateItem };
export type ReadinessYearCreate = z.input<typeof readinessYearCreateSchema>;
export type ReadinessItemCreate = z.input<typeof readinessItemCreateSchema>;
export type ReadinessItemUpdate = z.input<typeof readinessItemUpdateSchema>;
export type Evidence = z.input<typeof evidenceSchema>;
export type ApplyTemplate = z.input<typeof applyTemplateSchema>;

const yearsSchema = z.object({ items: z.array(readinessYearSchema) });
const ownersSchema = z.object({ items: z.array(readinessOwnerSchema) });
const templateSchema = z.object({ items: z.array(templateItemSchema) });
const appliedSchema = z.object({ created: z.number().int(), board: readinessBoardSchema });
const okSchema = z.object({ ok: z.literal(true) });

const yearPath = (schoolYear: number) => `/api/readiness/years/${encodeURIComponent(schoolYear)}`;
const itemPath = (id: string) => `/api/readiness/items/${encodeURIComponent(id)}`;

export const fetchReadinessYears = async () => (await http.get('/api/readiness/years', yearsSchema)).items;
export const fetchReadinessBoard = (schoolYear: number) => http.get(yearPath(schoolYear), readinessBoardSchema);
export const fetchReadinessTemplate = async () => (await http.get('/api/readiness/template', templateSchema)).items;
export const fetchReadinessOwners = async () => (await http.get('/api/readiness/owners', ownersSchema)).items;

export const createReadinessYear = (body: ReadinessYearCreate) => http.post('/api/readiness/years', readinessBoardSchema, body);
export const moveFirstDay = (schoolYear: number, firstDay: string) => http.put(yearPath(schoolYear), readinessBoardSchema, { firstDay });
export const applyReadinessTemplate = (schoolYear: number, body: ApplyTemplate = {}) =>
  http.post(`${yearPath(schoolYear)}/apply-template`, appliedSchema, body);

export const createReadinessItem = (schoolYear: number, body: ReadinessItemCreate) =>
  http.post(`${yearPath(schoolYear)}/items`, readinessItemSchema, body);
export const updateReadinessItem = (id: string, body: ReadinessItemUpdate) => http.patch(itemPath(id), readinessItemSchema, body);
export const deleteReadinessItem = (id: string) => http.delete(itemPath(id), okSchema);
export const markItemDone = (id: string, evidence: Evidence) => http.put(`${itemPath(id)}/done`, readinessItemSchema, { evidence });
export const reopenItem = (id: string) => http.delete(`${itemPath(id)}/done`, readinessItemSchema);
