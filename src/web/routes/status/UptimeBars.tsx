import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Group, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { StatusPageDay } from '../../api/status-page';
import { useFormat } from '../../i18n/format';
import classes from './UptimeBars.module.css';
import { usePercent } from './use-percent';

/** On a phone 90 bars would be slivers too thin to tap: show the last 30 (the summary still covers 90). */
const NARROW_DAYS = 30;

/** The words for one day, as a screen reader says it and as the line under the bars shows it. */
export function useDayText() {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  return (d: StatusPageDay) => {
    const date = format.date(d.date);
    const status = t(`statusPage.status.${d.status}`);
    return d.uptime === null
      ? t('statusPage.bars.day', { date, status })
      : t('statusPage.bars.dayWithUptime', { date, status, percent: percent(d.uptime) });
  };
}

/**
 * One bar per day, today on the right. The strip is one tab stop; the arrow keys, Home and End move
 * between days (a roving tab index), and each bar carries its day in words. The focused, hovered or
 * tapped day is spelled out under the strip, so its details never depend on a tooltip or a mouse.
 */
export function UptimeBars({ name, days }: { name: string; days: StatusPageDay[] }) {
  const { t } = useTranslation();
  const dayText = useDayText();
  const wide = useMediaQuery('(min-width: 36em)', true, { getInitialValueInEffect: false });
  const shown = wide ? days : days.slice(-NARROW_DAYS);
  const [tabStop, setTabStop] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const bars = useRef<(HTMLDivElement | null)[]>([]);
  const hintId = useId();
  const last = shown.length - 1;
  const stop = tabStop === null ? last : Math.min(tabStop, last);
  const selected = hovered ?? focused;

  const move = (to: number) => {
    const i = Math.max(0, Math.min(last, to));
    setTabStop(i);
    bars.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number> = { ArrowLeft: stop - 1, ArrowRight: stop + 1, Home: 0, End: last };
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };

  if (shown.length === 0) return null;
  return (
    <div>
      <div
        role="group"
        aria-label={t('statusPage.bars.label', { name })}
        aria-describedby={hintId}
        className={classes.bars}
        onKeyDown={onKeyDown}
        onMouseLeave={() => setHovered(null)}
      >
        {shown.map((d, i) => (
          <div
            key={d.date}
            ref={(el) => {
              bars.current[i] = el;
            }}
            role="img"
            aria-label={dayText(d)}
            tabIndex={i === stop ? 0 : -1}
            className={`${classes.bar} ${classes.tone} mantine-focus-auto`}
            data-status={d.status}
            data-selected={selected === i || undefined}
            onFocus={() => {
              setFocused(i);
              setTabStop(i);
            }}
            onBlur={() => setFocused(null)}
            onMouseEnter={() => setHovered(i)}
          />
        ))}
      </div>
      <VisuallyHidden id={hintId}>{t('statusPage.bars.hint')}</VisuallyHidden>
      {/* What a screen reader already hears from the focused bar: hidden from it here. */}
      <div className={classes.detail} aria-hidden="true">
        {selected !== null && shown[selected] ? (
          <Text size="xs" ta="center" fw={600}>
            {dayText(shown[selected])}
          </Text>
        ) : (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('statusPage.bars.from', { days: shown.length })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('statusPage.bars.today')}
            </Text>
          </Group>
        )}
      </div>
    </div>
  );
}

/** The colours of the bars, each with its words. */
export function BarLegend() {
  const { t } = useTranslation();
  const statuses = ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown'] as const;
  return (
    <div>
      <Text size="sm" fw={600} id="status-legend">
        {t('statusPage.systems.legend')}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {t('statusPage.systems.legendHelp')}
      </Text>
      <Group component="ul" aria-labelledby="status-legend" m={0} p={0} style={{ listStyle: 'none', rowGap: 4, columnGap: 16 }}>
        {statuses.map((s) => (
          <Group component="li" key={s} gap={6} wrap="nowrap">
            <span className={`${classes.swatch} ${classes.tone}`} data-status={s} aria-hidden="true" />
            <Text size="xs">{t(`statusPage.status.${s}`)}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
