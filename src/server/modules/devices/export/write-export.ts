import { once } from 'node:events';
import { PassThrough, pipeline, Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { customCell, customHeader, exportColumns, holderCell, holderHeader, type ExportRow } from './export-columns';

/** The header row: the import's fields, the custom fields, then who holds the device. */
export function exportHeaders(customFields: readonly string[]): string[] {
  return [...exportColumns.map((c) => c.header), ...customFields.map(customHeader), holderHeader];
}

function textCells(r: ExportRow, customFields: readonly string[]): (string | null)[] {
  return [...exportColumns.map((c) => c.value(r)), ...customFields.map((k) => customCell(r.custom_fields[k])), holderCell(r)];
}

/**
 * A CSV file as a stream: UTF-8 with a byte-order mark (so Excel reads accents right; the import
 * skips it), every value quoted when it needs to be. Rows are written as the batches arrive.
 */
export async function csvStream(customFields: readonly string[], batches: AsyncIterable<ExportRow[]>): Promise<Readable> {
  const { stringify } = await import('csv-stringify'); // loaded with the first export
  async function* records() {
    yield exportHeaders(customFields);
    for await (const batch of batches) for (const r of batch) yield textCells(r, customFields).map((v) => v ?? '');
  }
  return pipeline(Readable.from(records()), stringify({ bom: true }), () => {
    // A failed read destroys the response stream, which closes the connection: the client sees a cut file, never a complete-looking one.
  });
}

/**
 * An XLSX workbook as a stream, through exceljs's streaming writer: each row is committed (written
 * to the zip) as it is added, and a batch waits while the client is slower than the database.
 * Dates are date cells and costs numbers, so the sheet sorts and sums as people expect. exceljs
 * is loaded on the first call.
 */
export async function xlsxStream(customFields: readonly string[], batches: AsyncIterable<ExportRow[]>): Promise<Readable> {
  // exceljs (with its zip libraries, ~6 MB of heap) loads on the first spreadsheet export, not in every server.
  const ExcelJS: typeof ExcelJSModule = (await import('exceljs')).default;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Devices', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = exportHeaders(customFields);
  sheet.columns = headers.map((h) => ({ width: Math.max(12, Math.min(40, h.length + 4)) }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  const kinds = exportColumns.map((c) => c.kind);

  const write = async () => {
    for await (const batch of batches) {
      for (const r of batch) {
        const cells = textCells(r, customFields).map((v, i): string | number | Date | null => {
          if (v === null) return null;
          // Custom fields and the holder, after the import's columns, are text.
          const kind = kinds[i] ?? 'text';
          switch (kind) {
            case 'date':
              return new Date(`${v}T00:00:00Z`);
            case 'money':
              return Number(v);
            case 'text':
              return v;
          }
        });
        const row = sheet.addRow(cells);
        kinds.forEach((kind, i) => {
          if (kind === 'date') row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
          else if (kind === 'money') row.getCell(i + 1).numFmt = '#,##0.00';
        });
        row.commit();
      }
      // Wait for a slow client; stop if it went away.
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
