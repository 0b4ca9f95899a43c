import { Anchor, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardSystem } from '../../api/systems';
import { useFormat } from '../../i18n/format';
import { boardPage, PAGE_SIZE } from '../../../shared/system-board';
import { usePercent } from './format';
import { StatusWord } from './status-style';
import classes from './SystemsTable.module.css';

/**
 * A link as Mantine's Anchor draws it (its classes and attributes), without the component: a row
 * holds one to three, and Anchor's theme and style-props pass is most of a row's cost.
 */
const linkClass = `mantine-focus-auto ${Text.classes.root} ${Anchor.classes.root}`;
function SystemLink({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <Link to={`/systems/${encodeURIComponent(id)}`} className={className ? `${linkClass} ${className}` : linkClass} data-underline="hover">
      {children}
    </Link>
  );
}

interface SystemsTableProps {
  systems: BoardSystem[];
  names: ReadonlyMap<string, string>;
  page: number;
  onPage: (page: number) => void;
}

/** One page of the board (a thousand rows at once would make every refresh slow to paint). */
export function SystemsTable({ systems, names, page, onPage }: SystemsTableProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const percent = usePercent();
  const { current, pages, rows } = boardPage(systems, page);
  const link = (id: string) => (
    <SystemLink key={id} id={id}>
      {names.get(id) ?? id}
    </SystemLink>
  );
  const joined = (ids: string[]) => ids.flatMap((id, i) => (i === 0 ? [link(id)] : [', ', link(id)]));

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption>
            {t('systems.tableCaption', { count: systems.length, formatted: number(systems.length) })}
            {pages > 1
              ? ` · ${t('systems.showing', {
                  from: number((current - 1) * PAGE_SIZE + 1),
                  to: number(Math.min(current * PAGE_SIZE, systems.length)),
                  total: number(systems.length),
                })}`
              : ''}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('systems.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.system')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.tier')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.category')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.owner')}</Table.Th>
              <Table.Th scope="col">{t('systems.columns.cause')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('systems.columns.uptimeDay')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('systems.columns.uptimeMonth')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {/* Plain rows with Table's classes and the attributes Table.Tr would give them (striped, hover, border). */}
            {rows.map((s) => (
              <tr key={s.id} className={Table.classes.tr} data-striped="odd" data-hover="true" data-with-row-border="true">
                <td className={Table.classes.td}>
                  <StatusWord status={s.status} word={t(`systems.status.${s.status}`)} />
                </td>
                <th className={`${Table.classes.th} ${classes.rowHeader}`} scope="row">
                  <SystemLink id={s.id} className={classes.name}>
                    {s.name}
                  </SystemLink>
                  <p className={classes.id}>{s.id}</p>
                </th>
                <td className={Table.classes.td}>{t('systems.tier', { tier: s.tier })}</td>
                <td className={Table.classes.td}>{t(`systems.categories.${s.category}`)}</td>
                <td className={Table.classes.td}>{s.ownerName ?? <span className={classes.dimmed}>{t('systems.noOwner')}</span>}</td>
                <td className={Table.classes.td}>
                  {s.impactedBy.length > 0 ? (
                    <p className={classes.cause}>
                      {t('systems.impactedByLead')} {joined(s.impactedBy)}
                    </p>
                  ) : s.degradedBy.length > 0 ? (
                    <p className={classes.cause}>
                      {t('systems.degradedByLead')} {joined(s.degradedBy)}
                    </p>
                  ) : null}
                </td>
                <td className={`${Table.classes.td} ${classes.number}`}>{percent(s.uptime.day)}</td>
                <td className={`${Table.classes.td} ${classes.number}`}>{percent(s.uptime.month)}</td>
              </tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={current}
            onChange={onPage}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
