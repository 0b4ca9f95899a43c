import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readinessDoneSchema } from '../../../shared/api/readiness';
import type { Evidence } from '../../api/readiness';
import { checkForm } from '../../components/errors';
import { AppModal } from '../../components/AppModal';
import { useModalForm } from './useModalForm';

interface DoneModalProps {
  title: string;
  onClose: () => void;
  onDone: (evidence: Evidence) => Promise<unknown>;
}

/** Done means done with evidence: what an auditor or the board would ask to see — a note, a link, or both. */
export function DoneModal({ title, onClose, onDone }: DoneModalProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const { errors, setErrors, formError, busy, send } = useModalForm(['evidence.text', 'evidence.url', 'evidence']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const evidence = { text: text.trim() || undefined, url: url.trim() || undefined };
    const checked = checkForm(readinessDoneSchema, { evidence }, t);
    const found = { ...checked.errors };
    // Neither given: the rule is about the pair, so it is said once, under the note.
    if (found.evidence) found['evidence.text'] = t('readiness.done.needEvidence');
    if (found['evidence.url']) found['evidence.url'] = t('readiness.done.badUrl');
    setErrors(found);
    if (checked.data) {
      const body = checked.data;
      await send(() => onDone(body.evidence));
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('readiness.done.title')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text fw={600}>{title}</Text>
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <Textarea
            label={t('readiness.done.note')}
            description={t('readiness.done.noteHelp')}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors['evidence.text'] ?? errors.evidence}
          />
          <TextInput
            type="url"
            label={t('readiness.done.link')}
            description={t('readiness.done.linkHelp')}
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors['evidence.url']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('readiness.done.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
