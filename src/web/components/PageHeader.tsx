import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from './useDocumentTitle';

let firstPage = true;

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
}

/**
 * The page's one h1, also used as the document title. After a client-side navigation focus
 * moves to the heading, so screen-reader users hear that the page changed (as they would on a full load).
 */
export function PageHeader({ title, description, actions, above }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);

  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <Stack gap="xs" mb="lg">
      {above}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }} fz={{ base: 26, sm: 30 }}>
            {title}
          </Title>
          {description ? <Text c="dimmed">{description}</Text> : null}
        </Stack>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
    </Stack>
  );
}
