import type { ReactNode } from 'react';
import { Box, Container, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './LanguagePicker';
import { OfflineBanner } from './OfflineBanner';
import { ThemeToggle } from './ThemeToggle';

/** The frame of the pages seen before signing in: the language choice comes first, for families. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-default-hover)">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={800} size="lg">
            {t('app.name')}
          </Text>
          <Group gap="sm">
            <LanguagePicker signedIn={false} />
            <ThemeToggle />
          </Group>
        </Group>
      </Box>
      <Container size={440} component="main" py="xl">
        <OfflineBanner />
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
