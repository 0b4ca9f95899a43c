import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/me';
import { PageHeader } from '../../components/PageHeader';
import { PasswordSection } from './PasswordSection';
import { PreferencesSection } from './PreferencesSection';
import { SessionsSection } from './SessionsSection';

/** The signed-in person's own settings: language, theme, password and where they are signed in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('profile.title')} description={me.email ?? me.displayName} />
      <Stack gap="lg" maw={880}>
        <PreferencesSection />
        {me.kind === 'session' ? <PasswordSection /> : null}
        {me.kind === 'session' ? <SessionsSection /> : null}
      </Stack>
    </>
  );
}
