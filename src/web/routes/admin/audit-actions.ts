/** Audit actions with a description in the translation files; others are shown by their code. */
export const knownAuditActions = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.login_locked',
  'auth.account_locked',
  'auth.session_ended',
  'auth.other_sessions_ended',
  'auth.password_reset_requested',
  'auth.password_reset',
  'account.created',
  'account.updated',
  'account.profile_updated',
  'account.password_changed',
  'token.created',
  'token.revoked',
  'student.read',
  'person.read_denied',
  'people.search',
] as const;
export type KnownAuditAction = (typeof knownAuditActions)[number];

export const isKnownAuditAction = (a: string): a is KnownAuditAction => (knownAuditActions as readonly string[]).includes(a);

type Underscored<A extends string> = A extends `${infer Head}.${infer Tail}` ? `${Head}_${Tail}` : A;

/** The translation key for an action ("student.read" → "admin.audit.actions.student_read"): i18next reads dots as nesting. */
export const auditActionKey = (a: KnownAuditAction) =>
  `admin.audit.actions.${a.replace('.', '_')}` as `admin.audit.actions.${Underscored<KnownAuditAction>}`;

/** Kinds of record the audit log names. */
const knownEntities = ['account', 'person', 'api_token', 'session'] as const;
export const isKnownEntity = (e: string): e is (typeof knownEntities)[number] => (knownEntities as readonly string[]).includes(e);
