import { useTranslation } from 'react-i18next';
import type { MaintenanceWindow } from '../../api/incidents';
import { dateTimeFormat, listFormat, localeFor, numberFormat } from '../../i18n/format';

export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Maintenance times in the window's own time zone (the district's), named on screen, so a reader
 * travelling or working from elsewhere is never off by an hour or two.
 */
export function useMaintenanceFormat() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const zoned = (tz: string) =>
    dateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: tz,
      timeZoneName: 'short',
    });
  // 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days.
  const weekdayName = (n: number, style: 'long' | 'short' = 'long') =>
    dateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, n)));
  const list = listFormat(locale, { style: 'long', type: 'conjunction' });
  const clock = (hhmm: string) =>
    dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(`1970-01-01T${hhmm}:00Z`));
  const hours = numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 2 });
  const minutes = numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  const length = (m: number) => (m % 60 === 0 || m > 120 ? hours.format(m / 60) : minutes.format(m));

  return {
    weekdayName,
    /** "Sat, Jan 4, 2025, 10:00 PM – 2:00 AM CST" */
    range: (start: string, end: string, tz: string) => zoned(tz).formatRange(new Date(start), new Date(end)),
    /** The rule in words: "Every Saturday at 10:00 PM for 4 hours", or a one-off's dates. */
    schedule: (w: MaintenanceWindow) => {
      if (w.weekly) {
        return t('incidents.maintenance.weeklyRule', {
          days: list.format(w.weekly.weekdays.map((d) => weekdayName(d))),
          time: clock(w.weekly.start),
          length: length(w.weekly.durationMinutes),
        });
      }
      return w.startsAt && w.endsAt ? zoned(w.timezone).formatRange(new Date(w.startsAt), new Date(w.endsAt)) : '';
    },
    /** The zone's short name now ("CST", "GMT-6"), beside its IANA id. */
    zoneLabel: (tz: string) => {
      const part = zoned(tz)
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName');
      return part ? `${tz} (${part.value})` : tz;
    },
  };
}

/** A window that will not open again (a one-off that ended, a weekly rule past its last day): kept for the record, listed apart. */
export const isPast = (w: MaintenanceWindow, now = Date.now()) => {
  if (w.activeNow || w.next.length > 0) return false;
  if (w.weekly) return w.weekly.until !== null && w.weekly.until < new Date(now).toISOString().slice(0, 10);
  return w.endsAt !== null && Date.parse(w.endsAt) <= now;
};
