import { Anchor, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardSystem } from '../../api/systems';
import { useFormat } from '../../i18n/format';
import { PAGE_SIZE } from './board-params';
import { usePercent } from './format';
import { StatusLabel } from './status-style';

interface SystemsTableProps {
  systems: BoardSystem[];
  names: ReadonlyMap<string, string>;
  page: number;
  onPage: (page: number) => void;
}

/** One page of the board (a thousand rows at once would make every refresh slow to paint). */
export function SystemsTable({ systems, names, page, onPage }: SystemsTableProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const percent = usePercent();
  const pages = Math.max(1, Math.ceil(systems.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = systems.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const link = (id: string) => (
    <Anchor key={id} component={Link} to={`/systems/${encodeURIComponent(id)}`}>
      {names.get(id) ?? id}
    </Anchor>
  );
  const joined = (ids: string[]) => ids.flatMap((id, i) => (i === 0 ? [link(id)] : [', ', link(id)]));

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption>
            {t('systems.tableCaption', { count: systems.length, formatted: number(systems.length) })}
            {pages > 1
              ? ` · ${t('systems.showing', {
                  from: number((current - 1) * PAGE_SIZE + 1),
                  to: number(Math.min(current * PAGE_SIZE, systems.length)),
                  total: number(systems.length),
                })}`
              : ''}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('systems.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.system')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.tier')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.category')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.owner')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.cause')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('systems.columns.uptimeDay')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('systems.columns.uptimeMonth')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <StatusLabel status={s.status} />
                </Table.Td>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/systems/${encodeURIComponent(s.id)}`} fw={600}>
                    {s.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {s.id}
                  </Text>
                </Table.Th>
                <Table.Td>{t('systems.tier', { tier: s.tier })}</Table.Td>
                <Table.Td>{t(`systems.categories.${s.category}`)}</Table.Td>
                <Table.Td>
                  {s.ownerName ?? (
                    <Text span size="sm" c="dimmed">
                      {t('systems.noOwner')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.impactedBy.length > 0 ? (
                    <Text size="sm">
                      {t('systems.impactedByLead')} {joined(s.impactedBy)}
                    </Text>
                  ) : s.degradedBy.length > 0 ? (
                    <Text size="sm">
                      {t('systems.degradedByLead')} {joined(s.degradedBy)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{percent(s.uptime.day)}</Table.Td>
                <Table.Td ta="right">{percent(s.uptime.month)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={current}
            onChange={onPage}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
