import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readinessYearUpdateSchema } from '../../../shared/api/readiness';
import { checkForm } from '../../components/errors';
import { AppModal } from '../../components/AppModal';
import { schoolYearLabel } from './readiness-dates';
import { useModalForm } from './useModalForm';

interface FirstDayModalProps {
  schoolYear: number;
  firstDay: string;
  onClose: () => void;
  onSave: (firstDay: string) => Promise<unknown>;
}

/** Moves the first day of school; the server refuses a day that would leave an item due on or after it, naming the item. */
export function FirstDayModal({ schoolYear, firstDay: current, onClose, onSave }: FirstDayModalProps) {
  const { t } = useTranslation();
  const [firstDay, setFirstDay] = useState(current);
  const { errors, setErrors, formError, busy, send } = useModalForm(['firstDay']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(readinessYearUpdateSchema, { firstDay }, t);
    setErrors(checked.errors);
    if (checked.data) {
      const body = checked.data;
      await send(() => onSave(body.firstDay));
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('readiness.year.moveTitle', { label: schoolYearLabel(schoolYear) })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput
            type="date"
            label={t('readiness.year.firstDay')}
            description={t('readiness.year.firstDayHelp')}
            required
            value={firstDay}
            onChange={(e) => setFirstDay(e.currentTarget.value)}
            error={errors.firstDay}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
