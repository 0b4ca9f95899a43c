import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { deviceKeys, fetchPersonDevices, placeHold, recordAgreement, releaseHold, type Hold } from '../../api/devices';
import { isNotFound } from '../../api/errors';
import { can, useMe } from '../../auth/me';
import { FormModal } from '../../components/FormModal';
import { Loading } from '../../components/Loading';
import { useWrite } from '../../components/useWrite';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { DeviceHistory } from './DeviceHistory';
import { FeeStatement } from './FeeStatement';
import { DeviceStatusBadge } from './DeviceStatusBadge';

/** On a person's page: the devices they hold, their use agreement, holds, and every device event. */
export function PersonDevicesSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { date, dateTime } = useFormat();
  const manage = can(me, 'devices.manage');
  const data = useQuery({ queryKey: deviceKeys.person(personId), queryFn: () => fetchPersonDevices(personId) });
  const [dialog, setDialog] = useState<'hold' | 'agreement' | Hold | null>(null);

  if (data.isPending) return <Loading />;
  if (data.isError) return isNotFound(data.error) ? null : <QueryError error={data.error} onRetry={data.refetch} />;
  const d = data.data;
  const activeHolds = d.holds.filter((h) => !h.releasedAt);
  const agreement = d.agreements[0];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-devices">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="person-devices">
            {t('devices.person.title')}
          </Title>
          {manage ? (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setDialog('agreement')}>
                {t('devices.person.recordAgreement')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog('hold')}>
                {t('devices.person.placeHold')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {d.current.length === 0 ? (
          <Text>{t('devices.person.none')}</Text>
        ) : (
          <List spacing="xs">
            {d.current.map(({ device, assignment }) => (
              <List.Item key={device.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/devices/${device.id}`} fw={600}>
                    {device.assetTag ?? device.serial}
                  </Anchor>
                  <span>{device.modelName ?? ''}</span>
                  <DeviceStatusBadge status={device.status} />
                  <Text size="sm" c="dimmed" component="span">
                    {t('devices.person.since', { time: dateTime(assignment.checkedOutAt) })}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm">
          {agreement
            ? t('devices.person.agreement', {
                version: agreement.version,
                date: date(agreement.signedAt),
                signer:
                  agreement.signedBy === 'guardian'
                    ? t('devices.person.signedByGuardian', { name: agreement.signerName })
                    : t('devices.person.signedByStudent'),
              })
            : t('devices.person.noAgreement')}
        </Text>
        {activeHolds.length > 0 ? (
          <Alert color="orange" title={t('devices.person.holds', { count: activeHolds.length })}>
            <List>
              {activeHolds.map((h) => (
                <List.Item key={h.id}>
                  {h.amount ? `${h.reason} ($${h.amount})` : h.reason} ·{' '}
                  {t('devices.person.holdBy', { by: h.createdBy, date: date(h.createdAt) })}
                  {manage ? (
                    <Button size="compact-xs" variant="subtle" ml="xs" onClick={() => setDialog(h)}>
                      {t('devices.person.release')}
                    </Button>
                  ) : null}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <FeeStatement personId={personId} />
        {d.history.length > 0 ? (
          <details>
            <summary>
              <Text component="span" fw={600}>
                {t('devices.person.history', { count: d.history.length })}
              </Text>
            </summary>
            <Stack mt="sm">
              <DeviceHistory events={d.history} tagOf />
            </Stack>
          </details>
        ) : null}
      </Stack>
      {dialog ? <PersonDeviceDialog personId={personId} dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </Paper>
  );
}

/** Places or releases a hold, or records a signed agreement: each a reason or a version and one button. */
function PersonDeviceDialog({ personId, dialog, onClose }: { personId: string; dialog: 'hold' | 'agreement' | Hold; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(dialog === 'agreement' ? '2026-27' : '');
  const [signedBy, setSignedBy] = useState<'student' | 'guardian'>('guardian');
  const [signer, setSigner] = useState('');
  const { busy, error, run } = useWrite();
  const kind = typeof dialog === 'string' ? dialog : 'release';
  const title =
    kind === 'hold'
      ? t('devices.person.placeHold')
      : kind === 'agreement'
        ? t('devices.person.recordAgreement')
        : t('devices.person.releaseTitle');

  const save = async () => {
    const ok = await run(
      () =>
        kind === 'hold'
          ? placeHold(personId, text.trim())
          : kind === 'agreement'
            ? recordAgreement({ personId, signedBy, version: text.trim(), signerName: signedBy === 'guardian' ? signer.trim() : undefined })
            : releaseHold((dialog as Hold).id, text.trim()),
      () => t('devices.person.saved'),
    );
    if (ok) onClose();
  };

  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={Boolean(text.trim())}
    >
      {kind === 'agreement' ? (
        <>
          <Select
            label={t('devices.person.signedBy')}
            data={[
              { value: 'guardian', label: t('devices.person.guardian') },
              { value: 'student', label: t('devices.person.student') },
            ]}
            value={signedBy}
            onChange={(v) => setSignedBy(v === 'student' ? 'student' : 'guardian')}
            allowDeselect={false}
          />
          {signedBy === 'guardian' ? (
            <TextInput label={t('devices.person.signerName')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} required />
          ) : null}
        </>
      ) : null}
      <TextInput
        label={kind === 'agreement' ? t('devices.person.version') : t('devices.person.reason')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        required
        data-autofocus
      />
    </FormModal>
  );
}
