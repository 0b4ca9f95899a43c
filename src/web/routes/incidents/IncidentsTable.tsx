import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../api/incidents';
import { useFormat } from '../../i18n/format';
import { useDuration, useIncidentTitle, useSystemChoices } from './incident-format';
import { StatusBadge } from './IncidentBadges';

interface IncidentsTableProps {
  incidents: Incident[];
  /** Names the table for screen readers ("Open incidents"). */
  caption: string;
}

/** Incidents with their state, the systems they touch, when they started and how long they lasted (or have lasted so far). */
export function IncidentsTable({ incidents, caption }: IncidentsTableProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const duration = useDuration();
  const title = useIncidentTitle();
  const systems = useSystemChoices();
  const now = Date.now();

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('incidents.columns.incident')}</Table.Th>
            <Table.Th scope="col">{t('incidents.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('incidents.columns.systems')}</Table.Th>
            <Table.Th scope="col">{t('incidents.columns.started')}</Table.Th>
            <Table.Th scope="col">{t('incidents.columns.duration')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incidents.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Anchor component={Link} to={`/incidents/${i.id}`} fw={600}>
                  {title(i)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`incidents.impact.${i.impact}`)} · {i.automatic ? t('incidents.automatic') : t('incidents.byHand')}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={i.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.systemIds.map((id) => systems.name(id)).join(', ')}</Text>
              </Table.Td>
              <Table.Td>{dateTime(i.startedAt)}</Table.Td>
              <Table.Td>
                {i.timeToResolveSeconds !== null
                  ? duration(i.timeToResolveSeconds)
                  : t('incidents.ongoingFor', { duration: duration((now - Date.parse(i.startedAt)) / 1000) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
