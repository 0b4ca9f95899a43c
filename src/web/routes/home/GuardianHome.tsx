import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchPerson } from '../../api/people';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/labels';

/** A family's home: their own children, from their roster record (the server lists no one else's). */
export function GuardianHome({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { grades } = useLabels();
  const record = useQuery({ queryKey: ['person', personId], queryFn: () => fetchPerson(personId) });
  return (
    <Stack gap="md" component="section" aria-labelledby="guardian-children">
      <Title order={2} size="h3" id="guardian-children">
        {t('home.guardian.title')}
      </Title>
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <QueryError error={record.error} onRetry={record.refetch} />
      ) : record.data.children.length === 0 ? (
        <Text>{t('home.guardian.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {record.data.children.map((child) => (
            <Card key={child.id} withBorder radius="md" padding="md">
              <Anchor component={Link} to={`/people/${child.id}`} fw={650}>
                {child.name}
              </Anchor>
              <Text size="sm" mt={4}>
                {[child.grades.length > 0 ? grades(child.grades) : null, child.schoolName].filter(Boolean).join(' · ')}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
