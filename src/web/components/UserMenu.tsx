import { Button, Menu, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me';
import { useSignOut } from '../auth/useSignOut';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button variant="default" size="sm" aria-label={t('userMenu.open', { name: me.displayName })}>
          <Text size="sm" truncate maw={{ base: 96, sm: 160 }}>
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email ?? me.displayName}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('actions.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
