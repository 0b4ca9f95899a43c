import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, NetworkError } from '../api/errors';

const translatedCodes = [
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'forbidden',
  'not_found',
  'csrf_failed',
  'internal_error',
  'unavailable',
  'invalid_token',
  'authentication_required',
  'payload_too_large',
  'bad_response',
] as const;
type TranslatedCode = (typeof translatedCodes)[number];
const isTranslated = (code: string): code is TranslatedCode => (translatedCodes as readonly string[]).includes(code);

/** What to tell the user about a failed request, in their language where we know the case. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof NetworkError) return t('errors.network');
  if (err instanceof ApiError) {
    if (err.code === 'conflict' && err.field === 'email') return t('errors.emailTaken');
    if (err.code === 'validation_failed' && err.field === 'currentPassword') return t('errors.currentPasswordWrong');
    if (isTranslated(err.code)) return t(`errors.${err.code}`);
    // Validation and conflict messages name the specific problem; the server writes them in English.
    return err.message;
  }
  return t('errors.unexpected');
}

/** The form field a server error belongs to, if it names one. */
export function errorField(err: unknown): string | undefined {
  return err instanceof ApiError ? err.field : undefined;
}

export type Checked<T> = { data: T; errors: Record<string, string> } | { data: undefined; errors: Record<string, string> };

/**
 * Checks form values with the same shared schema the server uses, so mistakes show at their field,
 * in the reader's language, before anything is sent. Errors are keyed by field path ("roles.0.schoolId").
 */
export function checkForm<S extends z.ZodType>(schema: S, values: unknown, t: TFunction): Checked<z.output<S>> {
  const parsed = schema.safeParse(values, { reportInput: true });
  if (parsed.success) return { data: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    errors[field] ??= zodIssueMessage(issue, t);
  }
  return { data: undefined, errors };
}

function zodIssueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  // An empty field is "required", whatever rule it then breaks.
  if (issue.input === '' || issue.input === undefined || issue.input === null) return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return t('validation.required');
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'invalid_value':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return t('validation.invalid');
  }
}
