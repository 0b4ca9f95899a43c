import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { PeopleSort } from './people-params';

type Column = 'name' | 'grade' | 'identifier' | 'school';

interface SortHeaderProps {
  column: Column;
  label: string;
  sort: PeopleSort;
  onSort: (sort: PeopleSort) => void;
}

/** A column header that sorts on the server; aria-sort tells screen readers the current order. */
export function SortHeader({ column, label, sort, onSort }: SortHeaderProps) {
  const active = sort.replace(/^-/, '') === column;
  const descending = active && sort.startsWith('-');
  const nextSort: PeopleSort = active && !descending ? `-${column}` : column;
  return (
    <Table.Th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(nextSort)} style={{ borderRadius: 4 }}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {label}
          </Text>
          <Text size="sm" aria-hidden="true" c={active ? undefined : 'dimmed'}>
            {active ? (descending ? '▼' : '▲') : '↕'}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
