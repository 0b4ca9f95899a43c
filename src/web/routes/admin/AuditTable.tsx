import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/admin';
import { useFormat } from '../../i18n/format';
import { auditActionKey, isKnownAuditAction, isKnownEntity } from './audit-actions';

interface AuditTableProps {
  entries: AuditEntry[];
  total: number;
  dimmed: boolean;
  onOpen: (entry: AuditEntry) => void;
}

export function AuditTable({ entries, total, dimmed, onOpen }: AuditTableProps) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  if (entries.length === 0) return <Text py="lg">{t('admin.audit.none')}</Text>;
  return (
    <>
      <Text role="status" size="sm" c="dimmed" mb="xs">
        {t('admin.audit.count', { count: total, formatted: number(total) })}
      </Text>
      <Table.ScrollContainer minWidth={860}>
        <Table striped verticalSpacing="xs" style={{ opacity: dimmed ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.audit.when')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.actor')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.action')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.record')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.ip')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(e.at)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{e.actorLabel}</Table.Td>
                <Table.Td>
                  {isKnownAuditAction(e.action) ? t(auditActionKey(e.action)) : e.action}
                  <Text size="xs" c="dimmed">
                    {e.action}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.entityType === 'person' && e.entityId ? (
                    <Anchor component={Link} to={`/people/${e.entityId}`}>
                      {t('admin.audit.openPerson')}
                    </Anchor>
                  ) : e.entityType ? (
                    <Text size="sm">{isKnownEntity(e.entityType) ? t(`admin.audit.entities.${e.entityType}`) : e.entityType}</Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{e.ip ?? ''}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => onOpen(e)}>
                    {t('admin.audit.details')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
