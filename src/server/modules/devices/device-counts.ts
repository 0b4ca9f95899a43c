import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { Params } from '../../platform/sql';
import { deviceStatuses, type deviceSummaryCountsSchema, type DeviceStatus } from '../../../shared/api/devices';
import { countedDevices } from './device-scope';

/** Device counts by status and by school, within the actor's scope; no device or person named. */
export async function deviceCounts(db: Queryable, actor: Actor): Promise<z.infer<typeof deviceSummaryCountsSchema>> {
  const params = new Params();
  const scope = countedDevices(actor, 'd', params);
  const [byStatus, bySchool] = await Promise.all([
    db.query<{ status: DeviceStatus; n: number }>(
      `SELECT d.status, count(*)::int AS n FROM devices d WHERE ${scope} GROUP BY d.status`,
      params.values,
    ),
    db.query<{
      school_id: string | null;
      school_name: string | null;
      n: number;
      assigned: number;
      in_repair: number;
      lost: number;
      loaner: number;
    }>(
      `SELECT d.school_id, s.name AS school_name, count(*)::int AS n,
              count(*) FILTER (WHERE d.status = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE d.status = 'in_repair')::int AS in_repair,
              count(*) FILTER (WHERE d.status IN ('lost', 'stolen'))::int AS lost,
              count(*) FILTER (WHERE d.status = 'loaner')::int AS loaner
         FROM devices d LEFT JOIN schools s ON s.id = d.school_id
        WHERE ${scope} AND d.status <> 'ewaste'
        GROUP BY d.school_id, s.name ORDER BY s.name NULLS LAST`,
      params.values,
    ),
  ]);
  return {
    byStatus: deviceStatuses.map((status) => ({ status, devices: byStatus.rows.find((r) => r.status === status)?.n ?? 0 })),
    bySchool: bySchool.rows.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.school_name,
      devices: r.n,
      assigned: r.assigned,
      inRepair: r.in_repair,
      lost: r.lost,
      onLoan: r.loaner,
    })),
  };
}
