import { Group, Table, Text, UnstyledButton } from '@mantine/core';

/** A sort is a column's name, or the name with a leading '-' for descending. */
interface SortHeaderProps<C extends string> {
  column: C;
  label: string;
  sort: C | `-${C}`;
  onSort: (sort: C | `-${C}`) => void;
}

/** A column header that sorts on the server; aria-sort tells screen readers the current order. */
export function SortHeader<C extends string>({ column, label, sort, onSort }: SortHeaderProps<C>) {
  const active = sort.replace(/^-/, '') === column;
  const descending = active && sort.startsWith('-');
  const nextSort: C | `-${C}` = active && !descending ? `-${column}` : column;
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
