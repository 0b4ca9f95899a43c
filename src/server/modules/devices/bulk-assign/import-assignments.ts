import type { Readable } from 'node:stream';
import type { Db } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import { deviceLimits } from '../../../../shared/api/devices';
import type { BulkAssignReport } from '../../../../shared/api/device-bulk-assign';
import { ErrorList } from '../../rostering/error-list';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { checkoutDevice } from '../checkout';
import type { AssignField, AssignRow } from './assign-fields';
import { readAssignRows } from './read-assign-rows';
import { resolveRows } from './resolve-rows';

export interface ImportAssignmentsOptions {
  db: Db;
  author: DeviceAuthor;
  /** The file's name as the report shows it. */
  fileName: string;
  input: Readable;
  maxErrors?: number;
}

/** Unwinds the transaction once the report holds the reason. */
class Refused extends Error {}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Checks devices out from a CSV file: a row per device with who or where gets it (a student or
 * staff member by student number, email or username; a cart or room by name), the condition,
 * accessories and due date. Atomic: every row is checked first, and a file with any problem is
 * refused with file, row, column and value, changing nothing. A student with a hold is refused
 * unless the row gives a Hold Override Reason, which is audited. Each device goes through the same
 * check-out as the scan station (its event, its audit entry), in one transaction.
 */
export async function importAssignments(o: ImportAssignmentsOptions): Promise<BulkAssignReport> {
  const { db, author, fileName: file } = o;
  const errors = new ErrorList(o.maxErrors ?? deviceLimits.importErrorsMax);
  const warnings: string[] = [];
  const counts = { assigned: 0, byType: { student: 0, staff: 0, cart: 0, room: 0 }, holdsOverridden: 0 };
  const rows: AssignRow[] = [];
  const report = (): BulkAssignReport => {
    const refused = errors.any;
    return {
      status: refused ? 'error' : 'ok',
      file,
      rows: rows.length,
      counts: refused ? { assigned: 0, byType: { student: 0, staff: 0, cart: 0, room: 0 }, holdsOverridden: 0 } : counts,
      errors: errors.items.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
      errorsTruncated: errors.truncated,
      warnings,
    };
  };

  const headerOf: Partial<Record<AssignField, string>> = {};
  const sink = { file, errors, warnings, headerOf };
  const read = await readAssignRows(o.input, sink, rows);
  if (read === 'empty') {
    errors.add({ file, row: null, column: null, value: null, message: 'is empty: it needs a header row and a row per device' });
  }
  if (read !== 'read') return report();

  try {
    await db.transaction(async (tx) => {
      const planned = await resolveRows(tx, author.districtId, rows, sink);
      if (errors.any) throw new Refused();
      let noAgreement = 0;
      const perPerson = new Map<string, number[]>();
      for (const p of planned) {
        let outcome;
        try {
          outcome = await checkoutDevice(tx, author, p.deviceId, p.input);
        } catch (err) {
          // Checked above, so only a change made meanwhile gets here: the row says which.
          if (!(err instanceof AppError)) throw err;
          errors.add({ file, row: p.row, column: null, value: null, message: err.message });
          throw new Refused();
        }
        counts.assigned++;
        counts.byType[p.input.assignee.type]++;
        if (p.input.holdOverrideReason) counts.holdsOverridden++;
        if (outcome.warnings.some((w) => w.startsWith('No signed use agreement'))) noAgreement++;
        if (p.personId) perPerson.set(p.personId, [...(perPerson.get(p.personId) ?? []), p.row]);
      }
      const twice = [...perPerson.values()].filter((r) => r.length > 1);
      if (twice.length > 0) {
        warnings.push(
          `${plural(twice.length, 'person gets', 'people get')} more than one device from this file (rows ${twice
            .slice(0, 5)
            .map((r) => r.join(' and '))
            .join('; ')}${twice.length > 5 ? '; …' : ''})`,
        );
      }
      if (noAgreement > 0) warnings.push(`${plural(noAgreement, 'student has', 'students have')} no signed use agreement on file`);
      await auditDevices(tx, author, {
        action: 'device.bulk_assign',
        entityType: 'device_import',
        details: { file, rows: rows.length, assigned: counts.assigned, byType: counts.byType, holdsOverridden: counts.holdsOverridden },
      });
    });
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
  }
  return report();
}
