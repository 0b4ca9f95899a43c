import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

// Placeholder while this page is being built (session 2); replaced before commit.
export function SystemPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('systems.title')} />;
}
