import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { incidentCreateSchema, incidentImpacts, type IncidentStatus } from '../../../shared/api/incidents';
import type { IncidentCreate } from '../../api/incidents';
import { AppModal } from '../../components/AppModal';
import { checkForm, errorField, errorMessage } from '../../components/errors';
import { LocalizedDates } from '../admin/LocalizedDates';
import { useSystemChoices } from './incident-format';

type Impact = (typeof incidentImpacts)[number];
const initialStates = ['investigating', 'identified', 'monitoring'] as const satisfies IncidentStatus[];
type InitialState = (typeof initialStates)[number];
const shownFields = ['title.en', 'title.es', 'systemIds', 'impact', 'status', 'startedAt', 'message.en', 'message.es'];

interface OpenIncidentModalProps {
  onClose: () => void;
  onOpen: (body: IncidentCreate) => Promise<void>;
}

/** Opens an incident by hand: what families and staff will read (in both languages), which systems, and how far along it is. */
export function OpenIncidentModal({ onClose, onOpen }: OpenIncidentModalProps) {
  const { t } = useTranslation();
  const systems = useSystemChoices();
  const [v, setV] = useState({
    titleEn: '',
    titleEs: '',
    systemIds: [] as string[],
    impact: 'major_outage' as Impact,
    status: 'investigating' as InitialState,
    startedAt: null as string | null,
    messageEn: '',
    messageEs: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const checked = checkForm(
      incidentCreateSchema,
      {
        title: { en: v.titleEn, es: v.titleEs },
        systemIds: v.systemIds,
        impact: v.impact,
        status: v.status,
        // The picker gives the reader's local wall time; the API takes an instant.
        startedAt: v.startedAt ? new Date(v.startedAt.replace(' ', 'T')).toISOString() : undefined,
        message: { en: v.messageEn, es: v.messageEs },
      },
      t,
    );
    if (v.startedAt && Date.parse(v.startedAt.replace(' ', 'T')) > Date.now())
      checked.errors.startedAt = t('incidents.open.startedInFuture');
    setErrors(checked.errors);
    if (!checked.data || Object.keys(checked.errors).length > 0) return;
    setBusy(true);
    try {
      await onOpen(checked.data);
    } catch (err) {
      const field = errorField(err);
      if (field && shownFields.includes(field)) setErrors({ [field]: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('incidents.open.title')} size="xl">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('incidents.open.help')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('incidents.fields.titleEn')}
              required
              value={v.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
              error={errors['title.en']}
            />
            <TextInput
              label={t('incidents.fields.titleEs')}
              required
              lang="es"
              value={v.titleEs}
              onChange={(e) => set('titleEs', e.currentTarget.value)}
              error={errors['title.es']}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('incidents.fields.systems')}
            description={t('incidents.fields.systemsHelp')}
            required
            searchable
            data={systems.options}
            value={v.systemIds}
            onChange={(ids) => set('systemIds', ids)}
            error={errors.systemIds}
            nothingFoundMessage={t('incidents.fields.noSystem')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('incidents.fields.impact')}
              data={incidentImpacts.map((i) => ({ value: i, label: t(`incidents.impact.${i}`) }))}
              value={v.impact}
              onChange={(i) => set('impact', incidentImpacts.find((x) => x === i) ?? 'major_outage')}
              allowDeselect={false}
              error={errors.impact}
            />
            <LocalizedDates>
              <DateTimePicker
                label={t('incidents.fields.startedAt')}
                description={t('incidents.fields.startedAtHelp')}
                value={v.startedAt}
                onChange={(d) => set('startedAt', d)}
                maxDate={new Date()}
                clearable
                valueFormat="D MMM YYYY HH:mm"
                error={errors.startedAt}
              />
            </LocalizedDates>
          </SimpleGrid>
          <Radio.Group
            label={t('incidents.fields.initialState')}
            value={v.status}
            onChange={(s) => set('status', initialStates.find((x) => x === s) ?? 'investigating')}
            error={errors.status}
          >
            <Stack gap="xs" mt="xs">
              {initialStates.map((s) => (
                <Radio key={s} value={s} label={t(`incidents.status.${s}`)} description={t(`incidents.statusHelp.${s}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Fieldset legend={t('incidents.fields.firstUpdate')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea
                label={t('incidents.fields.messageEn')}
                required
                autosize
                minRows={3}
                value={v.messageEn}
                onChange={(e) => set('messageEn', e.currentTarget.value)}
                error={errors['message.en']}
              />
              <Textarea
                label={t('incidents.fields.messageEs')}
                required
                lang="es"
                autosize
                minRows={3}
                value={v.messageEs}
                onChange={(e) => set('messageEs', e.currentTarget.value)}
                error={errors['message.es']}
              />
            </SimpleGrid>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('incidents.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
