import type { ReactNode } from 'react';
import { Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../../components/LanguagePicker';
import { OfflineBanner } from '../../components/OfflineBanner';
import { ThemeToggle } from '../../components/ThemeToggle';

/**
 * The status page's own frame: like the sign-in page's (language first, for families), but wide
 * enough for 90 days of bars, and named after the district rather than the software.
 */
export function StatusFrame({ district, children }: { district?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-default-hover)">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" gap="sm">
          <Text fw={800} size="lg">
            {district ?? t('app.name')}
          </Text>
          <Group gap="sm">
            <LanguagePicker signedIn={false} />
            <ThemeToggle />
          </Group>
        </Group>
      </Box>
      <Container size={760} component="main" px={{ base: 'xs', xs: 'md' }} pt="md" pb="xl">
        <OfflineBanner />
        {children}
      </Container>
    </Box>
  );
}
