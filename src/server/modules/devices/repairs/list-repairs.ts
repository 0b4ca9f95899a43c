import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { Params } from '../../../platform/sql';
import type { RepairSummary, repairsQuerySchema } from '../../../../shared/api/device-repairs';
import { repairFrom, repairSummaryColumns, toRepairSummary, type RepairSummaryRow } from './repairs.repository';
import { visibleAtSchool } from './repair-scope';

type Query = z.output<typeof repairsQuerySchema>;

/** A page of the repairs this actor may see, newest first. */
export async function listRepairs(db: Queryable, actor: Actor, q: Query): Promise<{ items: RepairSummary[]; total: number }> {
  const params = new Params();
  const where = [visibleAtSchool(actor, 'r', params)];
  if (q.status) where.push(`r.status = ${params.add(q.status)}`);
  if (q.open === 'true') where.push(`r.status NOT IN ('closed', 'cancelled')`);
  if (q.open === 'false') where.push(`r.status IN ('closed', 'cancelled')`);
  if (q.schoolId) where.push(`r.school_id = ${params.add(q.schoolId)}`);
  if (q.personId) where.push(`r.person_id = ${params.add(q.personId)}`);
  if (q.deviceId) where.push(`r.device_id = ${params.add(q.deviceId)}`);
  const whereSql = where.join(' AND ');
  const countParams = params.values.slice();
  const limit = params.add(q.pageSize);
  const offset = params.add((q.page - 1) * q.pageSize);
  const [page, count] = await Promise.all([
    db.query<RepairSummaryRow>(
      `SELECT ${repairSummaryColumns} FROM ${repairFrom} WHERE ${whereSql} ORDER BY r.opened_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_repairs r WHERE ${whereSql}`, countParams),
  ]);
  return { items: page.rows.map(toRepairSummary), total: count.rows[0]!.n };
}
