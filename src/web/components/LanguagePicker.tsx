import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../shared/roles';
import { updateProfile } from '../api/auth';
import { meQuery } from '../auth/me';
import { applyLanguage, markChosenWhileSignedOut } from '../i18n/i18n';
import { errorMessage } from './errors';
import { notify } from './notify';

/**
 * English / Español. Each label is written in its own language (and marked so) so that a reader
 * who does not understand the current one can still find theirs. Signed in, the choice is saved to
 * the account; signed out, to this device.
 */
export function LanguagePicker({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();

  const choose = async (value: string) => {
    const parsed = languageSchema.safeParse(value);
    if (!parsed.success) return;
    const language: Language = parsed.data;
    await applyLanguage(language);
    if (!signedIn) return markChosenWhileSignedOut();
    try {
      queryClient.setQueryData(meQuery.queryKey, await updateProfile({ language }));
    } catch (err) {
      notify(t, { color: 'red', title: t('language.notSaved'), message: errorMessage(err, t) });
    }
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(v) => void choose(v)}
      data={[
        { value: 'en', label: <span lang="en">English</span> },
        { value: 'es', label: <span lang="es">Español</span> },
      ]}
    />
  );
}
