import path from 'node:path';
import type { Db } from '../../db/client';
import type { ImportProgress, RosterImport } from '../../../shared/api/rostering';
import { importRoster, type ImportOutcome } from './import-roster';
import { createImportRecord } from './imports.repository';
import type { DistrictChoice } from './resolve-district';
import { openRosterSource } from './roster-source';

export interface ImportFromPathOptions {
  /** A folder of OneRoster CSV files or a .zip of them. */
  target: string;
  /** A district id, sourcedId or name: an existing one is used, a new one is created. Default: the export's district org. */
  district?: string;
  source: Exclude<RosterImport['source'], 'upload'>;
  actorLabel: string;
  onProgress?: (p: ImportProgress) => void;
  log?: (line: string) => void;
}

/** The command line's and the demo's way in: the same import as an upload, recorded the same way. */
export async function importFromPath(db: Db, o: ImportFromPathOptions): Promise<ImportOutcome> {
  let district: DistrictChoice = { kind: 'auto' };
  if (o.district) {
    const ref = o.district;
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM districts WHERE id::text = $1 OR sourced_id = $1 OR lower(name) = lower($1) ORDER BY created_at LIMIT 1`,
      [ref],
    );
    district = rows[0] ? { kind: 'existing', id: rows[0].id } : { kind: 'named', ref };
  }
  const importId = await createImportRecord(db, {
    districtId: district.kind === 'existing' ? district.id : null,
    source: o.source,
    actorAccountId: null,
    actorLabel: o.actorLabel,
    fileName: path.basename(o.target),
  });
  return importRoster({
    db,
    importId,
    openSource: () => openRosterSource(o.target),
    sourceLabel: path.basename(o.target),
    district,
    actor: null,
    actorLabel: o.actorLabel,
    onProgress: o.onProgress,
    log: o.log,
  });
}
