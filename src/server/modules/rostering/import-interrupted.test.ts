import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/db';
import { importRoster } from './import-roster';
import { createImportRecord, getImportById } from './imports.repository';
import { openFolderSource } from './roster-source';
import { exportFolder, importFolder, removeExports, rosterSnapshot } from './test-support';

afterAll(removeExports);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  expect((await importFolder(t.db, exportFolder('v1p1-base'))).status).toBe('ok');
});
afterAll(async () => {
  await t.close();
});

/** The export of the second bulk, except that enrollments.csv breaks off halfway, as a dropped upload or a failing disk would. */
async function brokenSource() {
  const source = await openFolderSource(exportFolder('v1p1-base', 'bulk-second'));
  const enrollments = source.files.get('enrollments.csv')!;
  source.files.set('enrollments.csv', {
    ...enrollments,
    open: async () =>
      Readable.from(
        (async function* () {
          yield Buffer.from(
            'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\ne-1,,,cls-alg-1,sch-oak,t-lee,teacher,true,,\n',
          );
          throw new Error('connection reset while reading enrollments.csv');
        })(),
      ),
  });
  return source;
}

describe('an import interrupted mid-stream', () => {
  it('leaves the previous roster exactly as it was and records the failure', async () => {
    const before = await rosterSnapshot(t.db);
    const importId = await createImportRecord(t.db, {
      districtId: null,
      source: 'cli',
      actorAccountId: null,
      actorLabel: 'test',
      fileName: 'broken',
    });
    await expect(
      importRoster({
        db: t.db,
        importId,
        openSource: brokenSource,
        sourceLabel: 'broken',
        district: { kind: 'auto' },
        actor: null,
        actorLabel: 'test',
      }),
    ).rejects.toThrow(/connection reset/);
    expect(await rosterSnapshot(t.db)).toEqual(before);
    const record = await getImportById(t.db, importId);
    expect(record).toMatchObject({
      status: 'failed',
      errors: [expect.objectContaining({ message: expect.stringMatching(/The import stopped: connection reset/) })],
    });
    // Nothing is left behind in the database either: the staging tables are gone.
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'rstg\\_%'`);
    expect(rows[0]!.n).toBe(0);
  });

  it('the next import of the same export works', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base', 'bulk-second'));
    expect(r.status).toBe('ok');
    expect(r.counts.users!.deactivated).toBe(1);
  });
});
