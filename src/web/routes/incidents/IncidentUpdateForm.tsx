import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, MultiSelect, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { incidentUpdateCreateSchema, nextIncidentStatuses, type IncidentStatus } from '../../../shared/api/incidents';
import type { Incident, IncidentUpdateCreate } from '../../api/incidents';
import { checkForm, errorField, errorMessage } from '../../components/errors';
import { useSystemChoices } from './incident-format';

const KEEP = 'keep';
const shownFields = ['status', 'message.en', 'message.es', 'note', 'systemIds'];

interface IncidentUpdateFormProps {
  incident: Incident;
  onPost: (body: IncidentUpdateCreate) => Promise<void>;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Posts to the timeline: a move forward (only the states that may follow the current one are
 * offered), a public update in both languages, an internal note, and the affected systems.
 */
export function IncidentUpdateForm({ incident, onPost }: IncidentUpdateFormProps) {
  const { t } = useTranslation();
  const systems = useSystemChoices();
  const next = nextIncidentStatuses(incident.status);
  const empty = { status: KEEP as IncidentStatus | typeof KEEP, messageEn: '', messageEs: '', note: '', systemIds: incident.systemIds };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const hasMessage = v.messageEn.trim() !== '' || v.messageEs.trim() !== '';
    const checked = checkForm(
      incidentUpdateCreateSchema,
      {
        status: v.status === KEEP ? undefined : v.status,
        message: hasMessage ? { en: v.messageEn, es: v.messageEs } : undefined,
        note: v.note.trim() === '' ? undefined : v.note,
        systemIds: sameSet(v.systemIds, incident.systemIds) ? undefined : v.systemIds,
      },
      t,
    );
    // The schema's "says nothing" rule belongs to no field.
    const { '': nothing, ...fieldErrors } = checked.errors;
    setErrors(fieldErrors);
    if (nothing) setFormError(t('incidents.update.nothing'));
    if (!checked.data) return;
    setBusy(true);
    try {
      await onPost(checked.data);
      setV({ ...empty, systemIds: v.systemIds });
    } catch (err) {
      const field = errorField(err);
      if (field && shownFields.includes(field)) setErrors({ [field]: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        ) : null}
        {next.length > 0 ? (
          <Radio.Group
            label={t('incidents.update.state')}
            value={v.status}
            onChange={(s) => set('status', next.find((x) => x === s) ?? KEEP)}
            error={errors.status}
          >
            <Stack gap="xs" mt="xs">
              <Radio value={KEEP} label={t('incidents.update.keep', { state: t(`incidents.status.${incident.status}`) })} />
              {next.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={t('incidents.update.moveTo', { state: t(`incidents.status.${s}`) })}
                  description={t(`incidents.statusHelp.${s}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('incidents.update.resolvedStays')}
          </Text>
        )}
        <Fieldset legend={t('incidents.update.public')}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('incidents.update.publicHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('incidents.fields.messageEn')}
              autosize
              minRows={2}
              value={v.messageEn}
              onChange={(e) => set('messageEn', e.currentTarget.value)}
              error={errors['message.en']}
            />
            <Textarea
              label={t('incidents.fields.messageEs')}
              lang="es"
              autosize
              minRows={2}
              value={v.messageEs}
              onChange={(e) => set('messageEs', e.currentTarget.value)}
              error={errors['message.es']}
            />
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label={t('incidents.update.note')}
          description={t('incidents.update.noteHelp')}
          autosize
          minRows={2}
          value={v.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={errors.note}
        />
        <MultiSelect
          label={t('incidents.fields.systems')}
          searchable
          data={systems.options}
          value={v.systemIds}
          onChange={(ids) => set('systemIds', ids)}
          error={errors.systemIds}
          nothingFoundMessage={t('incidents.fields.noSystem')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('incidents.update.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
