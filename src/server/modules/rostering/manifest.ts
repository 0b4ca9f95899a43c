import { rosterFileTypes, type ImportError, type ImportMode, type RosterFileType } from '../../../shared/api/rostering';
import { readCsvRows } from './csv-reader';
import type { OneRosterVersion } from './oneroster-spec';
import type { RosterSource } from './roster-source';

export interface Manifest {
  version: OneRosterVersion;
  /** bulk or delta for every file to import; files absent from this map are not imported. */
  modes: Map<RosterFileType, Exclude<ImportMode, 'absent'>>;
  rows: number;
}

const FILE = 'manifest.csv';
const fileTypeByLower = new Map<string, RosterFileType>(rosterFileTypes.map((t) => [t.toLowerCase(), t]));

const err = (row: number | null, column: string | null, value: string | null, message: string): ImportError => ({
  file: FILE,
  row,
  column,
  value,
  message,
});

/**
 * Reads manifest.csv: the OneRoster version and, for each file, bulk (replace the district's
 * records of that type), delta (apply changes) or absent. Gradebook files are reported as not
 * imported rather than refused, so a full SIS export can be used as it is.
 */
export async function readManifest(source: RosterSource, warnings: string[]): Promise<{ manifest?: Manifest; errors: ImportError[] }> {
  const file = source.files.get(FILE);
  if (!file) {
    return {
      errors: [
        err(null, null, null, 'is missing: a OneRoster export names its version and each file (bulk, delta or absent) in manifest.csv'),
      ],
    };
  }
  const errors: ImportError[] = [];
  const props = new Map<string, { value: string; row: number }>();
  let rows = 0;
  for await (const batch of readCsvRows(await file.open(), FILE)) {
    for (const { row, fields } of batch) {
      rows = row;
      if (row === 1) {
        const header = fields.map((f) => f.trim().toLowerCase());
        if (header[0] !== 'propertyname' || header[1] !== 'value')
          errors.push(err(1, null, fields.join(','), 'must have the header propertyName,value'));
        continue;
      }
      props.set((fields[0] ?? '').trim().toLowerCase(), { value: (fields[1] ?? '').trim(), row });
    }
  }
  if (errors.length) return { errors };

  const versionProp = props.get('oneroster.version');
  const version = versionProp?.value.startsWith('1.2') ? '1.2' : versionProp?.value.startsWith('1.1') ? '1.1' : undefined;
  if (!version) {
    return {
      errors: [
        err(
          versionProp?.row ?? null,
          'oneroster.version',
          versionProp?.value ?? null,
          'must be 1.1 or 1.2 (OneRoster 1.0 exports are not supported)',
        ),
      ],
    };
  }

  const modes = new Map<RosterFileType, Exclude<ImportMode, 'absent'>>();
  for (const [key, { value, row }] of props) {
    if (!key.startsWith('file.')) continue;
    const name = key.slice('file.'.length);
    const mode = value.toLowerCase();
    if (mode !== 'bulk' && mode !== 'delta' && mode !== 'absent') {
      errors.push(err(row, 'value', value, `file.${name} must be bulk, delta or absent`));
      continue;
    }
    const type = fileTypeByLower.get(name);
    const csvName = `${type ?? name}.csv`;
    const present = source.files.has(csvName.toLowerCase());
    if (mode === 'absent') {
      if (present) warnings.push(`${csvName} is in the export but manifest.csv marks it absent: it was not imported.`);
      continue;
    }
    if (!present) {
      errors.push(err(row, 'value', value, `names ${csvName} as ${mode}, but the export has no ${csvName}`));
      continue;
    }
    const supported = type && (version === '1.2' || (type !== 'roles' && type !== 'userProfiles'));
    if (!supported) {
      warnings.push(`${csvName} is not imported: DistrictOps reads the rostering files of OneRoster ${version}.`);
      continue;
    }
    modes.set(type, mode);
  }
  for (const name of source.files.keys()) {
    const type = fileTypeByLower.get(name.replace(/\.csv$/, ''));
    if (name !== FILE && !props.has(`file.${(type ?? name.replace(/\.csv$/, '')).toLowerCase()}`)) {
      warnings.push(`${name} is not named in manifest.csv: it was not imported.`);
    }
  }
  return errors.length ? { errors } : { manifest: { version, modes, rows }, errors };
}
