import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFirstPaintDone } from '../app/first-paint';
import { PageHeader } from './PageHeader';

/**
 * Shown for a record the server answers 404 for. The server deliberately does not say whether the
 * record exists or is outside the viewer's scope, so neither does this page.
 */
export function NotPermitted() {
  const { t } = useTranslation();
  // A page the server drew (its roles allowed it a moment ago) gives way at once to this answer.
  useFirstPaintDone(true);
  return (
    <>
      <PageHeader title={t('notPermitted.title')} />
      <Paper withBorder p="lg" maw={640}>
        <Text mb="md">{t('notPermitted.body')}</Text>
        <Anchor component={Link} to="/">
          {t('notPermitted.home')}
        </Anchor>
      </Paper>
    </>
  );
}
