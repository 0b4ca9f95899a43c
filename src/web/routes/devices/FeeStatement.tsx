import { useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { paymentMethods } from '../../../shared/api/device-repair-fields';
import { fetchStatement, recordPayment, recordWaiver, repairKeys, type Statement } from '../../api/device-repairs';
import { can, useMe } from '../../auth/me';
import { FormModal } from '../../components/FormModal';
import { useWrite } from '../../components/useWrite';
import { useFormat } from '../../i18n/format';
import { feeLineText } from './fee-line';
import { useMoney } from './money';
import { MoneyInput } from '../../components/MoneyInput';

type Method = (typeof paymentMethods)[number];

/** A person's device fees: every charge, payment and waiver with the running balance, and (for IT) recording one. */
export function FeeStatement({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { date } = useFormat();
  const money = useMoney();
  const statement = useQuery({ queryKey: repairKeys.statement(personId), queryFn: () => fetchStatement(personId) });
  const [dialog, setDialog] = useState<'payment' | 'waiver' | null>(null);
  const s = statement.data;
  if (!s || s.lines.length === 0) return null;
  const owes = Number(s.balance) > 0;

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('devices.fees.title', { balance: money(s.balance) })}
        </Title>
        {can(me, 'devices.manage') && owes ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setDialog('payment')}>
              {t('devices.fees.recordPayment')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog('waiver')}>
              {t('devices.fees.waive')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="fee-statement">
          <Table.Caption>
            {t('devices.fees.caption', { charged: money(s.charged), paid: money(s.paid), waived: money(s.waived) })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('devices.mine.columns.date')}</Table.Th>
              <Table.Th scope="col">{t('devices.mine.columns.what')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('devices.mine.columns.amount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('devices.mine.columns.balance')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{date(l.at)}</Table.Td>
                <Table.Td>
                  {feeLineText(t, l, i18n.language)}
                  {l.reference ? ` · ${l.reference}` : ''}
                  {l.reason ? ` · ${l.reason}` : ''}
                  <Text size="xs" c="dimmed" component="span">
                    {' '}
                    · {l.recordedBy}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{l.kind === 'charge' ? money(l.amount) : `−${money(l.amount)}`}</Table.Td>
                <Table.Td ta="right">{money(l.balance)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {dialog ? <FeeDialog statement={s} kind={dialog} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}

function FeeDialog({ statement, kind, onClose }: { statement: Statement; kind: 'payment' | 'waiver'; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [amount, setAmount] = useState<number | string>(Number(statement.balance));
  const [method, setMethod] = useState<Method>('cash');
  const [text, setText] = useState('');
  const { busy, error, run } = useWrite();
  let balance = statement.balance;

  const save = async () => {
    const value = Number(amount).toFixed(2);
    const personId = statement.person.id;
    const ok = await run(
      async () => {
        const next =
          kind === 'payment'
            ? await recordPayment({ personId, amount: value, method, reference: text.trim() || undefined })
            : await recordWaiver({ personId, amount: value, reason: text.trim() });
        balance = next.balance;
      },
      () => t('devices.fees.saved', { balance: money(balance) }),
    );
    if (ok) onClose();
  };

  return (
    <FormModal
      title={kind === 'payment' ? t('devices.fees.recordPayment') : t('devices.fees.waive')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={Number(amount) > 0 && (kind === 'payment' || text.trim().length >= 3)}
    >
      <MoneyInput
        label={t('devices.fees.amount')}
        description={t('devices.fees.owed', { balance: money(statement.balance) })}
        value={amount}
        onChange={setAmount}
        min={0.01}
        max={Number(statement.balance)}
        required
        data-autofocus
      />
      {kind === 'payment' ? (
        <>
          <Select
            label={t('devices.fees.method')}
            data={paymentMethods.map((m) => ({ value: m, label: t(`devices.fees.methods.${m}`) }))}
            value={method}
            onChange={(v) => setMethod((paymentMethods as readonly string[]).includes(v ?? '') ? (v as Method) : 'cash')}
            allowDeselect={false}
          />
          <TextInput
            label={t('devices.fees.reference')}
            description={t('devices.fees.referenceHelp')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </>
      ) : (
        <TextInput label={t('devices.fees.reason')} value={text} onChange={(e) => setText(e.currentTarget.value)} required minLength={3} />
      )}
    </FormModal>
  );
}
