import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { audiences, systemCategories } from '../../../shared/api/systems';
import { createSystem, updateSystem, type BoardSystem, type SystemDetail } from '../../api/systems';
import { AppModal } from '../../components/AppModal';
import { errorField, errorMessage } from '../../components/errors';
import { cyclePath, initialValues, validate, withoutField, type SystemFormValues } from './system-form';
import { notify } from '../../components/notify';

interface SystemFormModalProps {
  /** The system to edit, or null to add one. */
  system: SystemDetail | null;
  /** Every system, to choose dependencies from. */
  all: readonly BoardSystem[];
  onClose: () => void;
}

/** Form fields by the API's field names, so a server error lands at the field it names. */
const fieldNames = [
  'id',
  'name',
  'category',
  'tier',
  'owner',
  'vendor',
  'hosting',
  'description',
  'runbook',
  'public.en',
  'public.es',
  'audience',
];
const isShown = (field: string) => fieldNames.includes(field) || /^dependsOn\.\d+/.test(field);

export function SystemFormModal({ system, all, onClose }: SystemFormModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SystemFormValues>(() => initialValues(system));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [cycle, setCycle] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SystemFormValues>(key: K, value: SystemFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const checks = system?.checks.map((c) => c.spec) ?? [];

  const others = all.filter((s) => s.id !== system?.id).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setCycle(null);
    const { body, errors: found } = validate(values, checks, t);
    setErrors(found);
    if (!body) return;
    setBusy(true);
    try {
      if (system) {
        const { id: _id, ...update } = body;
        await updateSystem(system.id, update);
        notify(t, { color: 'green', message: t('systems.form.saved', { name: body.name }) });
      } else {
        await createSystem(body);
        notify(t, { color: 'green', message: t('systems.form.created', { name: body.name }) });
      }
      await queryClient.invalidateQueries({ queryKey: ['systems'] });
      onClose();
      if (!system) void navigate(`/systems/${encodeURIComponent(body.id)}`);
    } catch (err) {
      // The server names the field at fault (an unknown owner, a dependency that closes a cycle): show it there.
      const field = errorField(err);
      const message = errorMessage(err, t);
      const path = cyclePath(message, all);
      if (path) setCycle(path);
      if (field && isShown(field)) setErrors({ [field.split('.').slice(0, 2).join('.')]: withoutField(message, field) });
      // Said again beside the buttons unless the field is right above them (the dependencies) or the cycle alert says it.
      if (!path && !(field && /^dependsOn\./.test(field))) setFormError(withoutField(message, field));
    } finally {
      setBusy(false);
    }
  };

  const setDependency = (i: number, change: Partial<SystemFormValues['dependencies'][number]>) =>
    set(
      'dependencies',
      values.dependencies.map((d, j) => (j === i ? { ...d, ...change } : d)),
    );

  return (
    <AppModal
      opened
      onClose={onClose}
      title={system ? t('systems.form.editTitle', { name: system.name }) : t('systems.form.newTitle')}
      size="xl"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {system ? null : (
              <TextInput
                label={t('systems.form.id')}
                description={t('systems.form.idHelp')}
                required
                value={values.id}
                onChange={(e) => set('id', e.currentTarget.value)}
                error={errors.id}
              />
            )}
            <TextInput
              label={t('systems.form.name')}
              required
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
            />
            <Select
              label={t('systems.form.category')}
              data={systemCategories.map((c) => ({ value: c, label: t(`systems.categories.${c}`) }))}
              value={values.category}
              onChange={(c) => set('category', systemCategories.find((x) => x === c) ?? 'other')}
              allowDeselect={false}
              searchable
              error={errors.category}
            />
            <Select
              label={t('systems.form.tier')}
              data={(['1', '2', '3'] as const).map((tier) => ({ value: tier, label: t(`systems.tiers.${tier}`) }))}
              value={values.tier}
              onChange={(tier) => set('tier', tier === '1' ? '1' : tier === '2' ? '2' : '3')}
              allowDeselect={false}
              error={errors.tier}
            />
            <TextInput
              label={t('systems.form.owner')}
              description={
                system?.owner
                  ? `${t('systems.form.ownerHelp')}. ${t('systems.form.ownerNow', { name: system.owner.name })}`
                  : t('systems.form.ownerHelp')
              }
              value={values.owner}
              onChange={(e) => set('owner', e.currentTarget.value)}
              error={errors.owner}
            />
            <TextInput
              label={t('systems.form.vendor')}
              value={values.vendor}
              onChange={(e) => set('vendor', e.currentTarget.value)}
              error={errors.vendor}
            />
            <Select
              label={t('systems.form.hosting')}
              data={[
                { value: '', label: t('systems.form.hostingNone') },
                { value: 'cloud', label: t('systems.hosting.cloud') },
                { value: 'on-premises', label: t('systems.hosting.on-premises') },
              ]}
              value={values.hosting}
              onChange={(h) => set('hosting', h === 'cloud' || h === 'on-premises' ? h : '')}
              allowDeselect={false}
              error={errors.hosting}
            />
            <Select
              label={t('systems.form.audience')}
              data={audiences.map((a) => ({ value: a, label: t(`systems.audiences.${a}`) }))}
              value={values.audience}
              onChange={(a) => set('audience', audiences.find((x) => x === a) ?? 'staff')}
              allowDeselect={false}
              error={errors.audience}
            />
            <TextInput
              label={t('systems.form.publicEn')}
              description={t('systems.form.publicHelp')}
              value={values.publicEn}
              onChange={(e) => set('publicEn', e.currentTarget.value)}
              error={errors['public.en'] ?? errors.public}
            />
            <TextInput
              label={t('systems.form.publicEs')}
              description={t('systems.form.publicHelp')}
              lang="es"
              value={values.publicEs}
              onChange={(e) => set('publicEs', e.currentTarget.value)}
              error={errors['public.es']}
            />
            <TextInput
              label={t('systems.form.runbook')}
              type="url"
              value={values.runbook}
              onChange={(e) => set('runbook', e.currentTarget.value)}
              error={errors.runbook}
            />
          </SimpleGrid>
          <Textarea
            label={t('systems.form.description')}
            autosize
            minRows={2}
            maxRows={8}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
          />
          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Title order={3} size="h5" component="legend">
              {t('systems.form.dependencies')}
            </Title>
            {values.dependencies.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('systems.form.noDependencies')}
              </Text>
            ) : null}
            {values.dependencies.map((d, i) => (
              <Group key={i} align="flex-start" gap="sm" wrap="nowrap">
                <Select
                  label={t('systems.form.dependencyN', { n: i + 1 })}
                  data={others}
                  value={d.id}
                  onChange={(id) => setDependency(i, { id })}
                  searchable
                  limit={50}
                  error={errors[`dependsOn.${i}`]}
                  style={{ flex: 1 }}
                />
                <Select
                  label={t('systems.form.dependencyKindN', { n: i + 1 })}
                  data={[
                    { value: 'hard', label: t('systems.graph.legendHard') },
                    { value: 'soft', label: t('systems.graph.legendSoft') },
                  ]}
                  value={d.kind}
                  onChange={(k) => setDependency(i, { kind: k === 'soft' ? 'soft' : 'hard' })}
                  allowDeselect={false}
                  w={190}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  size="lg"
                  aria-label={t('systems.form.removeDependency', { n: i + 1 })}
                  onClick={() =>
                    set(
                      'dependencies',
                      values.dependencies.filter((_, j) => j !== i),
                    )
                  }
                >
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => set('dependencies', [...values.dependencies, { id: null, kind: 'hard' }])}>
                {t('systems.form.addDependency')}
              </Button>
            </Group>
          </Stack>
          {checks.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('systems.form.checksKept', { count: checks.length })}
            </Text>
          ) : null}
          {/* Next to the button that was just pressed, so the reason is seen without scrolling back up. */}
          {formError ? (
            <Alert color="red" role="alert" title={t('errors.saveFailedTitle')}>
              {formError}
            </Alert>
          ) : null}
          {cycle ? (
            <Alert color="red" role="alert" title={t('errors.saveFailedTitle')}>
              {t('systems.form.cycle', { path: cycle })}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {system ? t('actions.save') : t('systems.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
