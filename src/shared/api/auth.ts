import { z } from 'zod';
import { limits } from '../limits';
import { languageSchema, roleSchema } from '../roles';

export const emailSchema = z.string().trim().min(3).max(limits.emailMax).email('must be an email address');
export const passwordSchema = z
  .string()
  .min(limits.passwordMin, `must be at least ${limits.passwordMin} characters`)
  .max(limits.passwordMax);

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(limits.passwordMax),
});

export const roleGrantSchema = z.object({ role: roleSchema, schoolId: z.uuid().nullable() });

export const meSchema = z.object({
  kind: z.enum(['session', 'token']),
  accountId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  districtId: z.uuid(),
  districtName: z.string(),
  email: z.string().nullable(),
  displayName: z.string(),
  language: languageSchema,
  roles: z.array(roleSchema),
  schoolIds: z.array(z.uuid()),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = z.object({ me: meSchema });

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetConfirmSchema = z.object({ token: z.string().min(10).max(200), password: passwordSchema });
export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(limits.passwordMax), newPassword: passwordSchema });
export const profileUpdateSchema = z.object({
  language: languageSchema.optional(),
  displayName: z.string().trim().min(1).max(limits.nameMax).optional(),
});

export const sessionInfoSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  authMethod: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});

/** The single sign-on providers DistrictOps knows; the server reads OIDC_<ID>_* for each. */
export const oidcProviderIds = ['google', 'microsoft', 'classlink'] as const;
export const oidcProviderIdSchema = z.enum(oidcProviderIds);
export type OidcProviderId = z.infer<typeof oidcProviderIdSchema>;
export const oidcProviderLabels: Record<OidcProviderId, string> = { google: 'Google', microsoft: 'Microsoft', classlink: 'ClassLink' };

export const oidcProvidersSchema = z.object({
  providers: z.array(z.object({ id: oidcProviderIdSchema, label: z.string(), startUrl: z.string() })),
});
export type OidcProviders = z.infer<typeof oidcProvidersSchema>;

/** `returnTo` is a same-site path; anything else is ignored and the user lands on '/'. */
export const oidcStartQuerySchema = z.object({ returnTo: z.string().max(2000).optional() });

/**
 * Why a single sign-on was refused. The callback redirects to `/sign-in?error=<code>`, so the
 * sign-in page can explain it; the codes are stable.
 */
export const oidcErrorCodes = [
  'oidc_failed', // the provider could not be reached, or its answer did not validate
  'oidc_denied', // the user cancelled, or the provider refused to sign them in
  'oidc_state_invalid', // expired, reused, unknown, or started in another browser: start again
  'oidc_email_unverified', // the provider did not vouch for the email address
  'oidc_no_account', // no DistrictOps account has this email (accounts are never created on sign-in)
  'oidc_account_disabled',
] as const;
export const oidcErrorCodeSchema = z.enum(oidcErrorCodes);
export type OidcErrorCode = z.infer<typeof oidcErrorCodeSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
