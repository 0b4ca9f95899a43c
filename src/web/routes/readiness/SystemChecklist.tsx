import { useId } from 'react';
import { ActionIcon, Anchor, Button, Group, Menu, Paper, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReadinessBoard, ReadinessItem } from '../../api/readiness';
import { useFormat } from '../../i18n/format';
import { ItemStatus } from './ItemStatus';
import { itemTiming } from './readiness-dates';
import { LinkIcon } from './ReadinessIcons';

type BoardSystem = ReadinessBoard['systems'][number];

export interface ItemActions {
  /** Whether the reader may record this item done or open again (its owner, or a systems manager). */
  canRecord(item: ReadinessItem): boolean;
  canManage: boolean;
  onDone(item: ReadinessItem): void;
  onReopen(item: ReadinessItem): void;
  onEdit(item: ReadinessItem): void;
  onDelete(item: ReadinessItem): void;
  onAdd(systemId: string): void;
}

interface SystemChecklistProps {
  system: BoardSystem;
  /** The items to show (the filter applied); the progress always counts them all. */
  items: ReadinessItem[];
  today: string;
  titleOf: (item: ReadinessItem) => string;
  actions: ItemActions;
}

function MoreIcon() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <circle cx="5" cy="12" r="2" />
      <circle cx="12" cy="12" r="2" />
      <circle cx="19" cy="12" r="2" />
    </svg>
  );
}

/** One system's checklist: its progress, then each item with owner, due date, where it stands and its evidence. */
export function SystemChecklist({ system, items, today, titleOf, actions }: SystemChecklistProps) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormat();
  const headingId = useId();
  const { progress } = system;
  const percent = Math.round(progress.completion * 100);
  const summary = t('readiness.progress.items', { done: progress.done, count: progress.total });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {system.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('readiness.tier', { tier: system.tier })}
          </Text>
        </div>
        {actions.canManage ? (
          <Button
            variant="default"
            size="xs"
            onClick={() => actions.onAdd(system.id)}
            aria-label={t('readiness.item.addTo', { system: system.name })}
          >
            {t('readiness.item.add')}
          </Button>
        ) : null}
      </Group>
      <Group gap="sm" wrap="nowrap" mb="sm">
        <Progress value={percent} flex={1} size="lg" aria-label={t('readiness.progress.systemLabel', { system: system.name })} />
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {percent}% · {summary}
          {progress.late > 0 ? ` · ${t('readiness.progress.late', { count: progress.late })}` : ''}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" striped={false} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('readiness.item.titleField')}</Table.Th>
              <Table.Th>{t('readiness.item.owner')}</Table.Th>
              <Table.Th>{t('readiness.item.dueDate')}</Table.Th>
              <Table.Th>{t('readiness.item.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('readiness.item.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const title = titleOf(item);
              const timing = itemTiming(item, today);
              return (
                <Table.Tr key={item.id} bg={timing.kind === 'late' ? 'var(--mantine-color-red-light)' : undefined}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm" fw={500}>
                        {title}
                      </Text>
                      {item.done ? (
                        <>
                          <Text size="xs" c="dimmed">
                            {t('readiness.done.by', { who: item.done.by, when: dateTime(item.done.at) })}
                          </Text>
                          {item.done.evidence.text ? (
                            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                              {item.done.evidence.text}
                            </Text>
                          ) : null}
                          {item.done.evidence.url ? (
                            <Anchor href={item.done.evidence.url} target="_blank" rel="noopener noreferrer" size="sm">
                              <Group gap={4} wrap="nowrap" component="span">
                                <LinkIcon />
                                <span>{t('readiness.done.evidenceLink', { host: hostOf(item.done.evidence.url) })}</span>
                              </Group>
                            </Anchor>
                          ) : null}
                        </>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.owner.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {date(item.dueDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ItemStatus timing={timing} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {actions.canRecord(item) ? (
                        item.done ? (
                          <Button
                            variant="subtle"
                            size="xs"
                            onClick={() => actions.onReopen(item)}
                            aria-label={t('readiness.item.reopenNamed', { title })}
                          >
                            {t('readiness.item.reopen')}
                          </Button>
                        ) : (
                          <Button size="xs" onClick={() => actions.onDone(item)} aria-label={t('readiness.item.doneNamed', { title })}>
                            {t('readiness.item.markDone')}
                          </Button>
                        )
                      ) : null}
                      {actions.canManage ? (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('readiness.item.more', { title })}>
                              <MoreIcon />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => actions.onEdit(item)}>{t('actions.edit')}</Menu.Item>
                            <Menu.Item color="red" onClick={() => actions.onDelete(item)}>
                              {t('readiness.item.delete')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
