import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/roles';
import type { Account } from '../../api/admin';
import { errorField, errorMessage } from '../../components/errors';
import { initialValues, needsPerson, validateCreate, validateUpdate, type AccountFormValues } from './account-form';
import { PersonPicker } from './PersonPicker';
import { RoleGrantsInput } from './RoleGrantsInput';
import { AppModal } from '../../components/AppModal';

interface AccountFormModalProps {
  /** The account to edit, or null to create one. */
  account: Account | null;
  opened: boolean;
  onClose: () => void;
  onCreate: (body: NonNullable<ReturnType<typeof validateCreate>['body']>) => Promise<unknown>;
  onUpdate: (id: string, body: NonNullable<ReturnType<typeof validateUpdate>['body']>) => Promise<unknown>;
}

/** Whether the form has a field to show a server error at (the roster link is only chosen when creating). */
function isShown(field: string, creating: boolean) {
  return ['email', 'displayName', 'status', 'roles'].includes(field) || field.startsWith('roles.') || (creating && field === 'personId');
}

export function AccountFormModal({ account, opened, onClose, onCreate, onUpdate }: AccountFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<AccountFormValues>(() => initialValues(account));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AccountFormValues>(key: K, value: AccountFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const send = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      // The server names the field at fault (a taken email, a school from another district): show it there.
      const field = errorField(err);
      if (field && isShown(field, account === null)) setErrors({ [field]: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (account) {
      const { body, errors: found } = validateUpdate(values, t);
      setErrors(found);
      if (body) await send(() => onUpdate(account.id, body));
    } else {
      const { body, errors: found } = validateCreate(values, t);
      setErrors(found);
      if (body) await send(() => onCreate(body));
    }
  };

  return (
    <AppModal opened={opened} onClose={onClose} title={account ? t('admin.accounts.editTitle') : t('admin.accounts.newTitle')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            disabled={account !== null}
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t('fields.displayName')}
            required
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={errors.displayName}
          />
          {account ? (
            <Select
              label={t('fields.status')}
              data={[
                { value: 'active', label: t('admin.accounts.status.active') },
                { value: 'disabled', label: t('admin.accounts.status.disabled') },
              ]}
              value={values.status}
              onChange={(s) => set('status', s === 'disabled' ? 'disabled' : 'active')}
              allowDeselect={false}
              error={errors.status}
            />
          ) : (
            <Select
              label={t('fields.language')}
              data={languages.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
              value={values.language}
              onChange={(l) => set('language', l === 'es' ? 'es' : 'en')}
              allowDeselect={false}
            />
          )}
          <RoleGrantsInput value={values.grants} onChange={(g) => set('grants', g)} errors={errors} />
          {!account ? (
            <PersonPicker
              value={values.personId}
              onChange={(id) => set('personId', id)}
              error={errors.personId}
              required={needsPerson(values.grants)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {account ? t('actions.save') : t('admin.accounts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
