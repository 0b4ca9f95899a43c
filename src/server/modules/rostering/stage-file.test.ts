import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportError } from '../../../shared/api/rostering';
import { fileSpec } from './oneroster-spec';
import { readFileRows } from './read-file-rows';
import { readInWorker } from './read-in-worker';
import { exportFolder, removeExports, zipFolder } from './test-support';

afterAll(removeExports);

const spec = fileSpec('1.1', 'users')!;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-zip-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What reading a file produces: the staged rows and the refusals. */
async function inThread(file: string) {
  const batches: unknown[] = [];
  const issues: ImportError[] = [];
  const result = await readFileRows(fs.createReadStream(file), {
    spec,
    version: '1.1',
    fileName: 'users.csv',
    maxErrors: 100,
    onIssue: (e) => issues.push(e),
    onWarning: () => undefined,
    onBatch: async (json) => void batches.push(...(JSON.parse(json) as unknown[])),
  });
  return { batches, issues, result };
}

async function inWorker(location: Parameters<typeof readInWorker>[0]['location']) {
  const batches: unknown[] = [];
  const issues: ImportError[] = [];
  const result = await readInWorker(
    { location, spec, version: '1.1', fileName: 'users.csv', maxErrors: 100 },
    {
      onIssue: (e) => issues.push(e),
      onWarning: () => undefined,
      insert: async (json) => void batches.push(...(JSON.parse(json) as unknown[])),
    },
  );
  return { batches, issues, result };
}

// Large files are read in a worker thread: it must see exactly what reading in this thread sees.
describe('reading a file in a worker thread', () => {
  it('gives the same rows, refusals and hash as reading in this thread', async () => {
    for (const dir of [
      exportFolder('v1p1-base'),
      exportFolder('v1p1-base', 'refuse-duplicate-sourcedid'),
      exportFolder('v1p1-base', 'tolerate-extensions'),
    ]) {
      const file = path.join(dir, 'users.csv');
      const here = await inThread(file);
      expect(await inWorker({ kind: 'file', path: file })).toEqual(here);
    }
    const broken = await inWorker({ kind: 'file', path: path.join(exportFolder('v1p1-base', 'refuse-not-utf8'), 'users.csv') });
    expect(broken.issues).toEqual([expect.objectContaining({ file: 'users.csv', row: 4, message: expect.stringMatching(/not UTF-8/) })]);
  });

  it('reads a file inside a zip', async () => {
    const zip = path.join(tmp, 'export.zip');
    fs.writeFileSync(zip, zipFolder(exportFolder('v1p1-base'), 'oneroster/'));
    const r = await inWorker({ kind: 'zip', zip, entry: 'oneroster/users.csv' });
    expect(r.result.rows).toBe(8);
  });

  it('fails, rather than hangs, when the file cannot be read', async () => {
    // A folder where a file should be: the read fails after the worker has started reading.
    await expect(inWorker({ kind: 'file', path: os.tmpdir() })).rejects.toThrow(/EISDIR/);
  });
});
