import type { TFunction } from 'i18next';
import { accountCreateSchema, accountUpdateSchema } from '../../../shared/api/admin';
import { schoolScopedRoles, type Language, type Role } from '../../../shared/roles';
import type { Account, AccountCreate, AccountUpdate } from '../../api/admin';
import { checkForm } from '../../components/errors';
import type { Grant } from './RoleGrantsInput';

export interface AccountFormValues {
  email: string;
  displayName: string;
  language: Language;
  personId: string | null;
  grants: Grant[];
  status: 'active' | 'disabled';
}

/** Roles that act as a roster person and so must be linked to their record (the server checks this too). */
const personRoles: readonly Role[] = ['teacher', 'student', 'guardian'];

export function needsPerson(grants: Grant[]) {
  return grants.some((g) => g.role !== null && personRoles.includes(g.role));
}

export function initialValues(account: Account | null): AccountFormValues {
  return account
    ? {
        email: account.email,
        displayName: account.displayName,
        language: account.language,
        personId: account.personId,
        grants: account.roles.map((r) => ({ role: r.role, schoolId: r.schoolId })),
        status: account.status,
      }
    : { email: '', displayName: '', language: 'en', personId: null, grants: [{ role: null, schoolId: null }], status: 'active' };
}

/** Checks what can be checked here, with the shared schema, so mistakes show before a round trip. */
export function validateCreate(v: AccountFormValues, t: TFunction): { body?: AccountCreate; errors: Record<string, string> } {
  const checked = checkForm(
    accountCreateSchema,
    { email: v.email, displayName: v.displayName, language: v.language, personId: v.personId, roles: v.grants },
    t,
  );
  // The role rows' own messages ("choose the school") say more than the schema's.
  const errors = { ...checked.errors, ...grantErrors(v, t) };
  if (needsPerson(v.grants) && !v.personId) errors.personId = t('admin.accounts.needsPerson');
  return Object.keys(errors).length === 0 && checked.data ? { body: checked.data, errors } : { errors };
}

export function validateUpdate(v: AccountFormValues, t: TFunction): { body?: AccountUpdate; errors: Record<string, string> } {
  const checked = checkForm(accountUpdateSchema, { displayName: v.displayName, roles: v.grants, status: v.status }, t);
  const errors = { ...checked.errors, ...grantErrors(v, t) };
  return Object.keys(errors).length === 0 && checked.data ? { body: checked.data, errors } : { errors };
}

function grantErrors(v: AccountFormValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  v.grants.forEach((g, i) => {
    if (!g.role) errors[`roles.${i}.role`] = t('validation.required');
    else if (schoolScopedRoles.includes(g.role) && !g.schoolId) errors[`roles.${i}.schoolId`] = t('admin.accounts.needsSchool');
  });
  return errors;
}
