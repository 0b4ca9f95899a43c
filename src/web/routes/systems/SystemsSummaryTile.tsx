import { Anchor, Group, Paper, SimpleGrid, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchStatusSummary, systemKeys } from '../../api/systems';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { colourVar, groupColour, groupIcon, StatusIcon } from './status-style';
import { BOARD_REFRESH_MS } from './use-board';

const shown = ['down', 'impacted', 'operational'] as const;

/** The home page's systems tile: the counts only (one small request), each linking to the board filtered to it. */
export function SystemsSummaryTile() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const summary = useQuery({ queryKey: systemKeys.summary, queryFn: fetchStatusSummary, refetchInterval: BOARD_REFRESH_MS });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="systems-tile-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="systems-tile-title">
          {t('systems.tile.title')}
        </Title>
        <Anchor component={Link} to="/systems" size="sm">
          {t('systems.tile.open')}
        </Anchor>
      </Group>
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={summary.refetch} />
      ) : summary.data && summary.data.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('systems.tile.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          {shown.map((g) => (
            <UnstyledButton
              key={g}
              component={Link}
              to={`/systems?status=${g}`}
              p="sm"
              style={{
                borderRadius: 'var(--mantine-radius-md)',
                border: '1px solid var(--mantine-color-default-border)',
                borderLeft: `6px solid var(--mantine-color-${groupColour[g]}-filled)`,
              }}
            >
              <Group gap={8} wrap="nowrap">
                <Text component="span" lh={0} style={{ color: colourVar(groupColour[g]) }}>
                  <StatusIcon status={groupIcon(g)} size={22} />
                </Text>
                <Text fz={28} fw={750} lh={1.1}>
                  {summary.data ? number(summary.data.counts[g]) : '…'}
                </Text>
              </Group>
              <Text size="sm" fw={600}>
                {t(`systems.tile.${g}`)}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
