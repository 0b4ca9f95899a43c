import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endOtherSessions, endSession, fetchSessions } from '../../api/auth';
import { errorMessage } from '../../components/errors';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { Section } from '../../components/Section';
import { describeDevice } from './describe-device';
import { notify } from '../../components/notify';

/** Where this account is signed in, so a forgotten session on a lab computer can be ended from here. */
export function SessionsSection() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: fetchSessions });
  const others = (sessions.data ?? []).filter((s) => !s.current).length;

  const run = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      notify(t, { color: 'green', message: success });
    } catch (err) {
      notify(t, { color: 'red', title: t('errors.saveFailedTitle'), message: errorMessage(err, t) });
    }
    await queryClient.invalidateQueries({ queryKey: ['sessions'] });
  };

  return (
    <Section title={t('profile.sessions')}>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={sessions.refetch} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('profile.device')}</Table.Th>
                  <Table.Th scope="col">{t('profile.signedIn')}</Table.Th>
                  <Table.Th scope="col">{t('profile.lastSeen')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm">{describeDevice(s.userAgent, t)}</Text>
                      <Text size="xs" c="dimmed">
                        {[s.ip, t(`profile.methods.${s.authMethod === 'password' ? 'password' : 'sso'}`)].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{dateTime(s.createdAt)}</Table.Td>
                    <Table.Td>{dateTime(s.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {s.current ? (
                        <Badge variant="filled" color="blue">
                          {t('profile.thisSession')}
                        </Badge>
                      ) : (
                        <Button size="xs" variant="default" onClick={() => void run(() => endSession(s.id), t('profile.sessionEnded'))}>
                          {t('actions.signOut')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="md">
            <Button
              variant="default"
              disabled={others === 0}
              onClick={() => void run(endOtherSessions, t('profile.othersEnded', { count: others }))}
            >
              {t('profile.endOthers')}
            </Button>
          </Group>
        </>
      )}
    </Section>
  );
}
