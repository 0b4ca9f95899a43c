import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Queryable } from '../../db/client';
import { AppError } from '../../platform/errors';

const CHUNK_BYTES = 1024 * 1024;

/** Local file header or end-of-directory record: every zip file starts with one of them. */
function looksLikeZip(head: Buffer): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 0x03 || head[2] === 0x05) &&
    (head[3] === 0x04 || head[3] === 0x06)
  );
}

/**
 * Stores an uploaded zip in the database in 1 MB chunks as it arrives, so the upload never sits
 * whole in memory and any server process can run the import job. Refuses what is not a zip and
 * anything over `maxBytes` as soon as it is seen.
 */
export async function storeUpload(
  db: Queryable,
  o: { importId: string; districtId: string; body: Readable; maxBytes: number },
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    if (seq === 0 && !looksLikeZip(data))
      throw new AppError('validation_failed', 'Upload a .zip file: the OneRoster export zipped as your SIS produces it', { field: 'body' });
    await db.query('INSERT INTO roster_import_uploads (import_id, district_id, seq, data) VALUES ($1, $2, $3, $4)', [
      o.importId,
      o.districtId,
      seq++,
      data,
    ]);
  };
  for await (const chunk of o.body) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    if (bytes > o.maxBytes) {
      o.body.destroy();
      throw new AppError('payload_too_large', `The file is larger than ${Math.round(o.maxBytes / 1024 / 1024)} MB`);
    }
    hash.update(buf);
    pending.push(buf);
    pendingBytes += buf.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  if (bytes === 0) throw new AppError('validation_failed', 'The upload is empty: send the zip file as the request body', { field: 'body' });
  return { bytes, sha256: hash.digest('hex') };
}

/** Writes a stored upload to a local file, chunk by chunk, for the zip reader (which needs random access). */
export async function writeUploadToFile(db: Queryable, importId: string, file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  try {
    for (let seq = 0; ; seq++) {
      const { rows } = await db.query<{ data: Uint8Array }>('SELECT data FROM roster_import_uploads WHERE import_id = $1 AND seq = $2', [
        importId,
        seq,
      ]);
      if (!rows[0]) break;
      if (!out.write(Buffer.from(rows[0].data))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

export async function deleteUpload(db: Queryable, importId: string): Promise<void> {
  await db.query('DELETE FROM roster_import_uploads WHERE import_id = $1', [importId]);
}
