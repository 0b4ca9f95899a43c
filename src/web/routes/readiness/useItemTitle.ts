import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchReadinessTemplate, type ReadinessItem } from '../../api/readiness';

const templateKeys = [
  'licenses-renewed',
  'backups-restored',
  'sso-certificates',
  'rostering-sync-tested',
  'capacity-checked',
  'monitoring-alerts',
  'runbook-reviewed',
] as const;
type TemplateKey = (typeof templateKeys)[number];
const isTemplateKey = (key: string | null): key is TemplateKey => (templateKeys as readonly (string | null)[]).includes(key);

/**
 * An item's title in the reader's language. The server writes the default checklist in English;
 * while an item still has its template's title it is shown translated, and once someone renames it
 * their words are shown as written.
 */
export function useItemTitle() {
  const { t } = useTranslation();
  const template = useQuery({ queryKey: ['readiness', 'template'], queryFn: fetchReadinessTemplate, staleTime: Infinity });
  const data = template.data;
  return useCallback(
    (item: Pick<ReadinessItem, 'templateKey' | 'title'>) =>
      isTemplateKey(item.templateKey) && data?.some((i) => i.key === item.templateKey && i.title === item.title)
        ? t(`readiness.template.${item.templateKey}`)
        : item.title,
    [t, data],
  );
}
