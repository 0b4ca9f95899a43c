import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../components/PublicLayout';

// Placeholder while this page is being built (session 2); replaced before commit.
export function StatusPage() {
  const { t } = useTranslation();
  return <PublicLayout>{t('statusPage.title')}</PublicLayout>;
}
