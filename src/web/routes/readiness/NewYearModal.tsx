import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readinessYearCreateSchema } from '../../../shared/api/readiness';
import { checkForm } from '../../components/errors';
import { AppModal } from '../../components/AppModal';
import { schoolYearLabel } from './readiness-dates';
import { useModalForm } from './useModalForm';

interface NewYearModalProps {
  /** The school year to offer first. */
  suggested: number;
  /** School years that already have a board. */
  taken: readonly number[];
  onClose: () => void;
  onCreate: (body: { schoolYear: number; firstDay: string }, applyTemplate: boolean) => Promise<unknown>;
}

/** Starts the board of a school year from its first day of school, and by default fills it with the checklist. */
export function NewYearModal({ suggested, taken, onClose, onCreate }: NewYearModalProps) {
  const { t } = useTranslation();
  const [schoolYear, setSchoolYear] = useState(suggested);
  const [firstDay, setFirstDay] = useState('');
  const [applyTemplate, setApplyTemplate] = useState(true);
  const { errors, setErrors, formError, busy, send } = useModalForm(['schoolYear', 'firstDay']);
  const choices = [suggested - 1, suggested, suggested + 1, suggested + 2].filter((y) => !taken.includes(y));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(readinessYearCreateSchema, { schoolYear, firstDay }, t);
    const found = { ...checked.errors };
    // The first day falls in the calendar year the school year starts in: 2027–28 starts in 2027.
    if (!found.firstDay && firstDay.slice(0, 4) !== String(schoolYear - 1))
      found.firstDay = t('readiness.year.firstDayWrongYear', { label: schoolYearLabel(schoolYear), year: schoolYear - 1 });
    setErrors(found);
    if (checked.data && Object.keys(found).length === 0) {
      const body = checked.data;
      await send(() => onCreate(body, applyTemplate));
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('readiness.year.newTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('readiness.schoolYear')}
            value={String(schoolYear)}
            onChange={(e) => setSchoolYear(Number(e.currentTarget.value))}
            data={choices.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))}
            error={errors.schoolYear}
          />
          <TextInput
            type="date"
            label={t('readiness.year.firstDay')}
            description={t('readiness.year.firstDayHelp')}
            required
            value={firstDay}
            onChange={(e) => setFirstDay(e.currentTarget.value)}
            error={errors.firstDay}
          />
          <Checkbox
            label={t('readiness.year.applyTemplate')}
            description={t('readiness.year.applyTemplateHelp')}
            checked={applyTemplate}
            onChange={(e) => setApplyTemplate(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('readiness.year.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
