import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createToken, fetchTokens, revokeToken, type ApiToken } from '../../api/admin';
import { RequirePermission } from '../../auth/RequirePermission';
import { errorMessage } from '../../components/errors';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { RevokeTokenModal } from './RevokeTokenModal';
import { TokenCreateModal } from './TokenCreateModal';
import { TokenSecretModal } from './TokenSecretModal';
import { TokensTable } from './TokensTable';
import { notify } from '../../components/notify';

/** API tokens let the district's other systems call DistrictOps. The secret is shown once, when created. */
export function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: fetchTokens });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tokens'] });

  return (
    <RequirePermission anyOf={['tokens.manage']}>
      <PageHeader
        title={t('admin.tokens.title')}
        description={t('admin.tokens.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('admin.tokens.new')}</Button>}
      />
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <QueryError error={tokens.error} onRetry={tokens.refetch} />
      ) : tokens.data.length === 0 ? (
        <Text>{t('admin.tokens.none')}</Text>
      ) : (
        <TokensTable tokens={tokens.data} onRevoke={setRevoking} />
      )}
      {creating ? (
        <TokenCreateModal
          onClose={() => setCreating(false)}
          onCreate={async (body) => {
            const res = await createToken(body);
            setCreating(false);
            setSecret({ name: res.info.name, token: res.token });
            await refresh();
          }}
        />
      ) : null}
      {secret ? <TokenSecretModal {...secret} onClose={() => setSecret(null)} /> : null}
      {revoking ? (
        <RevokeTokenModal
          token={revoking}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            try {
              await revokeToken(revoking.id);
              notify(t, { color: 'green', message: t('admin.tokens.revoked', { name: revoking.name }) });
              setRevoking(null);
              await refresh();
            } catch (err) {
              notify(t, { color: 'red', title: t('errors.saveFailedTitle'), message: errorMessage(err, t) });
            }
          }}
        />
      ) : null}
    </RequirePermission>
  );
}
