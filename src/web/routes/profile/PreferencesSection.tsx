import { Group, SegmentedControl, Stack, Text, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/me';
import { LanguagePicker } from '../../components/LanguagePicker';
import { Section } from '../../components/Section';

/** Language (saved to the account) and theme (saved on this device). */
export function PreferencesSection() {
  const { t } = useTranslation();
  const me = useMe();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Section title={t('profile.preferences')}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text fw={600}>{t('fields.language')}</Text>
            <Text size="sm" c="dimmed">
              {t('profile.languageHelp')}
            </Text>
          </div>
          <LanguagePicker signedIn={me.kind === 'session'} />
        </Group>
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text fw={600}>{t('profile.theme')}</Text>
            <Text size="sm" c="dimmed">
              {t('profile.themeHelp')}
            </Text>
          </div>
          <SegmentedControl
            aria-label={t('profile.theme')}
            value={colorScheme}
            onChange={(v) => {
              if (v === 'light' || v === 'dark' || v === 'auto') setColorScheme(v);
            }}
            data={[
              { value: 'light', label: t('profile.themes.light') },
              { value: 'dark', label: t('profile.themes.dark') },
              { value: 'auto', label: t('profile.themes.auto') },
            ]}
          />
        </Group>
      </Stack>
    </Section>
  );
}
