import { Paper, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import classes from './StatTile.module.css';

interface StatTileProps {
  label: string;
  value: number;
  /** Where the figure's detail lives, when the viewer may open it. */
  to?: string;
}

/** One real figure. There are no placeholder tiles: a module without data shows no tile at all. */
export function StatTile({ label, value, to }: StatTileProps) {
  const { number } = useFormat();
  const body = (
    <>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={32} fw={750} lh={1.2}>
        {number(value)}
      </Text>
    </>
  );
  return (
    <Paper withBorder p="md" radius="md" className={to ? classes.linked : undefined}>
      {to ? (
        <UnstyledButton component={Link} to={to} className={classes.link}>
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Paper>
  );
}
