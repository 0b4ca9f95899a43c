import { Readable } from 'node:stream';
import { readCsvRows, RosterFileError } from '../../rostering/csv-reader';
import type { ErrorList } from '../../rostering/error-list';
import { csvHeaderField, googleFields, googleParsers, isUnknown, jsonKeys, type GoogleField } from './google-fields';

/** One Chrome device from the file: its row (CSV line, or position in the JSON), values and where each came from. */
export interface GoogleRow {
  row: number;
  values: Partial<Record<GoogleField, string>>;
  /** The column or property each value was read from, and the value as written, for the report. */
  source: Partial<Record<GoogleField, { column: string; raw: string }>>;
}

export type GoogleFormat = 'json' | 'csv';

export interface ReadSink {
  file: string;
  errors: ErrorList;
  warnings: string[];
}

const dateFields = new Set<GoogleField>(['lastSync', 'aueDate']);

/** JSON when the file says so by name, else when its first character opens an object or array. */
export function detectFormat(fileName: string, content: Buffer): GoogleFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  const first = content
    .toString('utf8', 0, 64)
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/** Checks one cell or property and records its value; an unknown date leaves the field out. */
function readValue(r: GoogleRow, field: GoogleField, column: string, raw: string, s: ReadSink) {
  const value = raw.trim();
  if (value === '' || (dateFields.has(field) && isUnknown(value))) return;
  r.source[field] = { column, raw: value };
  const parsed = googleParsers[field](value);
  if (parsed.ok) r.values[field] = parsed.value;
  else s.errors.add({ file: s.file, row: r.row, column, value, message: parsed.message });
}

/** Every device needs a serial, and a serial only once. */
function checkSerial(r: GoogleRow, column: string, seen: Map<string, number>, s: ReadSink) {
  const serial = r.values.serial;
  if (!serial) {
    if (!r.source.serial)
      s.errors.add({ file: s.file, row: r.row, column, value: '', message: 'is required: devices are matched by serial' });
    return;
  }
  const first = seen.get(serial.toUpperCase());
  if (first) s.errors.add({ file: s.file, row: r.row, column, value: serial, message: `is also on row ${first}` });
  else seen.set(serial.toUpperCase(), r.row);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isListPage = (v: unknown) => isObject(v) && ('chromeosdevices' in v || v.kind === 'admin#directory#chromeosdevices');

/** The devices of a list response, of several pages in an array, or of a bare array; undefined if it is none of these. */
function devicesOf(doc: unknown): unknown[] | undefined {
  const pages = Array.isArray(doc) && doc.length > 0 && doc.every(isListPage) ? doc : isListPage(doc) ? [doc] : undefined;
  if (!pages) return Array.isArray(doc) ? doc : undefined;
  const devices: unknown[] = [];
  for (const page of pages as Record<string, unknown>[]) {
    const list = page.chromeosdevices ?? [];
    if (!Array.isArray(list)) return undefined;
    devices.push(...(list as unknown[]));
  }
  return devices;
}

/** Whether a JSON property holds a value: "0" or "" is an unknown date, so the other AUE property may still have one. */
function isKnown(field: GoogleField, v: unknown): boolean {
  if (v === undefined || v === null) return false;
  return !(dateFields.has(field) && (typeof v === 'string' || typeof v === 'number') && isUnknown(String(v).trim()));
}

/** Reads the Directory API's JSON. A device's row is its position among the file's devices, from 1, across pages. */
export function readGoogleJson(content: Buffer, s: ReadSink): GoogleRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    s.errors.add({ file: s.file, row: null, column: null, value: null, message: `is not valid JSON: ${(err as Error).message}` });
    return [];
  }
  const devices = devicesOf(doc);
  if (!devices) {
    s.errors.add({
      file: s.file,
      row: null,
      column: null,
      value: null,
      message: 'is not a Directory API list of Chrome devices ({"chromeosdevices": [...]}) or an array of devices',
    });
    return [];
  }
  const rows: GoogleRow[] = [];
  const seen = new Map<string, number>();
  devices.forEach((d, i) => {
    if (s.errors.full) return;
    const r: GoogleRow = { row: i + 1, values: {}, source: {} };
    if (!isObject(d)) {
      s.errors.add({ file: s.file, row: r.row, column: null, value: null, message: 'is not a device object' });
      return;
    }
    for (const field of googleFields) {
      const key = jsonKeys[field].find((k) => isKnown(field, d[k]));
      if (!key) continue;
      const v = d[key];
      if (typeof v !== 'string' && typeof v !== 'number') {
        s.errors.add({ file: s.file, row: r.row, column: key, value: JSON.stringify(v), message: 'is not a text or a number' });
        continue;
      }
      readValue(r, field, key, String(v), s);
    }
    checkSerial(r, 'serialNumber', seen, s);
    rows.push(r);
  });
  return rows;
}

/** Reads the Admin console's CSV export, its headers through the alias map. */
export async function readGoogleCsv(content: Buffer, s: ReadSink): Promise<GoogleRow[] | 'empty'> {
  const rows: GoogleRow[] = [];
  const seen = new Map<string, number>();
  let columns: { header: string; field?: GoogleField }[] | undefined;
  const headerOf: Partial<Record<GoogleField, string>> = {};
  try {
    reading: for await (const batch of readCsvRows(Readable.from([content]), s.file)) {
      for (const { row, fields } of batch) {
        if (!columns) {
          columns = fields.map((raw) => ({ header: raw.trim(), field: csvHeaderField(raw) }));
          for (const c of columns) {
            if (!c.field) continue;
            const earlier = headerOf[c.field];
            if (earlier !== undefined) {
              s.errors.add({
                file: s.file,
                row: 1,
                column: c.header,
                value: c.header,
                message: `holds the same field as column "${earlier}"`,
              });
            }
            headerOf[c.field] = c.header;
          }
          if (!headerOf.serial) {
            s.errors.add({
              file: s.file,
              row: 1,
              column: null,
              value: null,
              message: 'has no Serial Number column: devices are matched by serial',
            });
          }
          if (s.errors.any) break reading;
          continue;
        }
        const r: GoogleRow = { row, values: {}, source: {} };
        columns.forEach((c, i) => {
          if (c.field) readValue(r, c.field, c.header, fields[i] ?? '', s);
        });
        checkSerial(r, headerOf.serial!, seen, s);
        rows.push(r);
        if (s.errors.full) break reading;
      }
    }
  } catch (err) {
    if (!(err instanceof RosterFileError)) throw err;
    s.errors.add(err.issue);
  }
  return columns ? rows : 'empty';
}
