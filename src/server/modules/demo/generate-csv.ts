import fs from 'node:fs';

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join(',') : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes one CSV file row by row through a small buffer, so a 100,000-student district is
 * written without holding a file in memory.
 */
export class CsvFileWriter {
  private fd: number;
  private buffer = '';
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = fs.openSync(path, 'w');
    this.buffer = `${header.join(',')}\n`;
  }

  write(values: readonly CsvValue[]): void {
    this.buffer += `${values.map(field).join(',')}\n`;
    this.rows++;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
