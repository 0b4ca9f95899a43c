import { z } from 'zod';
import { loginResponseSchema, meSchema, oidcProvidersSchema, okSchema, sessionInfoSchema, type Me } from '../../shared/api/auth';
import type { Language } from '../../shared/roles';
import { ApiError } from './errors';
import { forgetEarly, http, setCsrfToken } from './http';

const resetRequestedSchema = z.object({ ok: z.literal(true), emailConfigured: z.boolean() });
const sessionsSchema = z.object({ items: z.array(sessionInfoSchema) });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export type OidcProvider = z.infer<typeof oidcProvidersSchema>['providers'][number];

/** The signed-in account, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await http.get('/api/me', meSchema);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function signIn(email: string, password: string): Promise<Me> {
  const { me } = await http.post('/api/auth/login', loginResponseSchema, { email, password });
  setCsrfToken(me.csrfToken);
  forgetEarly(); // asked for before this session: another account's answers, or refusals
  return me;
}

export async function signOut(): Promise<void> {
  await http.post('/api/auth/logout', okSchema);
  setCsrfToken(null);
  forgetEarly();
}

/** Single sign-on providers; an older server without the endpoint simply has none. */
export async function fetchOidcProviders(): Promise<OidcProvider[]> {
  try {
    return (await http.get('/api/auth/oidc/providers', oidcProvidersSchema)).providers;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return [];
    throw err;
  }
}

export const requestPasswordReset = (email: string) => http.post('/api/auth/password-reset', resetRequestedSchema, { email });
export const confirmPasswordReset = (token: string, password: string) =>
  http.post('/api/auth/password-reset/confirm', okSchema, { token, password });

export const updateProfile = (body: { language?: Language; displayName?: string }) => http.patch('/api/me', meSchema, body);
export const changePassword = (currentPassword: string, newPassword: string) =>
  http.post('/api/me/password', okSchema, { currentPassword, newPassword });

export const fetchSessions = async () => (await http.get('/api/me/sessions', sessionsSchema)).items;
export const endSession = (id: string) => http.delete(`/api/me/sessions/${encodeURIComponent(id)}`, okSchema);
export const endOtherSessions = () => http.post('/api/me/sessions/end-others', z.object({ ended: z.number().int() }));
