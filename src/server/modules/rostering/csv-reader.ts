import { isUtf8 } from 'node:buffer';
import { pipeline, Transform, type Readable } from 'node:stream';
import type { CsvError } from 'csv-parse';
import type { ImportError } from '../../../shared/api/rostering';

/** A problem that stops reading a file: it carries the report entry to show. */
export class RosterFileError extends Error {
  constructor(readonly issue: ImportError) {
    super(`${issue.file}${issue.row ? ` row ${issue.row}` : ''}: ${issue.message}`);
  }
}

export interface CsvRow {
  /** The row a spreadsheet shows: the header is row 1, a record spanning lines is one row. */
  row: number;
  fields: string[];
}

/** Offset of the first byte that breaks UTF-8, or -1. Only run on a chunk already known to be bad. */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0x6 ? 2 : b >> 4 === 0xe ? 3 : b >> 3 === 0x1e ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      // A character cut by the chunk's end is completed by the next chunk: not an error here.
      if (i + k >= buf.length) return -1;
      if (buf[i + k]! >> 6 !== 0x2) return i;
    }
    i += len;
  }
  return -1;
}

/** How many bytes at the end of a chunk start a character that the next chunk completes. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if (b >> 6 === 0x2) continue; // a continuation byte: keep looking for the lead byte
    const len = b >> 5 === 0x6 ? 2 : b >> 4 === 0xe ? 3 : b >> 3 === 0x1e ? 4 : 1;
    return len > back ? back : 0;
  }
  return 0;
}

/**
 * Passes the bytes through unchanged (csv-parse decodes each field itself) after checking that
 * they are UTF-8, and refuses, with the line, anything that is not: Buffer's native check is
 * far cheaper than decoding the file twice.
 */
function utf8Check(file: string): Transform {
  let line = 1;
  let first = true;
  let carry: Buffer = Buffer.alloc(0);
  const notUtf8 = (chunk: Buffer) => {
    const at = Math.max(firstInvalidUtf8(chunk), 0);
    const start = chunk.lastIndexOf(0x0a, Math.max(at - 1, 0)) + 1;
    const end = chunk.indexOf(0x0a, at);
    const context = chunk.subarray(at < start ? at : start, end === -1 ? Math.min(chunk.length, at + 40) : end).toString('latin1');
    let lineNo = line;
    for (let i = chunk.indexOf(0x0a); i !== -1 && i < at; i = chunk.indexOf(0x0a, i + 1)) lineNo++;
    return new RosterFileError({
      file,
      row: lineNo,
      column: null,
      value: context.slice(0, 80),
      message: `is not UTF-8 text (byte 0x${(chunk[at] ?? 0).toString(16).toUpperCase()} on line ${lineNo}): save the file as "CSV UTF-8"`,
    });
  };
  const countLines = (buf: Buffer) => {
    for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) line++;
  };
  return new Transform({
    transform(input: Buffer, _enc, done) {
      const chunk = carry.length ? Buffer.concat([carry, input]) : input;
      if (first) {
        first = false;
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          done(new RosterFileError({ file, row: null, column: null, value: null, message: 'is UTF-16 text: save it as "CSV UTF-8"' }));
          return;
        }
      }
      const keep = incompleteTail(chunk);
      const whole = keep ? chunk.subarray(0, chunk.length - keep) : chunk;
      carry = keep ? Buffer.from(chunk.subarray(chunk.length - keep)) : Buffer.alloc(0);
      if (!isUtf8(whole)) {
        done(notUtf8(whole));
        return;
      }
      countLines(whole);
      done(null, whole);
    },
    flush(done) {
      done(carry.length ? notUtf8(carry) : null);
    },
  });
}

const csvProblems: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed (a " is missing)',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value is followed by text before the next comma',
};

function csvProblem(err: CsvError): string {
  return csvProblems[err.code] ?? err.message;
}

/**
 * Streams the rows of one CSV file: UTF-8 (with or without BOM), LF or CRLF, quoted values
 * holding commas, quotes or line breaks. Blank lines are skipped but still counted, as a
 * spreadsheet counts them. Memory stays flat: rows are parsed as the bytes arrive. Rows come in
 * batches of up to a thousand: an await per row would cost seconds over a million rows.
 */
export async function* readCsvRows(input: Readable, file: string): AsyncGenerator<CsvRow[]> {
  // Loaded with the first file read: the server holds the parser only once it has parsed something.
  const { Parser, CsvError } = await import('csv-parse');
  const parser = new Parser({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  let failure: Error | undefined;
  let done = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  pipeline(input, utf8Check(file), parser, (err) => {
    if (err) failure = err;
    done = true;
    signal();
  });
  parser.on('readable', signal);
  let row = 0;
  try {
    for (;;) {
      const batch: CsvRow[] = [];
      let fields: string[] | null;
      while (batch.length < 1000 && (fields = parser.read() as string[] | null) !== null) {
        row++;
        if (fields.length === 1 && fields[0] === '') continue;
        batch.push({ row, fields });
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        // The stream may have moved on between the last read and now.
        if (parser.readableLength > 0 || done) signal();
      });
    }
  } catch (err) {
    if (err instanceof RosterFileError) throw err;
    if (err instanceof CsvError) {
      throw new RosterFileError({ file, row: row + 1, column: null, value: null, message: `is not valid CSV: ${csvProblem(err)}` });
    }
    throw err;
  } finally {
    if (!done) parser.destroy();
  }
}
