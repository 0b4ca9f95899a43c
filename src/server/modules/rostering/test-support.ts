import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { importFromPath } from './import-from-path';
import type { ImportOutcome } from './import-roster';

/** Used by the rostering tests only: fixture folders, imports and tiny zips. */
const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures/oneroster');

let root: string | undefined;
function tempRoot(): string {
  root ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dops-roster-'));
  return root;
}

/** Removes the exports made so far: each test file calls it in afterAll (files of one worker run one after another). */
export function removeExports(): void {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
}

/**
 * A temporary export: the files of `base`, then those of each overlay folder, then inline
 * replacements (null removes a file). Each refusal or tolerance fixture holds only what differs.
 */
export function exportFolder(base: string, ...overlays: (string | Record<string, string | Buffer | null>)[]): string {
  const dir = fs.mkdtempSync(path.join(tempRoot(), 'export-'));
  const copy = (from: string) => {
    for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(dir, f));
  };
  copy(path.join(fixtures, base));
  for (const o of overlays) {
    if (typeof o === 'string') copy(path.join(fixtures, o));
    else
      for (const [name, content] of Object.entries(o)) {
        if (content === null) fs.rmSync(path.join(dir, name));
        else fs.writeFileSync(path.join(dir, name), content);
      }
  }
  return dir;
}

export function readFixture(folder: string, file: string): string {
  return fs.readFileSync(path.join(fixtures, folder, file), 'utf8');
}

export function importFolder(db: Db, dir: string, district?: string): Promise<ImportOutcome> {
  return importFromPath(db, { target: dir, district, source: 'cli', actorLabel: 'test' });
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip (stored, not compressed) of every file of a folder, as an SIS would upload it. */
export function zipFolder(dir: string, prefix = ''): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of fs.readdirSync(dir).sort()) {
    const data = fs.readFileSync(path.join(dir, f));
    const name = Buffer.from(prefix + f);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** Row counts of the roster tables of a district: equal before and after means the import changed nothing. */
export async function rosterSnapshot(db: Db): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of [
    'districts',
    'schools',
    'roster_orgs',
    'academic_sessions',
    'courses',
    'classes',
    'people',
    'person_roles',
    'guardian_links',
    'enrollments',
  ]) {
    const { rows } = await db.query<{ r: string }>(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS r FROM ${table} x`,
    );
    out[table] = rows[0]!.r;
  }
  return out;
}

/** A signed-in district administrator (or another role) as the directory sees them. */
export function actorFor(districtId: string, roles: Actor['roles'] = ['district_admin'], personId: string | null = null): Actor {
  return {
    kind: 'session',
    districtId,
    accountId: null,
    tokenId: null,
    sessionId: null,
    csrfToken: null,
    personId,
    label: 'test',
    displayName: 'test',
    language: 'en',
    roles,
    schoolIds: [],
  };
}

/** The export with its district org renamed, for importing into a district created another way. */
export function withDistrictSourcedId(dir: string, sourcedId: string): string {
  for (const f of fs.readdirSync(dir)) {
    const file = path.join(dir, f);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('dist-1', sourcedId));
  }
  return dir;
}
