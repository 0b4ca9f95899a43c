import { Group, Text, ThemeIcon } from '@mantine/core';
import type { SystemStatus } from '../../../shared/api/systems';
import { StatusGlyph, toneColor } from './status-tone';

/** A status as words, a shape and a colour together: never colour alone. */
export function StatusBadge({ status, label }: { status: SystemStatus; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon color={toneColor[status]} size={22} radius="xl" aria-hidden="true">
        <StatusGlyph status={status} size={14} />
      </ThemeIcon>
      <Text fw={600} size="sm">
        {label}
      </Text>
    </Group>
  );
}
