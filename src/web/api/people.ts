import { z } from 'zod';
import {
  classSummarySchema,
  districtSummarySchema,
  peoplePageSchema,
  personDetailSchema,
  schoolSchema,
  type PeopleQuery,
} from '../../shared/api/people';
import { http } from './http';

export type ClassSummary = z.infer<typeof classSummarySchema>;
export type DistrictSummary = z.infer<typeof districtSummarySchema>;
export type PeoplePage = z.infer<typeof peoplePageSchema>;
/** The directory query as the web app sends it (the schema's input types page and pageSize loosely, as strings are coerced). */
export type PeopleSearch = Omit<PeopleQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

const schoolsSchema = z.object({ items: z.array(schoolSchema) });
const classesSchema = z.object({ items: z.array(classSummarySchema) });

export const fetchDistrictSummary = () => http.get('/api/district/summary', districtSummarySchema);
export const fetchSchools = async () => (await http.get('/api/schools', schoolsSchema)).items;
export const fetchSchool = (id: string) => http.get(`/api/schools/${encodeURIComponent(id)}`, schoolSchema);
export const fetchClasses = async (query: { schoolId?: string; q?: string } = {}) =>
  (await http.get('/api/classes', classesSchema, query)).items;
export const fetchClass = (id: string) => http.get(`/api/classes/${encodeURIComponent(id)}`, classSummarySchema);
export const searchPeople = (query: PeopleSearch) => http.get('/api/people', peoplePageSchema, query);
export const fetchPerson = (id: string) => http.get(`/api/people/${encodeURIComponent(id)}`, personDetailSchema);
