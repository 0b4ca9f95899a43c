import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchClasses } from '../../api/people';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';

/** A teacher's home: their own classes (the server returns no others). */
export function TeacherHome() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const classes = useQuery({ queryKey: ['classes', {}], queryFn: () => fetchClasses() });
  return (
    <Stack gap="md" component="section" aria-labelledby="teacher-classes">
      <Title order={2} size="h3" id="teacher-classes">
        {t('home.teacher.title')}
      </Title>
      {classes.isPending ? (
        <Loading />
      ) : classes.isError ? (
        <QueryError error={classes.error} onRetry={classes.refetch} />
      ) : classes.data.length === 0 ? (
        <Text>{t('home.teacher.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {classes.data.map((c) => (
            <Card key={c.id} withBorder radius="md" padding="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Anchor component={Link} to={`/classes/${c.id}`} fw={650}>
                  {c.title}
                </Anchor>
                {c.periods.length > 0 ? (
                  <Badge variant="outline" color="gray">
                    {t('classes.period', { periods: c.periods.join(', ') })}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                {c.schoolName}
              </Text>
              <Text size="sm" mt="xs">
                {t('classes.studentCount', { count: c.studentCount, formatted: number(c.studentCount) })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
