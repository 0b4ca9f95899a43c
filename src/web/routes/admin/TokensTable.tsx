import { Button, Code, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/admin';
import { fetchSchools } from '../../api/people';
import { useFormat } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

export function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const labels = useLabels();
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const schoolNames = (ids: string[]) => ids.map((id) => schools.data?.find((s) => s.id === id)?.name ?? id).join(', ');

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.name')}</Table.Th>
            <Table.Th scope="col">{t('admin.tokens.prefix')}</Table.Th>
            <Table.Th scope="col">{t('fields.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.tokens.created')}</Table.Th>
            <Table.Th scope="col">{t('admin.tokens.expires')}</Table.Th>
            <Table.Th scope="col">{t('admin.tokens.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('fields.status')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((tok) => {
            const state = stateOf(tok);
            return (
              <Table.Tr key={tok.id}>
                <Table.Td fw={600}>{tok.name}</Table.Td>
                <Table.Td>
                  <Code>{tok.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  {labels.role(tok.role)}
                  {tok.schoolIds.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      {schoolNames(tok.schoolIds)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{dateTime(tok.createdAt)}</Table.Td>
                <Table.Td>{tok.expiresAt ? dateTime(tok.expiresAt) : t('admin.tokens.noExpiry')}</Table.Td>
                <Table.Td>
                  {tok.lastUsedAt ? dateTime(tok.lastUsedAt) : t('admin.accounts.never')}
                  {tok.lastUsedIp ? (
                    <Text size="xs" c="dimmed">
                      {tok.lastUsedIp}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`admin.tokens.state.${state}`)}</Table.Td>
                <Table.Td>
                  {state === 'active' ? (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => onRevoke(tok)}
                      aria-label={t('admin.tokens.revokeNamed', { name: tok.name })}
                    >
                      {t('admin.tokens.revoke')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
