import { useEffect, useRef, useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../shared/limits';
import { fetchSchools } from '../../api/people';
import { useLabels } from '../../i18n/labels';
import type { usePeopleParams } from './people-params';

type Params = ReturnType<typeof usePeopleParams>;

const roleOptions = ['student', 'staff', 'teacher', 'administrator', 'aide', 'guardian'] as const;

/** Search box and filters. The search waits for a pause in typing, so the server is asked once per thought, not per key. */
export function PeopleFilters({ state, update }: Params) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [text, setText] = useState(state.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });

  // The last search sent to the URL: typing pushes it once the debounce settles; Back or a link can change it from outside.
  const sent = useRef(state.q);
  useEffect(() => {
    if (debounced === sent.current) return;
    sent.current = debounced;
    update({ q: debounced });
  }, [debounced, update]);
  useEffect(() => {
    if (state.q === sent.current) return;
    sent.current = state.q;
    setText(state.q);
  }, [state.q]);
  const searchNow = (q: string) => {
    sent.current = q;
    update({ q });
  };

  const grades = [...new Set((schools.data ?? []).flatMap((s) => s.grades))];
  const filtered = Boolean(state.q || state.role || state.schoolId || state.grade || state.classId);

  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <TextInput
        type="search"
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        value={text}
        maxLength={limits.searchMax}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter searches at once instead of waiting for the pause.
          if (e.key === 'Enter') searchNow(text.trim());
        }}
        w={{ base: '100%', sm: 320 }}
      />
      <Select
        label={t('fields.role')}
        placeholder={t('people.allRoles')}
        clearable
        data={roleOptions.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))}
        value={state.role ?? null}
        onChange={(v) => update({ role: v ?? undefined })}
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label={t('fields.school')}
        placeholder={t('people.allSchools')}
        clearable
        searchable
        data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={state.schoolId ?? null}
        onChange={(v) => update({ schoolId: v ?? undefined })}
        w={{ base: '100%', xs: 220 }}
      />
      <Select
        label={t('fields.grade')}
        placeholder={t('people.allGrades')}
        clearable
        data={grades.map((g) => ({ value: g, label: labels.grade(g) }))}
        value={state.grade ?? null}
        onChange={(v) => update({ grade: v ?? undefined })}
        w={{ base: '100%', xs: 160 }}
      />
      {filtered ? (
        <Button
          variant="default"
          onClick={() => {
            setText('');
            sent.current = '';
            update({ q: undefined, role: undefined, schoolId: undefined, grade: undefined, classId: undefined });
          }}
        >
          {t('people.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
