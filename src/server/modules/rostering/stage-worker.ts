import { parentPort, workerData } from 'node:worker_threads';
import type { FileSpec, OneRosterVersion } from './oneroster-spec';
import { readFileRows } from './read-file-rows';
import { openLocation, SourceError, type FileLocation } from './roster-source';

/** The worker's side of read-in-worker.ts: reads and checks one file, posting batches as they are ready. */
export interface StageWorkerData {
  location: FileLocation;
  spec: FileSpec;
  version: OneRosterVersion;
  fileName: string;
  maxErrors: number;
}

const port = parentPort!;
const data = workerData as StageWorkerData;
// At most two batches wait for the database: the worker must not run ahead and fill the memory.
const IN_FLIGHT = 2;
let unacknowledged = 0;
let acknowledged: (() => void) | undefined;
port.on('message', () => {
  unacknowledged--;
  acknowledged?.();
});

try {
  let lastBytes = 0;
  const result = await readFileRows(await openLocation(data.location), {
    spec: data.spec,
    version: data.version,
    fileName: data.fileName,
    maxErrors: data.maxErrors,
    onIssue: (issue) => port.postMessage({ type: 'issue', issue }),
    onWarning: (text) => port.postMessage({ type: 'warning', text }),
    onBytes: (bytes) => {
      if (bytes - lastBytes < 1 << 20) return;
      lastBytes = bytes;
      port.postMessage({ type: 'bytes', bytes });
    },
    onBatch: async (json, rows) => {
      unacknowledged++;
      port.postMessage({ type: 'batch', json, rows });
      while (unacknowledged >= IN_FLIGHT) await new Promise<void>((resolve) => (acknowledged = resolve));
    },
  });
  port.postMessage({ type: 'done', result });
} catch (err) {
  port.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err), sourceError: err instanceof SourceError });
}
