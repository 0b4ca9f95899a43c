import { useState } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { deviceAuditCreateSchema } from '../../../../shared/api/device-audits';
import { auditKeys, scheduleAudit } from '../../../api/device-audits';
import { fetchSchools } from '../../../api/people';
import { FormModal } from '../../../components/FormModal';
import { checkForm, errorField, errorMessage } from '../../../components/errors';
import { notify } from '../../../components/notify';

/** School, name and due date; once scheduled, the audit's own page opens, ready to scan. */
export function ScheduleAuditModal({ onClose, schoolId }: { onClose: () => void; schoolId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const [values, setValues] = useState({ schoolId: schoolId ?? '', name: '', dueOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  type Field = keyof typeof values;
  // A field's error goes as soon as it is changed: the form is checked again on submit.
  const change = (field: Field, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const submit = async () => {
    const checked = checkForm(deviceAuditCreateSchema, values, t);
    setErrors(checked.errors);
    if (!checked.data) return;
    setBusy(true);
    setFormError(null);
    try {
      const audit = await scheduleAudit(checked.data);
      await queryClient.invalidateQueries({ queryKey: auditKeys.all });
      notify(t, { color: 'green', message: t('audits.schedule.done', { name: audit.name }) });
      onClose();
      await navigate(`/devices/audits/${audit.id}`);
    } catch (err) {
      const field = errorField(err);
      if (field && field in values) setErrors({ [field]: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      title={t('audits.schedule.open')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      error={formError}
      submitLabel={t('audits.schedule.submit')}
      noValidate
    >
      <Select
        label={t('audits.schedule.school')}
        description={t('audits.schedule.schoolHelp')}
        required
        searchable
        data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={values.schoolId || null}
        onChange={(v) => change('schoolId', v ?? '')}
        error={errors.schoolId}
        data-autofocus
      />
      <TextInput
        label={t('audits.schedule.name')}
        description={t('audits.schedule.nameHelp')}
        required
        value={values.name}
        onChange={(e) => change('name', e.currentTarget.value)}
        error={errors.name}
      />
      <TextInput
        type="date"
        label={t('audits.schedule.dueOn')}
        required
        value={values.dueOn}
        onChange={(e) => change('dueOn', e.currentTarget.value)}
        error={errors.dueOn}
      />
    </FormModal>
  );
}
