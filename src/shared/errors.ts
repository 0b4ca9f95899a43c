import { z } from 'zod';

/** Stable machine-readable error codes returned by the API, and the HTTP status of each. */
export const errorStatus = {
  validation_failed: 400,
  authentication_required: 401,
  invalid_credentials: 401,
  invalid_token: 401,
  account_locked: 423,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
