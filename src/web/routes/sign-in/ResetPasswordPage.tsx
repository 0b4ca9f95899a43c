import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { passwordResetConfirmSchema } from '../../../shared/api/auth';
import { limits } from '../../../shared/limits';
import { confirmPasswordReset } from '../../api/auth';
import { ApiError } from '../../api/errors';
import { checkForm, errorField, errorMessage } from '../../components/errors';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { PublicLayout } from '../../components/PublicLayout';
import { useDocumentTitle } from '../../components/useDocumentTitle';

/** Where reset and invitation emails lead: choose a password with the one-time token from the link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  useDocumentTitle(t('reset.title'));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [linkInvalid, setLinkInvalid] = useState(token.length === 0);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const checked = checkForm(passwordResetConfirmSchema, { token, password }, t);
    const found = { ...checked.errors };
    if (confirm !== password) found.confirm = t('reset.mismatch');
    if (found.token) return setLinkInvalid(true);
    setErrors(found);
    if (!checked.data || found.confirm) return;
    setBusy(true);
    try {
      await confirmPasswordReset(checked.data.token, checked.data.password);
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_token') setLinkInvalid(true);
      else if (errorField(err) === 'password') setErrors({ password: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('reset.title')}
        </Title>
        {done ? (
          <>
            <Alert color="green" role="status" title={t('reset.doneTitle')}>
              {t('reset.done')}
            </Alert>
            <Button component={Link} to="/sign-in">
              {t('actions.signIn')}
            </Button>
          </>
        ) : linkInvalid ? (
          <>
            <Alert color="red" role="alert" title={t('reset.invalidTitle')}>
              {t('reset.invalid')}
            </Alert>
            <Anchor component={Link} to="/forgot-password">
              {t('reset.requestNew')}
            </Anchor>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="md">
              <Text size="sm">{t('reset.intro', { min: limits.passwordMin })}</Text>
              {formError ? (
                <Alert color="red" role="alert">
                  {formError}
                </Alert>
              ) : null}
              <NewPasswordFields
                password={password}
                confirm={confirm}
                onPassword={setPassword}
                onConfirm={setConfirm}
                passwordError={errors.password}
                confirmError={errors.confirm}
              />
              <Button type="submit" loading={busy}>
                {t('reset.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicLayout>
  );
}
