import { lazy, Suspense } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../auth/me';
import { PageHeader } from '../../components/PageHeader';
import { DistrictDashboard } from './DistrictDashboard';
import { GuardianHome } from './GuardianHome';
import { PrincipalHome } from './PrincipalHome';
import { StudentHome } from './StudentHome';
import { TeacherHome } from './TeacherHome';

// Only students and families see their own devices; the code loads only for them.
const MyDevices = lazy(async () => ({ default: (await import('../devices/MyDevices')).MyDevices }));

/**
 * The CIO's dashboard for roles that may see district figures; otherwise a home that fits the
 * role: a principal's school, a teacher's classes, a family's children, a student's own record.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const district = can(me, 'district.summary');
  const sections = district
    ? [<DistrictDashboard key="district" />]
    : [
        me.roles.includes('principal') ? <PrincipalHome key="principal" schoolIds={me.schoolIds} /> : null,
        me.roles.includes('teacher') ? <TeacherHome key="teacher" /> : null,
        me.roles.includes('guardian') && me.personId ? <GuardianHome key="guardian" personId={me.personId} /> : null,
        me.roles.includes('student') && me.personId ? <StudentHome key="student" personId={me.personId} /> : null,
        (me.roles.includes('guardian') || me.roles.includes('student')) && me.personId ? (
          <Suspense key="devices" fallback={null}>
            <MyDevices />
          </Suspense>
        ) : null,
      ].filter(Boolean);

  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.displayName })} description={me.districtName} />
      <Stack gap="xl">
        {sections.length > 0 ? (
          sections
        ) : (
          <Alert color="blue" title={t('home.nothingYetTitle')}>
            {t('home.nothingYet')}
          </Alert>
        )}
      </Stack>
    </>
  );
}
