import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Text mb="md">{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notPermitted.home')}
      </Anchor>
    </>
  );
}
