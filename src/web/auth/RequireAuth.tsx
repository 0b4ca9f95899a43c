import { useEffect } from 'react';
import { Center } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { AppLayout } from '../components/AppLayout';
import { Loading } from '../components/Loading';
import { QueryError } from '../components/QueryError';
import { applyLanguage } from '../i18n/i18n';
import { MeContext, meQuery } from './me';

/** Signed-in pages: sends visitors to sign in (and back here afterwards), and speaks the account's language. */
export function RequireAuth() {
  const { data: me, error, refetch, isPending } = useQuery(meQuery);
  const location = useLocation();
  const language = me?.language;

  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);

  if (isPending) return <Loading fullPage />;
  if (error) {
    return (
      <Center mih="100vh" p="lg">
        <QueryError error={error} onRetry={refetch} />
      </Center>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <MeContext value={me}>
      <AppLayout />
    </MeContext>
  );
}
