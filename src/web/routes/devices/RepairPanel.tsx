import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  changeRepairStatus,
  chargeRepairFees,
  fetchRepair,
  fetchRepairs,
  repairKeys,
  type RepairDetail,
  type RepairStatus,
} from '../../api/device-repairs';
import type { DeviceDetail } from '../../api/devices';
import { can, useMe } from '../../auth/me';
import { errorMessage } from '../../components/errors';
import { notify } from '../../components/notify';
import { useFormat } from '../../i18n/format';
import { ToneBadge, type Tone } from './DeviceStatusBadge';
import { useMoney } from './money';
import { RepairDialog, type RepairDialogKind } from './RepairDialog';

const inProgress = (s: RepairStatus) => s !== 'closed' && s !== 'cancelled';
export const repairTone: Record<RepairStatus, Tone> = {
  open: 'warn',
  sent_to_vendor: 'info',
  ready_for_pickup: 'ok',
  closed: 'muted',
  cancelled: 'muted',
};

/** On a device's page: the repair in progress with everything done for it, and earlier repairs. */
export function RepairPanel({ device }: { device: DeviceDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { dateTime } = useFormat();
  const manage = can(me, 'devices.manage');
  const [dialog, setDialog] = useState<RepairDialogKind | null>(null);
  const repairs = useQuery({
    queryKey: repairKeys.list({ deviceId: device.id }),
    queryFn: () => fetchRepairs({ deviceId: device.id, pageSize: 50 }),
  });
  const current = repairs.data?.items.find((r) => inProgress(r.status));
  const detail = useQuery({
    queryKey: repairKeys.detail(current?.id ?? ''),
    queryFn: () => fetchRepair(current!.id),
    enabled: Boolean(current),
  });
  const past = repairs.data?.items.filter((r) => !inProgress(r.status)) ?? [];
  const canOpen = manage && !current && ['assigned', 'loaner', 'in_stock'].includes(device.status);

  if (!repairs.data || (!current && past.length === 0 && !canOpen)) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="device-repairs">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="device-repairs">
            {t('devices.repairs.title')}
          </Title>
          {canOpen ? <Button onClick={() => setDialog({ kind: 'open', device })}>{t('devices.repairs.open')}</Button> : null}
        </Group>
        {current && detail.data ? <CurrentRepair repair={detail.data} manage={manage} onDialog={setDialog} /> : null}
        {past.length > 0 ? (
          <List size="sm">
            {past.map((r) => (
              <List.Item key={r.id}>
                {t(`devices.repairs.kinds.${r.kind}`)} · {r.description} · {t(`devices.repairs.status.${r.status}`)}{' '}
                {r.closedAt ? dateTime(r.closedAt) : ''}
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
      {dialog ? <RepairDialog dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </Paper>
  );
}

function CurrentRepair({
  repair: r,
  manage,
  onDialog,
}: {
  repair: RepairDetail;
  manage: boolean;
  onDialog: (d: RepairDialogKind) => void;
}) {
  const { t } = useTranslation();
  const { dateTime, date } = useFormat();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loan = r.loans.find((l) => !l.returnedAt);
  const charged = r.fees.some((f) => f.kind === 'charge');

  const act = async (name: string, run: () => Promise<string>) => {
    setBusy(name);
    setError(null);
    try {
      const message = await run();
      await queryClient.invalidateQueries({ queryKey: ['devices'] });
      notify(t, { color: 'green', message });
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const move = (status: 'sent_to_vendor' | 'ready_for_pickup') =>
    act(status, async () => {
      const res = await changeRepairStatus(r.id, { status });
      const notice = res.pickupNotice === 'queued' ? ` ${t('devices.repairs.noticeQueued')}` : '';
      return t('devices.repairs.moved', { status: t(`devices.repairs.status.${status}`) }) + notice;
    });

  return (
    <Stack gap="xs" data-testid="current-repair">
      <Group gap="xs">
        <ToneBadge tone={repairTone[r.status]}>{t(`devices.repairs.status.${r.status}`)}</ToneBadge>
        <Text fw={600}>{t(`devices.repairs.kinds.${r.kind}`)}</Text>
        <Text>{r.description}</Text>
      </Group>
      <Text size="sm">
        {t('devices.repairs.openedBy', { time: dateTime(r.openedAt), by: r.openedBy })}
        {r.person ? (
          <>
            {' · '}
            <Anchor component={Link} to={`/people/${r.person.id}`}>
              {r.person.name}
            </Anchor>
          </>
        ) : null}
        {r.vendor ? ` · ${t('devices.repairs.vendor', { vendor: r.vendor })}` : ''}
        {r.ticketRef ? ` · ${t('devices.repairs.ticket', { ref: r.ticketRef })}` : ''}
      </Text>
      <Text size="sm">
        {t('devices.repairs.costs', { parts: money(r.partsCost), labor: money(r.laborCost), total: money(r.totalCost) })}
      </Text>
      {r.parts.length > 0 ? (
        <List size="sm" aria-label={t('devices.repairs.partsUsed')}>
          {r.parts.map((p) => (
            <List.Item key={p.id}>
              {p.quantity} × {p.name} ({p.sku}) · {money(p.unitCost)}
            </List.Item>
          ))}
        </List>
      ) : null}
      {loan ? (
        <Text size="sm">
          {t('devices.repairs.loanOut', { tag: loan.assetTag ?? loan.serial, due: loan.dueOn ? date(loan.dueOn) : '—' })}
          {loan.overdue ? ` · ${t('devices.repairs.overdue')}` : ''}
        </Text>
      ) : null}
      {r.notices.length > 0 ? (
        <Text size="sm">{t('devices.repairs.noticesSent', { to: r.notices.map((n) => n.personName ?? n.email).join(', ') })}</Text>
      ) : null}
      {r.fees.length > 0 ? (
        <List size="sm" aria-label={t('devices.repairs.fees')}>
          {r.fees.map((f) => (
            <List.Item key={f.id}>
              {f.description}: {f.free ? t('devices.repairs.free', { list: money(f.listAmount) }) : money(f.amount)}
            </List.Item>
          ))}
        </List>
      ) : null}
      {error ? (
        <Alert color="red" role="alert" title={t('errors.saveFailedTitle')}>
          {error}
        </Alert>
      ) : null}
      {manage ? (
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="default" onClick={() => onDialog({ kind: 'part', repair: r })}>
            {t('devices.repairs.addPart')}
          </Button>
          {loan ? (
            <Button size="xs" variant="default" onClick={() => onDialog({ kind: 'returnLoaner', repair: r })}>
              {t('devices.repairs.returnLoaner')}
            </Button>
          ) : r.person ? (
            <Button size="xs" variant="default" onClick={() => onDialog({ kind: 'lend', repair: r })}>
              {t('devices.repairs.lendLoaner')}
            </Button>
          ) : null}
          {!charged && r.person ? (
            <Button
              size="xs"
              variant="default"
              loading={busy === 'fees'}
              onClick={() =>
                void act('fees', async () => {
                  const res = await chargeRepairFees(r.id);
                  return t('devices.repairs.charged', { count: res.charges.length, balance: money(res.statement.balance) });
                })
              }
            >
              {t('devices.repairs.charge')}
            </Button>
          ) : null}
          {r.status === 'open' ? (
            <Button size="xs" variant="default" loading={busy === 'sent_to_vendor'} onClick={() => void move('sent_to_vendor')}>
              {t('devices.repairs.toVendor')}
            </Button>
          ) : null}
          {r.status !== 'ready_for_pickup' ? (
            <Button size="xs" variant="default" loading={busy === 'ready_for_pickup'} onClick={() => void move('ready_for_pickup')}>
              {t('devices.repairs.ready')}
            </Button>
          ) : null}
          <Button size="xs" onClick={() => onDialog({ kind: 'close', repair: r })}>
            {t('devices.repairs.close')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => onDialog({ kind: 'cancel', repair: r })}>
            {t('devices.repairs.cancel')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
