import type { Readable } from 'node:stream';
import { readCsvRows, RosterFileError } from '../../rostering/csv-reader';
import type { ErrorList } from '../../rostering/error-list';
import { assignFieldOf, cellParsers, type AssignField, type AssignRow } from './assign-fields';

/** Where reading reports: the file's name, its errors and warnings, the header naming each field. */
export interface AssignSink {
  file: string;
  errors: ErrorList;
  warnings: string[];
  headerOf: Partial<Record<AssignField, string>>;
}

/**
 * Reads the file's rows and checks each cell on its own (types, lengths, a device and an assignee
 * on every row, no device twice). Stops once the error list is full.
 */
export async function readAssignRows(input: Readable, s: AssignSink, rows: AssignRow[]): Promise<'read' | 'empty' | 'stopped'> {
  const { file, errors, headerOf } = s;
  let columns: { header: string; field?: AssignField }[] | undefined;
  const firstRow = new Map<string, number>();
  try {
    reading: for await (const batch of readCsvRows(input, file)) {
      for (const { row, fields } of batch) {
        if (!columns) {
          columns = readHeader(fields, s);
          if (errors.any) break reading;
          continue;
        }
        const r: AssignRow = { row, raw: {}, accessories: [] };
        columns.forEach((c, i) => {
          const raw = (fields[i] ?? '').trim();
          if (raw === '' || !c.field) return;
          r.raw[c.field] = raw;
          const parsed = cellParsers[c.field](raw);
          if (!parsed.ok) errors.add({ file, row, column: c.header, value: raw, message: parsed.message });
          else (r as unknown as Record<string, unknown>)[c.field] = parsed.value;
        });
        const device = r.assetTag ?? r.serial;
        if (!r.raw.assetTag && !r.raw.serial) {
          errors.add({
            file,
            row,
            column: headerOf.assetTag ?? headerOf.serial!,
            value: '',
            message: 'is required: which device (asset tag or serial)',
          });
        } else if (device) {
          const key = `${r.assetTag ? 'tag' : 'serial'}:${device.toUpperCase()}`;
          const seen = firstRow.get(key);
          const column = r.assetTag ? headerOf.assetTag! : headerOf.serial!;
          if (seen) errors.add({ file, row, column, value: device, message: `is also on row ${seen}` });
          else firstRow.set(key, row);
        }
        if (!r.raw.assignee)
          errors.add({ file, row, column: headerOf.assignee!, value: '', message: 'is required: who or where gets the device' });
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
  return errors.full || (errors.any && rows.length === 0) ? 'stopped' : 'read';
}

function readHeader(fields: string[], s: AssignSink) {
  const columns = fields.map((raw) => {
    const header = raw.trim();
    const field = assignFieldOf(header);
    if (!field) {
      if (header) s.warnings.push(`Column "${header}" is not read: it is not an assignment field`);
      return { header };
    }
    const earlier = s.headerOf[field];
    if (earlier !== undefined) {
      s.errors.add({ file: s.file, row: 1, column: header, value: header, message: `holds the same field as column "${earlier}"` });
    }
    s.headerOf[field] = header;
    return { header, field };
  });
  const missing = (message: string) => s.errors.add({ file: s.file, row: 1, column: null, value: null, message });
  if (s.headerOf.assetTag === undefined && s.headerOf.serial === undefined) {
    missing('has no Asset Tag or Serial column: each row names the device to hand out');
  }
  if (s.headerOf.assignee === undefined) {
    missing('has no Assignee column (a student number, email or username, or a cart or room name)');
  }
  return columns;
}
