import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { Params } from '../../../platform/sql';
import type { overdueLoanSchema } from '../../../../shared/api/device-loaners';
import { personNameSql } from '../devices.repository';
import { visibleAtSchool } from './repair-scope';
import { districtToday } from './repairs.repository';

type OverdueLoan = z.infer<typeof overdueLoanSchema>;

/**
 * Loaners past their due date and not back, longest overdue first. A loaner counts at its pool's
 * school (else the device's own), which is the school a principal sees.
 */
export async function overdueLoans(db: Queryable, actor: Actor, q: { schoolId?: string | undefined }): Promise<OverdueLoan[]> {
  const params = new Params([actor.districtId, await districtToday(db, actor.districtId)]);
  const where = [visibleAtSchool(actor, 'o', params)];
  if (q.schoolId) where.push(`o.school_id = ${params.add(q.schoolId)}`);
  const { rows } = await db.query<{
    assignment_id: string;
    device_id: string;
    asset_tag: string | null;
    serial: string;
    school_id: string | null;
    school_name: string | null;
    person_id: string | null;
    person_name: string | null;
    identifier: string | null;
    label: string | null;
    checked_out_at: Date;
    due_on: string;
    days_overdue: number;
    repair_id: string | null;
  }>(
    `SELECT o.* FROM (
       SELECT a.id AS assignment_id, a.district_id, a.device_id, d.asset_tag, d.serial, coalesce(lp.school_id, d.school_id) AS school_id,
              s.name AS school_name, a.person_id, ${personNameSql('ap')} AS person_name, ap.identifier, a.label, a.checked_out_at,
              a.due_on, ($2::date - a.due_on) AS days_overdue, rl.repair_id
         FROM device_assignments a
         JOIN devices d ON d.id = a.device_id
         LEFT JOIN device_loaner_pool lp ON lp.device_id = a.device_id
         LEFT JOIN schools s ON s.id = coalesce(lp.school_id, d.school_id)
         LEFT JOIN people ap ON ap.id = a.person_id
         LEFT JOIN device_repair_loans rl ON rl.assignment_id = a.id
        WHERE a.district_id = $1 AND a.kind = 'loaner' AND a.checked_in_at IS NULL AND a.due_on < $2::date
     ) o
     WHERE ${where.join(' AND ')}
     ORDER BY o.due_on, o.asset_tag`,
    params.values,
  );
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    device: { id: r.device_id, assetTag: r.asset_tag, serial: r.serial },
    schoolId: r.school_id,
    schoolName: r.school_name,
    person: r.person_id ? { id: r.person_id, name: r.person_name ?? '', identifier: r.identifier } : null,
    holder: r.person_id ? (r.person_name ?? '') : (r.label ?? ''),
    lentAt: r.checked_out_at.toISOString(),
    dueOn: r.due_on,
    daysOverdue: r.days_overdue,
    repairId: r.repair_id,
  }));
}
