import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';

interface AttentionPanelProps<T> {
  /** The heading's id, which names the section for screen readers. */
  id: string;
  title: string;
  help: string;
  /** Said instead of the list when nothing needs attention. */
  empty: string;
  /** The accent of the section's left edge while it lists anything (a CSS color). */
  accent: string;
  query: UseQueryResult<{ items: T[] }>;
  children: (items: T[]) => ReactNode;
}

/**
 * A section of the repairs desk that lists what needs someone's attention (overdue loaners, parts
 * to reorder): framed in its accent colour while there is anything in it, with the query's loading
 * and error states and a sentence when there is nothing.
 */
export function AttentionPanel<T>({ id, title, help, empty, accent, query, children }: AttentionPanelProps<T>) {
  const items = query.data?.items ?? [];
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={id}
      style={items.length > 0 ? { borderColor: accent, borderLeftWidth: 6 } : undefined}
    >
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {help}
          </Text>
        </div>
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={query.refetch} />
        ) : items.length === 0 ? (
          <Text>{empty}</Text>
        ) : (
          children(items)
        )}
      </Stack>
    </Paper>
  );
}
