import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';

interface GradeChartProps {
  data: { grade: string; students: number }[];
  labelledBy: string;
}

/** Students per grade as bars, with the same figures as a table for screen readers. */
export function GradeChart({ data, labelledBy }: GradeChartProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { grade } = useLabels();
  const rows = data.map((d) => ({ grade: grade(d.grade), students: d.students }));
  return (
    <figure aria-labelledby={labelledBy} style={{ margin: 0 }}>
      <div aria-hidden="true">
        <BarChart
          h={300}
          data={rows}
          dataKey="grade"
          series={[{ name: 'students', label: t('home.district.students'), color: 'blue.7' }]}
          valueFormatter={number}
          tickLine="y"
          gridAxis="y"
          // Students come whole: no 1.5 on the axis.
          yAxisProps={{ allowDecimals: false }}
        />
      </div>
      <VisuallyHidden>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.grade')}</Table.Th>
              <Table.Th scope="col">{t('home.district.students')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.grade}>
                <Table.Td>{r.grade}</Table.Td>
                <Table.Td>{number(r.students)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
