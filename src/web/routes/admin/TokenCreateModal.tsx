import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiTokenCreateSchema } from '../../../shared/api/admin';
import { roleSchema, schoolScopedRoles, tokenRoles } from '../../../shared/roles';
import type { TokenCreate } from '../../api/admin';
import { fetchSchools } from '../../api/people';
import { checkForm, errorField, errorMessage } from '../../components/errors';
import { useLabels } from '../../i18n/labels';
import { LocalizedDates } from './LocalizedDates';
import { AppModal } from '../../components/AppModal';

interface TokenCreateModalProps {
  onClose: () => void;
  onCreate: (body: TokenCreate) => Promise<void>;
}

export function TokenCreateModal({ onClose, onCreate }: TokenCreateModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [expires, setExpires] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tokenRole = roleSchema.safeParse(role).data;
  const scoped = tokenRole !== undefined && schoolScopedRoles.includes(tokenRole);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const checked = checkForm(
      apiTokenCreateSchema,
      {
        name,
        role,
        schoolIds: scoped ? schoolIds : [],
        // The token works through the whole chosen day, in the admin's time zone.
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
      },
      t,
    );
    const found = { ...checked.errors };
    if (scoped && schoolIds.length === 0) found.schoolIds = t('admin.accounts.needsSchool');
    setErrors(found);
    if (!checked.data || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onCreate(checked.data);
    } catch (err) {
      const field = errorField(err);
      if (field) setErrors({ [field.split('.')[0]!]: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('admin.tokens.newTitle')} size="lg">
      <LocalizedDates>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            ) : null}
            <TextInput
              label={t('fields.name')}
              description={t('admin.tokens.nameHelp')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <Select
              label={t('fields.role')}
              description={t('admin.tokens.roleHelp')}
              required
              data={tokenRoles.map((r) => ({ value: r, label: labels.role(r) }))}
              value={role}
              onChange={setRole}
              error={errors.role}
            />
            {scoped ? (
              <MultiSelect
                label={t('fields.schools')}
                required
                data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={schoolIds}
                onChange={setSchoolIds}
                error={errors.schoolIds}
                searchable
              />
            ) : null}
            <DateInput
              label={t('admin.tokens.expires')}
              description={t('admin.tokens.expiresHelp')}
              value={expires}
              onChange={setExpires}
              minDate={new Date()}
              clearable
              valueFormat="D MMMM YYYY"
              error={errors.expiresAt}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('admin.tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </LocalizedDates>
    </AppModal>
  );
}
