import { useId } from 'react';
import { Button, Group, Paper, RingProgress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReadinessBoard } from '../../api/readiness';
import { useFormat } from '../../i18n/format';
import { schoolYearLabel } from './readiness-dates';
import { DoneIcon, LateIcon } from './ReadinessIcons';

interface YearSummaryProps {
  board: ReadinessBoard;
  canManage: boolean;
  onMoveFirstDay: () => void;
}

/** The year at a glance: how far the district is, how long until the first day, and how much is late. */
export function YearSummary({ board, canManage, onMoveFirstDay }: YearSummaryProps) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const headingId = useId();
  const { progress } = board;
  const percent = Math.round(progress.completion * 100);
  const ready = board.systems.filter((s) => s.progress.total > 0 && s.progress.done === s.progress.total).length;
  const countdown =
    board.daysToFirstDay > 0
      ? t('readiness.year.daysToGo', { count: board.daysToFirstDay })
      : board.daysToFirstDay === 0
        ? t('readiness.year.startsToday')
        : t('readiness.year.started', { count: -board.daysToFirstDay });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} mb="lg">
      <Group gap="xl" align="center" wrap="wrap">
        {/* The ring repeats the figures written beside it, so it is hidden from screen readers. */}
        <RingProgress
          size={128}
          thickness={12}
          roundCaps={percent > 0}
          aria-hidden
          sections={[{ value: percent, color: 'blue.8' }]}
          label={
            <Text ta="center" fw={750} fz={24}>
              {percent}%
            </Text>
          }
        />
        <Stack gap={6} flex={1} miw={260}>
          <Title order={2} size="h3" id={headingId}>
            {t('readiness.year.heading', { label: schoolYearLabel(board.schoolYear) })}
          </Title>
          <Text>
            {t('readiness.year.firstDayIs', { date: date(board.firstDay) })} · {countdown}
          </Text>
          <Text fw={600}>{t('readiness.progress.overall', { percent, done: progress.done, count: progress.total })}</Text>
          <Group gap="lg">
            {progress.late > 0 ? (
              <Group gap={6} c="var(--mantine-color-error)">
                <LateIcon />
                <Text fw={700} c="inherit">
                  {t('readiness.progress.late', { count: progress.late })}
                </Text>
              </Group>
            ) : (
              <Group gap={6}>
                <DoneIcon color="var(--mantine-color-green-filled)" />
                <Text>{t('readiness.progress.noneLate')}</Text>
              </Group>
            )}
            <Text>{t('readiness.progress.systemsReady', { ready, count: board.systems.length })}</Text>
          </Group>
        </Stack>
        {canManage ? (
          <Button variant="default" onClick={onMoveFirstDay}>
            {t('readiness.year.move')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
