import { statusPageSchema, type StatusPage, type StatusPageDay } from '../../shared/api/status-page';
import type { Language } from '../../shared/roles';
import { http } from './http';

export type { StatusPage, StatusPageDay };

/**
 * The public status page's data, no sign-in needed. `district` (id or sourcedId) is needed only
 * when the server holds several districts. The answer may come from the browser's HTTP cache.
 */
export const fetchStatusPage = (lang: Language, district?: string) => http.get('/api/status/public', statusPageSchema, { lang, district });
