import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/admin';
import { fetchSchools } from '../../api/people';
import { useFormat } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';

interface AccountsTableProps {
  accounts: Account[];
  total: number;
  onEdit: (account: Account) => void;
  onUnlock: (account: Account) => Promise<void>;
}

export function AccountsTable({ accounts, total, onEdit, onUnlock }: AccountsTableProps) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const labels = useLabels();
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const schoolName = (id: string | null) => (id ? (schools.data?.find((s) => s.id === id)?.name ?? '') : '');
  const locked = (a: Account) => a.lockedUntil !== null && Date.parse(a.lockedUntil) > Date.now();

  return (
    <>
      <Text role="status" size="sm" c="dimmed" mb="xs">
        {t('admin.accounts.count', { count: total, formatted: number(total) })}
      </Text>
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.name')}</Table.Th>
              <Table.Th scope="col">{t('fields.email')}</Table.Th>
              <Table.Th scope="col">{t('admin.accounts.roles')}</Table.Th>
              <Table.Th scope="col">{t('fields.status')}</Table.Th>
              <Table.Th scope="col">{t('admin.accounts.lastSignIn')}</Table.Th>
              <Table.Th scope="col">
                <Text span size="sm" fw={700}>
                  {t('common.actions')}
                </Text>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td fw={600}>{a.displayName}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{a.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.roles.map((r) => (
                      <Badge key={`${r.role}:${r.schoolId ?? ''}`} variant="outline" color="gray" tt="none">
                        {r.schoolId
                          ? t('person.roleAt', { role: labels.role(r.role), school: schoolName(r.schoolId) })
                          : labels.role(r.role)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{locked(a) ? t('admin.accounts.status.locked') : t(`admin.accounts.status.${a.status}`)}</Table.Td>
                <Table.Td>{a.lastLoginAt ? dateTime(a.lastLoginAt) : t('admin.accounts.never')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onEdit(a)}
                      aria-label={t('admin.accounts.editNamed', { name: a.displayName })}
                    >
                      {t('actions.edit')}
                    </Button>
                    {locked(a) ? (
                      <Button size="xs" variant="default" onClick={() => void onUnlock(a)}>
                        {t('admin.accounts.unlock')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
