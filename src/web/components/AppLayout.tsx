import { AppShell, Box, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me';
import { LanguagePicker } from './LanguagePicker';
import { NavLinks } from './NavLinks';
import { OfflineBanner } from './OfflineBanner';
import { ThemeToggle } from './ThemeToggle';
import { UserMenu } from './UserMenu';
import classes from './AppLayout.module.css';

/** The frame of every signed-in page: header, navigation by permission, and the page in <main>. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main" className={classes.skipLink}>
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} aria-expanded={opened} />
            {/* On a phone the language picker and account menu need the room; the page title says where you are. */}
            <UnstyledButton component={Link} to="/" className={classes.brand} visibleFrom="xs">
              <Text fw={800} size="lg">
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed">
                {me.districtName}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguagePicker signedIn />
            <Box visibleFrom="xs">
              <ThemeToggle />
            </Box>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')} className={classes.navbar}>
        <NavLinks onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <OfflineBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
