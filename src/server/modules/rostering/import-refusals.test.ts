import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/db';
import { exportFolder, importFolder, readFixture, removeExports, rosterSnapshot } from './test-support';

afterAll(removeExports);

let t: TestDb;
let before: Record<string, unknown>;
beforeAll(async () => {
  t = await createTestDb();
  // A roster is in place: every refused import below must leave it exactly as it is.
  expect((await importFolder(t.db, exportFolder('v1p1-base'))).status).toBe('ok');
  before = await rosterSnapshot(t.db);
});
afterAll(async () => {
  await t.close();
});

async function refused(...overlays: Parameters<typeof exportFolder>[1][]) {
  const r = await importFolder(t.db, exportFolder('v1p1-base', ...overlays));
  expect(r.status).toBe('error');
  expect(await rosterSnapshot(t.db)).toEqual(before);
  return r;
}

describe('a refused import changes nothing and says where the problem is', () => {
  it('a missing required column', async () => {
    const r = await refused('refuse-missing-column');
    expect(r.errors).toContainEqual(
      expect.objectContaining({ file: 'users.csv', row: 1, column: 'givenName', message: expect.stringMatching(/required column/) }),
    );
  });

  it('a sourcedId used twice', async () => {
    const r = await refused('refuse-duplicate-sourcedid');
    expect(r.errors).toEqual([
      expect.objectContaining({ file: 'users.csv', row: 7, column: 'sourcedId', value: 't-lee', message: 'is used twice: also on row 2' }),
    ]);
  });

  it('a reference to something that does not exist: an enrollment in an unknown class', async () => {
    const r = await refused('refuse-unknown-reference');
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'enrollments.csv',
        row: 8,
        column: 'classSourcedId',
        value: 'cls-hr-3z',
        message: 'refers to class "cls-hr-3z", which is not in classes.csv',
      }),
    ]);
  });

  it('an invalid date', async () => {
    const r = await refused('refuse-bad-date');
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'academicSessions.csv',
        row: 3,
        column: 'endDate',
        value: '2027-02-30',
        message: 'must be a date written YYYY-MM-DD',
      }),
    ]);
  });

  it('an invalid enumeration value', async () => {
    const r = await refused('refuse-bad-enum');
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'classes.csv',
        row: 3,
        column: 'classType',
        value: 'lecture',
        message: 'must be one of: homeroom, scheduled',
      }),
    ]);
  });

  it('a file that is not UTF-8, naming the line', async () => {
    const r = await refused('refuse-not-utf8');
    expect(r.errors).toEqual([
      expect.objectContaining({ file: 'users.csv', row: 4, message: expect.stringMatching(/not UTF-8.*CSV UTF-8/) }),
    ]);
    expect(r.errors[0]!.value).toContain('José');
  });

  it('counts rows as a spreadsheet shows them when a quoted value spans lines', async () => {
    const r = await refused('refuse-row-after-multiline');
    // The Biology record starts on line 4 of the file but is the third row a spreadsheet shows.
    expect(r.errors).toEqual([expect.objectContaining({ file: 'classes.csv', row: 3, column: 'classType', value: 'seminar' })]);
  });

  it('a row with a value too many (an unquoted comma)', async () => {
    const users = readFixture('v1p1-base', 'users.csv').replace('Okafor,,S2002', 'Okafor, Jr.,,S2002');
    const r = await refused({ 'users.csv': users });
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'users.csv',
        row: 6,
        message: expect.stringMatching(/has 19 values where the header has 18 columns/),
      }),
    ]);
  });

  it('a missing manifest, or a manifest naming a file the export lacks', async () => {
    expect((await refused({ 'manifest.csv': null })).errors).toEqual([
      expect.objectContaining({ file: 'manifest.csv', row: null, message: expect.stringMatching(/is missing/) }),
    ]);
    const r = await refused({ 'courses.csv': null });
    expect(r.errors).toEqual([
      expect.objectContaining({ file: 'manifest.csv', row: 8, message: 'names courses.csv as bulk, but the export has no courses.csv' }),
    ]);
  });

  it('an export of another district', async () => {
    const orgs = readFixture('v1p1-base', 'orgs.csv');
    const r = await refused(
      { 'orgs.csv': orgs.replace('dist-1,,,Riverbend School District', 'dist-2,,,Hillside Schools') },
      { 'manifest.csv': readFixture('v1p1-base', 'manifest.csv') },
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({
        file: 'orgs.csv',
        row: 2,
        column: 'sourcedId',
        value: 'dist-2',
        message: expect.stringMatching(/not in this database/),
      }),
    );
  });

  it('lists every error, not just the first', async () => {
    const users = readFixture('v1p1-base', 'users.csv')
      .replace('09,secret1', '13th,')
      .replace('t-kim,,,true', 't-kim,,,maybe')
      .replace(',parent,', ',mother,');
    const r = await refused({ 'users.csv': users });
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'enabledUser'],
      [5, 'grades'],
      [8, 'role'],
    ]);
  });

  it('records the refusal in the import history', async () => {
    const { rows } = await t.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM roster_imports GROUP BY status ORDER BY status`,
    );
    expect(rows).toEqual([
      { status: 'failed', n: 12 },
      { status: 'succeeded', n: 1 },
    ]);
  });
});
