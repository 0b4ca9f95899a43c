import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../test/helpers/app';
import type { RosterImport } from '../../../shared/api/rostering';
import { exportFolder, removeExports, rosterSnapshot, withDistrictSourcedId, zipFolder } from './test-support';

afterAll(removeExports);

let t: TestApp;
let admin: Client;
// The test fixture's district is Riverside (sourcedId "riverside"): the export is made out for it.
const exportFor = (...overlays: Parameters<typeof exportFolder>[1][]) =>
  withDistrictSourcedId(exportFolder('v1p1-base', ...overlays), 'riverside');

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.fixture.accounts.admin!.email);
});
afterAll(async () => {
  await t.close();
});

const upload = (client: Client, body: Buffer, fileName = 'riverbend.zip') =>
  client.inject({
    method: 'POST',
    url: `/api/rostering/imports?fileName=${fileName}`,
    headers: { 'content-type': 'application/zip' },
    payload: body,
  });
const fetchImport = async (client: Client, id: string) =>
  (await client.inject({ method: 'GET', url: `/api/rostering/imports/${id}` })).json<RosterImport>();

describe('rostering API', () => {
  it('takes a zip from a district administrator, imports it in the background and reports progress and counts', async () => {
    const dir = exportFor();
    const res = await upload(admin, zipFolder(dir, 'export/'));
    expect(res.statusCode).toBe(202);
    const queued = res.json<{ import: RosterImport }>().import;
    expect(queued).toMatchObject({ status: 'queued', fileName: 'riverbend.zip', progress: { phase: 'queued', percent: 0 } });

    await t.app.jobs.drain();
    const done = await fetchImport(admin, queued.id);
    expect(done.errors).toEqual([]);
    expect(done).toMatchObject({
      status: 'succeeded',
      version: '1.1',
      progress: { phase: 'finished', percent: 100 },
      actorLabel: t.fixture.accounts.admin!.email,
    });
    // The fixture's eight people are not in this bulk export: they become inactive.
    expect(done.counts.users).toEqual({ created: 8, updated: 0, deactivated: 8, unchanged: 0 });
    const users = done.files.find((f) => f.name === 'users.csv')!;
    expect(users).toMatchObject({
      mode: 'bulk',
      rows: 8,
      sha256: createHash('sha256')
        .update(fs.readFileSync(path.join(dir, 'users.csv')))
        .digest('hex'),
    });
    // The upload itself is not kept once imported: it holds student data.
    const { rows } = await t.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM roster_import_uploads');
    expect(rows[0]!.n).toBe(0);
    const people = await admin.inject({ method: 'GET', url: '/api/people?role=student' });
    expect(people.json<{ items: { givenName: string }[] }>().items.map((p) => p.givenName)).toEqual(['Ava', 'Cam', 'Ben']);
  });

  it('refuses a broken export with file, row and column, and the roster stays as it was', async () => {
    const before = await rosterSnapshot(t.testDb.db);
    const res = await upload(admin, zipFolder(exportFor('refuse-bad-date')));
    await t.app.jobs.drain();
    const done = await fetchImport(admin, res.json<{ import: RosterImport }>().import.id);
    expect(done.status).toBe('failed');
    expect(done.errors).toEqual([
      { file: 'academicSessions.csv', row: 3, column: 'endDate', value: '2027-02-30', message: 'must be a date written YYYY-MM-DD' },
    ]);
    expect(await rosterSnapshot(t.testDb.db)).toEqual(before);
  });

  it('refuses what is not a zip file', async () => {
    const res = await upload(admin, Buffer.from('sourcedId,name\n'), 'orgs.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.stringMatching(/\.zip/) } });
  });

  it('lists the district’s imports, newest first, with their results', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/rostering/imports' });
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: RosterImport[]; total: number }>();
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.fileName, i.status])).toEqual([
      ['orgs.csv', 'failed'],
      ['riverbend.zip', 'failed'],
      ['riverbend.zip', 'succeeded'],
    ]);
  });

  it('is for district administrators of that district only', async () => {
    const teacher = await signIn(t.app, t.fixture.accounts.teacherTess!.email);
    expect((await upload(teacher, zipFolder(exportFor()))).statusCode).toBe(403);
    expect((await teacher.inject({ method: 'GET', url: '/api/rostering/imports' })).statusCode).toBe(403);
    const otherDistrict = await signIn(t.app, t.fixture.accounts.adminB!.email);
    const mine = (await admin.inject({ method: 'GET', url: '/api/rostering/imports' })).json<{ items: RosterImport[] }>().items[0]!;
    expect((await otherDistrict.inject({ method: 'GET', url: `/api/rostering/imports/${mine.id}` })).statusCode).toBe(404);
    expect((await otherDistrict.inject({ method: 'GET', url: '/api/rostering/imports' })).json<{ total: number }>().total).toBe(0);
  });

  it('audits who queued and who imported', async () => {
    const { rows } = await t.testDb.db.query<{ action: string; actor_label: string }>(
      `SELECT action, actor_label FROM audit_log WHERE action LIKE 'roster.%' ORDER BY id`,
    );
    const email = t.fixture.accounts.admin!.email;
    expect(rows).toEqual([
      { action: 'roster.import.queued', actor_label: email },
      { action: 'roster.imported', actor_label: email },
      { action: 'roster.import.queued', actor_label: email },
      { action: 'roster.import.refused', actor_label: email },
    ]);
  });
});
