import { Button, Divider, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchOidcProviders } from '../../api/auth';

/** "Sign in with Google / Microsoft / ClassLink": only the providers the district has configured; back to `next` afterwards. */
export function OidcButtons({ next }: { next: string }) {
  const { t } = useTranslation();
  const { data: providers = [] } = useQuery({ queryKey: ['oidc-providers'], queryFn: fetchOidcProviders, staleTime: Infinity });
  if (providers.length === 0) return null;
  return (
    <Stack gap="sm">
      <Divider label={t('signIn.or')} labelPosition="center" />
      {providers.map((p) => (
        <Button
          key={p.id}
          component="a"
          href={next === '/' ? p.startUrl : `${p.startUrl}?returnTo=${encodeURIComponent(next)}`}
          variant="default"
          fullWidth
        >
          {t('signIn.withProvider', { provider: p.label })}
        </Button>
      ))}
    </Stack>
  );
}
