import { useState } from 'react';
import { Button, Group, Pagination, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roles, roleSchema, type Role } from '../../../shared/roles';
import { createAccount, fetchAccounts, updateAccount, type Account } from '../../api/admin';
import { RequirePermission } from '../../auth/RequirePermission';
import { errorMessage } from '../../components/errors';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/labels';
import { AccountFormModal } from './AccountFormModal';
import { AccountsTable } from './AccountsTable';
import { SetupLinkModal } from './SetupLinkModal';
import { notify } from '../../components/notify';

const PAGE_SIZE = 25;

/** Who may sign in, and with which roles. New accounts get a one-time link to choose their password. */
export function AccountsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  // undefined: no form open; null: creating; an account: editing it.
  const [editing, setEditing] = useState<Account | null | undefined>();
  const [created, setCreated] = useState<{ email: string; setupUrl: string; emailed: boolean } | null>(null);

  const query = { q: q || undefined, role, page, pageSize: PAGE_SIZE };
  const accounts = useQuery({ queryKey: ['accounts', query], queryFn: () => fetchAccounts(query), placeholderData: keepPreviousData });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });

  return (
    <RequirePermission anyOf={['accounts.manage']}>
      <PageHeader
        title={t('admin.accounts.title')}
        description={t('admin.accounts.description')}
        actions={<Button onClick={() => setEditing(null)}>{t('admin.accounts.new')}</Button>}
      />
      <Group align="flex-end" gap="sm" mb="md">
        <TextInput
          type="search"
          label={t('admin.accounts.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 300 }}
        />
        <Select
          label={t('fields.role')}
          placeholder={t('people.allRoles')}
          clearable
          data={roles.map((r) => ({ value: r, label: labels.role(r) }))}
          value={role ?? null}
          onChange={(r) => {
            setRole(roleSchema.safeParse(r).data);
            setPage(1);
          }}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      {accounts.isPending ? (
        <Loading />
      ) : accounts.isError ? (
        <QueryError error={accounts.error} onRetry={accounts.refetch} />
      ) : (
        <>
          <AccountsTable
            accounts={accounts.data.items}
            total={accounts.data.total}
            onEdit={setEditing}
            onUnlock={async (a) => {
              try {
                await updateAccount(a.id, { unlock: true });
                notify(t, { color: 'green', message: t('admin.accounts.unlocked', { email: a.email }) });
                await refresh();
              } catch (err) {
                notify(t, { color: 'red', title: t('errors.saveFailedTitle'), message: errorMessage(err, t) });
              }
            }}
          />
          {accounts.data.total > PAGE_SIZE ? (
            <Group justify="center" mt="md">
              <Pagination
                total={Math.ceil(accounts.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
      {editing !== undefined ? (
        <AccountFormModal
          key={editing?.id ?? 'new'}
          account={editing}
          opened
          onClose={() => setEditing(undefined)}
          onCreate={async (body) => {
            const res = await createAccount(body);
            setEditing(undefined);
            setCreated({ email: res.account.email, setupUrl: res.setupUrl, emailed: res.emailed });
            await refresh();
          }}
          onUpdate={async (id, body) => {
            await updateAccount(id, body);
            setEditing(undefined);
            notify(t, { color: 'green', message: t('admin.accounts.saved') });
            await refresh();
          }}
        />
      ) : null}
      {created ? <SetupLinkModal {...created} onClose={() => setCreated(null)} /> : null}
    </RequirePermission>
  );
}
