import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { readinessItemCreateSchema, readinessItemUpdateSchema } from '../../../shared/api/readiness';
import {
  fetchReadinessOwners,
  type ReadinessItem,
  type ReadinessItemCreate,
  type ReadinessItemUpdate,
  type ReadinessOwner,
} from '../../api/readiness';
import { checkForm } from '../../components/errors';
import { AppModal } from '../../components/AppModal';
import { useFormat } from '../../i18n/format';
import { addDays } from './readiness-dates';
import { useModalForm } from './useModalForm';

interface ItemFormModalProps {
  /** The item to edit, or null to add one. */
  item: ReadinessItem | null;
  /** Its shown title (the template's, in the reader's language, while unchanged). */
  shownTitle?: string;
  /** Tier-1 and tier-2 systems an item can be added to, and the one to preselect. */
  systems: { id: string; name: string }[];
  systemId?: string;
  firstDay: string;
  onClose: () => void;
  onCreate: (body: ReadinessItemCreate) => Promise<unknown>;
  onUpdate: (id: string, body: ReadinessItemUpdate) => Promise<unknown>;
}

const ownerLabel = (o: ReadinessOwner) => `${o.name} (${o.email})`;

export function ItemFormModal({ item, shownTitle, systems, systemId, firstDay, onClose, onCreate, onUpdate }: ItemFormModalProps) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const owners = useQuery({ queryKey: ['readiness', 'owners'], queryFn: fetchReadinessOwners, staleTime: 60_000 });
  const [values, setValues] = useState({
    systemId: item?.systemId ?? systemId ?? systems[0]?.id ?? '',
    title: shownTitle ?? item?.title ?? '',
    ownerId: item?.owner.id ?? null,
    dueDate: item?.dueDate ?? '',
  });
  const { errors, setErrors, formError, busy, send } = useModalForm(['systemId', 'title', 'ownerId', 'dueDate']);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const lastDay = addDays(firstDay, -1);

  const options = owners.data ?? [];
  // The current owner stays choosable even if their role no longer shows them the board.
  const ownerData = [...(item && !options.some((o) => o.id === item.owner.id) ? [item.owner] : []), ...options].map((o) => ({
    value: o.id,
    label: ownerLabel(o),
  }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const dueTooLate = values.dueDate !== '' && values.dueDate >= firstDay;
    if (item) {
      // Only what changed is sent: a translated template title left alone stays the template's.
      const changes = {
        title: values.title !== (shownTitle ?? item.title) ? values.title : undefined,
        ownerId: values.ownerId !== item.owner.id ? (values.ownerId ?? '') : undefined,
        dueDate: values.dueDate !== item.dueDate ? values.dueDate : undefined,
      };
      if (changes.title === undefined && changes.ownerId === undefined && changes.dueDate === undefined) return onClose();
      const checked = checkForm(readinessItemUpdateSchema, changes, t);
      Object.assign(found, checked.errors);
      if (dueTooLate) found.dueDate ??= t('readiness.item.dueBeforeFirstDay', { date: date(firstDay) });
      setErrors(found);
      if (checked.data && Object.keys(found).length === 0) {
        const body = checked.data;
        await send(() => onUpdate(item.id, body));
      }
      return;
    }
    const checked = checkForm(readinessItemCreateSchema, values, t);
    Object.assign(found, checked.errors);
    if (dueTooLate) found.dueDate ??= t('readiness.item.dueBeforeFirstDay', { date: date(firstDay) });
    setErrors(found);
    if (checked.data && Object.keys(found).length === 0) {
      const body = checked.data;
      await send(() => onCreate(body));
    }
  };

  return (
    <AppModal opened onClose={onClose} title={item ? t('readiness.item.editTitle') : t('readiness.item.newTitle')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          {item ? null : (
            <NativeSelect
              label={t('readiness.item.system')}
              required
              value={values.systemId}
              onChange={(e) => set('systemId', e.currentTarget.value)}
              data={systems.map((s) => ({ value: s.id, label: s.name }))}
              error={errors.systemId}
            />
          )}
          <TextInput
            label={t('readiness.item.titleField')}
            required
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <Select
            label={t('readiness.item.owner')}
            required
            searchable
            nothingFoundMessage={t('readiness.item.noOwner')}
            data={ownerData}
            value={values.ownerId}
            onChange={(v) => set('ownerId', v)}
            error={errors.ownerId ?? (owners.isError ? t('readiness.item.ownersFailed') : undefined)}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            type="date"
            label={t('readiness.item.dueDate')}
            description={t('readiness.item.dueHelp', { date: date(firstDay) })}
            required
            max={lastDay}
            value={values.dueDate}
            onChange={(e) => set('dueDate', e.currentTarget.value)}
            error={errors.dueDate}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {item ? t('actions.save') : t('readiness.item.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
