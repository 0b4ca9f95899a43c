import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../api/incidents';
import { initialMaintenanceValues, validateMaintenance } from './maintenance-form';

// Tests run with TZ=UTC: the browser's own zone must never leak into a window's times.
const t = ((key: string) => key) as unknown as TFunction;
const base = initialMaintenanceValues(null, 'America/Chicago');
const filled = { ...base, titleEn: 'Sign-in upgrade', titleEs: 'Actualización', systemIds: ['sso'] };

describe('the maintenance form', () => {
  it('reads a one-off window’s times as wall times in the district’s zone, winter and summer alike', () => {
    const winter = validateMaintenance({ ...filled, start: '2030-01-05 22:00:00', end: '2030-01-06 02:00:00' }, t);
    expect(winter.body).toMatchObject({
      startsAt: '2030-01-05T22:00:00-06:00',
      endsAt: '2030-01-06T02:00:00-06:00',
      timezone: 'America/Chicago',
    });
    const summer = validateMaintenance({ ...filled, start: '2030-07-06 22:00:00', end: '2030-07-07 02:00:00' }, t);
    expect(summer.body).toMatchObject({ startsAt: '2030-07-06T22:00:00-05:00' });
  });

  it('shows a saved window back in its own zone, so editing it changes nothing', () => {
    const saved: MaintenanceWindow = {
      id: '00000000-0000-4000-8000-000000000000',
      title: { en: 'Sign-in upgrade', es: 'Actualización' },
      systemIds: ['sso'],
      timezone: 'America/Chicago',
      startsAt: '2030-01-06T04:00:00.000Z',
      endsAt: '2030-01-06T08:00:00.000Z',
      weekly: null,
      activeNow: false,
      next: [],
    };
    const values = initialMaintenanceValues(saved, 'America/New_York');
    expect(values).toMatchObject({ kind: 'once', start: '2030-01-05 22:00:00', end: '2030-01-06 02:00:00', timezone: 'America/Chicago' });
    const body = validateMaintenance(values, t).body!;
    expect([Date.parse(body.startsAt!), Date.parse(body.endsAt!)]).toEqual([Date.parse(saved.startsAt!), Date.parse(saved.endsAt!)]);
  });

  it('sends a weekly rule with its days in order and its length in minutes', () => {
    const { body } = validateMaintenance({ ...filled, kind: 'weekly', weekdays: [6, 3], startTime: '22:00', durationMinutes: 240 }, t);
    expect(body).toEqual({
      title: { en: 'Sign-in upgrade', es: 'Actualización' },
      systemIds: ['sso'],
      timezone: 'America/Chicago',
      weekly: { weekdays: [3, 6], start: '22:00', duration: '240m', from: undefined, until: undefined },
    });
  });

  it('puts each mistake at its field, in words that say what is wrong', () => {
    expect(validateMaintenance({ ...filled, start: '2030-01-05 22:00:00', end: '2030-01-05 21:00:00' }, t).errors).toEqual({
      endsAt: 'incidents.maintenance.form.endBeforeStart',
    });
    expect(validateMaintenance({ ...filled, titleEs: '', start: null, end: null }, t).errors).toMatchObject({
      'title.es': 'validation.required',
      startsAt: 'validation.required',
      endsAt: 'validation.required',
    });
    const weekly = validateMaintenance(
      { ...filled, kind: 'weekly', weekdays: [], startTime: '', durationMinutes: 2000, from: '2030-02-01', until: '2030-01-01' },
      t,
    );
    expect(weekly.body).toBeUndefined();
    expect(weekly.errors).toEqual({
      'weekly.weekdays': 'validation.required',
      'weekly.start': 'validation.required',
      'weekly.duration': 'incidents.maintenance.form.durationRange',
      'weekly.until': 'incidents.maintenance.form.untilBeforeFrom',
    });
  });
});
