import type { Readable } from 'node:stream';
import { deviceLimits } from '../../../../shared/api/devices';
import { readCsvRows, RosterFileError } from '../../rostering/csv-reader';
import { headerMeaning, type ImportField } from './header-aliases';
import { parseCategory, parseDate, parseFunding, parseMac, parseMoney, parseStatus, parseText, type Parsed } from './parse-values';
import type { FileRow, ReportSink } from './import-types';

const parsers: Record<ImportField, (v: string) => Parsed<string>> = {
  assetTag: parseText(deviceLimits.tagMax),
  serial: parseText(deviceLimits.serialMax),
  model: parseText(deviceLimits.textMax),
  manufacturer: parseText(deviceLimits.textMax),
  category: parseCategory,
  status: parseStatus,
  school: parseText(deviceLimits.textMax),
  location: parseText(deviceLimits.textMax),
  purchaseDate: parseDate,
  cost: parseMoney,
  fundingSource: parseFunding,
  warrantyEnd: parseDate,
  aueDate: parseDate,
  notes: parseText(deviceLimits.notesMax),
  macAddress: parseMac,
};

/**
 * Reads the file's rows into `rows` and checks each cell on its own: types, lengths, a serial on
 * every row, no serial or tag twice. Stops reading once the error list is full.
 */
export async function readDeviceRows(input: Readable, s: ReportSink, rows: FileRow[]): Promise<'read' | 'empty' | 'stopped'> {
  const { file, errors, headerOf } = s;
  let columns: { header: string; field?: ImportField; custom?: string }[] | undefined;
  const firstRow = { serial: new Map<string, number>(), tag: new Map<string, number>() };
  try {
    reading: for await (const batch of readCsvRows(input, file)) {
      for (const { row, fields } of batch) {
        if (!columns) {
          columns = readHeader(fields, s);
          if (errors.any) break reading;
          continue;
        }
        const r: FileRow = { row, values: {}, raw: {}, custom: [] };
        columns.forEach((c, i) => {
          const raw = (fields[i] ?? '').trim();
          if (raw === '') return;
          if (c.custom) {
            r.custom.push({ name: c.custom, header: c.header, raw });
            return;
          }
          if (!c.field) return;
          r.raw[c.field] = raw;
          const parsed = parsers[c.field](raw);
          if (parsed.ok) r.values[c.field] = parsed.value;
          else errors.add({ file, row, column: c.header, value: raw, message: parsed.message });
        });
        const serial = r.values.serial;
        if (!serial) {
          if (!r.raw.serial)
            errors.add({ file, row, column: headerOf.serial!, value: '', message: 'is required: devices are matched by serial' });
        } else {
          for (const [key, value] of [
            ['serial', serial],
            ['tag', r.values.assetTag],
          ] as const) {
            if (!value) continue;
            const seen = firstRow[key].get(value.toUpperCase());
            const column = key === 'serial' ? headerOf.serial! : headerOf.assetTag!;
            if (seen) errors.add({ file, row, column, value, message: `is also on row ${seen}` });
            else firstRow[key].set(value.toUpperCase(), row);
          }
        }
        rows.push(r);
        if (errors.full) break reading;
      }
    }
  } catch (err) {
    if (!(err instanceof RosterFileError)) throw err;
    errors.add(err.issue);
    return 'stopped';
  }
  if (!columns) return 'empty';
  // A refused header leaves nothing to check against the district.
  return errors.full || (errors.any && rows.length === 0) ? 'stopped' : 'read';
}

function readHeader(fields: string[], s: ReportSink) {
  const columns = fields.map((raw) => {
    const header = raw.trim();
    const meaning = headerMeaning(header);
    if (meaning.kind === 'custom') return { header, custom: meaning.name };
    if (meaning.kind === 'unknown') {
      if (header) s.warnings.push(`Column "${header}" is not imported: it is not a device field (name it "custom:${header}" to keep it)`);
      return { header };
    }
    const earlier = s.headerOf[meaning.field];
    if (earlier !== undefined) {
      s.errors.add({ file: s.file, row: 1, column: header, value: header, message: `holds the same field as column "${earlier}"` });
    }
    s.headerOf[meaning.field] = header;
    return { header, field: meaning.field };
  });
  if (s.headerOf.serial === undefined) {
    s.errors.add({
      file: s.file,
      row: 1,
      column: null,
      value: null,
      message: 'has no serial number column (Serial, Serial Number, …): devices are matched by serial',
    });
  }
  if (s.headerOf.manufacturer !== undefined && s.headerOf.model === undefined) {
    s.warnings.push(`Column "${s.headerOf.manufacturer}" is not imported without a Model column`);
  }
  return columns;
}
