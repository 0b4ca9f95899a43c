import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { loginBodySchema } from '../../../shared/api/auth';
import { languageSchema } from '../../../shared/roles';
import { signIn, updateProfile } from '../../api/auth';
import { takeChosenWhileSignedOut } from '../../i18n/i18n';
import { checkForm, errorField } from '../../components/errors';
import { PasswordField } from '../../components/PasswordField';
import { PublicLayout } from '../../components/PublicLayout';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { meQuery } from '../../auth/me';
import { OidcButtons } from './OidcButtons';
import { safeNextPath } from './next-path';
import { oidcErrorMessage, signInErrorMessage } from './sign-in-errors';

/** Set by the sign-out: the page must not bounce back to the app while the old session is being forgotten. */
const signedOutState = z.object({ signedOut: z.literal(true) });

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const next = safeNextPath(params.get('next'));
  const oidcError = params.get('error');
  useDocumentTitle(t('signIn.title'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const justSignedOut = signedOutState.safeParse(location.state).success;
  if (me && !justSignedOut) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const checked = checkForm(loginBodySchema, { email, password }, t);
    setFieldErrors(checked.errors);
    if (!checked.data) return;
    setBusy(true);
    try {
      let signedIn = await signIn(checked.data.email, checked.data.password);
      // A language picked on this page is a choice for the account too (else the account's own applies).
      const picked = languageSchema.safeParse(i18n.language);
      if (takeChosenWhileSignedOut() && picked.success && picked.data !== signedIn.language) {
        signedIn = await updateProfile({ language: picked.data }).catch(() => signedIn);
      }
      queryClient.setQueryData(meQuery.queryKey, signedIn);
      await navigate(next, { replace: true });
    } catch (err) {
      const field = errorField(err);
      const message = signInErrorMessage(err, t);
      if (field === 'email' || field === 'password') setFieldErrors({ [field]: message });
      else setFormError(message);
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('signIn.title')}
        </Title>
        {oidcError ? (
          <Alert color="red" role="alert" title={t('signIn.oidcErrors.title')}>
            {oidcErrorMessage(oidcError, t)}
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" role="alert" title={t('signIn.failedTitle')}>
            {formError}
          </Alert>
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
            />
            <PasswordField
              label={t('fields.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Group justify="space-between" align="center">
              <Anchor component={Link} to={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`} size="sm">
                {t('signIn.forgot')}
              </Anchor>
              <Button type="submit" loading={busy}>
                {t('actions.signIn')}
              </Button>
            </Group>
          </Stack>
        </form>
        <OidcButtons next={next} />
      </Stack>
    </PublicLayout>
  );
}
