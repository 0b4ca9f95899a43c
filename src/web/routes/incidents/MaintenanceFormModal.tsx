import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput, DateTimePicker, TimeInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { MaintenanceInput, MaintenanceWindow } from '../../api/incidents';
import { AppModal } from '../../components/AppModal';
import { errorField, errorMessage } from '../../components/errors';
import { LocalizedDates } from '../admin/LocalizedDates';
import { useSystemChoices } from './incident-format';
import { initialMaintenanceValues, validateMaintenance, type MaintenanceFormValues } from './maintenance-form';
import { isoWeekdays, useMaintenanceFormat } from './maintenance-format';

const shownFields = [
  'title.en',
  'title.es',
  'systemIds',
  'startsAt',
  'endsAt',
  'weekly.weekdays',
  'weekly.start',
  'weekly.duration',
  'weekly.from',
  'weekly.until',
];

interface MaintenanceFormModalProps {
  /** The window to edit, or null to plan a new one. */
  window: MaintenanceWindow | null;
  districtTimezone: string;
  onClose: () => void;
  onSave: (body: MaintenanceInput) => Promise<void>;
}

/** Plans or changes a window: one-off (a start and an end) or weekly (days, a start time, a length), in the district's time zone. */
export function MaintenanceFormModal({ window: w, districtTimezone, onClose, onSave }: MaintenanceFormModalProps) {
  const { t } = useTranslation();
  const systems = useSystemChoices();
  const fmt = useMaintenanceFormat();
  const [v, setV] = useState<MaintenanceFormValues>(() => initialMaintenanceValues(w, districtTimezone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof MaintenanceFormValues>(key: K, value: MaintenanceFormValues[K]) => setV((old) => ({ ...old, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const { body, errors: found } = validateMaintenance(v, t);
    const { '': general, ...fieldErrors } = found;
    setErrors(fieldErrors);
    if (general) setFormError(general);
    if (!body) return;
    setBusy(true);
    try {
      await onSave(body);
    } catch (err) {
      const field = errorField(err);
      if (field && shownFields.includes(field)) setErrors({ [field]: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const zone = fmt.zoneLabel(v.timezone);
  return (
    <AppModal
      opened
      onClose={onClose}
      title={w ? t('incidents.maintenance.form.editTitle') : t('incidents.maintenance.form.newTitle')}
      size="xl"
    >
      <LocalizedDates>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('incidents.maintenance.form.titleEn')}
                required
                value={v.titleEn}
                onChange={(e) => set('titleEn', e.currentTarget.value)}
                error={errors['title.en']}
              />
              <TextInput
                label={t('incidents.maintenance.form.titleEs')}
                required
                lang="es"
                value={v.titleEs}
                onChange={(e) => set('titleEs', e.currentTarget.value)}
                error={errors['title.es']}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('incidents.fields.systems')}
              required
              searchable
              data={systems.options}
              value={v.systemIds}
              onChange={(ids) => set('systemIds', ids)}
              error={errors.systemIds}
              nothingFoundMessage={t('incidents.fields.noSystem')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="maintenance-kind">
                {t('incidents.maintenance.form.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="maintenance-kind"
                value={v.kind}
                onChange={(k) => set('kind', k === 'weekly' ? 'weekly' : 'once')}
                data={[
                  { value: 'once', label: t('incidents.maintenance.form.once') },
                  { value: 'weekly', label: t('incidents.maintenance.form.weekly') },
                ]}
              />
            </Stack>
            <Alert color="blue" variant="light">
              {v.timezone === districtTimezone
                ? t('incidents.maintenance.form.zoneDistrict', { zone })
                : t('incidents.maintenance.form.zoneOwn', { zone })}
            </Alert>
            {v.kind === 'once' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateTimePicker
                  label={t('incidents.maintenance.form.start')}
                  required
                  value={v.start}
                  onChange={(d) => set('start', d)}
                  valueFormat="D MMM YYYY HH:mm"
                  error={errors.startsAt}
                />
                <DateTimePicker
                  label={t('incidents.maintenance.form.end')}
                  required
                  value={v.end}
                  onChange={(d) => set('end', d)}
                  valueFormat="D MMM YYYY HH:mm"
                  error={errors.endsAt}
                />
              </SimpleGrid>
            ) : (
              <>
                <Checkbox.Group
                  label={t('incidents.maintenance.form.weekdays')}
                  required
                  value={v.weekdays.map(String)}
                  onChange={(days) => set('weekdays', days.map(Number))}
                  error={errors['weekly.weekdays']}
                >
                  <Group gap="md" mt="xs">
                    {isoWeekdays.map((d) => (
                      <Checkbox key={d} value={String(d)} label={fmt.weekdayName(d)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TimeInput
                    label={t('incidents.maintenance.form.startTime')}
                    required
                    value={v.startTime}
                    onChange={(e) => set('startTime', e.currentTarget.value)}
                    error={errors['weekly.start']}
                  />
                  <NumberInput
                    label={t('incidents.maintenance.form.duration')}
                    description={t('incidents.maintenance.form.durationHelp')}
                    required
                    min={1}
                    max={1440}
                    allowDecimal={false}
                    value={v.durationMinutes}
                    onChange={(n) => set('durationMinutes', n)}
                    error={errors['weekly.duration']}
                  />
                  <DateInput
                    label={t('incidents.maintenance.form.from')}
                    clearable
                    value={v.from}
                    onChange={(d) => set('from', d)}
                    valueFormat="D MMM YYYY"
                    error={errors['weekly.from']}
                  />
                  <DateInput
                    label={t('incidents.maintenance.form.until')}
                    clearable
                    value={v.until}
                    onChange={(d) => set('until', d)}
                    valueFormat="D MMM YYYY"
                    error={errors['weekly.until']}
                  />
                </SimpleGrid>
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {w ? t('actions.save') : t('incidents.maintenance.form.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </LocalizedDates>
    </AppModal>
  );
}
