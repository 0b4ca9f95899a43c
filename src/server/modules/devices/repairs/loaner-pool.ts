import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { Params } from '../../../platform/sql';
import type { loanerPoolItemSchema, loanerPoolQuerySchema } from '../../../../shared/api/device-loaners';
import { deviceFrom, deviceSummaryColumns, lockDevice, personNameSql, toDeviceSummary, type DeviceSummaryRow } from '../devices.repository';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { siteName } from './use-part';
import { visibleAtSchool } from './repair-scope';
import { districtToday } from './repairs.repository';

type PoolItem = z.infer<typeof loanerPoolItemSchema>;

/** Puts a device in a school's loaner pool (or moves it to another school's). */
export async function addToLoanerPool(tx: Queryable, author: DeviceAuthor, deviceId: string, schoolId: string): Promise<void> {
  const device = await lockDevice(tx, author.districtId, deviceId);
  if (!device) throw notFound('Device');
  await siteName(tx, author.districtId, schoolId);
  await tx.query(
    `INSERT INTO device_loaner_pool (device_id, district_id, school_id, added_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (device_id) DO UPDATE SET school_id = excluded.school_id`,
    [device.id, author.districtId, schoolId, author.label],
  );
  await auditDevices(tx, author, { action: 'device_loaner_pool.add', entityType: 'device', entityId: device.id, details: { schoolId } });
}

/** Takes a device out of the loaner pools; a loan in progress stays as it is. */
export async function removeFromLoanerPool(tx: Queryable, author: DeviceAuthor, deviceId: string): Promise<void> {
  const { rows } = await tx.query<{ school_id: string }>(
    'DELETE FROM device_loaner_pool WHERE device_id = $1 AND district_id = $2 RETURNING school_id',
    [deviceId, author.districtId],
  );
  if (!rows[0]) throw notFound('Loaner');
  await auditDevices(tx, author, {
    action: 'device_loaner_pool.remove',
    entityType: 'device',
    entityId: deviceId,
    details: { schoolId: rows[0].school_id },
  });
}

/** The loaner pools this actor may see (a principal: their schools'), each device with its loan in progress. */
export async function listLoanerPool(db: Queryable, actor: Actor, q: z.output<typeof loanerPoolQuerySchema>): Promise<PoolItem[]> {
  const params = new Params([await districtToday(db, actor.districtId)]);
  const where = [visibleAtSchool(actor, 'lp', params)];
  if (q.schoolId) where.push(`lp.school_id = ${params.add(q.schoolId)}`);
  if (q.available === 'true') where.push(`d.status = 'in_stock'`);
  const { rows } = await db.query<
    DeviceSummaryRow & {
      pool_school_id: string;
      pool_school_name: string;
      added_at: Date;
      assignment_id: string | null;
      checked_out_at: Date | null;
      due_on: string | null;
      repair_id: string | null;
      loan_person_name: string | null;
      overdue: boolean | null;
    }
  >(
    `SELECT ${deviceSummaryColumns}, lp.school_id AS pool_school_id, ps.name AS pool_school_name, lp.added_at,
            a.id AS assignment_id, a.checked_out_at, a.due_on, rl.repair_id, ${personNameSql('ap')} AS loan_person_name,
            a.due_on < $1::date AS overdue
       FROM ${deviceFrom}
       JOIN device_loaner_pool lp ON lp.device_id = d.id
       JOIN schools ps ON ps.id = lp.school_id
       LEFT JOIN device_repair_loans rl ON rl.assignment_id = a.id
      WHERE ${where.join(' AND ')}
      ORDER BY ps.name, upper(d.asset_tag), d.serial`,
    params.values,
  );
  return rows.map((r) => ({
    device: toDeviceSummary(r),
    poolSchoolId: r.pool_school_id,
    poolSchoolName: r.pool_school_name,
    addedAt: r.added_at.toISOString(),
    loan: r.assignment_id
      ? {
          assignmentId: r.assignment_id,
          person: r.assignee_person_id
            ? { id: r.assignee_person_id, name: r.loan_person_name ?? '', identifier: r.assignee_identifier }
            : null,
          lentAt: r.checked_out_at!.toISOString(),
          dueOn: r.due_on,
          overdue: r.overdue === true,
          repairId: r.repair_id,
        }
      : null,
  }));
}
