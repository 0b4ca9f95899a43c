import { randomBytes } from 'node:crypto';

/**
 * The first 20 hex digits of the ids an import gives new records: milliseconds, then random bits,
 * in the UUID version 7 layout. SQL appends the file (one digit) and the row number (eleven), so
 * ids cost nothing to stage and grow with the file, which keeps primary-key inserts at the right
 * edge of the index. (PGlite's gen_random_uuid() costs about 8 µs a call: seconds a million rows.)
 */
export function idPrefix(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(3).toString('hex');
  return `${time}7${random.slice(0, 3)}8${random.slice(3, 6)}`;
}
