import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me';
import { navFor } from '../../shared/nav-items';

function matches(path: string, to: string) {
  return to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
}

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const groups = navFor(me.permissions);
  // The most specific item is the current page: /devices/scan is the scan station, not the inventory.
  const current = groups
    .flatMap((g) => g.items)
    .filter((i) => matches(pathname, i.to))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  return (
    <Stack gap="md">
      {groups.map((group) => (
        <div key={group.label}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4} component="h2">
            {t(group.label)}
          </Text>
          {group.items.map((item) => {
            const active = item.to === current;
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                variant="filled"
              />
            );
          })}
        </div>
      ))}
    </Stack>
  );
}
