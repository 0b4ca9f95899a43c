import { useTranslation } from 'react-i18next';
import { RequirePermission } from '../../auth/RequirePermission';
import { PageHeader } from '../../components/PageHeader';
import { PeopleFilters } from './PeopleFilters';
import { PeopleTable } from './PeopleTable';
import { usePeopleParams } from './people-params';

/** The people directory: everyone the viewer may see (a teacher, their students; a principal, their school). */
export function PeoplePage() {
  const { t } = useTranslation();
  const params = usePeopleParams();
  const { state, update } = params;
  return (
    <RequirePermission anyOf={['people.read']}>
      <PageHeader title={t('people.title')} description={t('people.description')} />
      <PeopleFilters {...params} />
      <PeopleTable
        caption={t('people.title')}
        query={{
          q: state.q || undefined,
          role: state.role,
          schoolId: state.schoolId,
          grade: state.grade,
          classId: state.classId,
          sort: state.sort,
          page: state.page,
        }}
        onSort={(sort) => update({ sort })}
        onPage={(page) => update({ page })}
      />
    </RequirePermission>
  );
}
