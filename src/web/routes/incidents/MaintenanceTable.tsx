import { Badge, Button, Group, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaintenanceWindow } from '../../api/incidents';
import { useFormat } from '../../i18n/format';
import { useSystemChoices } from './incident-format';
import { useMaintenanceFormat } from './maintenance-format';

interface MaintenanceTableProps {
  windows: MaintenanceWindow[];
  label: string;
  /** Present for systems.manage. */
  onEdit?: (w: MaintenanceWindow) => void;
  onDelete?: (w: MaintenanceWindow) => void;
}

const SHOWN_OCCURRENCES = 3;

/** Windows with their rule and their next occurrences, in the window's time zone. */
export function MaintenanceTable({ windows, label, onEdit, onDelete }: MaintenanceTableProps) {
  const { t, i18n } = useTranslation();
  const fmt = useMaintenanceFormat();
  const { date } = useFormat();
  const systems = useSystemChoices();
  const title = (w: MaintenanceWindow) => (i18n.language === 'es' ? w.title.es : w.title.en);
  const manage = Boolean(onEdit && onDelete);

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('incidents.maintenance.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('incidents.maintenance.columns.systems')}</Table.Th>
            <Table.Th scope="col">{t('incidents.maintenance.columns.schedule')}</Table.Th>
            <Table.Th scope="col">{t('incidents.maintenance.columns.next')}</Table.Th>
            {manage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {windows.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td>
                <Text fw={600}>{title(w)}</Text>
                {w.activeNow ? (
                  <Badge color="blue.8" tt="none" mt={4}>
                    {t('incidents.maintenance.activeNow')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{w.systemIds.map((id) => systems.name(id)).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fmt.schedule(w)}</Text>
                {w.weekly && (w.weekly.from || w.weekly.until) ? (
                  <Text size="xs" c="dimmed">
                    {t('incidents.maintenance.between', {
                      from: w.weekly.from ? date(w.weekly.from) : '…',
                      until: w.weekly.until ? date(w.weekly.until) : '…',
                    })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {w.next.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('incidents.maintenance.noneSoon')}
                  </Text>
                ) : (
                  <List size="sm" spacing={2} listStyleType="none" p={0}>
                    {w.next.slice(0, SHOWN_OCCURRENCES).map((o) => (
                      <List.Item key={o.start}>{fmt.range(o.start, o.end, w.timezone)}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              {manage ? (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onEdit?.(w)}
                      aria-label={t('incidents.maintenance.editNamed', { title: title(w) })}
                    >
                      {t('actions.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onDelete?.(w)}
                      aria-label={t('incidents.maintenance.deleteNamed', { title: title(w) })}
                    >
                      {t('incidents.maintenance.delete.button')}
                    </Button>
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
