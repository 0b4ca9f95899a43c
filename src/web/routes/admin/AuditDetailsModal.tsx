import { Code, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/admin';
import { useFormat } from '../../i18n/format';
import { AppModal } from '../../components/AppModal';

export function AuditDetailsModal({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const rows: [string, string | null][] = [
    [t('admin.audit.when'), dateTime(entry.at)],
    [t('admin.audit.actor'), entry.actorLabel],
    [t('admin.audit.action'), entry.action],
    [t('admin.audit.record'), entry.entityType ? `${entry.entityType} ${entry.entityId ?? ''}` : null],
    [t('admin.audit.ip'), entry.ip],
    [t('admin.audit.requestId'), entry.requestId],
  ];
  return (
    <AppModal opened onClose={onClose} title={t('admin.audit.detailsTitle')} size="lg">
      <SimpleGrid cols={2} component="dl" m={0} spacing="xs" mb="md">
        {rows
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <div key={label}>
              <Text size="sm" c="dimmed" fw={600} component="dt">
                {label}
              </Text>
              <Text component="dd" m={0} style={{ wordBreak: 'break-all' }}>
                {value}
              </Text>
            </div>
          ))}
      </SimpleGrid>
      <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
    </AppModal>
  );
}
