import { useState } from 'react';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { auditKeys, fetchAudit, type DeviceAudit } from '../../../api/device-audits';
import { RequirePermission } from '../../../auth/RequirePermission';
import { can, useMe } from '../../../auth/me';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { StatTile } from '../../../components/StatTile';
import { useFormat } from '../../../i18n/format';
import { AuditProgress, AuditStatusBadges } from './AuditBadges';
import { AuditDeviceLists } from './AuditDeviceLists';
import { AuditScanner } from './AuditScanner';
import { CloseAuditModal } from './CloseAuditModal';

/** One audit: its counts, the scan field while it is open, and what was seen and not seen. */
export function AuditPage() {
  return (
    <RequirePermission anyOf={['devices.read']}>
      <Audit />
    </RequirePermission>
  );
}

function Audit() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const { date, dateTime } = useFormat();
  const audit = useQuery({ queryKey: auditKeys.detail(id), queryFn: () => fetchAudit(id) });
  const [closing, setClosing] = useState(false);

  if (audit.isPending) return <Loading />;
  if (audit.isError) return <QueryError error={audit.error} onRetry={audit.refetch} />;
  const a = audit.data;
  const manage = can(me, 'devices.manage');
  const open = a.status === 'open';

  return (
    <>
      <PageHeader
        title={a.name}
        description={
          <Group gap="xs" component="span">
            <span>{t('audits.detail.title', { school: a.schoolName, date: date(a.dueOn) })}</span>
            <AuditStatusBadges audit={a} />
          </Group>
        }
        above={
          <Anchor component={Link} to="/devices/audits" size="sm">
            {t('audits.backToList')}
          </Anchor>
        }
        actions={
          manage && open ? (
            <Button variant="default" onClick={() => setClosing(true)}>
              {t('audits.close.open')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {open ? null : (
          <Alert color="gray" title={t('audits.detail.closedTitle')} data-testid="audit-closed">
            <Stack gap={4}>
              <Text size="sm">{t('audits.detail.closedBy', { time: a.closedAt ? dateTime(a.closedAt) : '', by: a.closedBy ?? '' })}</Text>
              {a.closeNote ? <Text size="sm">{t('audits.detail.note', { note: a.closeNote })}</Text> : null}
            </Stack>
          </Alert>
        )}
        <AuditCounts audit={a} />
        <Text size="sm" c="dimmed">
          {t('audits.detail.scheduledBy', { by: a.createdBy, time: dateTime(a.createdAt) })}
        </Text>
        {open && manage ? <AuditScanner audit={a} /> : null}
        {open && !manage ? <Text>{t('audits.detail.readOnly')}</Text> : null}
        <AuditDeviceLists audit={a} />
      </Stack>
      {closing ? <CloseAuditModal audit={a} onClose={() => setClosing(false)} /> : null}
    </>
  );
}

function AuditCounts({ audit }: { audit: DeviceAudit }) {
  const { t } = useTranslation();
  const c = audit.counts;
  return (
    <Stack gap="sm" component="section" aria-label={t('audits.counts.label')} data-testid="audit-counts">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <StatTile label={t('audits.counts.expected')} value={c.expected} />
        <StatTile label={t('audits.counts.seenHere')} value={c.seenHere} />
        <StatTile label={t('audits.counts.seenElsewhere')} value={c.seenElsewhere} />
        <StatTile label={t('audits.counts.missing')} value={c.missing} />
      </SimpleGrid>
      <AuditProgress audit={audit} size="lg" />
    </Stack>
  );
}
