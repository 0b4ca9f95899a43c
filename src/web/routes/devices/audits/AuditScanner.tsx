import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditKeys, scanForAudit, type DeviceAudit } from '../../../api/device-audits';
import { ToneBadge } from '../DeviceStatusBadge';
import { playScanSound } from '../scan-sounds';
import { AuditLine, type AuditEntry, type AuditLineState, type AuditOutcome } from './audit-line';
import { AuditScanLog } from './AuditScanLog';
import { outcomeTone, useAuditText } from './audit-text';

/** How each outcome looks in the big answer panel: a tint, a border and a symbol, beside the words. */
const panel: Record<AuditOutcome, { tint: string; border: string; icon: string; iconColor: string }> = {
  seen_here: { tint: 'green', border: 'teal.9', icon: '✔', iconColor: 'teal.9' },
  already_seen: { tint: 'gray', border: 'gray.7', icon: '↺', iconColor: 'gray.8' },
  seen_elsewhere: { tint: 'orange', border: 'orange.9', icon: '⚠', iconColor: 'orange.9' },
  unknown_tag: { tint: 'red', border: 'red.9', icon: '✖', iconColor: 'red.9' },
  network: { tint: 'red', border: 'red.9', icon: '✖', iconColor: 'red.9' },
  closed: { tint: 'red', border: 'red.9', icon: '✖', iconColor: 'red.9' },
  error: { tint: 'red', border: 'red.9', icon: '✖', iconColor: 'red.9' },
};

/**
 * The audit's scan field: a barcode scanner types a tag and Enter wherever focus is, so the field
 * has focus from the start and keeps it. Each answer is shown, spoken (a live region) and heard;
 * nothing blocks the next scan.
 */
export function AuditScanner({ audit }: { audit: DeviceAudit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sound, setSound] = useLocalStorage({ key: 'districtops.scan.sound', defaultValue: true });
  const soundOn = useRef(sound);
  soundOn.current = sound;
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const auditId = audit.id;

  const [state, setState] = useState<AuditLineState | null>(null);
  // One line per visit to the page: its log is this visit's scans.
  const [line] = useState(
    () =>
      new AuditLine({ scan: (tag) => scanForAudit(auditId, tag) }, (next, cue, entry) => {
        setState(next);
        if (cue && soundOn.current) playScanSound(cue);
        if (!entry) return;
        // Each answer carries the audit's counts: show them at once, without a refetch per scan.
        if (next.counts) {
          const counts = next.counts;
          queryClient.setQueryData<DeviceAudit>(auditKeys.detail(auditId), (old) => (old ? { ...old, counts } : old));
        }
        if (entry.outcome === 'closed') void queryClient.invalidateQueries({ queryKey: auditKeys.detail(auditId) });
        // The lists are refetched once a burst of scans has been answered, not after every one.
        if (next.pending === 0) {
          void queryClient.invalidateQueries({ queryKey: auditKeys.devices(auditId) });
          void queryClient.invalidateQueries({ queryKey: ['devices', 'audits', 'list'] });
        }
      }),
  );
  const s = state ?? line.current;

  // The scanner types wherever focus is: the page starts with it in the scan field (after the
  // heading takes it on navigation; the field's label says what the page is for).
  useEffect(() => input.current?.focus(), []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    // Read from the field itself, never from a render that may be a keystroke behind.
    const code = e.currentTarget.value;
    setValue('');
    void line.scan(code);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-scan">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="audit-scan">
            {t('audits.scan.title')}
          </Title>
          <Switch label={t('audits.scan.sound')} checked={sound} onChange={(e) => setSound(e.currentTarget.checked)} />
        </Group>
        <TextInput
          ref={input}
          size="xl"
          label={t('audits.scan.label')}
          description={t('audits.scan.help')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          data-testid="audit-scan-input"
          styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
        />
        <div aria-live="polite" role="status" data-testid="audit-scan-result">
          {s.entries[0] ? <LastScan entry={s.entries[0]} /> : null}
        </div>
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Group gap="xs" role="group" aria-label={t('audits.scan.sessionLabel')}>
            <ToneBadge size="lg" tone="ok">
              {t('audits.scan.session.here', { count: s.session.here })}
            </ToneBadge>
            <ToneBadge size="lg" tone="warn">
              {t('audits.scan.session.elsewhere', { count: s.session.elsewhere })}
            </ToneBadge>
            <ToneBadge size="lg" tone="stop">
              {t('audits.scan.session.unknown', { count: s.session.unknown })}
            </ToneBadge>
            <ToneBadge size="lg" tone="muted">
              {t('audits.scan.session.again', { count: s.session.again })}
            </ToneBadge>
            {s.session.failed > 0 ? (
              <ToneBadge size="lg" tone="stop">
                {t('audits.scan.session.failed', { count: s.session.failed })}
              </ToneBadge>
            ) : null}
          </Group>
          {s.pending > 0 ? (
            <Text size="sm" c="dimmed">
              {t('audits.scan.waiting', { count: s.pending })}
            </Text>
          ) : null}
        </Group>
        <Title order={3} size="h5">
          {t('audits.scan.log')}
        </Title>
        <AuditScanLog entries={s.entries} />
      </Stack>
    </Paper>
  );
}

/** The latest answer, large: read from across a table, with the colour only repeating the words. */
function LastScan({ entry }: { entry: AuditEntry }) {
  const text = useAuditText();
  const look = panel[entry.outcome];
  return (
    <Paper
      p="lg"
      radius="md"
      bg={`var(--mantine-color-${look.tint}-light)`}
      style={{ border: `3px solid var(--mantine-color-${look.border.replace('.', '-')})` }}
      data-outcome={entry.outcome}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text fz={32} lh={1} aria-hidden="true" c={look.iconColor}>
          {look.icon}
        </Text>
        <Stack gap={4}>
          <Group gap="xs">
            <ToneBadge size="lg" tone={outcomeTone[entry.outcome]}>
              {text.badge(entry.outcome)}
            </ToneBadge>
            <Text fz="xl" fw={700}>
              {text.message(entry)}
            </Text>
          </Group>
          {entry.warnings.map((w) => (
            <Text key={w.key} fw={600}>
              {text.warning(w)}
            </Text>
          ))}
        </Stack>
      </Group>
    </Paper>
  );
}
