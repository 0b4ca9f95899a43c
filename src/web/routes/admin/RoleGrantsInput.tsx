import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roles, roleSchema, schoolScopedRoles, type Role } from '../../../shared/roles';
import { fetchSchools } from '../../api/people';
import { useLabels } from '../../i18n/labels';

export interface Grant {
  role: Role | null;
  schoolId: string | null;
}

interface RoleGrantsInputProps {
  value: Grant[];
  onChange: (grants: Grant[]) => void;
  /** Errors keyed like the API's fields: "roles", "roles.0.schoolId". */
  errors: Record<string, string>;
}

/** The roles an account holds; a principal's role names the school they lead. */
export function RoleGrantsInput({ value, onChange, errors }: RoleGrantsInputProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const set = (i: number, grant: Grant) => onChange(value.map((g, j) => (j === i ? grant : g)));

  return (
    <Stack gap="xs" role="group" aria-labelledby="role-grants-label">
      <Text fw={500} size="sm" id="role-grants-label">
        {t('admin.accounts.roles')}
      </Text>
      {value.map((grant, i) => {
        const scoped = grant.role !== null && schoolScopedRoles.includes(grant.role);
        return (
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <Select
              label={t('admin.accounts.roleN', { n: i + 1 })}
              data={roles.map((r) => ({ value: r, label: labels.role(r) }))}
              value={grant.role}
              onChange={(r) => set(i, { role: roleSchema.safeParse(r).data ?? null, schoolId: null })}
              error={errors[`roles.${i}.role`]}
              allowDeselect={false}
              flex={1}
            />
            {scoped ? (
              <Select
                label={t('fields.school')}
                data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={grant.schoolId}
                onChange={(s) => set(i, { ...grant, schoolId: s })}
                error={errors[`roles.${i}.schoolId`]}
                searchable
                flex={1}
              />
            ) : null}
            {value.length > 1 ? (
              <Button variant="subtle" color="red" mt={25} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t('actions.remove')}
              </Button>
            ) : null}
          </Group>
        );
      })}
      {errors.roles ? (
        <Text c="var(--mantine-color-error)" size="sm" role="alert">
          {errors.roles}
        </Text>
      ) : null}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...value, { role: null, schoolId: null }])}>
          {t('admin.accounts.addRole')}
        </Button>
      </Group>
    </Stack>
  );
}
