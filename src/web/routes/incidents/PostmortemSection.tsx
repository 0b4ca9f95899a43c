import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../api/incidents';
import { errorMessage } from '../../components/errors';
import { Section } from '../../components/Section';

interface PostmortemSectionProps {
  incident: Incident;
  canEdit: boolean;
  onSave: (postmortem: string) => Promise<void>;
}

/** What happened, why, and what changes: written once the incident is resolved, staff only. */
export function PostmortemSection({ incident, canEdit, onSave }: PostmortemSectionProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(incident.postmortem ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resolved = incident.status === 'resolved';

  if (!canEdit || !resolved) {
    return (
      <Section title={t('incidents.postmortem.title')}>
        {incident.postmortem ? (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{incident.postmortem}</Text>
        ) : (
          <Text c="dimmed">{resolved ? t('incidents.postmortem.none') : t('incidents.postmortem.afterResolved')}</Text>
        )}
      </Section>
    );
  }

  const save = async () => {
    setError(null);
    if (text.trim() === '') return setError(t('validation.required'));
    setBusy(true);
    try {
      await onSave(text);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('incidents.postmortem.title')}>
      <Stack gap="sm">
        {error && text.trim() !== '' ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Textarea
          label={t('incidents.postmortem.label')}
          description={t('incidents.postmortem.help')}
          autosize
          minRows={5}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error && text.trim() === '' ? error : undefined}
        />
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} disabled={text === (incident.postmortem ?? '')}>
            {t('incidents.postmortem.save')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
