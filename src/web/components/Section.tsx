import { useId, type ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

/** A titled card that is also a labelled region, so screen-reader users can jump between sections. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} miw={280}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
