import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli';
import { createTestDb, testEngine, type TestDb } from '../../../test/helpers/db';
import { openDb } from '../db/client';
import type { ImportOutcome } from '../modules/rostering/import-roster';
import { exportFolder, removeExports, zipFolder } from '../modules/rostering/test-support';

afterAll(removeExports);

// The CLI opens the database itself: an embedded data directory, or a fresh PostgreSQL database.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-import-cli-'));
let pgDb: TestDb | undefined;
let env: Record<string, string>;
beforeAll(async () => {
  if (testEngine === 'postgres') {
    pgDb = await createTestDb();
    env = { DATABASE_URL: pgDb.url! };
  } else {
    env = { DATA_DIR: path.join(tmp, 'data') };
  }
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function count(sql: string): Promise<number> {
  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return (await db.query<{ n: number }>(sql)).rows[0]!.n;
  } finally {
    await db.close();
  }
}

describe('districtops import oneroster', () => {
  it('imports a zip and prints one JSON object whose counts match the database', async () => {
    const zip = path.join(tmp, 'riverbend.zip');
    fs.writeFileSync(zip, zipFolder(exportFolder('v1p1-base')));
    const res = await runCli(['import', 'oneroster', zip, '--json'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as ImportOutcome;
    expect(out.status).toBe('ok');
    expect(out.errors).toEqual([]);
    expect(out.counts.users!.created).toBe(await count(`SELECT count(*)::int AS n FROM people`));
    expect(out.counts.enrollments!.created).toBe(await count(`SELECT count(*)::int AS n FROM enrollments WHERE status = 'active'`));
    expect(out.counts.guardianLinks!.created).toBe(await count(`SELECT count(*)::int AS n FROM guardian_links`));
  });

  it('exits 1 with the errors when a file is refused, and changes nothing', async () => {
    const people = await count(`SELECT count(*)::int AS n FROM people WHERE status = 'active'`);
    const res = await runCli(['import', 'oneroster', exportFolder('v1p1-base', 'refuse-unknown-reference'), '--json'], env);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout) as ImportOutcome;
    expect(out.status).toBe('error');
    expect(out.errors).toEqual([
      {
        file: 'enrollments.csv',
        row: 8,
        column: 'classSourcedId',
        value: 'cls-hr-3z',
        message: 'refers to class "cls-hr-3z", which is not in classes.csv',
      },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM people WHERE status = 'active'`)).toBe(people);
  });

  it('without --json, says what is wrong on standard error, one line per error', async () => {
    const bad = await runCli(['import', 'oneroster', exportFolder('v1p1-base', 'refuse-bad-date')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Refused: nothing was changed. 1 error:');
    expect(bad.stderr).toContain('academicSessions.csv, row 3, column endDate: "2027-02-30" must be a date written YYYY-MM-DD');
  });
});
