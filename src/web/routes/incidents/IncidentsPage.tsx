import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder while this page is being built (session 2); replaced before commit.
export function IncidentsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('incidents.title')} />;
}
