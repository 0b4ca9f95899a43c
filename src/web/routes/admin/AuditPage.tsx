import { useState } from 'react';
import { Button, Group, Pagination, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAudit, type AuditEntry } from '../../api/admin';
import { RequirePermission } from '../../auth/RequirePermission';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { auditActionKey, knownAuditActions } from './audit-actions';
import { AuditDetailsModal } from './AuditDetailsModal';
import { AuditTable } from './AuditTable';
import { LocalizedDates } from './LocalizedDates';

const PAGE_SIZE = 50;

/** Who did what, when: sign-ins, account changes and every opening of a student's record. */
export function AuditPage() {
  const { t } = useTranslation();
  const [actorText, setActorText] = useState('');
  const [actor] = useDebouncedValue(actorText.trim(), 300);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<AuditEntry | null>(null);

  const filter = {
    actor: actor || undefined,
    action: action ?? undefined,
    from: from ?? undefined,
    to: to ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const audit = useQuery({ queryKey: ['audit', filter], queryFn: () => fetchAudit(filter), placeholderData: keepPreviousData });
  const filtered = Boolean(actorText || action || from || to);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <RequirePermission anyOf={['audit.read']}>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      <LocalizedDates>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput
            type="search"
            label={t('admin.audit.actor')}
            placeholder={t('admin.audit.actorPlaceholder')}
            value={actorText}
            onChange={(e) => reset(setActorText)(e.currentTarget.value)}
            w={{ base: '100%', sm: 240 }}
          />
          <Select
            label={t('admin.audit.action')}
            placeholder={t('admin.audit.allActions')}
            clearable
            searchable
            data={knownAuditActions.map((a) => ({ value: a, label: t(auditActionKey(a)) }))}
            value={action}
            onChange={reset(setAction)}
            w={{ base: '100%', sm: 260 }}
          />
          <DateInput
            label={t('admin.audit.from')}
            value={from}
            onChange={reset(setFrom)}
            clearable
            valueFormat="D MMM YYYY"
            maxDate={to ?? undefined}
            w={{ base: '100%', xs: 170 }}
          />
          <DateInput
            label={t('admin.audit.to')}
            value={to}
            onChange={reset(setTo)}
            clearable
            valueFormat="D MMM YYYY"
            minDate={from ?? undefined}
            w={{ base: '100%', xs: 170 }}
          />
          {filtered ? (
            <Button
              variant="default"
              onClick={() => {
                setActorText('');
                setAction(null);
                setFrom(null);
                setTo(null);
                setPage(1);
              }}
            >
              {t('people.clear')}
            </Button>
          ) : null}
        </Group>
      </LocalizedDates>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <QueryError error={audit.error} onRetry={audit.refetch} />
      ) : (
        <>
          <AuditTable entries={audit.data.items} total={audit.data.total} dimmed={audit.isPlaceholderData} onOpen={setOpen} />
          {audit.data.total > PAGE_SIZE ? (
            <Group justify="center" mt="md">
              <Pagination
                total={Math.ceil(audit.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
      {open ? <AuditDetailsModal entry={open} onClose={() => setOpen(null)} /> : null}
    </RequirePermission>
  );
}
