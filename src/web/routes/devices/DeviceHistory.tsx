import { Anchor, Text, Timeline } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DeviceEvent } from '../../../shared/api/devices';
import { useFormat } from '../../i18n/format';

/** Where an audit saw the device: the audited school, and whether the device belongs elsewhere. */
function auditLine(t: TFunction, details: Record<string, unknown>): string {
  const school = typeof details.schoolName === 'string' ? details.schoolName : '';
  return t(details.result === 'seen_elsewhere' ? 'devices.history.auditElsewhere' : 'devices.history.auditHere', { school });
}

/** Everything that happened to a device (or, on a person's page, to their devices), newest first. */
export function DeviceHistory({
  events,
  tagOf,
}: {
  events: (DeviceEvent & { assetTag?: string | null; deviceId?: string })[];
  tagOf?: boolean;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  if (events.length === 0) return <Text c="dimmed">{t('devices.history.none')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length}>
      {events.map((e) => (
        <Timeline.Item
          key={e.id}
          title={
            <>
              {t(`devices.events.${e.type}` as never, { defaultValue: e.type })}
              {tagOf && e.deviceId ? (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/devices/${e.deviceId}`}>
                    {e.assetTag ?? t('devices.noTag')}
                  </Anchor>
                </>
              ) : null}
            </>
          }
        >
          <Text size="sm">
            {dateTime(e.at)} · {e.actor}
          </Text>
          {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? (
            <Text size="sm">
              {t('devices.history.moved', { from: t(`devices.status.${e.fromStatus}`), to: t(`devices.status.${e.toStatus}`) })}
            </Text>
          ) : null}
          {e.personName && !tagOf ? <Text size="sm">{e.personName}</Text> : null}
          {e.type === 'audit_seen' ? <Text size="sm">{auditLine(t, e.details)}</Text> : null}
          {e.condition ? (
            <Text size="sm">
              {t('devices.history.condition', {
                condition: t(`devices.conditions.${e.condition as 'good'}`, { defaultValue: e.condition }),
              })}
            </Text>
          ) : null}
          {e.note ? (
            <Text size="sm" fs="italic">
              {e.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
