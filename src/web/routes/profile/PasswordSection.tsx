import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { passwordChangeSchema } from '../../../shared/api/auth';
import { changePassword } from '../../api/auth';
import { checkForm, errorField, errorMessage } from '../../components/errors';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { PasswordField } from '../../components/PasswordField';
import { Section } from '../../components/Section';

/** Changing the password also signs out every other session (the server does that). */
export function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const checked = checkForm(passwordChangeSchema, { currentPassword: current, newPassword: next }, t);
    const found = { ...checked.errors };
    if (confirm !== next) found.confirm = t('reset.mismatch');
    setErrors(found);
    if (!checked.data || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await changePassword(checked.data.currentPassword, checked.data.newPassword);
      setCurrent('');
      setNext('');
      setConfirm('');
      setResult({ ok: true, message: t('profile.passwordChanged') });
    } catch (err) {
      const field = errorField(err);
      if (field) setErrors({ [field]: errorMessage(err, t) });
      else setResult({ ok: false, message: errorMessage(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('profile.password')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm" maw={420}>
          {result ? (
            <Alert color={result.ok ? 'green' : 'red'} role={result.ok ? 'status' : 'alert'}>
              {result.message}
            </Alert>
          ) : null}
          <PasswordField
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <NewPasswordFields
            password={next}
            confirm={confirm}
            onPassword={setNext}
            onConfirm={setConfirm}
            passwordError={errors.newPassword}
            confirmError={errors.confirm}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
