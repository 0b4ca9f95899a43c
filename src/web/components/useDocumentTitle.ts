import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every page has its own title (WCAG 2.4.2), in the reader's language. */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
