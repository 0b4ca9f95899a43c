import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusGroups, type StatusGroup, type StatusSummary as Summary } from '../../../shared/api/system-views';
import { useFormat } from '../../i18n/format';
import { colourVar, groupColour, groupIcon, StatusIcon } from './status-style';

const alwaysShown: readonly StatusGroup[] = ['down', 'impacted', 'degraded', 'operational'];

/** The counts at the top of the board; each one filters the board to its systems (and back). */
export function StatusSummary({ summary, active, onPick }: { summary: Summary; active?: StatusGroup; onPick: (g?: StatusGroup) => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const shown = statusGroups.filter((g) => alwaysShown.includes(g) || summary.counts[g] > 0);
  return (
    <section aria-label={t('systems.summary.label')}>
      <SimpleGrid cols={{ base: 2, sm: 3, md: shown.length }} spacing="sm">
        {shown.map((g) => {
          const count = summary.counts[g];
          const pressed = active === g;
          return (
            <Paper
              key={g}
              withBorder
              radius="md"
              style={{
                borderColor: pressed ? 'var(--mantine-primary-color-filled)' : undefined,
                borderWidth: pressed ? 2 : undefined,
                borderLeft: `6px solid var(--mantine-color-${groupColour[g]}-filled)`,
              }}
            >
              <UnstyledButton onClick={() => onPick(pressed ? undefined : g)} aria-pressed={pressed} p="sm" w="100%">
                <Group gap={8} wrap="nowrap">
                  <Text component="span" lh={0} style={{ color: colourVar(groupColour[g]) }}>
                    <StatusIcon status={groupIcon(g)} size={22} />
                  </Text>
                  <Text fz={28} fw={750} lh={1.1}>
                    {number(count)}
                  </Text>
                </Group>
                <Text size="sm" fw={600}>
                  {t(`systems.groups.${g}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`systems.groupHelp.${g}`)}
                </Text>
              </UnstyledButton>
            </Paper>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
