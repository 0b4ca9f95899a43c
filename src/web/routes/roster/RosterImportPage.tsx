import { useState } from 'react';
import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RequirePermission } from '../../auth/RequirePermission';
import { PageHeader } from '../../components/PageHeader';
import { ImportDetails } from './ImportDetails';
import { ImportHistory } from './ImportHistory';
import { RosterUpload } from './RosterUpload';

/** OneRoster imports: upload the SIS export, watch it run, read what changed or why it was refused. */
export function RosterImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <RequirePermission anyOf={['roster.import']}>
      <PageHeader title={t('roster.title')} description={t('roster.description')} />
      <Stack gap="lg">
        <RosterUpload
          onUploaded={(created) => {
            queryClient.setQueryData(['roster-import', created.id], created);
            setShown(created.id);
            void queryClient.invalidateQueries({ queryKey: ['roster-imports'] });
          }}
        />
        {shown ? <ImportDetails id={shown} /> : null}
        <ImportHistory shown={shown} onShow={setShown} />
      </Stack>
    </RequirePermission>
  );
}
