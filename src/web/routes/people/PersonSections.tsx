import { Anchor, List, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/api/people';
import { useFormat } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { DemographicsList } from './DemographicsList';
import { Section } from '../../components/Section';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div>
      <Text size="sm" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </div>
  );
}

export function DetailsSection({ person: p }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const labels = useLabels();
  const roles = p.roles.map((r) => t('person.roleAt', { role: labels.rosterRole(r.role), school: r.schoolName })).join('; ');
  return (
    <Section title={t('person.details')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="dl" m={0} spacing="md">
        <Field label={t('fields.identifier')} value={p.identifier} />
        <Field label={t('fields.email')} value={p.email} />
        <Field label={t('fields.username')} value={p.username} />
        <Field label={t('fields.phone')} value={p.phone} />
        <Field label={t('fields.birthDate')} value={p.birthDate ? date(p.birthDate) : null} />
        <Field label={t('fields.grade')} value={p.grades.length > 0 ? labels.grades(p.grades) : null} />
        <Field label={t('person.roles')} value={roles} />
        <Field label={t('fields.sourcedId')} value={p.sourcedId} />
      </SimpleGrid>
    </Section>
  );
}

export function ClassesSection({ classes, linkClasses }: { classes: PersonDetail['classes']; linkClasses: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Section title={t('person.classes')}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.class')}</Table.Th>
            <Table.Th scope="col">{t('fields.period')}</Table.Th>
            <Table.Th scope="col">{t('fields.role')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {classes.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                {linkClasses ? (
                  <Anchor component={Link} to={`/classes/${c.id}`}>
                    {c.title}
                  </Anchor>
                ) : (
                  c.title
                )}
                <Text size="xs" c="dimmed">
                  {c.schoolName}
                </Text>
              </Table.Td>
              <Table.Td>{c.periods.join(', ')}</Table.Td>
              <Table.Td>{labels.rosterRole(c.role)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

export function GuardiansSection({ guardians }: { guardians: PersonDetail['guardians'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Section title={t('person.guardians')}>
      <List listStyleType="none" spacing="sm">
        {guardians.map((g) => (
          <List.Item key={g.id}>
            <Text fw={600}>
              {g.relationship
                ? t('person.guardianWithRelationship', { name: g.name, relationship: labels.relationship(g.relationship) })
                : g.name}
            </Text>
            {g.email ? <Anchor href={`mailto:${g.email}`}>{g.email}</Anchor> : null}
            {g.phone ? <Text size="sm">{g.phone}</Text> : null}
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

export function ChildrenSection({ items }: { items: PersonDetail['children'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Section title={t('person.children')}>
      <List listStyleType="none" spacing="sm">
        {items.map((c) => (
          <List.Item key={c.id}>
            <Anchor component={Link} to={`/people/${c.id}`} fw={600}>
              {c.name}
            </Anchor>
            <Text size="sm">{[c.grades.length > 0 ? labels.grades(c.grades) : null, c.schoolName].filter(Boolean).join(' · ')}</Text>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

export function DemographicsSection({ demographics }: { demographics: Record<string, unknown> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('person.demographics')}>
      <DemographicsList demographics={demographics} />
    </Section>
  );
}
