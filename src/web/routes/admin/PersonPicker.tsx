import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { searchPeople } from '../../api/people';
import { useLabels } from '../../i18n/labels';
import { personName } from '../people/person-name';

interface PersonPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  required?: boolean;
}

/** Links an account to its roster record, searching the directory on the server as the admin types. */
export function PersonPicker({ value, onChange, error, required }: PersonPickerProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: ['people', { q, pageSize: 20 }],
    queryFn: () => searchPeople({ q, pageSize: 20 }),
    enabled: q.length >= 2,
  });
  const options = (results.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${personName(p)} · ${labels.rosterRole(p.primaryRole)}${p.schoolName ? ` · ${p.schoolName}` : ''}`,
  }));
  // Keep the chosen person in the list even after the search changes, so the field still shows their name.
  const data = picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;

  return (
    <Select
      label={t('admin.accounts.person')}
      description={t('admin.accounts.personHelp')}
      placeholder={t('admin.accounts.personPlaceholder')}
      searchable
      clearable
      required={required}
      data={data}
      value={value}
      onChange={(id, option) => {
        setPicked(id ? option : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={q.length >= 2 && !results.isFetching ? t('people.noResults') : t('admin.accounts.typeToSearch')}
      error={error}
    />
  );
}
