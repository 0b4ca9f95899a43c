import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';

/** Where a file's bytes are, for a worker thread that opens the file on its own. */
export type FileLocation = { kind: 'file'; path: string } | { kind: 'zip'; zip: string; entry: string };

/** One CSV file of an export, opened as a stream as many times as needed. */
export interface SourceFile {
  /** The name inside the export, for the report: `users.csv`. */
  name: string;
  bytes: number;
  open(): Promise<Readable>;
  location?: FileLocation;
}

/** A OneRoster export: a folder of CSV files or a zip of them. */
export interface RosterSource {
  label: string;
  /** Keyed by the lower-cased file name, so `Users.CSV` is found as users.csv. */
  files: Map<string, SourceFile>;
  close(): Promise<void>;
}

export class SourceError extends Error {}

function addFile(files: Map<string, SourceFile>, file: SourceFile) {
  const key = path.basename(file.name).toLowerCase();
  if (files.has(key)) throw new SourceError(`The export holds two files named ${path.basename(file.name)}`);
  files.set(key, file);
}

export async function openFolderSource(dir: string): Promise<RosterSource> {
  const files = new Map<string, SourceFile>();
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.csv')) continue;
    const full = path.join(dir, entry.name);
    const { size } = await fs.promises.stat(full);
    addFile(files, {
      name: entry.name,
      bytes: size,
      open: async () => fs.createReadStream(full, { highWaterMark: 256 * 1024 }),
      location: { kind: 'file', path: full },
    });
  }
  return { label: dir, files, close: async () => undefined };
}

/** yauzl loads with the first zip: a server that never imports a roster never holds it. */
async function openZip(file: string): Promise<yauzl.ZipFile> {
  const { default: unzip } = await import('yauzl');
  return new Promise((resolve, reject) =>
    unzip.open(file, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err ? reject(new SourceError(`Not a readable zip file: ${err.message}`)) : resolve(zip),
    ),
  );
}

/** Reads the zip's directory; files may sit at the top or in one folder, as exports do. */
export async function openZipSource(file: string): Promise<RosterSource> {
  const zip = await openZip(file);
  const files = new Map<string, SourceFile>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) => reject(new SourceError(`The zip file is damaged: ${err.message}`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        const skip = name.endsWith('/') || name.startsWith('__MACOSX/') || path.basename(name).startsWith('._');
        if (!skip && name.toLowerCase().endsWith('.csv')) {
          try {
            addFile(files, {
              name: path.basename(name),
              bytes: entry.uncompressedSize,
              location: { kind: 'zip', zip: file, entry: name },
              open: () =>
                new Promise<Readable>((res, rej) =>
                  zip.openReadStream(entry, (err, stream) =>
                    err ? rej(new SourceError(`Cannot read ${name}: ${err.message}`)) : res(stream),
                  ),
                ),
            });
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
            return;
          }
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  return { label: path.basename(file), files, close: async () => zip.close() };
}

/** A folder or a .zip file, whichever the path names. */
export async function openRosterSource(target: string): Promise<RosterSource> {
  const stat = await fs.promises.stat(target).catch(() => undefined);
  if (!stat) throw new SourceError(`${target} does not exist`);
  if (stat.isDirectory()) return openFolderSource(target);
  return openZipSource(target);
}

/** Opens a file by its location: what a worker thread does with the file it was given. */
export async function openLocation(location: FileLocation): Promise<Readable> {
  if (location.kind === 'file') return fs.createReadStream(location.path, { highWaterMark: 256 * 1024 });
  const source = await openZipSource(location.zip);
  const file = [...source.files.values()].find((f) => f.location?.kind === 'zip' && f.location.entry === location.entry);
  if (!file) throw new SourceError(`${location.entry} is no longer in ${location.zip}`);
  const stream = await file.open();
  stream.once('close', () => void source.close());
  return stream;
}
