import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportError } from '../../../shared/api/rostering';
import type { FileRowsResult } from './read-file-rows';
import { fromRoot, isCompiled } from '../../paths';
import { SourceError } from './roster-source';
import type { StageWorkerData } from './stage-worker';

type WorkerMessage =
  | { type: 'batch'; json: string; rows: number }
  | { type: 'issue'; issue: ImportError }
  | { type: 'warning'; text: string }
  | { type: 'bytes'; bytes: number }
  | { type: 'done'; result: FileRowsResult }
  | { type: 'failed'; message: string; sourceError: boolean };

export interface WorkerCallbacks {
  onIssue(e: ImportError): void;
  onWarning(w: string): void;
  onBytes?(bytes: number): void;
  insert(json: string): Promise<void>;
}

/**
 * The worker runs the same code as the rest of the server: compiled, the bundle's own entry beside
 * main.js (scripts/build-server.js builds both); from the sources, it registers tsx first.
 */
function workerBootstrap(): string {
  if (isCompiled) return `import(${JSON.stringify(pathToFileURL(fromRoot('dist/server/stage-worker.js')).href)});`;
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./stage-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}
const bootstrap = workerBootstrap();

/**
 * Reads and checks a file in a worker thread while this thread writes the batches it sends to the
 * database. On PGlite the database runs in this thread, so parsing elsewhere is what lets a large
 * import use a second core; on PostgreSQL it keeps the server's event loop free.
 */
export function readInWorker(data: StageWorkerData, cb: WorkerCallbacks): Promise<FileRowsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    let writes = Promise.resolve();
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'batch':
          writes = writes.then(() => (settled ? undefined : cb.insert(m.json))).then(() => worker.postMessage('ack'), fail);
          break;
        case 'issue':
          cb.onIssue(m.issue);
          break;
        case 'warning':
          cb.onWarning(m.text);
          break;
        case 'bytes':
          cb.onBytes?.(m.bytes);
          break;
        case 'done':
          void writes.then(() => {
            if (settled) return;
            settled = true;
            void worker.terminate();
            resolve(m.result);
          });
          break;
        case 'failed':
          fail(m.sourceError ? new SourceError(m.message) : new Error(m.message));
          break;
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the file reader stopped (exit code ${code})`)));
  });
}
