import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { passwordResetRequestSchema } from '../../../shared/api/auth';
import { requestPasswordReset } from '../../api/auth';
import { checkForm, errorField, errorMessage } from '../../components/errors';
import { PublicLayout } from '../../components/PublicLayout';
import { useDocumentTitle } from '../../components/useDocumentTitle';

type Outcome = { sent: true; emailConfigured: boolean } | null;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(t('forgot.title'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const checked = checkForm(passwordResetRequestSchema, { email }, t);
    setFieldError(checked.errors.email);
    if (!checked.data) return;
    setBusy(true);
    try {
      const res = await requestPasswordReset(checked.data.email);
      setOutcome({ sent: true, emailConfigured: res.emailConfigured });
    } catch (err) {
      if (errorField(err) === 'email') setFieldError(errorMessage(err, t));
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forgot.title')}
        </Title>
        {outcome ? (
          <Alert color={outcome.emailConfigured ? 'green' : 'yellow'} role="status" title={t('forgot.sentTitle')}>
            {outcome.emailConfigured ? t('forgot.sent', { email }) : t('forgot.noEmail')}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('forgot.intro')}</Text>
            {formError ? (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            ) : null}
            <form onSubmit={(e) => void submit(e)} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  autoComplete="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={fieldError}
                />
                <Button type="submit" loading={busy}>
                  {t('forgot.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <Group>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('forgot.back')}
          </Anchor>
        </Group>
      </Stack>
    </PublicLayout>
  );
}
