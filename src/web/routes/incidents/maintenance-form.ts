import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { TFunction } from 'i18next';
import { maintenanceCreateSchema } from '../../../shared/api/incidents';
import type { MaintenanceInput, MaintenanceWindow } from '../../api/incidents';
import { checkForm } from '../../components/errors';

// Wall times are the window's own (the district's time zone), whatever zone this browser is in.
dayjs.extend(utc);
dayjs.extend(timezone);

const WALL = 'YYYY-MM-DD HH:mm:ss';

export interface MaintenanceFormValues {
  titleEn: string;
  titleEs: string;
  systemIds: string[];
  kind: 'once' | 'weekly';
  /** One-off: wall times in `timezone` ("YYYY-MM-DD HH:mm:ss", as the date pickers give them). */
  start: string | null;
  end: string | null;
  /** Weekly: ISO weekdays (1 = Monday), a local start "HH:mm", a length in minutes, optional first and last days. */
  weekdays: number[];
  startTime: string;
  durationMinutes: number | string;
  from: string | null;
  until: string | null;
  timezone: string;
}

export function initialMaintenanceValues(w: MaintenanceWindow | null, districtTimezone: string): MaintenanceFormValues {
  const tz = w?.timezone ?? districtTimezone;
  const wall = (iso: string | null) => (iso ? dayjs(iso).tz(tz).format(WALL) : null);
  return {
    titleEn: w?.title.en ?? '',
    titleEs: w?.title.es ?? '',
    systemIds: w?.systemIds ?? [],
    kind: w?.weekly ? 'weekly' : 'once',
    start: wall(w?.startsAt ?? null),
    end: wall(w?.endsAt ?? null),
    weekdays: w?.weekly?.weekdays ?? [],
    startTime: w?.weekly?.start ?? '',
    durationMinutes: w?.weekly?.durationMinutes ?? 60,
    from: w?.weekly?.from ?? null,
    until: w?.weekly?.until ?? null,
    timezone: tz,
  };
}

/** The request body, checked with the schema the server uses; errors are keyed by the body's field paths. */
export function validateMaintenance(v: MaintenanceFormValues, t: TFunction): { body?: MaintenanceInput; errors: Record<string, string> } {
  const instant = (wall: string | null) => (wall ? dayjs.tz(wall, v.timezone).format() : undefined);
  const minutes = Number(v.durationMinutes);
  const body: MaintenanceInput = {
    title: { en: v.titleEn, es: v.titleEs },
    systemIds: v.systemIds,
    timezone: v.timezone,
    ...(v.kind === 'once'
      ? { startsAt: instant(v.start), endsAt: instant(v.end) }
      : {
          weekly: {
            weekdays: [...v.weekdays].sort(),
            start: v.startTime,
            duration: Number.isFinite(minutes) && minutes > 0 ? `${minutes}m` : '',
            from: v.from ?? undefined,
            until: v.until ?? undefined,
          },
        }),
  };
  const checked = checkForm(maintenanceCreateSchema, body, t);
  const errors = { ...checked.errors };
  // The schema's generic words for these cases say less than the form can.
  if (v.kind === 'once' && !v.start) errors.startsAt = t('validation.required');
  if (v.kind === 'once' && !v.end) errors.endsAt = t('validation.required');
  if (errors.endsAt && v.start && v.end) errors.endsAt = t('incidents.maintenance.form.endBeforeStart');
  // Also when other fields are wrong (the schema checks the order only once the rest is valid).
  if (v.kind === 'weekly' && v.from && v.until && v.until < v.from)
    errors['weekly.until'] = t('incidents.maintenance.form.untilBeforeFrom');
  if (errors['weekly.duration']) errors['weekly.duration'] = t('incidents.maintenance.form.durationRange');
  if (errors['weekly.start'] && v.startTime) errors['weekly.start'] = t('incidents.maintenance.form.timeInvalid');
  return checked.data && Object.keys(errors).length === 0 ? { body, errors } : { errors };
}
