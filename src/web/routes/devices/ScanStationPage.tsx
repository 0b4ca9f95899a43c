import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Checkbox, Group, Kbd, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceConditions } from '../../../shared/api/devices';
import { deviceKeys, lookupBadge, scanDevice, undoScan } from '../../api/devices';
import { RequirePermission } from '../../auth/RequirePermission';
import { PageHeader } from '../../components/PageHeader';
import { ScanLine, type LineState, type ScanMode, type ScanOptions } from './scan-line';
import { playScanSound } from './scan-sounds';
import { ScanLog, useLineText } from './ScanLog';
import { ScanPerson } from './ScanPerson';
import { ToneBadge } from './DeviceStatusBadge';

const accessoryChoices = ['charger', 'case'] as const;

/** The scan station: a technician, a barcode scanner and a line of students, in August and in June. */
export function ScanStationPage() {
  return (
    <RequirePermission anyOf={['devices.manage']}>
      <ScanStation />
    </RequirePermission>
  );
}

function ScanStation() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useLocalStorage<ScanMode>({ key: 'districtops.scan.mode', defaultValue: 'checkout' });
  const [sound, setSound] = useLocalStorage({ key: 'districtops.scan.sound', defaultValue: true });
  const [condition, setCondition] = useState<ScanOptions['condition']>('good');
  const [accessories, setAccessories] = useState<string[]>(['charger']);
  const [value, setValue] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const options = useRef<ScanOptions>({ condition, accessories });
  options.current = { condition, accessories };
  const soundOn = useRef(sound);
  soundOn.current = sound;

  const [state, setState] = useState<LineState | null>(null);
  // One line per visit to the page; the mode is switched on the line itself.
  const [line] = useState(
    () =>
      new ScanLine(
        { lookupBadge, scan: scanDevice, undo: undoScan },
        mode,
        (next, cue) => {
          setState(next);
          if (cue && soundOn.current) playScanSound(cue);
          if (cue) void queryClient.invalidateQueries({ queryKey: deviceKeys.all });
        },
        () => options.current,
      ),
  );
  const s = state ?? line.current;
  const text = useLineText();

  // The scanner types wherever focus is: the page starts with it in the scan field (after the
  // heading takes it on navigation; the field's label says what the page is for).
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (s.mode !== mode) line.setMode(mode);
  }, [mode, s.mode, line]);

  // F2 undoes from anywhere on the page; Esc goes on after a stop even when focus is on a button.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'F2' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && e.target === input.current)) {
        e.preventDefault();
        void line.undo().then(() => input.current?.focus());
      } else if (e.key === 'Escape' && line.current.stop) {
        e.preventDefault();
        line.continue();
        setOverrideReason('');
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [line]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const code = value;
    setValue('');
    void line.scan(code);
  };

  const stepLabel =
    s.mode === 'checkin'
      ? t('devices.scan.step.checkin')
      : s.step === 'badge'
        ? t('devices.scan.step.badge')
        : t('devices.scan.step.device');
  const last = s.entries[0];
  const stop = s.stop;

  return (
    <>
      <PageHeader title={t('devices.scan.title')} description={t('devices.scan.description')} />
      <Stack gap="md">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="scan-mode-label">
              {t('devices.scan.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby="scan-mode-label"
              value={mode}
              onChange={(m) => {
                setMode(m === 'checkin' ? 'checkin' : 'checkout');
                input.current?.focus();
              }}
              data={[
                { value: 'checkout', label: t('devices.scan.checkout') },
                { value: 'checkin', label: t('devices.scan.checkin') },
              ]}
            />
          </Stack>
          {mode === 'checkin' ? (
            <Select
              label={t('devices.scan.condition')}
              data={deviceConditions.map((c) => ({ value: c, label: t(`devices.conditions.${c}`) }))}
              value={condition}
              onChange={(c) => setCondition((deviceConditions as readonly string[]).includes(c ?? '') ? (c as typeof condition) : 'good')}
              allowDeselect={false}
              w={180}
            />
          ) : null}
          <Checkbox.Group
            label={mode === 'checkout' ? t('devices.scan.accessoriesOut') : t('devices.scan.accessoriesIn')}
            value={accessories}
            onChange={setAccessories}
          >
            <Group gap="md" mt={6}>
              {accessoryChoices.map((a) => (
                <Checkbox key={a} value={a} label={t(`devices.accessories.${a}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch label={t('devices.scan.sound')} checked={sound} onChange={(e) => setSound(e.currentTarget.checked)} />
        </Group>

        <TextInput
          ref={input}
          size="xl"
          label={stepLabel}
          description={stop ? t('devices.scan.stoppedHelp') : t('devices.scan.inputHelp')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          readOnly={Boolean(stop)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          data-testid="scan-input"
          styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
        />

        <div aria-live="polite" role="status" data-testid="scan-result">
          {stop ? null : last && last.tone !== 'stop' ? (
            <Paper
              p="lg"
              radius="md"
              withBorder
              bg={last.tone === 'ok' ? 'var(--mantine-color-green-light)' : 'var(--mantine-color-blue-light)'}
              data-tone={last.tone}
            >
              <Group gap="sm" wrap="nowrap">
                <Text fz={32} aria-hidden="true" c={last.tone === 'ok' ? 'green.8' : 'blue.8'}>
                  {last.tone === 'ok' ? '✔' : '↶'}
                </Text>
                <Stack gap={2}>
                  <Text fz="xl" fw={700}>
                    {text(last)}
                  </Text>
                  {last.warnings.map((w) => (
                    <Text key={w.key} c="orange.9" fw={500}>
                      {text(w)}
                    </Text>
                  ))}
                </Stack>
              </Group>
            </Paper>
          ) : null}
        </div>

        {stop ? (
          <Alert color="red" variant="filled" role="alert" data-testid="scan-stop" title={t('devices.scan.stopped')}>
            <Stack gap="sm">
              <Text fz="xl" fw={700}>
                {text(stop)}
              </Text>
              {stop.holds.length > 0 ? (
                <ul style={{ margin: 0 }}>
                  {stop.holds.map((h) => (
                    <li key={h.reason}>{h.amount ? t('devices.scan.holdAmount', { reason: h.reason, amount: h.amount }) : h.reason}</li>
                  ))}
                </ul>
              ) : null}
              <Text>
                <Kbd>Esc</Kbd> {t('devices.scan.continueKey')} · <Kbd>F2</Kbd> {t('devices.scan.undoKey')}
              </Text>
              {stop.canOverride ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    line.override(overrideReason);
                    setOverrideReason('');
                    input.current?.focus();
                  }}
                >
                  <Group align="flex-end" gap="sm">
                    <TextInput
                      label={t('devices.scan.overrideReason')}
                      description={t('devices.scan.overrideHelp')}
                      value={overrideReason}
                      onChange={(e) => setOverrideReason(e.currentTarget.value)}
                      minLength={3}
                      required
                      styles={{ label: { color: 'white' }, description: { color: 'white' } }}
                    />
                    <Button type="submit" variant="white" color="red" disabled={overrideReason.trim().length < 3}>
                      {t('devices.scan.override')}
                    </Button>
                  </Group>
                </form>
              ) : null}
              <Group gap="sm">
                <Button
                  variant="white"
                  color="dark"
                  onClick={() => {
                    line.continue();
                    input.current?.focus();
                  }}
                >
                  {t('devices.scan.continue')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        {s.mode === 'checkout' && s.step === 'device' && s.person ? (
          <ScanPerson person={s.person} holding={s.holding} overridden={s.overrideReason} />
        ) : null}

        <Group gap="sm" wrap="wrap" justify="space-between">
          <Group gap="xs" aria-label={t('devices.scan.countsLabel')} role="group">
            <ToneBadge size="lg" tone="ok">
              {t('devices.scan.counts.checkedOut', { count: s.counts.checkedOut })}
            </ToneBadge>
            <ToneBadge size="lg" tone="teal">
              {t('devices.scan.counts.checkedIn', { count: s.counts.checkedIn })}
            </ToneBadge>
            <ToneBadge size="lg" tone="stop">
              {t('devices.scan.counts.stopped', { count: s.counts.stopped })}
            </ToneBadge>
            <ToneBadge size="lg" tone="muted">
              {t('devices.scan.counts.undone', { count: s.counts.undone })}
            </ToneBadge>
          </Group>
          <Button
            variant="default"
            disabled={!line.canUndo || s.busy}
            onClick={() => void line.undo().then(() => input.current?.focus())}
            aria-keyshortcuts="F2"
          >
            {t('devices.scan.undo')} <Kbd ml={6}>F2</Kbd>
          </Button>
        </Group>

        <Title order={2} size="h4">
          {t('devices.scan.log')}
        </Title>
        <ScanLog entries={s.entries} />
      </Stack>
    </>
  );
}
