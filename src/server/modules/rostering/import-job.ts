import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../platform/actor';
import type { ImportProgress } from '../../../shared/api/rostering';
import { importRoster } from './import-roster';
import { getImportById, saveImportProgress } from './imports.repository';
import { openZipSource } from './roster-source';
import { deleteUpload, writeUploadToFile } from './upload-store';

export const ROSTER_IMPORT_QUEUE = 'roster.import';

/** Who asked for the import, as the audit log records them; the job runs long after the request. */
export interface ImportJobPayload {
  importId: string;
  districtId: string;
  actor: { accountId: string | null; tokenId: string | null; label: string };
  request: { ip: string; userAgent?: string; requestId: string };
}

function auditActor(p: ImportJobPayload): Actor {
  return {
    kind: p.actor.tokenId ? 'token' : 'session',
    districtId: p.districtId,
    accountId: p.actor.accountId,
    tokenId: p.actor.tokenId,
    sessionId: null,
    csrfToken: null,
    personId: null,
    label: p.actor.label,
    displayName: p.actor.label,
    language: 'en',
    roles: ['district_admin'],
    schoolIds: [],
  };
}

/** Runs uploaded imports one at a time; the upload is deleted once its import has ended, whatever the result. */
export function registerImportWorker(app: FastifyInstance): void {
  const { db } = app;
  app.jobs.work<ImportJobPayload>(
    ROSTER_IMPORT_QUEUE,
    async (job) => {
      const p = job.payload;
      const record = await getImportById(db, p.importId);
      if (!record || record.status === 'succeeded' || record.status === 'failed') return { skipped: true };
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'districtops-import-'));
      try {
        const file = path.join(dir, 'upload.zip');
        await writeUploadToFile(db, p.importId, file);
        let lastSaved = 0;
        const onProgress = async (progress: ImportProgress) => {
          // The UI polls every second or so: more frequent writes would only slow the import.
          if (progress.phase === 'reading' && Date.now() - lastSaved < 1000) return;
          lastSaved = Date.now();
          await saveImportProgress(db, p.importId, progress);
        };
        const result = await importRoster({
          db,
          importId: p.importId,
          openSource: () => openZipSource(file),
          sourceLabel: record.fileName ?? 'upload.zip',
          district: { kind: 'existing', id: p.districtId },
          actor: auditActor(p),
          actorLabel: p.actor.label,
          request: p.request,
          onProgress,
        });
        return { status: result.status, errors: result.errors.length };
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
        await deleteUpload(db, p.importId);
      }
    },
    { concurrency: 1 },
  );
}
