import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../../../shared/api/incidents';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';

// Maintenance windows through the API: weekly rules in the district's time zone, editing, and who may do it.
let t: TestApp;
let it_: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  it_ = await signIn(t.app, 'it@test.example.org');
  admin = await signIn(t.app, 'admin@test.example.org');
  const yaml = `systems:
  - { id: sso, name: Single sign-on, tier: 1 }
  - { id: lms, name: Learning management system, tier: 1, dependsOn: [sso] }
`;
  const res = await it_.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => t.close());

const chicago = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Chicago',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const title = { en: 'Sign-in upgrade', es: 'Actualización del inicio de sesión' };
const list = async () =>
  (await it_.inject({ method: 'GET', url: '/api/maintenance' })).json<{ items: MaintenanceWindow[]; timezone: string }>();
const statusOf = async (id: string) =>
  ((await it_.inject({ method: 'GET', url: '/api/status' })).json().systems as { id: string; status: string }[]).find((s) => s.id === id)!
    .status;

describe('maintenance windows', () => {
  let id: string;

  it('plans a weekly window in the district’s time zone and lists its next occurrences', async () => {
    const res = await it_.inject({
      method: 'POST',
      url: '/api/maintenance',
      payload: { title, systemIds: ['sso'], weekly: { weekdays: [6], start: '22:00', duration: '4h' } },
    });
    expect(res.statusCode).toBe(201);
    id = res.json<MaintenanceWindow>().id;
    const { items, timezone } = await list();
    expect(timezone).toBe('America/Chicago');
    const w = items.find((x) => x.id === id)!;
    expect(w).toMatchObject({ timezone: 'America/Chicago', weekly: { weekdays: [6], start: '22:00', durationMinutes: 240 } });
    // Two weeks ahead: two Saturdays (three if one is under way), each at 22:00 in Chicago, 4 hours long.
    expect(w.next.length).toBeGreaterThanOrEqual(2);
    for (const o of w.next) {
      expect(chicago.format(new Date(o.start))).toBe('Sat 22:00');
      expect(Date.parse(o.end) - Date.parse(o.start)).toBe(4 * 3_600_000);
    }
  });

  it('edits a window: a weekly rule becomes a one-off that puts the system in maintenance now', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const res = await it_.inject({
      method: 'PUT',
      url: `/api/maintenance/${id}`,
      payload: { title: { ...title, en: 'Sign-in certificate swap' }, systemIds: ['sso', 'lms'], startsAt, endsAt },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<MaintenanceWindow>()).toMatchObject({
      title: { en: 'Sign-in certificate swap' },
      systemIds: ['sso', 'lms'],
      weekly: null,
      activeNow: true,
      next: [{ start: startsAt, end: endsAt }],
    });
    expect(await statusOf('sso')).toBe('maintenance');
    expect(await statusOf('lms')).toBe('maintenance');

    const audit = await admin.inject({ method: 'GET', url: `/api/admin/audit?action=maintenance.updated&entityId=${id}` });
    expect(audit.json().items).toEqual([expect.objectContaining({ action: 'maintenance.updated', entityId: id })]);
  });

  it('refuses an end before the start, an unknown system, or an until before from, at the field', async () => {
    const put = (payload: Record<string, unknown>) => it_.inject({ method: 'PUT', url: `/api/maintenance/${id}`, payload });
    const backwards = await put({ title, systemIds: ['sso'], startsAt: '2030-01-02T10:00:00-06:00', endsAt: '2030-01-02T15:00:00Z' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('endsAt');
    const unknown = await put({ title, systemIds: ['nope'], startsAt: '2030-01-02T10:00:00Z', endsAt: '2030-01-02T11:00:00Z' });
    expect(unknown.json().error).toMatchObject({ field: 'systemIds', message: 'unknown system "nope"' });
    const until = await put({
      title,
      systemIds: ['sso'],
      weekly: { weekdays: [1], start: '06:00', duration: '1h', from: '2030-02-01', until: '2030-01-01' },
    });
    expect(until.json().error.field).toBe('weekly.until');
    // Nothing of that was saved.
    expect((await list()).items.find((w) => w.id === id)!.title.en).toBe('Sign-in certificate swap');
  });

  it('lets only systems.manage change windows, and only its own district’s', async () => {
    const board = await signIn(t.app, 'board@test.example.org');
    const body = { title, systemIds: ['sso'], startsAt: '2030-01-02T10:00:00Z', endsAt: '2030-01-02T11:00:00Z' };
    expect((await board.inject({ method: 'GET', url: '/api/maintenance' })).statusCode).toBe(200);
    expect((await board.inject({ method: 'PUT', url: `/api/maintenance/${id}`, payload: body })).statusCode).toBe(403);
    const other = await signIn(t.app, 'adminB@test.example.org');
    expect((await other.inject({ method: 'PUT', url: `/api/maintenance/${id}`, payload: body })).statusCode).toBe(404);
    expect((await other.inject({ method: 'DELETE', url: `/api/maintenance/${id}` })).statusCode).toBe(404);
    expect(
      (await it_.inject({ method: 'PUT', url: '/api/maintenance/00000000-0000-4000-8000-000000000000', payload: body })).statusCode,
    ).toBe(404);
  });

  it('ends maintenance when the window is deleted', async () => {
    expect((await it_.inject({ method: 'DELETE', url: `/api/maintenance/${id}` })).statusCode).toBe(200);
    expect(await statusOf('sso')).not.toBe('maintenance');
    expect((await list()).items).toEqual([]);
  });
});
