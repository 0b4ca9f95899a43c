import type { z } from 'zod';
import { errorBodySchema } from '../../shared/errors';
import { ApiError, NetworkError } from './errors';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<S extends z.ZodType> {
  schema: S;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

let csrfToken: string | null = null;
let onSignedOut: (() => void) | undefined;

/** The session's CSRF token, from /api/me or the sign-in answer; every write echoes it. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the server says the session has ended (expired, or signed out elsewhere). */
export function onSessionEnded(handler: () => void) {
  onSignedOut = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new NetworkError();
  }
}

/** GETs started before the code that reads them had loaded, by path: see startEarly. */
const early = new Map<string, { at: number; res: Promise<Response> }>();
/** An early answer older than this is not used: the page asked too late for it to count as "now". */
const EARLY_MS = 10_000;

/**
 * Starts a GET now, while the page that reads it is still loading its code: the page's first
 * request for the same path takes this answer instead of asking again (once; later ones ask).
 * The route table starts the board's data with its code, so the two load side by side.
 */
export function startEarly(path: string) {
  const res = send('GET', path, undefined);
  res.catch(() => undefined); // a failure is the taker's to report; untaken, it is nobody's
  early.set(path, { at: Date.now(), res });
}

/**
 * Drops the early answers: they were asked for under the session that just ended or changed, and
 * a page must not read one account's answer (or a refusal) after someone signs in.
 */
export function forgetEarly() {
  early.clear();
}

function takeEarly(method: Method, url: string): Promise<Response> | undefined {
  const hit = method === 'GET' ? early.get(url) : undefined;
  if (!hit) return undefined;
  early.delete(url);
  return Date.now() - hit.at <= EARLY_MS ? hit.res : undefined;
}

function toApiError(status: number, statusText: string, json: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(status, e.code, e.message, e.field, e.details);
  }
  return new ApiError(status, status >= 500 ? 'internal_error' : 'unknown', statusText);
}

async function readError(res: Response): Promise<ApiError> {
  return toApiError(res.status, res.statusText, await res.json().catch(() => undefined));
}

function parseAnswer<S extends z.ZodType>(schema: S, json: unknown, status: number, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${what}`, parsed.error);
    throw new ApiError(status, 'bad_response', 'The server sent an answer this page does not understand');
  }
  return parsed.data;
}

/**
 * The one way the web app talks to the API: typed by a shared zod schema, which also checks
 * the answer, so a server change that breaks the contract fails loudly here instead of rendering nonsense.
 */
export async function request<S extends z.ZodType>(method: Method, path: string, opts: RequestOptions<S>): Promise<z.output<S>> {
  const url = buildUrl(path, opts.query);
  const res = await (takeEarly(method, url) ?? send(method, url, opts.body));
  // A proxy in front of a stopped server answers 502/504 with HTML: to the user that is a lost connection.
  if (res.status === 502 || res.status === 504) throw new NetworkError(`gateway ${res.status}`);
  if (!res.ok) {
    const err = await readError(res);
    if (err.code === 'authentication_required' && path !== '/api/me') onSignedOut?.();
    throw err;
  }
  return parseAnswer(opts.schema, await res.json(), res.status, `${method} ${path}`);
}

export interface UploadOptions<S extends z.ZodType> {
  schema: S;
  query?: Record<string, QueryValue>;
  contentType: string;
  /** Called as the bytes leave the browser, with 0..1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Sends a file as the raw request body. XMLHttpRequest rather than fetch, because only it reports
 * upload progress, and a district's roster can take a while to send.
 */
export function upload<S extends z.ZodType>(path: string, file: Blob, opts: UploadOptions<S>): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, opts.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', opts.contentType);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onload = () => {
      const json: unknown = xhr.response;
      if (xhr.status === 502 || xhr.status === 504) return reject(new NetworkError(`gateway ${xhr.status}`));
      if (xhr.status < 200 || xhr.status >= 300) {
        const err = toApiError(xhr.status, xhr.statusText, json);
        if (err.code === 'authentication_required') onSignedOut?.();
        return reject(err);
      }
      try {
        resolve(parseAnswer(opts.schema, json, xhr.status, `POST ${path}`));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    xhr.send(file);
  });
}

export const http = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Record<string, QueryValue>) => request('GET', path, { schema, query }),
  post: <S extends z.ZodType>(path: string, schema: S, body: unknown = {}) => request('POST', path, { schema, body }),
  put: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PUT', path, { schema, body }),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PATCH', path, { schema, body }),
  delete: <S extends z.ZodType>(path: string, schema: S) => request('DELETE', path, { schema }),
};
