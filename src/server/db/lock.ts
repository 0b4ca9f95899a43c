import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite lets one process open a data directory at a time; a second opener would corrupt it.
 * Whoever opens the embedded database first writes this lock file, and every other process
 * (the CLI while the server runs, a second server) refuses with a message naming the holder.
 */
export interface LockHolder {
  pid: number;
  command: string;
  url?: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly holder: LockHolder,
  ) {
    const where = holder.url ? ` at ${holder.url}` : '';
    super(
      `The embedded database in ${dataDir} is in use by "districtops ${holder.command}" (pid ${holder.pid}${where}).\n` +
        `PGlite allows one process at a time. Stop that process first, or run DistrictOps on PostgreSQL (DATABASE_URL) ` +
        `to use the CLI alongside a running server.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockFilePath(dataDir: string) {
  return path.join(dataDir, 'districtops.lock');
}

/** Takes the data-directory lock or throws DataDirLockedError; returns a release function. */
export function acquireDataDirLock(dataDir: string, command: string): { release: () => void; setUrl: (url: string) => void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const existing = readHolder(file);
      if (existing && existing.pid !== process.pid && isAlive(existing.pid)) {
        throw new DataDirLockedError(dataDir, existing);
      }
      // A stale lock from a process that died: take it over.
      fs.rmSync(file, { force: true });
      if (attempt === 1) throw err;
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const current = readHolder(file);
    if (current?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.once('exit', release);
  return {
    release,
    setUrl(url) {
      holder.url = url;
      fs.writeFileSync(file, JSON.stringify(holder));
    },
  };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}
